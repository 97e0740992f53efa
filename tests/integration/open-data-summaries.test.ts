import { parse } from "csv-parse/sync";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as versionRoute } from "@/app/api/v1/consultations/[slug]/summaries/[version]/route";
import { GET as summariesRoute } from "@/app/api/v1/consultations/[slug]/summaries/route";
import { db } from "@/lib/db";
import { findDownloadableConsultations } from "@/lib/open-data/find-downloadable-consultations";
import { OPEN_DATA_SCHEMAS, type SchemaObject } from "@/lib/open-data/openapi";
import type { OpenDataPage } from "@/lib/open-data/records";
import { SUMMARY_CSV_COLUMNS, SUMMARY_CSV_SECTIONS } from "@/lib/open-data/summary-csv";
import type { OpenSummary, OpenSummaryItem } from "@/lib/open-data/summary-records";
import type { SummaryStatistics } from "@/lib/summaries/compute-statistics";
import type { SummaryThemes } from "@/lib/summaries/summary-figures";
import { saveSummary } from "@/lib/summaries/save-summary";
import type { TextSource, Theme, ThemeSummary } from "@/lib/summaries/themes/types";
import { threeSubjectDocuments } from "../helpers/three-subjects";
import { createTestContribution, type TestContribution } from "../helpers/contribution-factory";
import { createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";
import { computeAndStoreThemes } from "@/lib/summaries/theme-job/theme-job";

// The published summaries in the open data (issue 5): versions newest first,
// drafts never, the frozen figures as they were published, nothing that
// points at a user, and no quote or highlight of a contribution hidden since.

const API = "http://localhost:3000/api/v1";
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
const MODERATOR_NAME = "Morgan Moderator";
const ANONYMOUS_NAME = "Secret Person";
const ANONYMOUS_ORGANISATION = "Secret Organisation";

let consultation: TestConsultation;
let draftConsultation: TestConsultation;
let users: Record<"named" | "anonymous" | "moderator", TestUser>;
let contributions: TestContribution[];
let anonymousOne: TestContribution;
let questionIds: string[];

const request = (path: string) => new Request(`${API}${path}`);
const list = (slug: string, query = "") => summariesRoute(request(`/consultations/${slug}/summaries${query}`), { params: Promise.resolve({ slug }) });
const version = (slug: string, segment: string) =>
  versionRoute(request(`/consultations/${slug}/summaries/${segment}`), { params: Promise.resolve({ slug, version: segment }) });

async function json<T>(response: Response): Promise<T> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return (await response.json()) as T;
}

const record = async (segment: string, slug = consultation.slug) => json<OpenSummary>(await version(slug, segment));

// Response.text() would drop the byte order mark: decode the bytes as they came.
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

async function csvOf(segment: string): Promise<{ response: Response; text: string; rows: Record<string, string>[] }> {
  const response = await version(consultation.slug, `${segment}.csv`);
  expect(response.status).toBe(200);
  const text = utf8.decode(await response.arrayBuffer());
  return { response, text, rows: parse(text, { bom: true, columns: true }) as Record<string, string>[] };
}

async function publish(synthesis: string, highlights: string[] = []) {
  await signInAs(users.moderator.id);
  const latest = await db.consultationSummary.findFirst({ where: { consultationId: consultation.id }, orderBy: { version: "desc" }, select: { version: true } });
  await computeAndStoreThemes(consultation.id);
  const saved = await saveSummary({ consultationId: consultation.id, synthesis, highlights, baseVersion: latest?.version ?? 0, publish: true });
  signOut();
  return saved;
}

async function saveDraft(synthesis: string) {
  await signInAs(users.moderator.id);
  const latest = await db.consultationSummary.findFirst({ where: { consultationId: consultation.id }, orderBy: { version: "desc" }, select: { version: true } });
  await saveSummary({ consultationId: consultation.id, synthesis, baseVersion: latest?.version ?? 0 });
  signOut();
}

