import { parse as parseCsv } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { BYTE_ORDER_MARK, CSV_OPTIONS } from "@/lib/open-data/csv-columns";
import type { Prisma } from "@/lib/generated/prisma/client";
import { FROZEN_FIGURES_FORMAT, FrozenFiguresError } from "@/lib/summaries/frozen-figures";
import { getSummaryPage } from "@/lib/summaries/get-summary-page";
import { saveSummary } from "@/lib/summaries/save-summary";
import {
  asJson,
  bodyOf,
  countedAnyTime,
  insertFrozenSummary,
  openDataAnswers,
  openDataInFormat4,
  pageInFormat4,
  readFrozenFixture,
  summaryVersionAnswer,
  withoutAnswersByType,
} from "../helpers/frozen-fixture";
import { createFrozenWorld, FROZEN_WORLD } from "../helpers/frozen-summary-world";
import { openDataThemesInFormat5 } from "../helpers/open-data-themes-format5";
import { signInAs, signOut } from "../helpers/session";
import { expectConsoleError } from "../setup/fail-on-console-error";
import { computeAndStoreThemes } from "@/lib/summaries/theme-job/theme-job";

// A summary version published before frozen figures carried a format
// version (tests/fixtures/frozen-summary-v1/README.md): its stored JSON,
// read through today's parser, must give the page and the open data exactly
// what they showed then.

const { slug, consultationId, moderatorId } = FROZEN_WORLD;
const { stored, expectedJson, expectedText } = readFrozenFixture("frozen-summary-v1");
const version = (segment: string) => summaryVersionAnswer(slug, segment);

/**
 * What the open data has gained since the fixture was written, and nothing
 * else: issue 10 added each contribution's similarityGroupId (JSON, after
 * its attachments) and similarity_group (CSV, after attachments), null and
 * empty here (the fixture's contributions are in no group).
 */
function sinceThen(name: string, text: string): string {
  if (name === "contributions.csv") {
    const rows = parseCsv(text, { bom: true }) as string[][];
    const at = rows[0]!.indexOf("attachments") + 1;
    const widened = rows.map((row, index) => [...row.slice(0, at), index === 0 ? "similarity_group" : "", ...row.slice(at)]);
    return BYTE_ORDER_MARK + stringify(widened, CSV_OPTIONS);
  }
  if (name === "contributions.json" || name === "contributions-page.json") return text.replace(/"attachments":(\[[^\]]*\])/g, '"attachments":$1,"similarityGroupId":null');
  // Issue 11 (format 4): null for what format 1 never counted.
  // Issue 11 (format 5): themes in their new shape.
  return openDataThemesInFormat5(name, openDataInFormat4(name, text), expectedText("summary-1.json"));
}

beforeAll(async () => {
  await createFrozenWorld();
  await insertFrozenSummary(stored, FROZEN_WORLD);
});

beforeEach(() => signOut());

describe("a summary frozen in format 1 (before format versions)", () => {
  it("has no format number: the fixture is what the code before wrote", async () => {
    expect(stored.summary).not.toHaveProperty("figuresFormat");
    expect((await db.consultationSummary.findUniqueOrThrow({ where: { id: stored.summary.id } })).figuresFormat).toBeNull();
  });

  it("gives the summary page the figures, themes and filtered views it gave then", async () => {
    expect(asJson(await getSummaryPage(slug))).toEqual(pageInFormat4(expectedJson("page.json")));
    const filtered = async (filters: Record<string, string>) => withoutAnswersByType(countedAnyTime(await getSummaryPage(slug, { filters })));
    expect(await filtered({ type: "NGO" })).toEqual(pageInFormat4(countedAnyTime(expectedJson("page-ngo.json"))));
    expect(await filtered({ country: "DE", phase: "BEFORE" })).toEqual(pageInFormat4(countedAnyTime(expectedJson("page-de-before.json"))));
    // Not vacuous: every kind of question, themes in two languages, quotes.
    const page = await getSummaryPage(slug);
    expect(page?.figures?.statistics.questions.map((question) => question.kind)).toEqual(["SINGLE_CHOICE", "MULTIPLE_CHOICE", "SCALE", "FREE_TEXT"]);
    expect(new Set(page?.figures?.themes.contributions.themes.flatMap((theme) => Object.keys(theme.languages)))).toEqual(new Set(["en", "de"]));
    expect(page?.figures?.themes.questions[0]?.themes.themes[0]?.quotes.length).toBeGreaterThan(0);
  });

  it("gives the open data byte for byte what it gave then, JSON and CSV", async () => {
    const answers = openDataAnswers(slug);
    for (const [name, answer] of answers) {
      const response = await answer();
      expect(response.status, name).toBe(200);
      expect(await bodyOf(response), name).toBe(sinceThen(name, expectedText(name)));
    }
  });
});

