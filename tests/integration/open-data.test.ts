import { parse } from "csv-parse/sync";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as unknownRoute } from "@/app/api/v1/[...path]/route";
import { GET as consultationRoute } from "@/app/api/v1/consultations/[slug]/route";
import { GET as contributionsCsvRoute } from "@/app/api/v1/consultations/[slug]/contributions.csv/route";
import { GET as contributionsJsonRoute } from "@/app/api/v1/consultations/[slug]/contributions.json/route";
import { GET as contributionsRoute } from "@/app/api/v1/consultations/[slug]/contributions/route";
import { GET as summaryVersionRoute } from "@/app/api/v1/consultations/[slug]/summaries/[version]/route";
import { GET as summariesRoute } from "@/app/api/v1/consultations/[slug]/summaries/route";
import { GET as consultationsRoute } from "@/app/api/v1/consultations/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { db } from "@/lib/db";
import { approvedContributionBatches } from "@/lib/open-data/approved-contribution-batches";
import { CSV_COLUMNS } from "@/lib/open-data/csv-columns";
import { getContributionSource } from "@/lib/open-data/get-contribution-source";
import { OPEN_DATA_PATHS, OPEN_DATA_SCHEMAS, openApiDocument, type SchemaObject } from "@/lib/open-data/openapi";
import type { OpenConsultation, OpenConsultationItem, OpenContribution, OpenDataPage } from "@/lib/open-data/records";
import type { OpenSummary, OpenSummaryItem } from "@/lib/open-data/summary-records";
import { saveSummary } from "@/lib/summaries/save-summary";
import { createTestContribution, type TestContribution } from "../helpers/contribution-factory";
import { createTestConference, createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";
import { computeAndStoreThemes } from "@/lib/summaries/theme-job/theme-job";

const API = "http://localhost:3000/api/v1";
const MINUTE = 60_000;
const start = Date.now() - 24 * 60 * MINUTE;
const minutes = (n: number) => new Date(start + n * MINUTE);
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

// A body a CSV writer easily gets wrong: separators, quotes, both kinds of
// line break inside a field, and text in other alphabets.
const TRICKY_BODY = 'Commas, "quotes" and\nnew lines,\n\n- a list\r\n- another "item", here.\nΕλληνικά, 日本語, Polski: żółć.';

let open: TestConsultation;
let closed: TestConsultation;
let draft: TestConsultation;
let big: TestConsultation;
let questionIds: string[];
let users: Record<"named" | "anonymous" | "admin" | "moderator", TestUser>;
let approved: TestContribution[];
let tricky: TestContribution;
let formula: TestContribution;
let anonymousOne: TestContribution;
let unpublished: TestContribution[];
let inDraft: TestContribution;

const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const request = (path: string) => new Request(`${API}${path}`);
const summaryVersion = (slug: string, version: string) =>
  summaryVersionRoute(request(`/consultations/${slug}/summaries/${version}`), { params: Promise.resolve({ slug, version }) });

async function json<T>(response: Response): Promise<T> {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return (await response.json()) as T;
}

async function contributionsPage(slug: string, query = "") {
  return contributionsRoute(request(`/consultations/${slug}/contributions${query}`), params(slug));
}

/** Every record of a consultation, following links.next from the first page. */
async function allPages(slug: string, limit: number): Promise<{ records: OpenContribution[]; pages: OpenDataPage<OpenContribution>[] }> {
  const pages: OpenDataPage<OpenContribution>[] = [];
  let query = `?limit=${limit}`;
  for (;;) {
    const response = await contributionsPage(slug, query);
    expect(response.status).toBe(200);
    const page = await json<OpenDataPage<OpenContribution>>(response);
    pages.push(page);
    if (!page.links.next) break;
    query = new URL(page.links.next).search;
    if (pages.length > 100) throw new Error("links.next never ends");
  }
  return { records: pages.flatMap((page) => page.data), pages };
}

// Response.text() would drop the byte order mark: decode the bytes as they came.
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

async function csvOf(slug: string): Promise<{ response: Response; text: string; rows: Record<string, string>[] }> {
  const response = await contributionsCsvRoute(request(`/consultations/${slug}/contributions.csv`), params(slug));
  const text = utf8.decode(await response.arrayBuffer());
  const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
  return { response, text, rows };
}

const referencesOf = (list: { reference: string }[]) => list.map((item) => item.reference);

beforeAll(async () => {
  const conference = await createTestConference({ title: "Human-centric AI", timeZone: "Europe/Brussels" });
  open = await createTestConsultation({
    title: "Trustworthy AI",
    conferenceId: conference.id,
    questions: [
      { kind: "SINGLE_CHOICE", prompt: "Do you agree?", options: ["Yes", "No"] },
      { kind: "MULTIPLE_CHOICE", prompt: "Which sectors, if any?", options: ["Health", "Transport", "Education"] },
      { kind: "SCALE", prompt: "How urgent is it?" },
      { kind: "FREE_TEXT", prompt: "Anything else, in a few words?" },
    ],
  });
  closed = await createTestConsultation({ title: "AI skills", status: "CLOSED" });
  draft = await createTestConsultation({ title: "Not published yet", status: "DRAFT" });
  big = await createTestConsultation({ title: "A big one" });
  questionIds = (await db.question.findMany({ where: { consultationId: open.id }, orderBy: { position: "asc" }, select: { id: true } })).map(
    (question) => question.id,
  );
  users = {
    named: await createTestUser({ stakeholderType: "NGO", country: "FR" }),
    anonymous: await createTestUser({ stakeholderType: "COMPANY", country: "JP" }),
    admin: await createTestUser({ role: "ADMIN" }),
    moderator: await createTestUser({ role: "MODERATOR" }),
  };
  await db.stakeholderProfile.update({ where: { userId: users.named.id }, data: { displayName: "Marie Curie", organisationName: "Radium Institute" } });
  await db.stakeholderProfile.update({ where: { userId: users.anonymous.id }, data: { displayName: "Hidden Name", organisationName: "Hidden Corp" } });

  const add = (n: number, fields: Partial<Parameters<typeof createTestContribution>[0]> = {}) =>
    createTestContribution({ authorId: users.named.id, consultationId: open.id, submittedAt: minutes(n), ...fields });
  // Approved and unpublished ones interleaved, so a page boundary falls next to rows that must be skipped.
  approved = [];
  unpublished = [];
  approved.push(await add(1, { answers: { [questionIds[0]!]: "Yes", [questionIds[1]!]: ["Health", "Education"], [questionIds[2]!]: 4 } }));
  unpublished.push(await add(2, { status: "PENDING" }));
  tricky = await add(3, { title: "Quotes, commas and lines", body: TRICKY_BODY, answers: { [questionIds[3]!]: 'He said "no", twice.' } });
  approved.push(tricky);
  unpublished.push(await add(4, { status: "REJECTED", rejectionReason: "Off topic" }));
  anonymousOne = await add(5, { authorId: users.anonymous.id, publication: "ANONYMOUS", language: "ja", phase: "AFTER", title: "匿名の意見" });
  approved.push(anonymousOne);
  unpublished.push(await add(6, { status: "HIDDEN" }));
  formula = await add(7, { title: "=HYPERLINK(\"http://example.net\",\"click\")", body: "+1 and -1 are numbers, @ marks a mention." });
  approved.push(formula);
  unpublished.push(await add(8, { status: "WITHDRAWN" }));
  for (let n = 9; n < 13; n += 1) approved.push(await add(n));

  await db.attachment.create({
    data: {
      contributionId: approved[0]!.id,
      uploaderId: users.named.id,
      fileName: "position paper, final.pdf",
      mediaType: "application/pdf",
      size: 4321,
      sha256: "a".repeat(64),
      storageKey: `aa/${"a".repeat(64)}`,
    },
  });
  await createTestContribution({ authorId: users.named.id, consultationId: closed.id, submittedAt: minutes(20) });
  inDraft = await createTestContribution({ authorId: users.named.id, consultationId: draft.id, submittedAt: minutes(21) });

  // A published summary of the open consultation, its version 1, highlighting the anonymous author's contribution.
  await signInAs(users.moderator.id);
  await computeAndStoreThemes(open.id);
  await saveSummary({ consultationId: open.id, synthesis: "## What we heard\n\nA few things.", highlights: [anonymousOne.reference], baseVersion: 0, publish: true });
  signOut();
});

beforeEach(() => signOut());

describe("public records", () => {
  it("give no e-mail address, in the API and in both downloads", async () => {
    const { records } = await allPages(open.slug, 100);
    const detail = await (await consultationRoute(request(`/consultations/${open.slug}`), params(open.slug))).text();
    const list = await (await consultationsRoute(request("/consultations"))).text();
    const { text: csv } = await csvOf(open.slug);
    const exported = await (await contributionsJsonRoute(request(`/consultations/${open.slug}/contributions.json`), params(open.slug))).text();
    const summaries = await (await summariesRoute(request(`/consultations/${open.slug}/summaries`), params(open.slug))).text();
    const summary = await (await summaryVersion(open.slug, "1")).text();
    const summaryCsv = await (await summaryVersion(open.slug, "1.csv")).text();
    expect(summary).toContain(anonymousOne.reference);
    for (const text of [JSON.stringify(records), detail, list, csv, exported, summaries, summary, summaryCsv]) {
      expect(text).not.toMatch(EMAIL);
      for (const user of Object.values(users)) expect(text).not.toContain(user.email);
      // No user id either: nothing in the open data points at an account.
      for (const user of Object.values(users)) expect(text).not.toContain(user.id);
    }
  });

  it("give the name and organisation of an author who chose to publish them, never of an anonymous one", async () => {
    const { records } = await allPages(open.slug, 100);
    const anonymous = records.find((record) => record.reference === anonymousOne.reference);
    expect(anonymous?.author).toEqual({ anonymous: true, displayName: null, organisationName: null, stakeholderType: "COMPANY", country: "JP" });
    expect(JSON.stringify(records)).not.toContain("Hidden Name");
    expect(JSON.stringify(records)).not.toContain("Hidden Corp");
    const named = records.find((record) => record.reference === tricky.reference);
    expect(named?.author).toEqual({ anonymous: false, displayName: "Marie Curie", organisationName: "Radium Institute", stakeholderType: "NGO", country: "FR" });

    const { rows } = await csvOf(open.slug);
    const anonymousRow = rows.find((row) => row.reference === anonymousOne.reference);
    expect(anonymousRow).toMatchObject({ author_name: "", organisation: "", stakeholder_type: "COMPANY", country: "JP" });
  });

  it("hold the contribution's public fields, its answers by question id and its attachments", async () => {
    const { records } = await allPages(open.slug, 100);
    const first = records.find((record) => record.reference === approved[0]!.reference);
    const stored = await db.contribution.findUniqueOrThrow({ where: { id: approved[0]!.id } });
    expect(first).toEqual({
      reference: stored.reference,
      url: `http://localhost:3000/contributions/${stored.reference}`,
      consultation: open.slug,
      phase: stored.phase,
      language: stored.language,
      title: stored.title,
      body: stored.body,
      answers: { [questionIds[0]!]: "Yes", [questionIds[1]!]: ["Health", "Education"], [questionIds[2]!]: 4 },
      submittedAt: stored.submittedAt.toISOString(),
      publishedAt: stored.decidedAt?.toISOString(),
      author: expect.objectContaining({ displayName: "Marie Curie" }),
      attachments: [{ name: "position paper, final.pdf", mediaType: "application/pdf", size: 4321, url: expect.stringMatching(/^http:\/\/localhost:3000\/api\/attachments\/\w+$/) }],
      similarityGroupId: null,
    });
  });

  it("are only the approved contributions of published consultations, whoever asks", async () => {
    for (const reader of [null, users.moderator, users.admin]) {
      signOut();
      if (reader) await signInAs(reader.id);
      const { records } = await allPages(open.slug, 100);
      expect(referencesOf(records)).toEqual(referencesOf(approved));
      for (const hidden of unpublished) expect(JSON.stringify(records)).not.toContain(hidden.reference);

      for (const response of [
        await consultationRoute(request(`/consultations/${draft.slug}`), params(draft.slug)),
        await contributionsPage(draft.slug),
        await contributionsCsvRoute(request(`/consultations/${draft.slug}/contributions.csv`), params(draft.slug)),
        await contributionsJsonRoute(request(`/consultations/${draft.slug}/contributions.json`), params(draft.slug)),
      ]) {
        expect(response.status).toBe(404);
        expect((await json<{ error: { code: string; message: string } }>(response)).error).toEqual({
          code: "NOT_FOUND",
          message: "This consultation could not be found.",
        });
      }
      const list = await json<OpenDataPage<OpenConsultationItem>>(await consultationsRoute(request("/consultations?limit=100")));
      expect(list.data.map((item) => item.slug).sort()).toEqual([open.slug, closed.slug, big.slug].sort());
      expect(JSON.stringify(list)).not.toContain(inDraft.reference);
    }
  });

  it("leave the open data when a moderator hides a published contribution", async () => {
    const later = await createTestContribution({ authorId: users.named.id, consultationId: closed.id, submittedAt: minutes(30) });
    expect(referencesOf((await allPages(closed.slug, 10)).records)).toContain(later.reference);
    await db.contribution.update({ where: { id: later.id }, data: { status: "HIDDEN" } });
    expect(referencesOf((await allPages(closed.slug, 10)).records)).not.toContain(later.reference);
    expect((await csvOf(closed.slug)).text).not.toContain(later.reference);
  });
});

describe("pagination", () => {
  it("gives every approved contribution exactly once, in reference-number order, with next links until the last page", async () => {
    for (const limit of [1, 3, 4, 8, 100]) {
      const { records, pages } = await allPages(open.slug, limit);
      expect(referencesOf(records)).toEqual(referencesOf(approved));
      expect(pages).toHaveLength(Math.max(1, Math.ceil(approved.length / limit)));
      for (const page of pages.slice(0, -1)) expect(page.data).toHaveLength(limit);
      expect(pages.at(-1)?.links.next).toBeUndefined();
      expect(pages.at(-1)?.links).not.toHaveProperty("next");
    }
  });

  it("is stable: the same cursor gives the same page", async () => {
    const first = await json<OpenDataPage<OpenContribution>>(await contributionsPage(open.slug, "?limit=4"));
    const query = new URL(first.links.next!).search;
    const again = await json<OpenDataPage<OpenContribution>>(await contributionsPage(open.slug, query));
    const once = await json<OpenDataPage<OpenContribution>>(await contributionsPage(open.slug, query));
    expect(referencesOf(again.data)).toEqual(referencesOf(once.data));
    expect(referencesOf(again.data)).toEqual(referencesOf(approved.slice(4, 8)));
  });

  it("sends the next page in a Link header too, and the licence in every answer", async () => {
    const response = await contributionsPage(open.slug, "?limit=2");
    const page = await json<OpenDataPage<OpenContribution>>(response);
    expect(response.headers.get("link")).toContain(`<${page.links.next}>; rel="next"`);
    expect(response.headers.get("link")).toContain('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
  });

  it("defaults to 50 a page and names the limit in links", async () => {
    const page = await json<OpenDataPage<OpenContribution>>(await contributionsPage(open.slug));
    expect(page.data).toHaveLength(approved.length);
    expect(page.links).toEqual({ self: `${API}/consultations/${open.slug}/contributions?limit=50` });
  });

  it("lists the consultations by slug, a page at a time, each with its links and count", async () => {
    const seen: OpenConsultationItem[] = [];
    let query = "?limit=1";
    for (;;) {
      const page = await json<OpenDataPage<OpenConsultationItem>>(await consultationsRoute(request(`/consultations${query}`)));
      expect(page.data.length).toBeLessThanOrEqual(1);
      seen.push(...page.data);
      if (!page.links.next) break;
      query = new URL(page.links.next).search;
    }
    // In the database's own order of slugs (its collation), whatever it is.
    const published = await db.consultation.findMany({ where: { status: { not: "DRAFT" } }, orderBy: { slug: "asc" }, select: { slug: true } });
    expect(seen.map((item) => item.slug)).toEqual(published.map((consultation) => consultation.slug));
    expect(seen.map((item) => item.slug).sort()).toEqual([open.slug, closed.slug, big.slug].sort());
    const item = seen.find((consultation) => consultation.slug === open.slug);
    expect(item).toMatchObject({
      title: "Trustworthy AI",
      status: "OPEN",
      approvedContributions: approved.length,
      url: `http://localhost:3000/consultations/${open.slug}`,
      links: {
        self: `${API}/consultations/${open.slug}`,
        contributions: `${API}/consultations/${open.slug}/contributions`,
        contributionsCsv: `${API}/consultations/${open.slug}/contributions.csv`,
        contributionsJson: `${API}/consultations/${open.slug}/contributions.json`,
      },
    });
  });

  it("answers a limit or a cursor that is not valid with 422 and the parameter at fault", async () => {
    const cases: [string, string][] = [
      ["?limit=0", "limit"],
      ["?limit=101", "limit"],
      ["?limit=ten", "limit"],
      ["?limit=2.5", "limit"],
      ["?limit=-1", "limit"],
      ["?cursor=not*a*cursor", "cursor"],
      ["?cursor=Zm9v", "cursor"],
      // A cursor of the consultations list is not one of a contributions list.
      [`?cursor=${Buffer.from("consultation:abc").toString("base64url")}`, "cursor"],
      [`?cursor=${Buffer.from("contribution:99999999999").toString("base64url")}`, "cursor"],
      [`?cursor=${"A".repeat(5000)}`, "cursor"],
    ];
    for (const [query, field] of cases) {
      const response = await contributionsPage(open.slug, query);
      expect(response.status, query).toBe(422);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      const body = await json<{ error: { code: string; message: string; fieldErrors: Record<string, string[]> } }>(response);
      expect(body.error.code).toBe("VALIDATION");
      expect(body.error.message).toMatch(/query is not valid/);
      expect(Object.keys(body.error.fieldErrors), query).toEqual([field]);
      expect(body.error.fieldErrors[field]?.[0]).toMatch(field === "limit" ? /from 1 to 100/ : /links\.next/);
    }
    const list = await consultationsRoute(request(`/consultations?cursor=${Buffer.from("contribution:3").toString("base64url")}`));
    expect(list.status).toBe(422);
  });

  it("answers an unknown consultation or address with a JSON 404", async () => {
    const missing = await contributionsPage("no-such-consultation", "?limit=5");
    expect(missing.status).toBe(404);
    expect((await json<{ error: { code: string } }>(missing)).error.code).toBe("NOT_FOUND");
    const nowhere = await unknownRoute();
    expect(nowhere.status).toBe(404);
    expect((await json<{ error: { message: string } }>(nowhere)).error.message).toMatch(/openapi\.json/);
  });
});

describe("one consultation", () => {
  it("gives its questions with the ids its contributions' answers are keyed by", async () => {
    const response = await consultationRoute(request(`/consultations/${open.slug}`), params(open.slug));
    expect(response.status).toBe(200);
    const consultation = await json<OpenConsultation>(response);
    expect(consultation.questions.map((question) => [question.id, question.number, question.kind])).toEqual([
      [questionIds[0], 1, "SINGLE_CHOICE"],
      [questionIds[1], 2, "MULTIPLE_CHOICE"],
      [questionIds[2], 3, "SCALE"],
      [questionIds[3], 4, "FREE_TEXT"],
    ]);
    expect(consultation.questions[1]?.options).toEqual(["Health", "Transport", "Education"]);
    expect(consultation.approvedContributions).toBe(approved.length);
  });
});

describe("CSV download", () => {
  it("is a UTF-8 CSV attachment with a byte order mark, named after the consultation and the day", async () => {
    const { response, text } = await csvOf(open.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    const today = new Date().toISOString().slice(0, 10);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${open.slug}-contributions-${today}.csv"`);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(text.startsWith("\uFEFFreference,url,consultation,")).toBe(true);
    expect(text).toContain("\r\n");
  });

  it("parses back to one row per record of the API, every field as the API gives it", async () => {
    const { rows } = await csvOf(open.slug);
    const { records } = await allPages(open.slug, 100);
    expect(rows.map((row) => row.reference)).toEqual(referencesOf(records));
    const questionHeaders = ["Q1. Do you agree?", "Q2. Which sectors, if any?", "Q3. How urgent is it?", "Q4. Anything else, in a few words?"];
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS.map((column) => column.header), ...questionHeaders]);
    for (const [index, record] of records.entries()) {
      const row = rows[index]!;
      expect(row).toMatchObject({
        url: record.url,
        consultation: open.slug,
        phase: record.phase,
        language: record.language,
        submitted_at: record.submittedAt,
        published_at: record.publishedAt ?? "",
        author_name: record.author.displayName ?? "",
        organisation: record.author.organisationName ?? "",
        stakeholder_type: record.author.stakeholderType ?? "",
        country: record.author.country ?? "",
        attachments: record.attachments.map((attachment) => attachment.url).join("; "),
        similarity_group: record.similarityGroupId ?? "",
      });
      if (record.reference !== formula.reference) expect([row.title, row.body]).toEqual([record.title, record.body]);
    }
    const first = rows.find((row) => row.reference === approved[0]!.reference);
    expect(first).toMatchObject({ [questionHeaders[0]!]: "Yes", [questionHeaders[1]!]: "Health; Education", [questionHeaders[2]!]: "4", [questionHeaders[3]!]: "" });
  });

  it("keeps commas, quotes and line breaks inside a field", async () => {
    const { rows } = await csvOf(open.slug);
    const row = rows.find((candidate) => candidate.reference === tricky.reference);
    const stored = await db.contribution.findUniqueOrThrow({ where: { id: tricky.id }, select: { body: true } });
    expect(row?.body).toBe(stored.body);
    expect(row?.body).toContain('"quotes"');
    expect(row?.["Q4. Anything else, in a few words?"]).toBe('He said "no", twice.');
  });

  it("defuses cells a spreadsheet would run as formulas", async () => {
    const { rows } = await csvOf(open.slug);
    const row = rows.find((candidate) => candidate.reference === formula.reference);
    expect(row?.title).toBe("'=HYPERLINK(\"http://example.net\",\"click\")");
    expect(row?.body).toBe("'+1 and -1 are numbers, @ marks a mention.");
  });

  it("is only the header for a consultation without approved contributions", async () => {
    const { rows, text } = await csvOf(big.slug);
    expect(rows).toEqual([]);
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(1);
  });
});

describe("JSON download", () => {
  it("is one JSON array of the records the paginated API gives", async () => {
    const response = await contributionsJsonRoute(request(`/consultations/${open.slug}/contributions.json`), params(open.slug));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${open.slug}-contributions-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
    const exported = JSON.parse(await response.text()) as OpenContribution[];
    expect(exported).toEqual((await allPages(open.slug, 3)).records);
  });

  it("is an empty array for a consultation without approved contributions", async () => {
    const response = await contributionsJsonRoute(request(`/consultations/${big.slug}/contributions.json`), params(big.slug));
    expect(JSON.parse(await response.text())).toEqual([]);
  });
});

describe("streaming", () => {
  it("reads the contributions a batch at a time, the next batch only when it is asked for", async () => {
    const source = await getContributionSource(open.slug);
    const batches = approvedContributionBatches(source, 3);
    const first = await batches.next();
    expect(first.done).toBe(false);
    expect(referencesOf(first.value ?? [])).toEqual(referencesOf(approved.slice(0, 3)));
    // Approved after the first batch was read: a reader that had loaded every
    // row at the start would not have it.
    const late = await createTestContribution({ authorId: users.named.id, consultationId: open.id, submittedAt: minutes(40) });
    const rest: OpenContribution[][] = [];
    for await (const batch of { [Symbol.asyncIterator]: () => batches }) rest.push(batch);
    // Five left of the first eight, and the late one.
    expect(rest.map((batch) => batch.length)).toEqual([3, 3]);
    expect(referencesOf(rest.flat())).toEqual([...referencesOf(approved.slice(3)), late.reference]);
    await db.contribution.update({ where: { id: late.id }, data: { status: "WITHDRAWN" } });
  });

  it("streams 2,500 rows in batches: a row approved while the download runs is in it once", async () => {
    const rows = Array.from({ length: 2_500 }, (_, index) => ({
      reference: `BULK-${String(index).padStart(5, "0")}`,
      consultationId: big.id,
      authorId: index % 2 === 0 ? users.named.id : users.anonymous.id,
      phase: "DURING" as const,
      title: `Bulk contribution ${index}`,
      body: `Text number ${index}, with a comma.`,
      language: "en",
      publication: index % 2 === 0 ? ("PUBLIC" as const) : ("ANONYMOUS" as const),
      status: "APPROVED" as const,
      submittedAt: minutes(50),
      decidedAt: minutes(51),
    }));
    await db.contribution.createMany({ data: rows });

    const response = await contributionsCsvRoute(request(`/consultations/${big.slug}/contributions.csv`), params(big.slug));
    const reader = response.body!.getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    let text = decoder.decode((await reader.read()).value, { stream: true });
    expect(text.startsWith("\uFEFFreference,")).toBe(true);
    const late = await createTestContribution({ authorId: users.named.id, consultationId: big.id, submittedAt: minutes(60), title: "Approved during the download" });
    let chunks = 1;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks += 1;
      text += decoder.decode(value, { stream: true });
    }
    // The header, then batches of 1,000, 1,000 and 501 rows.
    expect(chunks).toBe(4);
    const parsed = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(2_501);
    expect(new Set(parsed.map((row) => row.reference)).size).toBe(2_501);
    expect(parsed.at(-1)?.reference).toBe(late.reference);
    expect(parsed.filter((row) => row.author_name === "").length).toBe(1_250);
  });
});