async function stored(versionNumber: number) {
  const row = await db.consultationSummary.findUniqueOrThrow({
    where: { consultationId_version: { consultationId: consultation.id, version: versionNumber } },
    select: { synthesis: true, highlights: true, statistics: true, themes: true, publishedAt: true, _count: { select: { contributions: true } } },
  });
  return { ...row, statistics: row.statistics as unknown as SummaryStatistics, themes: row.themes as unknown as SummaryThemes };
}

async function withStatus<T>(contribution: TestContribution, status: "HIDDEN" | "WITHDRAWN", work: () => Promise<T>): Promise<T> {
  await db.contribution.update({ where: { id: contribution.id }, data: { status } });
  try {
    return await work();
  } finally {
    await db.contribution.update({ where: { id: contribution.id }, data: { status: "APPROVED" } });
  }
}

beforeAll(async () => {
  consultation = await createTestConsultation({
    title: "Streets, data and farms",
    questions: [
      { kind: "SINGLE_CHOICE", prompt: "Which subject matters most?", options: ["Cycling", "Privacy", "Farming"] },
      { kind: "SCALE", prompt: "How urgent is it?" },
      { kind: "FREE_TEXT", prompt: "What should change first?" },
    ],
  });
  draftConsultation = await createTestConsultation({ status: "DRAFT" });
  questionIds = (await db.question.findMany({ where: { consultationId: consultation.id }, orderBy: { position: "asc" }, select: { id: true } })).map(
    (question) => question.id,
  );
  users = {
    named: await createTestUser({ stakeholderType: "NGO", country: "FR" }),
    anonymous: await createTestUser({ stakeholderType: "COMPANY", country: "DE" }),
    moderator: await createTestUser({ role: "MODERATOR" }),
  };
  await db.stakeholderProfile.update({ where: { userId: users.anonymous.id }, data: { displayName: ANONYMOUS_NAME, organisationName: ANONYMOUS_ORGANISATION } });
  await db.stakeholderProfile.update({ where: { userId: users.moderator.id }, data: { displayName: MODERATOR_NAME } });

  const english = threeSubjectDocuments().documents.filter((document) => document.language === "en");
  const options = ["Cycling", "Privacy", "Farming"];
  contributions = [];
  for (const [index, document] of english.entries()) {
    const anonymous = index % 4 === 1;
    contributions.push(
      await createTestContribution({
        authorId: anonymous ? users.anonymous.id : users.named.id,
        publication: anonymous ? "ANONYMOUS" : "PUBLIC",
        consultationId: consultation.id,
        phase: index % 3 === 0 ? "BEFORE" : "DURING",
        title: `Contribution ${index + 1}`,
        body: document.text,
        // The free-text answer repeats the text, so the question gets themes of its own.
        answers: { [questionIds[0]!]: options[Math.floor(index / 12)]!, [questionIds[1]!]: (index % 5) + 1, [questionIds[2]!]: document.text },
      }),
    );
  }
  anonymousOne = contributions[1]!;
  // Never published: they must not reach the summary's open data either.
  await createTestContribution({ authorId: users.named.id, consultationId: consultation.id, status: "PENDING", title: "Waiting" });

  await saveDraft("First draft.");
  await publish("## What we heard\n\nThree subjects: cycling, privacy and farming.", [contributions[0]!.reference, anonymousOne.reference]);
  await saveDraft("Draft of the next version.");
  // Approved after version 2: counted from version 4.
  await createTestContribution({ authorId: users.named.id, consultationId: consultation.id, title: "Approved after version 2", body: "Late, but counted." });
  await publish("## What we heard\n\nThe same, one more.");
  await saveDraft("Draft, never published.");
});

beforeEach(() => signOut());