describe("publishing now", () => {
  it(`writes format ${FROZEN_FIGURES_FORMAT}, read back as the figures computed`, async () => {
    await signInAs(moderatorId);
    await computeAndStoreThemes(consultationId);
    const saved = await saveSummary({ consultationId, synthesis: "Published again, in the new format.", baseVersion: 1, publish: true });
    signOut();
    const row = await db.consultationSummary.findUniqueOrThrow({ where: { consultationId_version: { consultationId, version: saved.version } } });
    expect(row.figuresFormat).toBe(FROZEN_FIGURES_FORMAT);
    expect(row.statistics).toMatchObject({ total: 48 });
    try {
      const page = await getSummaryPage(slug, { version: saved.version });
      // The same contributions as version 1: the same figures, counted again,
      // and what format 4 counts that format 1 did not (the answers by type).
      const first = await getSummaryPage(slug, { version: 1 });
      expect(page?.figures?.statistics.questions.map((question) => question.kind !== "FREE_TEXT" && question.byStakeholderType?.length)).toEqual([7, 7, 7, false]);
      const compared = (statistics: unknown) => ({ ...(withoutAnswersByType({ figures: { statistics } }) as { figures: { statistics: object } }).figures.statistics, generatedAt: "" });
      expect(compared(page?.figures?.statistics)).toEqual(compared(first?.figures?.statistics));
      // The themes are today's engine's, as the theme job stored them, over the same 48.
      const computed = await db.themeComputation.findUniqueOrThrow({ where: { consultationId } });
      expect(page?.figures?.themes).toEqual(computed.themes);
      expect(page?.figures?.themes.contributions.documentCount).toBe(first?.figures?.themes.contributions.documentCount);
    } finally {
      await db.consultationSummary.delete({ where: { id: row.id } });
    }
  });
});

describe("frozen figures that do not parse", () => {
  async function withStored<T>(data: Prisma.ConsultationSummaryUpdateInput, work: () => Promise<T>): Promise<T> {
    await db.consultationSummary.update({ where: { id: stored.summary.id }, data });
    try {
      return await work();
    } finally {
      await db.consultationSummary.update({
        where: { id: stored.summary.id },
        data: { statistics: stored.summary.statistics, themes: stored.summary.themes, figuresFormat: null },
      });
    }
  }

  it("stop the page with an error that names the version, the value and the field", async () => {
    const broken = { ...stored.summary.statistics, total: "48" };
    const error = await withStored({ statistics: broken }, () => getSummaryPage(slug).catch((caught: unknown) => caught));
    expect(error).toBeInstanceOf(FrozenFiguresError);
    expect(String(error)).toMatch(/The figures frozen with summary version 1 of consultation frozen-summary-v1 do not match format 1 \(statistics\):[\s\S]*expected number, received string[\s\S]*at total/);
  });

  it("answer the API with a logged 500, not a crash", async () => {
    const themes = { ...stored.summary.themes, contributions: { ...(stored.summary.themes.contributions as Prisma.InputJsonObject), themes: [{ key: "x" }] } };
    expectConsoleError();
    const response = await withStored({ themes }, () => version("1"));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } });
    // Logged with what failed where: the route, the version and the field.
    const [logged] = vi.mocked(console.error).mock.calls;
    expect(logged?.[1]).toEqual({ route: "GET /api/v1/consultations/[slug]/summaries/[version]" });
    expect(String(logged?.[2])).toMatch(/FrozenFiguresError: The figures frozen with summary version 1 of consultation frozen-summary-v1 do not match format 1 \(themes\):[\s\S]*at contributions\.themes\[0\]\.language/);
  });

  it("refuse a format newer than this code knows instead of guessing", async () => {
    const error = await withStored({ figuresFormat: FROZEN_FIGURES_FORMAT + 1 }, () => getSummaryPage(slug).catch((caught: unknown) => caught));
    expect(String(error)).toContain(`are in format ${FROZEN_FIGURES_FORMAT + 1}, which this version of Agora cannot read (it reads up to ${FROZEN_FIGURES_FORMAT}).`);
  });
});
