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