describe("the list of a consultation's summaries", () => {
  it("gives the published versions newest first, never a draft, whoever asks", async () => {
    for (const reader of [null, users.moderator]) {
      signOut();
      if (reader) await signInAs(reader.id);
      const page = await json<OpenDataPage<OpenSummaryItem>>(await list(consultation.slug));
      expect(page.data.map((item) => item.version)).toEqual([4, 2]);
      expect(page.data.map((item) => item.contributionCount)).toEqual([contributions.length + 1, contributions.length]);
      expect(page.data[1]).toEqual({
        consultation: consultation.slug,
        version: 2,
        publishedAt: (await stored(2)).publishedAt?.toISOString(),
        contributionCount: contributions.length,
        url: `http://localhost:3000/consultations/${consultation.slug}/summary?version=2`,
        links: {
          self: `${API}/consultations/${consultation.slug}/summaries/2`,
          csv: `${API}/consultations/${consultation.slug}/summaries/2.csv`,
          json: `${API}/consultations/${consultation.slug}/summaries/2.json`,
        },
      });
      expect(page.links).toEqual({ self: `${API}/consultations/${consultation.slug}/summaries?limit=50` });
    }
  });

  it("comes a page at a time, following links.next (also in a Link header)", async () => {
    const response = await list(consultation.slug, "?limit=1");
    const first = await json<OpenDataPage<OpenSummaryItem>>(response);
    expect(first.data.map((item) => item.version)).toEqual([4]);
    expect(first.links.next).toBeDefined();
    expect(response.headers.get("link")).toContain(`<${first.links.next}>; rel="next"`);
    const second = await json<OpenDataPage<OpenSummaryItem>>(await list(consultation.slug, new URL(first.links.next!).search));
    expect(second.data.map((item) => item.version)).toEqual([2]);
    expect(second.links).not.toHaveProperty("next");
  });

  it("is empty for a consultation without a published summary, and 404 for a draft or unknown consultation", async () => {
    const fresh = await createTestConsultation();
    expect((await json<OpenDataPage<OpenSummaryItem>>(await list(fresh.slug))).data).toEqual([]);
    for (const slug of [draftConsultation.slug, "no-such-consultation"]) {
      const response = await list(slug);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "This consultation could not be found." } });
    }
  });

  it("refuses a limit or cursor that is not valid, naming it (422)", async () => {
    const contributionCursor = Buffer.from("contribution:3").toString("base64url");
    for (const [query, field] of [
      ["?limit=0", "limit"],
      [`?cursor=${contributionCursor}`, "cursor"],
      [`?cursor=${Buffer.from("summary:0").toString("base64url")}`, "cursor"],
    ] as const) {
      const response = await list(consultation.slug, query);
      expect(response.status, query).toBe(422);
      const body = (await response.json()) as { error: { code: string; fieldErrors: Record<string, string[]> } };
      expect(body.error.code).toBe("VALIDATION");
      expect(Object.keys(body.error.fieldErrors)).toEqual([field]);
    }
  });
});

