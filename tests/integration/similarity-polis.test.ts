import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readPolisComments, type PolisComment } from "@/bench/polis";
import { db } from "@/lib/db";
import { fingerprintAndGroup } from "@/lib/similarity/fingerprint-and-group";
import { regroupConsultation } from "@/lib/similarity/regroup-consultation";
import { createTestContribution } from "../helpers/contribution-factory";
import { createTestConsultation } from "../helpers/content-factories";
import { createTestUser } from "../helpers/factories";

// Real comments with real near-duplicates: two Polis conversations
// (tests/fixtures/polis, CC BY 4.0, The Computational Democracy Project),
// each a consultation, grouped in one batch. The groups are those of
// decision 0013's study; they are stable (the hashes are fixed).

const FIXTURES = path.join(import.meta.dirname, "../fixtures/polis");

type Loaded = { consultationId: string; comments: PolisComment[]; idOf: Map<string, string> };

async function load(corpus: string): Promise<Loaded> {
  const consultationId = (await createTestConsultation({ title: `Polis ${corpus}` })).id;
  const author = await createTestUser();
  const comments = readPolisComments(corpus, FIXTURES);
  const idOf = new Map<string, string>();
  for (const comment of comments) {
    const { id } = await createTestContribution({ authorId: author.id, consultationId, body: comment.body, status: comment.moderated === -1 ? "REJECTED" : "APPROVED" });
    idOf.set(comment.id, id);
  }
  return { consultationId, comments, idOf };
}

/** The groups as sets of Polis comment ids, sorted. */
async function groupsOf({ consultationId, idOf }: Loaded): Promise<string[][]> {
  const commentOf = new Map([...idOf].map(([comment, id]) => [id, comment]));
  const rows = await db.contribution.findMany({ where: { consultationId, similarityGroupId: { not: null } }, select: { id: true, similarityGroupId: true } });
  const groups = new Map<string, string[]>();
  for (const row of rows) groups.set(row.similarityGroupId!, [...(groups.get(row.similarityGroupId!) ?? []), commentOf.get(row.id)!]);
  return [...groups.values()].map((group) => group.sort((a, b) => Number(a) - Number(b))).sort((a, b) => Number(a[0]) - Number(b[0]));
}

describe("Canadian electoral reform (English, 174 comments)", () => {
  let canada: Loaded;
  beforeAll(async () => {
    canada = await load("canadian-electoral-reform");
    await regroupConsultation(canada.consultationId);
  });

  it("groups the comments that were written twice with a word or two changed, and nothing else", async () => {
    expect(await groupsOf(canada)).toEqual([
      // "Many of the comments here are difficult to vote on." / "I think many of the comments …"
      ["87", "88"],
      // "I think that a good consultation tool/process, …" / "… tool, be it digital or in-person, …"
      ["90", "91"],
      // "Electoral reform should be decided by a randomly selected citizens assembly." / "I think electoral reform …"
      ["94", "99"],
      // "A Citizens' assembly is a good way to represent the whole electorate." / "I think a "citizens' assembly" …"
      ["96", "97"],
    ]);
  });

  it("leaves apart what only shares a subject or a few words", async () => {
    const body = (id: string) => canada.comments.find((comment) => comment.id === id)?.body;
    const wasted = canada.comments.filter((comment) => /my vote is wasted/i.test(comment.body));
    expect(wasted.length).toBeGreaterThanOrEqual(2);
    const groups = await db.contribution.findMany({ where: { id: { in: wasted.map((comment) => canada.idOf.get(comment.id)!) } }, select: { similarityGroupId: true } });
    expect(groups.every((row) => row.similarityGroupId === null)).toBe(true);
    expect(body("87")).toBe("Many of the comments here are difficult to vote on.");
  });

  it("finds the same groups one comment at a time", async () => {
    const incremental = await load("canadian-electoral-reform");
    for (const id of incremental.idOf.values()) await fingerprintAndGroup(id);
    expect(await groupsOf(incremental)).toEqual(await groupsOf(canada));
  });
});

describe("vTaiwan uberX (Chinese, 197 comments)", () => {
  it("compares Chinese character by character: the one comment posted three times in variants is a group", async () => {
    const taiwan = await load("vtaiwan.uberx");
    await regroupConsultation(taiwan.consultationId);
    const groups = await groupsOf(taiwan);
    expect(groups).toHaveLength(1);
    const bodies = groups[0]!.map((id) => taiwan.comments.find((comment) => comment.id === id)!.body);
    expect(bodies).toHaveLength(3);
    for (const text of bodies) expect(text).toMatch(/提供了更便利及(更)?高品質的乘車環境/);
  });
});