describe("OpenAPI document", () => {
  // The handler behind each documented path, called for a seeded consultation.
  const handlers: Record<string, (slug: string) => Promise<Response>> = {
    "/consultations": () => consultationsRoute(request("/consultations")),
    "/consultations/{slug}": (slug) => consultationRoute(request(`/consultations/${slug}`), params(slug)),
    "/consultations/{slug}/contributions": (slug) => contributionsPage(slug),
    "/consultations/{slug}/contributions.csv": (slug) => contributionsCsvRoute(request(`/consultations/${slug}/contributions.csv`), params(slug)),
    "/consultations/{slug}/contributions.json": (slug) => contributionsJsonRoute(request(`/consultations/${slug}/contributions.json`), params(slug)),
    "/consultations/{slug}/summaries": (slug) => summariesRoute(request(`/consultations/${slug}/summaries`), params(slug)),
    "/consultations/{slug}/summaries/{version}": (slug) => summaryVersion(slug, "1"),
    "/consultations/{slug}/summaries/{version}.csv": (slug) => summaryVersion(slug, "1.csv"),
    "/consultations/{slug}/summaries/{version}.json": (slug) => summaryVersion(slug, "1.json"),
    "/openapi.json": () => openApiRoute(),
  };

  it("describes exactly the paths that answer, and each answers 200 with its documented type", async () => {
    expect(Object.keys(OPEN_DATA_PATHS).sort()).toEqual(Object.keys(handlers).sort());
    for (const [path, item] of Object.entries(OPEN_DATA_PATHS)) {
      const response = await handlers[path]!(open.slug);
      expect(response.status, path).toBe(200);
      const [contentType] = Object.keys(item.get.responses["200"]?.content ?? {});
      expect(response.headers.get("content-type"), path).toMatch(new RegExp(`^${contentType}`));
      await response.body?.cancel();
    }
  });

  it("is served with this site's API address as its server", async () => {
    const document = await json<ReturnType<typeof openApiDocument>>(await openApiRoute());
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: API }]);
    expect(document.info.license.identifier).toBe("CC-BY-4.0");
  });

  it("names exactly the fields the records have", async () => {
    const fieldsOf = (schema: SchemaObject) => Object.keys(schema.properties ?? {}).sort();
    const requiredOf = (schema: SchemaObject) => [...(schema.required ?? [])].sort();
    const check = (value: object, schema: SchemaObject) => {
      const keys = Object.keys(value).sort();
      expect(keys).toEqual(expect.arrayContaining(requiredOf(schema)));
      expect(fieldsOf(schema)).toEqual(expect.arrayContaining(keys));
    };
    const { records } = await allPages(open.slug, 100);
    const withAttachment = records.find((record) => record.attachments.length > 0)!;
    check(withAttachment, OPEN_DATA_SCHEMAS.Contribution);
    expect(fieldsOf(OPEN_DATA_SCHEMAS.Contribution)).toEqual(Object.keys(withAttachment).sort());
    check(withAttachment.author, OPEN_DATA_SCHEMAS.Author);
    check(withAttachment.attachments[0]!, OPEN_DATA_SCHEMAS.Attachment);

    const consultation = await json<OpenConsultation>(await consultationRoute(request(`/consultations/${open.slug}`), params(open.slug)));
    check(consultation, OPEN_DATA_SCHEMAS.Consultation);
    check(consultation.questions[0]!, OPEN_DATA_SCHEMAS.Question);
    check(consultation.links, OPEN_DATA_SCHEMAS.ConsultationLinks);
    expect(consultation.conference).not.toBeNull();
    check(consultation.conference!, OPEN_DATA_SCHEMAS.Conference);
    const list = await json<OpenDataPage<OpenConsultationItem>>(await consultationsRoute(request("/consultations?limit=1")));
    check(list, OPEN_DATA_SCHEMAS.ConsultationPage);
    check(list.links, OPEN_DATA_SCHEMAS.PageLinks);
    check(list.data[0]!, OPEN_DATA_SCHEMAS.ConsultationItem);

    const summaries = await json<OpenDataPage<OpenSummaryItem>>(await summariesRoute(request(`/consultations/${open.slug}/summaries`), params(open.slug)));
    check(summaries, OPEN_DATA_SCHEMAS.SummaryPage);
    check(summaries.data[0]!, OPEN_DATA_SCHEMAS.SummaryItem);
    const summary = await json<OpenSummary>(await summaryVersion(open.slug, "1"));
    check(summary, OPEN_DATA_SCHEMAS.Summary);
    expect(fieldsOf(OPEN_DATA_SCHEMAS.Summary)).toEqual(Object.keys(summary).sort());
    check(summary.links, OPEN_DATA_SCHEMAS.SummaryLinks);
    check(summary.highlights[0]!, OPEN_DATA_SCHEMAS.SummaryHighlight);
    check(summary.statistics, OPEN_DATA_SCHEMAS.SummaryStatistics);
    for (const question of summary.statistics.questions) check(question, OPEN_DATA_SCHEMAS.QuestionStatistics);
    check(summary.themes, OPEN_DATA_SCHEMAS.SummaryThemes);
    check(summary.themes.contributions, OPEN_DATA_SCHEMAS.ThemeSummary);
    check(summary.themes.questions[0]!, OPEN_DATA_SCHEMAS.QuestionThemes);
  });
});
