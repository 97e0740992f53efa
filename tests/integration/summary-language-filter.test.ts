import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { regroupConsultation } from "@/lib/similarity/regroup-consultation";
import { computeDuplicateFigures } from "@/lib/summaries/compute-duplicate-figures";
import { computeStatistics } from "@/lib/summaries/compute-statistics";
import { getSummaryPage } from "@/lib/summaries/get-summary-page";
import { saveSummary } from "@/lib/summaries/save-summary";
import { createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";
import { ADDED_SENTENCE, createGroupedCandidate, FORM_LETTER } from "../helpers/similarity-fixtures";
import { computeAndStoreThemes } from "@/lib/summaries/theme-job/theme-job";

// Issue 11: the summary filtered by language, together with "count each
// group once", on the live view and on a published version, which counts by
// the languages it froze; and a consultation without a conference has no
// phases.

let consultation: TestConsultation;
let moderator: TestUser;
const ids: Record<string, string> = {};

beforeAll(async () => {
  // No conference: phases mean nothing here.
  consultation = await createTestConsultation({ status: "CLOSED" });
  const ngo = await createTestUser({ stakeholderType: "NGO" });
  const citizen = await createTestUser({ stakeholderType: "EU_CITIZEN" });
  moderator = await createTestUser({ role: "MODERATOR" });
  const make = async (name: string, body: string, language: string, author: TestUser, day: number) => {
    ids[name] = (await createGroupedCandidate({ authorId: author.id, consultationId: consultation.id, body, language, submittedAt: new Date(Date.UTC(2026, 10, day)) })).id;
  };
  // A campaign of three letters, two declared English and one French (a
  // translation asked for by its sender, say); four texts of their own.
  await make("letter1", FORM_LETTER, "en", citizen, 1);
  await make("letter2", `${FORM_LETTER} ${ADDED_SENTENCE}`, "en", ngo, 2);
  await make("letter3", FORM_LETTER, "fr", citizen, 3);
  await make("own1", "Les villes devraient planter des arbres le long des grandes routes pour rafraîchir les rues en été.", "fr", ngo, 4);
  await make("own2", "Die Mittel für digitale Bildung älterer Menschen müssen in der nächsten Förderperiode verdoppelt werden.", "de", ngo, 5);
  await make("own3", "Public libraries should lend laptops to older citizens together with a short course on how to use them.", "en", citizen, 6);
  await make("own4", "The budget for digital skills training of older citizens must be doubled in the next programming period.", "en", ngo, 7);
  await regroupConsultation(consultation.id);
});

beforeEach(() => signOut());

async function publish(baseVersion: number) {
  await signInAs(moderator.id);
  await computeAndStoreThemes(consultation.id);
  const saved = await saveSummary({ consultationId: consultation.id, synthesis: "What we heard.", baseVersion, publish: true });
  signOut();
  return db.consultationSummary.findUniqueOrThrow({ where: { consultationId_version: { consultationId: consultation.id, version: saved.version } }, select: { id: true, version: true } });
}

describe("the live summary by language", () => {
  it("counts the contributions of one language, and each group once among them", async () => {
    const group = (await db.contribution.findUniqueOrThrow({ where: { id: ids.letter1! }, select: { similarityGroupId: true } })).similarityGroupId;
    expect(group).not.toBeNull();
    expect((await computeStatistics(consultation.id, { language: "en" })).total).toBe(4);
    // The English letters are one group: counted once, three English contributions.
    expect((await computeStatistics(consultation.id, { language: "en", groups: "once" })).total).toBe(3);
    // The French letter is the only member of its group in French: it stands for it there.
    expect((await computeStatistics(consultation.id, { language: "fr", groups: "once" })).total).toBe(2);
    expect(await computeDuplicateFigures(consultation.id, { language: "en" })).toEqual({ total: 4, inGroups: 2, groups: 1, distinctTexts: 3, largestGroup: 2 });
  });

  it("has no phases without a conference", async () => {
    expect((await computeStatistics(consultation.id)).byPhase).toEqual([]);
  });
});

describe("a published version by language", () => {
  it("counts by the languages it froze, whatever is detected since", async () => {
    const version = await publish(0);
    const frozen = await db.consultationSummaryContribution.findMany({ where: { summaryId: version.id }, select: { contributionId: true, language: true } });
    expect(Object.fromEntries(frozen.map((row) => [row.contributionId, row.language]))).toMatchObject({ [ids.letter3!]: "fr", [ids.own2!]: "de" });

    // The French letter turns out to be English, confidently detected.
    await db.contribution.update({ where: { id: ids.letter3! }, data: { detectedLanguage: "en", languageConfident: true } });
    expect((await computeStatistics(consultation.id, { language: "fr" })).total).toBe(1);
    const page = await getSummaryPage(consultation.slug, { version: version.version, filters: { language: "fr" } });
    expect(page?.figures?.statistics.total).toBe(2);
    expect(page?.filters).toEqual({ language: "fr" });
    const once = await getSummaryPage(consultation.slug, { version: version.version, filters: { language: "en", groups: "once" } });
    expect(once?.figures?.statistics.total).toBe(3);
    expect(once?.figures?.statistics.byLanguage.map((row) => [row.code, row.count])).toEqual([["en", 3]]);
  });

  it("leaves out a language it has no contribution in, and says so", async () => {
    const page = await getSummaryPage(consultation.slug, { filters: { language: "it" } });
    expect(page?.filterErrors).toEqual({ language: "No contribution in this summary is written in this language." });
    expect(page?.filtered).toBe(false);
    expect(page?.figures?.statistics.total).toBe(7);
  });

  it("shows no phases for a consultation without a conference", async () => {
    const page = await getSummaryPage(consultation.slug);
    expect(page?.consultation.hasConference).toBe(false);
    expect(page?.figures?.statistics.byPhase).toEqual([]);
  });
});
