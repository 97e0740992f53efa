import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { StakeholderType } from "@/lib/generated/prisma/enums";
import type { ThemePlacement } from "@/lib/summaries/themes/types";
import { getSummaryPage } from "@/lib/summaries/get-summary-page";
import { saveSummary } from "@/lib/summaries/save-summary";
import { threeSubjectDocuments, type Subject } from "../helpers/three-subjects";
import { createTestContribution } from "../helpers/contribution-factory";
import { createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";
import { computeAndStoreThemes } from "@/lib/summaries/theme-job/theme-job";

// The themes of a published summary: found by the theme job, frozen when it
// is published, then counted over the frozen contributions for each filtered
// view (where each contribution was placed is stored with it), never found
// again.

let consultation: TestConsultation;
let ngoAuthorId: string;
const subjectOfReference = new Map<string, Subject>();
const typeOfReference = new Map<string, StakeholderType>();

beforeAll(async () => {
  consultation = await createTestConsultation({ questions: [{ kind: "FREE_TEXT", prompt: "What should change first?" }] });
  const question = await db.question.findFirstOrThrow({ where: { consultationId: consultation.id }, select: { id: true } });
  const ngo = await createTestUser({ stakeholderType: "NGO", country: "FR" });
  ngoAuthorId = ngo.id;
  const company = await createTestUser({ stakeholderType: "COMPANY", country: "DE" });
  const { documents, subjectOf } = threeSubjectDocuments();
  const english = documents.filter((document) => document.language === "en");
  for (const [index, document] of english.entries()) {
    const author = index % 3 === 0 ? ngo : company;
    const created = await createTestContribution({
      authorId: author.id,
      consultationId: consultation.id,
      title: `Contribution ${index + 1}`,
      body: document.text,
      language: "en",
      // The free-text answer repeats the subject, so the question gets the same three themes.
      answers: { [question.id]: document.text },
    });
    subjectOfReference.set(created.reference, subjectOf.get(document.id) as Subject);
    typeOfReference.set(created.reference, index % 3 === 0 ? "NGO" : "COMPANY");
  }
  const moderator = await createTestUser({ role: "MODERATOR" });
  await signInAs(moderator.id);
  await computeAndStoreThemes(consultation.id);
  await saveSummary({ consultationId: consultation.id, synthesis: "Three subjects.", baseVersion: 0, publish: true });
  signOut();
});

describe("published themes", () => {
  it("freezes the themes the theme job found, each of one subject, and where each contribution went with its weights", async () => {
    const page = await getSummaryPage(consultation.slug);
    const summary = page?.figures?.themes.contributions;
    const themes = summary?.themes ?? [];
    expect(themes.length).toBeGreaterThanOrEqual(3);
    const rows = await db.consultationSummaryContribution.findMany({
      where: { summary: { consultationId: consultation.id } },
      select: { themePlacement: true, answerThemePlacements: true, contribution: { select: { reference: true } } },
    });
    expect(rows).toHaveLength(subjectOfReference.size);
    const keys = new Set(themes.flatMap((theme) => [theme.key, ...theme.subthemes.map((sub) => sub.key)]));
    const subjectsOf = new Map<string, Subject[]>();
    for (const row of rows) {
      const placement = row.themePlacement as ThemePlacement;
      if ("reason" in placement) continue;
      expect(placement.themes.reduce((sum, entry) => sum + entry.weight, 0)).toBeCloseTo(1);
      for (const entry of placement.themes) {
        expect(keys.has(entry.key)).toBe(true);
        if (entry.subtheme) expect(keys.has(entry.subtheme)).toBe(true);
        subjectsOf.set(entry.key, [...(subjectsOf.get(entry.key) ?? []), subjectOfReference.get(row.contribution.reference) as Subject]);
      }
      expect(Object.keys(row.answerThemePlacements as object)).toHaveLength(1);
    }
    // Each theme is (almost all) one subject: the engine found subjects, not words.
    for (const theme of themes) {
      const subjects = subjectsOf.get(theme.key) ?? [];
      const largest = Math.max(...(["cycling", "farming", "privacy"] as Subject[]).map((subject) => subjects.filter((each) => each === subject).length));
      expect(largest / subjects.length).toBeGreaterThanOrEqual(0.8);
      for (const quote of theme.quotes) expect(quote.source).not.toBeNull();
    }
    // Themes and "not themed" divide the contributions (a contribution can be in several themes).
    expect(summary?.documentCount).toBe(subjectOfReference.size);
    expect(page?.figures?.themes.questions[0]?.themes.themes.length).toBeGreaterThanOrEqual(2);
  });

  it("counts a filtered view over the published themes: same themes, the subset's sizes and spread, its own quotes", async () => {
    const published = (await getSummaryPage(consultation.slug))?.figures?.themes.contributions;
    const ngoView = await getSummaryPage(consultation.slug, { filters: { type: "NGO" } });
    const filtered = ngoView?.figures?.themes.contributions;
    const ngoCount = [...typeOfReference.values()].filter((type) => type === "NGO").length;
    expect(ngoView?.figures?.statistics.total).toBe(ngoCount);
    expect(filtered?.documentCount).toBe(ngoCount);
    // Every theme of the view is a published one, with at most its published size.
    for (const theme of filtered?.themes ?? []) {
      const original = published?.themes.find((candidate) => candidate.key === theme.key);
      expect(original).toBeDefined();
      expect(theme.label).toBe(original?.label);
      expect(theme.size).toBeLessThanOrEqual(original?.size ?? 0);
      expect(theme.byStakeholderType.COMPANY).toBe(0);
      expect(theme.byStakeholderType.NGO).toBe(theme.size);
      expect(theme.share).toBeCloseTo(theme.size / ngoCount);
      for (const quote of theme.quotes) expect(typeOfReference.get(quote.reference)).toBe("NGO");
    }
    // The sizes are those of the published placements, counted by hand here (no groups in this fixture).
    const rows = await db.consultationSummaryContribution.findMany({
      where: { summary: { consultationId: consultation.id } },
      select: { themePlacement: true, contribution: { select: { reference: true } } },
    });
    const expected = new Map<string, number>();
    let notThemed = 0;
    for (const row of rows) {
      if (typeOfReference.get(row.contribution.reference) !== "NGO") continue;
      const placement = row.themePlacement as ThemePlacement;
      if ("reason" in placement) notThemed += 1;
      else for (const entry of placement.themes) expected.set(entry.key, (expected.get(entry.key) ?? 0) + 1);
    }
    expect(new Map(filtered?.themes.map((theme) => [theme.key, theme.size]))).toEqual(expected);
    expect(filtered?.notThemed.count).toBe(notThemed);
    // The free-text question's themes are counted the same way.
    expect(ngoView?.figures?.themes.questions[0]?.themes.documentCount).toBe(ngoCount);
  });

  it("gives an empty subset no theme and no division by zero", async () => {
    // Every contribution of the fixture came in during the conference.
    const view = await getSummaryPage(consultation.slug, { filters: { type: "NGO", phase: "AFTER" } });
    expect(view?.filtered).toBe(true);
    expect(view?.figures?.statistics.total).toBe(0);
    expect(view?.figures?.themes.contributions).toMatchObject({ documentCount: 0, groupCount: 0, themes: [], notThemed: { count: 0, share: 0 } });
  });

  it("leaves out of the filter a type or country the version has no contribution from, and says so", async () => {
    const view = await getSummaryPage(consultation.slug, { filters: { country: "JP", phase: "DURING" } });
    expect(view?.filterErrors).toEqual({ country: "No contribution in this summary comes from this country." });
    expect(view?.filters).toEqual({ phase: "DURING", country: undefined });
    expect(view?.figures?.statistics.total).toBe(subjectOfReference.size);
  });

  it("stays as published when an author changes their profile or a quoted contribution is hidden", async () => {
    const before = await getSummaryPage(consultation.slug, { filters: { type: "NGO" } });
    await db.stakeholderProfile.update({ where: { userId: ngoAuthorId }, data: { stakeholderType: "COMPANY", country: "IT" } });
    const after = await getSummaryPage(consultation.slug, { filters: { type: "NGO" } });
    expect(after?.figures?.statistics.total).toBe(before?.figures?.statistics.total);
    expect((await getSummaryPage(consultation.slug, { filters: { country: "FR" } }))?.figures?.statistics.total).toBe(before?.figures?.statistics.total);

    const page = await getSummaryPage(consultation.slug);
    const quote = page?.figures?.themes.contributions.themes[0]?.quotes[0];
    expect(quote).toBeDefined();
    await db.contribution.update({ where: { reference: quote?.reference ?? "" }, data: { status: "HIDDEN" } });
    const quotedNow = (view: Awaited<ReturnType<typeof getSummaryPage>>) =>
      (view?.figures?.themes.contributions.themes ?? []).flatMap((theme) => theme.quotes.map((entry) => entry.reference));
    const unfiltered = await getSummaryPage(consultation.slug);
    expect(quotedNow(unfiltered)).not.toContain(quote?.reference);
    // The figures stay as published.
    expect(unfiltered?.figures?.statistics.total).toBe(page?.figures?.statistics.total);
    for (const filters of [{ type: "NGO" as const }, { type: "COMPANY" as const }]) {
      expect(quotedNow(await getSummaryPage(consultation.slug, { filters }))).not.toContain(quote?.reference);
    }
  });
});
