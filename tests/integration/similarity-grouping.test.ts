import { beforeAll, describe, expect, it } from "vitest";
import { withdrawContribution } from "@/lib/contributions/withdraw-contribution";
import { db } from "@/lib/db";
import { fingerprintAndGroup, refreshContributionFingerprint } from "@/lib/similarity/fingerprint-and-group";
import { regroupConsultation } from "@/lib/similarity/regroup-consultation";
import { createTestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";
import { ADDED_SENTENCE, createGroupedCandidate, FORM_LETTER, groupsOf, partitionOf } from "../helpers/similarity-fixtures";

// Exact and near groups, made one submission at a time and in one batch.

let author: TestUser;

beforeAll(async () => {
  author = await createTestUser();
});

async function consultationWith(bodies: (string | { body: string; files?: { bytes: string; pages?: string[] }[] })[], incremental = true) {
  const consultationId = (await createTestConsultation()).id;
  const ids: string[] = [];
  for (const entry of bodies) {
    const { body, files } = typeof entry === "string" ? { body: entry, files: [] } : entry;
    const { id } = await createGroupedCandidate({ authorId: author.id, consultationId, body, status: "PENDING", files });
    if (incremental) await fingerprintAndGroup(id);
    ids.push(id);
  }
  return { consultationId, ids };
}

const jointPaper = { bytes: "%PDF-1.7 joint position paper of three associations", pages: ["Our joint position on the AI Act.", "Page two of the paper."] };

describe("exact groups", () => {
  it("groups identical bodies whatever their case, accents' form and punctuation", async () => {
    const text = "We ask the Commission to protect small businesses from disproportionate compliance costs.";
    const { ids } = await consultationWith([text, text.toUpperCase(), `${text.replaceAll(" ", "  ")}!!`, "Something else entirely, about trains and timetables in the north."]);
    const groups = await groupsOf(ids);
    expect(partitionOf(groups)).toEqual([[0, 1, 2]]);
    const group = await db.similarityGroup.findUniqueOrThrow({ where: { id: groups[0]! } });
    expect(group).toMatchObject({ kind: "EXACT", memberCount: 3 });
    // Only the first copy of a text is in the bucket index; every copy keeps its signature.
    const fingerprints = await db.contributionFingerprint.findMany({ where: { contributionId: { in: ids.slice(0, 3) } }, select: { contributionId: true, buckets: true, minhash: true } });
    const byId = new Map(fingerprints.map((row) => [row.contributionId, row]));
    expect(ids.slice(0, 3).map((id) => byId.get(id)?.buckets.length)).toEqual([32, 0, 0]);
    expect(ids.slice(0, 3).map((id) => byId.get(id)?.minhash.length)).toEqual([128, 128, 128]);
  });

  it("groups three contributions that attach the same file under different cover notes (a joint paper)", async () => {
    const { ids } = await consultationWith([
      { body: "Please see the attached paper, filed on behalf of the Association of Small Firms.", files: [jointPaper] },
      { body: "Our federation co-signs the joint paper attached.", files: [jointPaper] },
      { body: "See attachment.", files: [jointPaper] },
      { body: "Please see the attached paper, filed on behalf of our union.", files: [{ bytes: "%PDF-1.7 another paper" }] },
    ]);
    const groups = await groupsOf(ids);
    expect(partitionOf(groups)).toEqual([[0, 1, 2]]);
    expect(await db.similarityGroup.findUniqueOrThrow({ where: { id: groups[0]! } })).toMatchObject({ kind: "EXACT", memberCount: 3 });
    const fingerprint = await db.contributionFingerprint.findUniqueOrThrow({ where: { contributionId: ids[0]! } });
    expect(fingerprint.attachmentHashes).toHaveLength(1);
  });

  it("does not group short texts: “I agree.” is not a campaign", async () => {
    const { ids } = await consultationWith(["I agree.", "I agree.", "i agree", "Fully agree with this.", "Fully agree with this."]);
    expect(await groupsOf(ids)).toEqual([null, null, null, null, null]);
  });
});

describe("near groups", () => {
  it("groups form letters with a sentence added or a word changed, not a different letter on the same subject", async () => {
    const { ids } = await consultationWith([
      FORM_LETTER,
      `${FORM_LETTER} ${ADDED_SENTENCE}`,
      FORM_LETTER.replace("Europe", "the European Union"),
      "Artificial intelligence regulation in Europe should be light: registration of high risk systems is a burden for start-ups, and audits should be voluntary.",
    ]);
    const groups = await groupsOf(ids);
    expect(partitionOf(groups)).toEqual([[0, 1, 2]]);
    expect(await db.similarityGroup.findUniqueOrThrow({ where: { id: groups[0]! } })).toMatchObject({ kind: "NEAR", memberCount: 3 });
  });

  it("merges two groups that a new contribution bridges", async () => {
    const a = "The consultation period of six weeks is far too short for small associations to prepare a considered and well documented response.";
    const b = "Public transport in rural areas needs more frequent buses in the evening, better connections to the railway stations and lower fares for students.";
    const { consultationId, ids } = await consultationWith([a, a, b, b]);
    const before = await groupsOf(ids);
    expect(partitionOf(before)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    // Two more, one of each text, linked to each other by the same annex.
    const file = { bytes: "%PDF shared annex" };
    const bridgeA = await createGroupedCandidate({ authorId: author.id, consultationId, body: a, files: [file], status: "PENDING" });
    await fingerprintAndGroup(bridgeA.id);
    const bridgeB = await createGroupedCandidate({ authorId: author.id, consultationId, body: b, files: [file], status: "PENDING" });
    const outcome = await fingerprintAndGroup(bridgeB.id);
    const after = await groupsOf([...ids, bridgeA.id, bridgeB.id]);
    expect(new Set(after)).toEqual(new Set([outcome.groupId]));
    expect(outcome).toMatchObject({ kind: "NEAR", memberCount: 6 });
    expect(await db.similarityGroup.count({ where: { consultationId } })).toBe(1);
  });
});

describe("incremental and batch", () => {
  const world = () => [
    FORM_LETTER,
    `${FORM_LETTER} ${ADDED_SENTENCE}`,
    "I agree.",
    "I agree.",
    FORM_LETTER,
    { body: "Joint paper of the retailers, see the attached file.", files: [jointPaper] },
    { body: "We sign the joint paper of the retailers.", files: [jointPaper] },
    "Cities should plant more trees along the main roads to cool the streets in summer and to give birds a place to nest.",
    "Cities should plant more trees along the main roads to cool the streets in summer and give birds a place to nest!",
    "The budget for digital skills training of older citizens must be doubled in the next programming period of the funds.",
  ];

  it("gives the same groups one submission at a time as in one batch", async () => {
    const incremental = await consultationWith(world(), true);
    const batch = await consultationWith(world(), false);
    const progress: string[] = [];
    const result = await regroupConsultation(batch.consultationId, { chunkSize: 3, onProgress: ({ phase, done, total }) => progress.push(`${phase} ${done}/${total}`) });
    expect(result).toEqual({ contributions: 10, groups: 3, grouped: 7, exactGroups: 1, nearGroups: 2 });
    expect(progress).toContain("fingerprints 10/10");
    expect(progress.at(-1)).toBe("writing 10/10");
    const expected = [[0, 1, 4], [5, 6], [7, 8]];
    expect(partitionOf(await groupsOf(incremental.ids))).toEqual(expected);
    expect(partitionOf(await groupsOf(batch.ids))).toEqual(expected);
  });

  it("keeps the group ids on a second batch, and drops withdrawn members", async () => {
    const { consultationId, ids } = await consultationWith(world(), true);
    const before = await groupsOf(ids);
    await db.contribution.update({ where: { id: ids[6]! }, data: { status: "WITHDRAWN" } });
    await regroupConsultation(consultationId);
    const after = await groupsOf(ids);
    expect(after[0]).toBe(before[0]);
    expect(after[7]).toBe(before[7]);
    expect(after[5]).toBeNull();
    expect(after[6]).toBeNull();
    expect(await db.similarityGroup.count({ where: { consultationId } })).toBe(2);
  });

  it("takes a withdrawn contribution out of its group at once; a group left with one member goes", async () => {
    const text = "The consultation period of six weeks is far too short for small associations to prepare a considered response.";
    const { consultationId, ids } = await consultationWith([text, text, text]);
    const reference = async (id: string) => (await db.contribution.findUniqueOrThrow({ where: { id } })).reference;
    await signInAs(author.id);
    await withdrawContribution({ reference: await reference(ids[2]!) });
    let groups = await groupsOf(ids);
    expect(groups[2]).toBeNull();
    expect(await db.similarityGroup.findUniqueOrThrow({ where: { id: groups[0]! } })).toMatchObject({ memberCount: 2 });
    await withdrawContribution({ reference: await reference(ids[1]!) });
    signOut();
    groups = await groupsOf(ids);
    expect(groups).toEqual([null, null, null]);
    expect(await db.similarityGroup.count({ where: { consultationId } })).toBe(0);
  });

  it("adds an attachment's text to the fingerprint once it is extracted", async () => {
    const paper = `${FORM_LETTER} ${ADDED_SENTENCE}`;
    const { consultationId, ids } = await consultationWith([paper]);
    const cover = await createGroupedCandidate({ authorId: author.id, consultationId, body: "Please see the attached letter.", files: [{ bytes: "%PDF scanned later" }], status: "PENDING" });
    expect((await fingerprintAndGroup(cover.id)).groupId).toBeNull();
    const attachment = await db.attachment.findFirstOrThrow({ where: { contributionId: cover.id } });
    await db.attachmentPage.create({ data: { attachmentId: attachment.id, pageNumber: 1, text: paper, language: "en" } });
    await db.attachment.update({ where: { id: attachment.id }, data: { textStatus: "EXTRACTED" } });
    const outcome = await refreshContributionFingerprint(cover.id);
    expect(outcome).toMatchObject({ kind: "NEAR", memberCount: 2 });
    expect(partitionOf(await groupsOf([ids[0]!, cover.id]))).toEqual([[0, 1]]);
  });
});