describe("a published summary version", () => {
  it("holds the synthesis and exactly the figures frozen with it", async () => {
    const summary = await record("2");
    const frozen = await stored(2);
    expect(summary.synthesis).toBe(frozen.synthesis);
    expect(summary.contributionCount).toBe(frozen._count.contributions);
    expect(summary.statistics.total).toBe(contributions.length);

    const { consultationId, filters, questions, ...figures } = frozen.statistics;
    expect(consultationId).toBe(consultation.id);
    expect(filters).toEqual({});
    expect(summary.statistics).toEqual({
      ...figures,
      questions: questions.map(({ position, ...question }, index) => {
        expect(position).toBeTypeOf("number");
        // The answers by stakeholder type are named by kind in the open data (one field each in its document).
        if (question.kind === "FREE_TEXT") return { ...question, number: index + 1 };
        const { byStakeholderType, ...rest } = question;
        expect(byStakeholderType?.length).toBeGreaterThan(0);
        return { ...rest, number: index + 1, [question.kind === "SCALE" ? "scaleByStakeholderType" : "choicesByStakeholderType"]: byStakeholderType };
      }),
    });
    // Every contribution is still published: every quote is there, without the internal contribution id.
    const openSource = (source: TextSource | null) =>
      source === null
        ? null
        : source.kind === "attachment"
          ? { kind: source.kind, fileName: source.fileName, page: source.page, url: `http://localhost:3000/api/attachments/${source.attachmentId}` }
          : { kind: source.kind, fileName: null, page: null, url: null };
    const openTheme = ({ groups, quotes, seeds, subthemes, ...theme }: Theme) => ({
      ...theme,
      languages: Object.fromEntries(Object.entries(theme.languages).filter(([, count]) => count > 0)),
      groups: groups.map(({ groupId, size }) => ({ similarityGroupId: groupId, size })),
      quotes: quotes.map(({ reference, text, source }) => ({ reference, url: `http://localhost:3000/contributions/${reference}`, text, source: openSource(source) })),
      seeds: seeds ?? null,
      subthemes,
    });
    const openThemes = (summary: ThemeSummary) => ({
      ...summary,
      themes: summary.themes.map((theme) => ({ ...openTheme(theme), subthemes: theme.subthemes.map((sub) => ({ ...openTheme(sub), subthemes: undefined })) })),
    });
    expect(summary.themes).toEqual({
      contributions: openThemes(frozen.themes.contributions),
      questions: frozen.themes.questions.map(({ questionId, themes }) => ({ questionId, number: 3, prompt: "What should change first?", themes: openThemes(themes) })),
    });
    // Not vacuous: the three subjects give themes, as in summary-themes.test.ts.
    expect(summary.themes.contributions.themes.length).toBeGreaterThanOrEqual(3);
    expect(summary.themes.questions[0]?.themes.themes.length).toBeGreaterThanOrEqual(2);
    expect(summary.highlights).toEqual([
      { reference: contributions[0]!.reference, url: `http://localhost:3000/contributions/${contributions[0]!.reference}`, title: "Contribution 1" },
      { reference: anonymousOne.reference, url: `http://localhost:3000/contributions/${anonymousOne.reference}`, title: "Contribution 2" },
    ]);
  });

  it("keeps its own figures when a later version counts more; latest is the newest", async () => {
    expect((await record("2")).statistics.total).toBe(contributions.length);
    const newest = await record("4");
    expect(newest.statistics.total).toBe(contributions.length + 1);
    expect(newest.highlights).toEqual([]);
    expect(await record("latest")).toEqual(newest);
  });

  it("is 404 as JSON for a draft, an unknown version or a segment that is not a version, whoever asks", async () => {
    for (const reader of [null, users.moderator]) {
      signOut();
      if (reader) await signInAs(reader.id);
      for (const segment of ["1", "3", "5", "5.csv", "3.json", "99", "99.csv"]) {
        const response = await version(consultation.slug, segment);
        expect(response.status, segment).toBe(404);
        expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "This summary could not be found." } });
      }
      for (const segment of ["0", "02", "-1", "2.xml", "2.csv.csv", "2.", "1e1", " 2", "latest.txt", "Latest", "2147483648000"]) {
        const response = await version(consultation.slug, segment);
        expect(response.status, segment).toBe(404);
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
      }
    }
    const fresh = await createTestConsultation();
    expect((await version(fresh.slug, "latest")).status).toBe(404);
    expect((await version(draftConsultation.slug, "1")).status).toBe(404);
  });

  it("names no user: no e-mail, user id or moderator, and no anonymous author, in the JSON, the CSV or the list", async () => {
    const texts = [
      JSON.stringify(await record("2")),
      JSON.stringify(await record("4")),
      await (await version(consultation.slug, "2.json")).text(),
      (await csvOf("2")).text,
      (await csvOf("latest")).text,
      await (await list(consultation.slug)).text(),
    ];
    const contributionIds = await db.contribution.findMany({ where: { consultationId: consultation.id }, select: { id: true } });
    for (const text of texts) {
      expect(text).not.toMatch(EMAIL);
      for (const user of Object.values(users)) {
        expect(text).not.toContain(user.email);
        expect(text).not.toContain(user.id);
      }
      for (const name of [MODERATOR_NAME, ANONYMOUS_NAME, ANONYMOUS_ORGANISATION]) expect(text).not.toContain(name);
      // Contributions are named by their public reference, never by their internal id.
      for (const { id } of contributionIds) expect(text).not.toContain(id);
      expect(text).not.toContain(consultation.id);
    }
  });

  it("leaves out highlights and quotes of a contribution hidden or withdrawn since, while the figures stay frozen", async () => {
    const before = await record("2");
    const csvBefore = (await csvOf("2")).text;
    const themeSummaries = (summary: OpenSummary) => [summary.themes.contributions, ...summary.themes.questions.map((question) => question.themes)];
    const quotes = (summary: OpenSummary) =>
      themeSummaries(summary).flatMap((themes) => themes.themes.flatMap((theme) => [theme, ...theme.subthemes]).flatMap((theme) => theme.quotes));
    const withdrawn = contributions[0]!;
    // A quoted contribution that is not a highlight: hiding it is seen in the quotes alone.
    const quoted = quotes(before).find((quote) => quote.reference !== withdrawn.reference && quote.reference !== anonymousOne.reference)!.reference;
    const hidden = contributions.find((contribution) => contribution.reference === quoted)!;

    await withStatus(hidden, "HIDDEN", () =>
      withStatus(withdrawn, "WITHDRAWN", async () => {
        const after = await record("2");
        expect(after.highlights.map((highlight) => highlight.reference)).toEqual([anonymousOne.reference]);
        const left = quotes(after).map((quote) => quote.reference);
        expect(left).not.toContain(quoted);
        expect(left).not.toContain(withdrawn.reference);
        expect(quotes(after)).toEqual(quotes(before).filter((quote) => quote.reference !== quoted && quote.reference !== withdrawn.reference));
        // Counts, sizes, shares and terms: all as published, in the JSON and in the CSV.
        const withoutQuotes = (summary: OpenSummary) =>
          themeSummaries(summary).map((themes) => themes.themes.map((theme) => ({ ...theme, quotes: null, subthemes: theme.subthemes.map((sub) => ({ ...sub, quotes: null })) })));
        expect(after.statistics).toEqual(before.statistics);
        expect(withoutQuotes(after)).toEqual(withoutQuotes(before));
        expect(themeSummaries(after).map((themes) => themes.notThemed)).toEqual(themeSummaries(before).map((themes) => themes.notThemed));
        expect([after.synthesis, after.contributionCount]).toEqual([before.synthesis, before.contributionCount]);
        expect((await csvOf("2")).text).toBe(csvBefore);
      }),
    );
    expect(await record("2")).toEqual(before);
  });
});

