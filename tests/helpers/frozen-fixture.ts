import fs from "node:fs";
import path from "node:path";
import { GET as consultationRoute } from "@/app/api/v1/consultations/[slug]/route";
import { GET as contributionsCsvRoute } from "@/app/api/v1/consultations/[slug]/contributions.csv/route";
import { GET as contributionsJsonRoute } from "@/app/api/v1/consultations/[slug]/contributions.json/route";
import { GET as contributionsRoute } from "@/app/api/v1/consultations/[slug]/contributions/route";
import { GET as summaryVersionRoute } from "@/app/api/v1/consultations/[slug]/summaries/[version]/route";
import { GET as summariesRoute } from "@/app/api/v1/consultations/[slug]/summaries/route";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// Reading a frozen-summary fixture (tests/fixtures/frozen-summary-v*/): the
// rows a published version stored, put back beside its world, and what the
// page and the open data answered when it was written.

export type StoredFrozenSummary = {
  summary: {
    id: string;
    version: number;
    status: "PUBLISHED";
    synthesis: string;
    highlights: string[];
    createdAt: string;
    publishedAt: string;
    statistics: Prisma.InputJsonObject;
    themes: Prisma.InputJsonObject;
    /** Absent in format 1 (before formats were numbered). */
    figuresFormat?: number;
  };
  contributions: {
    contributionId: string;
    placement: string | null;
    answerPlacements: Prisma.InputJsonObject;
    stakeholderType: string | null;
    country: string | null;
    /** Format 3 on. */
    similarityGroupId?: string | null;
  }[];
};

const API = "http://localhost:3000/api/v1";
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

export function readFrozenFixture(name: string) {
  const folder = path.join(import.meta.dirname, "../fixtures", name);
  return {
    stored: JSON.parse(fs.readFileSync(path.join(folder, "stored.json"), "utf8")) as StoredFrozenSummary,
    expectedJson: (file: string): unknown => JSON.parse(fs.readFileSync(path.join(folder, "expected", file), "utf8")),
    expectedText: (file: string) => fs.readFileSync(path.join(folder, "expected/open-data", file), "utf8"),
  };
}

/** Puts the stored version and its frozen contributions back, as they were stored. */
export async function insertFrozenSummary(stored: StoredFrozenSummary, world: { consultationId: string; moderatorId: string }): Promise<void> {
  const { summary, contributions } = stored;
  await db.consultationSummary.create({
    data: { ...summary, consultationId: world.consultationId, authorId: world.moderatorId, createdAt: new Date(summary.createdAt), publishedAt: new Date(summary.publishedAt) },
  });
  await db.consultationSummaryContribution.createMany({
    data: contributions.map((row) => ({
      ...row,
      summaryId: summary.id,
      stakeholderType: row.stakeholderType as Prisma.ConsultationSummaryContributionCreateManyInput["stakeholderType"],
    })),
  });
}

/** Version `segment` of the consultation's summaries ("1", "1.csv") from the open data. */
export function summaryVersionAnswer(slug: string, segment: string): Promise<Response> {
  return summaryVersionRoute(new Request(`${API}/consultations/${slug}/summaries/${segment}`), { params: Promise.resolve({ slug, version: segment }) });
}

/** What each open-data route the fixtures recorded answers now, by the fixture's file name. */
export function openDataAnswers(slug: string): [string, () => Promise<Response>][] {
  const request = (url: string) => new Request(`${API}${url}`);
  const params = () => ({ params: Promise.resolve({ slug }) });
  return [
    ["consultation.json", () => consultationRoute(request(`/consultations/${slug}`), params())],
    ["contributions-page.json", () => contributionsRoute(request(`/consultations/${slug}/contributions?limit=20`), params())],
    ["contributions.json", () => contributionsJsonRoute(request(`/consultations/${slug}/contributions.json`), params())],
    ["contributions.csv", () => contributionsCsvRoute(request(`/consultations/${slug}/contributions.csv`), params())],
    ["summaries.json", () => summariesRoute(request(`/consultations/${slug}/summaries`), params())],
    ["summary-1.json", () => summaryVersionAnswer(slug, "1")],
    ["summary-1.csv", () => summaryVersionAnswer(slug, "1.csv")],
  ];
}

export async function bodyOf(response: Response): Promise<string> {
  return utf8.decode(await response.arrayBuffer());
}

/** What a page of the site received: dates as JSON gives them. */
export const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** A filtered view is counted when asked for: all of it as then but the time it was counted. */
export function countedAnyTime(page: unknown): unknown {
  const copy = asJson(page) as { figures: { statistics: { generatedAt: string } } };
  copy.figures.statistics.generatedAt = "";
  return copy;
}

type Json = Record<string, unknown>;
type QuestionJson = Json & { kind: string };

