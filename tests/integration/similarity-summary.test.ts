import { StakeholderType } from "@/lib/generated/prisma/enums";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as contributionsCsvRoute } from "@/app/api/v1/consultations/[slug]/contributions.csv/route";
import { GET as contributionsJsonRoute } from "@/app/api/v1/consultations/[slug]/contributions.json/route";
import { db } from "@/lib/db";
import type { OpenContribution } from "@/lib/open-data/records";
import { regroupConsultation } from "@/lib/similarity/regroup-consultation";
import { computeDuplicateFigures } from "@/lib/summaries/compute-duplicate-figures";
import { computeStatistics } from "@/lib/summaries/compute-statistics";
import { FROZEN_FIGURES_FORMAT } from "@/lib/summaries/frozen-figures";
import { getSummaryFrame, getSummaryPage } from "@/lib/summaries/get-summary-page";
import { saveSummary } from "@/lib/summaries/save-summary";
import { createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";
import { ADDED_SENTENCE, createGroupedCandidate, FORM_LETTER } from "../helpers/similarity-fixtures";
import { computeAndStoreThemes } from "@/lib/summaries/theme-job/theme-job";

// The summary counts groups and distinct texts, can count each group once,
// and the open data marks each published member with its group.

let consultation: TestConsultation;
let ngo: TestUser;
let company: TestUser;
let moderator: TestUser;
const refs: Record<string, { id: string; reference: string }> = {};
const joint = { bytes: "%PDF joint paper of the summary test" };

beforeAll(async () => {
  consultation = await createTestConsultation();
  ngo = await createTestUser({ stakeholderType: "NGO" });
  company = await createTestUser({ stakeholderType: "COMPANY" });
  moderator = await createTestUser({ role: "MODERATOR" });
  const make = async (name: string, body: string, options: { author?: TestUser; status?: "APPROVED" | "PENDING"; files?: { bytes: string }[]; day: number }) => {
    refs[name] = await createGroupedCandidate({
      authorId: (options.author ?? ngo).id,
      consultationId: consultation.id,
      body,
      status: options.status ?? "APPROVED",
      files: options.files ?? [],
      submittedAt: new Date(Date.UTC(2026, 10, options.day)),
    });
  };
  // A campaign of four letters, three published; a joint paper filed twice,
  // once still pending; two contributions of their own.
  await make("letter1", FORM_LETTER, { author: company, day: 1 });
  await make("letter2", `${FORM_LETTER} ${ADDED_SENTENCE}`, { day: 2 });
  await make("letter3", FORM_LETTER, { day: 3 });
  await make("letter4", FORM_LETTER, { status: "PENDING", day: 4 });
  await make("paper1", "Our association's position is in the paper attached.", { files: [joint], day: 5 });
  await make("paper2", "We co-sign the attached paper.", { files: [joint], status: "PENDING", day: 6 });
  await make("own1", "Cities should plant more trees along the main roads to cool the streets in summer and to give birds a place to nest.", { day: 7 });
  await make("own2", "The budget for digital skills training of older citizens must be doubled in the next programming period of the funds.", { day: 8 });
  await regroupConsultation(consultation.id);
});

describe("summary figures", () => {
  it("count the published contributions in groups and the distinct texts", async () => {
    expect(await computeDuplicateFigures(consultation.id, {})).toEqual({ total: 6, inGroups: 3, groups: 1, distinctTexts: 4, largestGroup: 3 });
    // Among the NGO's only: two letters of the campaign, still a group of them.
    expect(await computeDuplicateFigures(consultation.id, { type: "NGO" })).toEqual({ total: 5, inGroups: 2, groups: 1, distinctTexts: 4, largestGroup: 2 });
  });

  it("count each group once when asked, through its earliest member in the subset", async () => {
    expect((await computeStatistics(consultation.id, {})).total).toBe(6);
    const once = await computeStatistics(consultation.id, { groups: "once" });
    expect(once.total).toBe(4);
    expect(once.byStakeholderType.map((row) => [row.key, row.count])).toEqual([
      ["NGO", 3],
      ["COMPANY", 1],
    ]);
    // Without the company's letter (the earliest), the NGO's earliest stands for the group.
    expect((await computeStatistics(consultation.id, { groups: "once", type: "NGO" })).total).toBe(4);
  });

  it("are on the live summary page, with the filter", async () => {
    await signInAs(moderator.id);
    const page = await getSummaryPage(consultation.slug, { live: true, filters: { groups: "once" } });
    signOut();
    expect(page?.figures?.statistics.total).toBe(4);
    expect(page?.filtered).toBe(true);
  });
});

describe("a published version", () => {
  it("keeps the groups it froze when groups change later; a version from before has no such figures", async () => {
    await signInAs(moderator.id);
    const latest = await db.consultationSummary.findFirst({ where: { consultationId: consultation.id }, orderBy: { version: "desc" } });
    await computeAndStoreThemes(consultation.id);
    const saved = await saveSummary({ consultationId: consultation.id, synthesis: "Published with its groups.", baseVersion: latest?.version ?? 0, publish: true });
    signOut();
    const published = await db.consultationSummary.findUniqueOrThrow({ where: { consultationId_version: { consultationId: consultation.id, version: saved.version } } });
    const frozen = { total: 6, inGroups: 3, groups: 1, distinctTexts: 4, largestGroup: 3 };
    expect(await computeDuplicateFigures(consultation.id, {}, published.id)).toEqual(frozen);

    // The campaign's group dissolved (regrouped, say): the live figures follow, the published ones do not.
    const groupId = (await db.contribution.findUniqueOrThrow({ where: { id: refs.letter1!.id } })).similarityGroupId;
    await db.contribution.updateMany({ where: { similarityGroupId: groupId }, data: { similarityGroupId: null } });
    try {
      expect(await computeDuplicateFigures(consultation.id, {})).toMatchObject({ inGroups: 0, groups: 0 });
      expect(await computeDuplicateFigures(consultation.id, {}, published.id)).toEqual(frozen);
      expect((await computeStatistics(consultation.id, { groups: "once" }, { summaryId: published.id })).total).toBe(4);
      const frame = await getSummaryFrame(consultation.slug, { version: saved.version });
      expect(await frame?.duplicates).toEqual(frozen);

      // Published in format 2, before groups were frozen: no near-duplicate figures rather than wrong ones.
      // Themes as format 2 froze them: one key per contribution, the old reasons.
      const zeros = Object.fromEntries(Object.values(StakeholderType).map((type) => [type, 0]));
      const themesV1 = { documentCount: 0, themes: [], unplaced: { count: 0, share: 0, byStakeholderType: zeros, byReason: { fewInLanguage: 0, noDistinctiveWords: 0, smallGroup: 0 } } };
      await db.consultationSummary.update({ where: { id: published.id }, data: { figuresFormat: 2, themes: { contributions: themesV1, questions: [] } } });
      expect(await (await getSummaryFrame(consultation.slug, { version: saved.version }))?.duplicates).toBeNull();
    } finally {
      await db.contribution.updateMany({ where: { id: { in: ["letter1", "letter2", "letter3", "letter4"].map((name) => refs[name]!.id) } }, data: { similarityGroupId: groupId } });
      await db.consultationSummary.update({ where: { id: published.id }, data: { figuresFormat: FROZEN_FIGURES_FORMAT, themes: published.themes ?? {} } });
    }
  });
});

describe("open data", () => {
  const request = (file: string) => new Request(`http://localhost:3000/api/v1/consultations/${consultation.slug}/${file}`);
  const params = () => ({ params: Promise.resolve({ slug: consultation.slug }) });

  it("marks each published member of a group with its id, in the CSV and the JSON", async () => {
    const groupId = (await db.contribution.findUniqueOrThrow({ where: { id: refs.letter1!.id } })).similarityGroupId;
    expect(groupId).not.toBeNull();
    const csv = parse(new TextDecoder().decode(await (await contributionsCsvRoute(request("contributions.csv"), params())).arrayBuffer()), { bom: true, columns: true }) as Record<string, string>[];
    const cell = (name: string) => csv.find((row) => row.reference === refs[name]!.reference)?.similarity_group;
    expect(["letter1", "letter2", "letter3"].map(cell)).toEqual([groupId, groupId, groupId]);
    // Its other member is pending: to the public, the paper is in no group.
    expect(["paper1", "own1", "own2"].map(cell)).toEqual(["", "", ""]);
    expect(csv.map((row) => row.reference)).not.toContain(refs.letter4!.reference);

    const json = (await (await contributionsJsonRoute(request("contributions.json"), params())).json()) as OpenContribution[];
    expect(json.filter((record) => record.similarityGroupId === groupId)).toHaveLength(3);
    expect(json.filter((record) => record.similarityGroupId === null)).toHaveLength(3);
  });
});