describe("the CSV of a summary version", () => {
  it("is a file named after the consultation and version, UTF-8 with a byte order mark, its header the documented columns", async () => {
    const { response, text, rows } = await csvOf("2");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    const today = new Date().toISOString().slice(0, 10);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${consultation.slug}-summary-v2-${today}.csv"`);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("link")).toContain('rel="license"');
    expect(text.startsWith("\uFEFFsection,question,key,parent,label,count,share\r\n")).toBe(true);
    expect(Object.keys(rows[0]!)).toEqual(SUMMARY_CSV_COLUMNS.map((column) => column.header));
    const documented = new Set<string>(SUMMARY_CSV_SECTIONS.map((section) => section.name));
    expect(rows.every((row) => documented.has(row.section!))).toBe(true);
    // The synthesis is text, in the JSON only.
    expect(text).not.toContain("What we heard");
  });

  it("reads back to the record's numbers: total, breakdowns, answers and themes", async () => {
    const { rows } = await csvOf("2");
    const { statistics, themes } = await record("2");
    const section = (name: string, question = "") =>
      rows.filter((row) => row.section === name && row.question === question).map((row) => [row.key, row.label, Number(row.count), row.share === "" ? null : Number(row.share)]);
    expect(section("total")).toEqual([["", "Contributions", statistics.total, null]]);
    expect(section("stakeholder_type")).toEqual(statistics.byStakeholderType.map((entry) => [entry.key ?? "", entry.label, entry.count, entry.share]));
    expect(section("country")).toEqual(statistics.byCountry.map((entry) => [entry.code ?? "", entry.name, entry.count, entry.share]));
    expect(section("phase")).toEqual(statistics.byPhase.map((entry) => [entry.key, entry.label, entry.count, entry.share]));
    expect(section("language")).toEqual(statistics.byLanguage.map((entry) => [entry.code, entry.name, entry.count, entry.share]));
    expect(section("over_time")).toEqual(statistics.overTime.points.map((point) => [point.start, statistics.overTime.unit, point.count, null]));
    expect(section("stakeholder_type").map((row) => row[2])).toEqual([36 - 9, 9]);

    const [choice, scale, free] = statistics.questions;
    expect(choice?.kind === "SINGLE_CHOICE" && section("choice", "Q1. Which subject matters most?")).toEqual(
      choice?.kind === "SINGLE_CHOICE" && choice.choices.map((entry) => [entry.option ?? "", entry.option ?? "None of the options", entry.count, entry.share]),
    );
    expect(section("choice", "Q1. Which subject matters most?").map((row) => row[2])).toEqual([12, 12, 12]);
    expect(section("answered", "Q2. How urgent is it?")).toEqual([["", "Answered", 36, null]]);
    if (scale?.kind !== "SCALE") throw new Error("The second question is a scale");
    expect(section("scale", "Q2. How urgent is it?")).toEqual(scale.scale.distribution.map((entry) => [String(entry.value), String(entry.value), entry.count, entry.share]));
    // Values 1 to 5 in turn over 36 contributions: eight 1s, seven of each other value.
    expect(scale.scale.average).toBeCloseTo(106 / 36, 12);
    expect(section("scale_average", "Q2. How urgent is it?")).toEqual([["", "Average", scale.scale.average, null]]);
    expect(free?.kind).toBe("FREE_TEXT");

    // A row per theme, its sub-themes after it with the theme as parent.
    const themeRows = (summary: typeof themes.contributions) =>
      summary.themes.flatMap((theme) => [theme, ...theme.subthemes]).map((theme) => [theme.key, theme.label, theme.size, theme.share]);
    expect(section("theme")).toEqual(themeRows(themes.contributions));
    expect(section("theme", "Q3. What should change first?")).toEqual(themeRows(themes.questions[0]!.themes));
    expect(section("theme_terms").map((row) => row.slice(0, 2))).toEqual(
      themes.contributions.themes.flatMap((theme) => [theme, ...theme.subthemes]).map((theme) => [theme.key, theme.terms.join("; ")]),
    );
    const spread = rows.filter((row) => row.section === "theme_stakeholder_type" && row.question === "" && row.parent === "");
    for (const theme of themes.contributions.themes) {
      const rowsOfTheme = spread.filter((row) => row.key!.startsWith(`${theme.key}/`));
      expect(rowsOfTheme.reduce((sum, row) => sum + Number(row.count), 0)).toBe(theme.size);
      expect(Object.fromEntries(rowsOfTheme.map((row) => [row.key!.slice(theme.key.length + 1), Number(row.count)]))).toEqual(
        Object.fromEntries(Object.entries(theme.byStakeholderType).filter(([, count]) => count > 0)),
      );
    }
    const [notThemed, ...reasons] = section("theme_not_themed");
    expect(notThemed).toEqual(["", "Not themed", themes.contributions.notThemed.count, themes.contributions.notThemed.share]);
    expect(reasons.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(themes.contributions.notThemed.count);
  });
});

describe("the JSON file of a summary version", () => {
  it("is the record, as a file named after the consultation and version", async () => {
    const response = await version(consultation.slug, "latest.json");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${consultation.slug}-summary-v4-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
    expect(JSON.parse(await response.text())).toEqual(await record("4"));
  });
});

describe("the download table of /open-data", () => {
  it("gives each consultation the newest version of its summary that is published, none while there are only drafts or nothing", async () => {
    const onlyDraft = await createTestConsultation();
    const nothing = await createTestConsultation();
    await signInAs(users.moderator.id);
    await saveSummary({ consultationId: onlyDraft.id, synthesis: "A draft, never published.", baseVersion: 0 });
    signOut();

    const rows = await findDownloadableConsultations();
    const latest = new Map(rows.map((row) => [row.slug, row.latestSummaryVersion]));
    // Versions 1, 3 and 5 are drafts: 4 is the newest published.
    expect(latest.get(consultation.slug)).toBe(4);
    expect(latest.get(onlyDraft.slug)).toBeNull();
    expect(latest.get(nothing.slug)).toBeNull();
    expect(latest.has(draftConsultation.slug)).toBe(false);
    expect(rows.find((row) => row.slug === consultation.slug)?.approvedContributions).toBe(contributions.length + 1);
  });
});

describe("the documented schemas", () => {
  const resolve = (schema: SchemaObject): SchemaObject =>
    schema.$ref ? (OPEN_DATA_SCHEMAS as Record<string, SchemaObject>)[schema.$ref.slice(schema.$ref.lastIndexOf("/") + 1)]! : schema;

  const typeOf = (value: unknown) =>
    value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value === "number" ? "number" : typeof value;

  /** Every field of the value is described, every required one is there, each of its documented type, all the way down. */
  function conforms(value: unknown, schema: SchemaObject, path: string): void {
    const resolved = resolve(schema);
    if (resolved.oneOf) {
      const matching = resolved.oneOf.filter((option) => {
        try {
          conforms(value, option, path);
          return true;
        } catch {
          return false;
        }
      });
      expect(matching.length, path).toBeGreaterThan(0);
      return;
    }
    if (resolved.type !== undefined) {
      const allowed = [resolved.type].flat();
      const actual = typeOf(value);
      expect(allowed.includes(actual) || (actual === "integer" && allowed.includes("number")), `${path}: ${actual} is not ${allowed.join(" or ")}`).toBe(true);
    }
    if (resolved.enum) expect(resolved.enum, path).toContain(value);
    if (Array.isArray(value) && resolved.items) value.forEach((item, index) => conforms(item, resolved.items!, `${path}[${index}]`));
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      if (resolved.properties) {
        expect(Object.keys(resolved.properties), path).toEqual(expect.arrayContaining(Object.keys(value)));
        expect(Object.keys(value), path).toEqual(expect.arrayContaining([...(resolved.required ?? [])]));
        for (const [key, field] of Object.entries(value)) conforms(field, resolved.properties[key]!, `${path}.${key}`);
      } else if (typeof resolved.additionalProperties === "object") {
        for (const [key, field] of Object.entries(value)) conforms(field, resolved.additionalProperties, `${path}.${key}`);
      }
    }
  }

  it("describe the records the API gives, every field and its type", async () => {
    const summary = await record("2");
    conforms(summary, OPEN_DATA_SCHEMAS.Summary, "Summary");
    conforms(await json<OpenDataPage<OpenSummaryItem>>(await list(consultation.slug, "?limit=1")), OPEN_DATA_SCHEMAS.SummaryPage, "SummaryPage");
    // The parts the check went through: not vacuous.
    expect(summary.statistics.questions.map((question) => question.kind)).toEqual(["SINGLE_CHOICE", "SCALE", "FREE_TEXT"]);
    expect(summary.themes.contributions.themes[0]?.quotes.length).toBeGreaterThan(0);
    expect(summary.highlights.length).toBeGreaterThan(0);
    expect(Object.keys(OPEN_DATA_SCHEMAS.Summary.properties ?? {}).sort()).toEqual(Object.keys(summary).sort());
  });

  it("catch a field the documentation does not name", () => {
    expect(() => conforms({ version: 1, authorId: "x" }, { ...OPEN_DATA_SCHEMAS.SummaryItem, required: [] }, "SummaryItem")).toThrow();
  });
});