/**
 * Format 4's upgrade of a version published in formats 1 to 3, on the
 * figures as the page or the open data give them (`byType` names the field
 * the answers by type take there): no final stretch, no answers by type.
 * Nothing else.
 */
function upgradeStatistics(statistics: Json, byType: (kind: string) => string): Json {
  const overTime = statistics.overTime as Json;
  return {
    ...statistics,
    overTime: { ...overTime, finalStretch: null },
    questions: (statistics.questions as QuestionJson[]).map((question) => (question.kind === "FREE_TEXT" ? question : { ...question, [byType(question.kind)]: null })),
  };
}

/** What the page of a version published in formats 1 to 3 gives since format 4 (issue 11), from what it gave then. */
export function pageInFormat4(expected: unknown): unknown {
  const page = structuredClone(expected) as Json & { consultation: Json; figures: Json & { statistics: Json }; unfilteredStatistics: Json };
  const upgrade = (statistics: Json) => upgradeStatistics(statistics, () => "byStakeholderType");
  return {
    ...page,
    // Hidden from the page without a conference; the fixtures' consultation has one.
    consultation: { ...page.consultation, hasConference: true },
    figures: { ...page.figures, statistics: upgrade(page.figures.statistics), themes: upgradeThemes(page.figures.themes as Json) },
    unfilteredStatistics: upgrade(page.unfilteredStatistics),
    // Issue 11: the live view's theme status, none on a published view.
    liveThemes: null,
  };
}

type OldThemeSummary = {
  documentCount: number;
  themes: { key: string; language: string; terms: string[]; size: number; share: number; byStakeholderType: Json; quotes: { contributionId: string; reference: string; excerpt: string }[] }[];
  unplaced: { count: number; share: number; byStakeholderType: Json; byReason: { fewInLanguage: number; noDistinctiveWords: number; smallGroup: number } };
};

/** Themes of formats 1 to 4 as format 5 reads them (issue 11), written out here by hand to check the code's upgrade. */
function upgradeThemes(themes: Json): Json {
  const upgrade = (summary: OldThemeSummary) => ({
    documentCount: summary.documentCount,
    groupCount: summary.documentCount,
    themes: summary.themes.map((theme) => ({
      key: theme.key,
      label: theme.terms.slice(0, 2).join(", "),
      terms: theme.terms,
      size: theme.size,
      contributionCount: theme.size,
      share: theme.share,
      languages: { [theme.language]: theme.size },
      byStakeholderType: theme.byStakeholderType,
      groups: [],
      quotes: theme.quotes.map((quote) => ({ contributionId: quote.contributionId, reference: quote.reference, text: quote.excerpt, source: null })),
      steered: false,
      subthemes: [],
    })),
    notThemed: {
      count: summary.unplaced.count,
      share: summary.unplaced.share,
      byStakeholderType: summary.unplaced.byStakeholderType,
      byReason: {
        onlyBoilerplate: 0,
        tooLittleText: summary.unplaced.byReason.noDistinctiveWords,
        belongsNowhere: summary.unplaced.byReason.smallGroup,
        fewInLanguage: summary.unplaced.byReason.fewInLanguage,
        setAside: 0,
      },
    },
  });
  const old = themes as { contributions: OldThemeSummary; questions: { questionId: string; themes: OldThemeSummary }[] };
  return { contributions: upgrade(old.contributions), questions: old.questions.map((question) => ({ questionId: question.questionId, themes: upgrade(question.themes) })) };
}

/**
 * A filtered view of an old version is counted when asked, by today's code,
 * over the contributions the version froze: it has the answers by type
 * (counted from the frozen types). Those are checked against the view's own
 * totals and left out, so the rest compares with what the view gave then.
 */
export function withoutAnswersByType(page: unknown): unknown {
  const copy = structuredClone(page) as { figures: { statistics: { questions: (QuestionJson & { answered: number; byStakeholderType?: { answered: number }[] | null })[] } } };
  for (const question of copy.figures.statistics.questions) {
    if (question.kind === "FREE_TEXT") continue;
    const sum = (question.byStakeholderType ?? []).reduce((total, entry) => total + entry.answered, 0);
    if (question.byStakeholderType && sum !== question.answered) throw new Error(`The answers by type of ${String(question.questionId)} add up to ${sum}, not ${question.answered}`);
    question.byStakeholderType = null;
  }
  return copy;
}

/** What an open-data route gives for a version published in formats 1 to 3 since format 4, from what it gave then: null where it never counted. */
export function openDataInFormat4(name: string, text: string): string {
  if (name !== "summary-1.json") return text;
  const summary = JSON.parse(text) as Json & { statistics: Json };
  return JSON.stringify({ ...summary, statistics: upgradeStatistics(summary.statistics, (kind) => (kind === "SCALE" ? "scaleByStakeholderType" : "choicesByStakeholderType")) });
}
