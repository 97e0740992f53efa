import mammoth from "mammoth";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as reportRoute } from "@/app/consultations/[slug]/summary/report/route";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { SummaryThemes } from "@/lib/summaries/summary-figures";
import { saveSummary } from "@/lib/summaries/save-summary";
import { summaryReportHref } from "@/lib/summaries/report/report-request";
import { threeSubjectDocuments } from "../helpers/three-subjects";
import { createTestContribution, type TestContribution } from "../helpers/contribution-factory";
import { createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { paragraphs, readDocx, tableAfterCaption, type DocxContents } from "../helpers/read-docx";
import { signInAs, signOut } from "../helpers/session";
import { computeAndStoreThemes } from "@/lib/summaries/theme-job/theme-job";

// The summary report (issue 11): a real .docx, built from a published
// version on a real database, read back with a real zip reader and XML
// parser. Each section is checked by what it must hold, so a section that
// goes missing, or a table that stops being a table, fails here.

const SYNTHESIS = [
  "# What we heard",
  "",
  "Three subjects came up: **cycling**, privacy and farming. See [the consultation](/consultations).",
  "",
  "- Safer cycle lanes",
  "- Control over personal data",
  "",
  "1. First, the lanes.",
  "2. Then, the data.",
].join("\n");

let consultation: TestConsultation;
let unpublished: TestConsultation;
let moderator: TestUser;
let participant: TestUser;
let contributions: TestContribution[];
const NGO_COUNT = 12;

const report = (slug: string, query = "") => reportRoute(new Request(`http://localhost:3000/consultations/${slug}/summary/report${query}`), { params: Promise.resolve({ slug }) });

async function docx(query = ""): Promise<{ response: Response; contents: DocxContents }> {
  const response = await report(consultation.slug, query);
  expect(response.status, await response.clone().text().then((text) => text.slice(0, 300))).toBe(200);
  return { response, contents: await readDocx(new Uint8Array(await response.arrayBuffer())) };
}

async function errorOf(response: Response): Promise<{ status: number; code: string; fieldErrors?: Record<string, string[]> }> {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; fieldErrors?: Record<string, string[]> } };
  return { status: response.status, code: body.error.code, fieldErrors: body.error.fieldErrors };
}

beforeAll(async () => {
  consultation = await createTestConsultation({
    title: "Local priorities report",
    questions: [
      { kind: "SINGLE_CHOICE", prompt: "Which of these should the city fund first?", options: ["Cycling", "Privacy", "Farming"] },
      { kind: "SCALE", prompt: "How soon should it act, from 1 (later) to 5 (now)?" },
    ],
  });
  unpublished = await createTestConsultation();
  const questionIds = (await db.question.findMany({ where: { consultationId: consultation.id }, orderBy: { position: "asc" }, select: { id: true } })).map((row) => row.id);
  moderator = await createTestUser({ role: "MODERATOR" });
  participant = await createTestUser();
  const ngo = await createTestUser({ stakeholderType: "NGO", country: "FR" });
  const company = await createTestUser({ stakeholderType: "COMPANY", country: "DE" });
  const english = threeSubjectDocuments().documents.filter((document) => document.language === "en");
  contributions = [];
  for (const [index, document] of english.entries()) {
    contributions.push(
      await createTestContribution({
        authorId: index < NGO_COUNT ? ngo.id : company.id,
        consultationId: consultation.id,
        title: `Contribution ${index + 1}`,
        body: document.text,
        answers: { [questionIds[0]!]: index % 3 === 0 ? "Cycling" : "Privacy", [questionIds[1]!]: (index % 5) + 1 },
      }),
    );
  }
  await createTestContribution({ authorId: ngo.id, consultationId: unpublished.id });
  await signInAs(moderator.id);
  await computeAndStoreThemes(consultation.id);
  await saveSummary({ consultationId: consultation.id, synthesis: SYNTHESIS, highlights: [contributions[0]!.reference], baseVersion: 0, publish: true });
  // A draft after it: the published report must not show it.
  await saveSummary({ consultationId: consultation.id, synthesis: "A draft nobody may read yet.", highlights: [], baseVersion: 1 });
  signOut();
});

beforeEach(() => signOut());

describe("the report of a published summary", () => {
  it("is a .docx download named after the consultation and the version, with its document properties", async () => {
    const { response, contents } = await docx();
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${consultation.slug}-summary-v1-report.docx"`);
    expect(contents.properties.title).toBe(`Summary of “${consultation.title}”`);
    expect(contents.properties.creator).toBe("Agora");
  });

  it("reads in another word processor's reader (mammoth): headings, header rows and links survive", async () => {
    const response = await report(consultation.slug);
    const { value: html, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(await response.arrayBuffer()) });
    expect(messages.filter((message) => message.type === "error")).toEqual([]);
    expect(html).toContain("<h1>Synthesis</h1>");
    expect(html).toContain("<h2>What we heard</h2>");
    expect(html).toMatch(/<table><thead><tr><th><p><strong>Stakeholder type<\/strong><\/p><\/th>/);
    expect(html).toContain(`<a href="${getEnv().appUrl}/contributions/${contributions[0]!.reference}">Contribution 1</a>`);
  });

  it("holds every section as a heading, in the page's order, and says which version it is", async () => {
    const { contents } = await docx();
    const all = paragraphs(contents.blocks);
    expect(all[0]).toMatchObject({ style: "Title", text: `Summary of “${consultation.title}”` });
    expect(all.filter((paragraph) => paragraph.style === "Heading1").map((paragraph) => paragraph.text)).toEqual([
      "Synthesis",
      "Highlights",
      "Who took part",
      "Identical and near-identical texts",
      "Themes",
      "Answers to the questions",
    ]);
    const about = tableAfterCaption(contents.blocks, "About this report");
    expect(about?.rows.find((row) => row.cells[0] === "Version")?.cells[1]).toMatch(/^Version 1, published /);
    expect(about?.rows.find((row) => row.cells[0] === "Filters")?.cells[1]).toMatch(/^None/);
    expect(all.map((paragraph) => paragraph.text).join("\n")).not.toContain("A draft nobody may read yet.");
  });

  it("renders the markdown synthesis as headings, bold text, links and real lists", async () => {
    const { contents } = await docx();
    const all = paragraphs(contents.blocks);
    // "#" in the synthesis sits under the report's "Synthesis" heading.
    expect(all.find((paragraph) => paragraph.text === "What we heard")?.style).toBe("Heading2");
    const lead = all.find((paragraph) => paragraph.text.startsWith("Three subjects came up"));
    expect(lead?.text).toBe("Three subjects came up: cycling, privacy and farming. See the consultation.");
    expect(lead?.bold).toEqual(["cycling"]);
    expect(lead?.links).toEqual([{ text: "the consultation", url: `${getEnv().appUrl}/consultations` }]);
    const bullets = all.filter((paragraph) => paragraph.text === "Safer cycle lanes" || paragraph.text === "Control over personal data");
    const numbered = all.filter((paragraph) => paragraph.text === "First, the lanes." || paragraph.text === "Then, the data.");
    for (const item of [...bullets, ...numbered]) expect(item.list).toMatchObject({ level: 0 });
    expect(bullets[0]?.list?.numId).not.toBe(numbered[0]?.list?.numId);
    expect(all.some((paragraph) => paragraph.text.includes("**") || paragraph.text.startsWith("- "))).toBe(false);
  });

  it("lists the highlights with their titles linked to the public contribution pages", async () => {
    const { contents } = await docx();
    const highlight = paragraphs(contents.blocks).find((paragraph) => paragraph.links.some((link) => link.text === "Contribution 1"));
    expect(highlight?.links[0]?.url).toBe(`${getEnv().appUrl}/contributions/${contributions[0]!.reference}`);
  });

  it("gives the figures as tables with a header row, counted as frozen", async () => {
    const { contents } = await docx();
    const byType = tableAfterCaption(contents.blocks, "Contributions by the stakeholder type of their authors");
    expect(byType?.rows[0]).toEqual({ header: true, cells: ["Stakeholder type", "Contributions", "Share"] });
    expect(byType?.rows.slice(1).every((row) => !row.header)).toBe(true);
    const companies = contributions.length - NGO_COUNT;
    expect(byType?.rows.find((row) => row.cells[0] === "Non-governmental organisation (NGO)")?.cells.slice(1)).toEqual([
      String(NGO_COUNT),
      `${Math.round((NGO_COUNT / contributions.length) * 1000) / 10}%`,
    ]);
    expect(byType?.rows.find((row) => row.cells[0]?.startsWith("Company"))?.cells[1]).toBe(String(companies));
    const byCountry = tableAfterCaption(contents.blocks, "Contributions by the country of their authors");
    expect(byCountry?.rows.find((row) => row.cells[0] === "France")?.cells[1]).toBe(String(NGO_COUNT));
    expect(tableAfterCaption(contents.blocks, "Contributions by language")?.rows.find((row) => row.cells[0] === "English")?.cells[1]).toBe(String(contributions.length));
    expect(tableAfterCaption(contents.blocks, "Contributions by day of submission (Europe/Brussels)") ?? tableAfterCaption(contents.blocks, "Contributions by day of submission (UTC)")).toBeDefined();
    const cycling = contributions.filter((_, index) => index % 3 === 0).length;
    expect(tableAfterCaption(contents.blocks, "Answers to question 1")?.rows.find((row) => row.cells[0] === "Cycling")?.cells[1]).toBe(String(cycling));
    expect(tableAfterCaption(contents.blocks, "Answers to question 2, from 1 to 5")?.rows.find((row) => row.cells[0] === "1")?.cells[1]).toBe(
      String(contributions.filter((_, index) => index % 5 === 0).length),
    );
    const duplicates = tableAfterCaption(contents.blocks, "Identical and near-identical contributions");
    expect(duplicates?.rows.find((row) => row.cells[0] === "Contributions")?.cells[1]).toBe(String(contributions.length));
  });

  it("gives each theme its label, terms, size and quotes, each quote with its source linked", async () => {
    const row = await db.consultationSummary.findUniqueOrThrow({ where: { consultationId_version: { consultationId: consultation.id, version: 1 } }, select: { themes: true } });
    const frozen = (row.themes as unknown as SummaryThemes).contributions;
    expect(frozen.themes.length).toBeGreaterThan(0);
    const { contents } = await docx();
    const all = paragraphs(contents.blocks);
    for (const [index, theme] of frozen.themes.entries()) {
      const headingAt = all.findIndex((paragraph) => paragraph.style === "Heading2" && paragraph.text === `Theme ${index + 1}: ${theme.label}`);
      expect(headingAt, `theme ${index + 1}`).toBeGreaterThan(0);
      // A mark of the moderators' steering may come first.
      const facts = all.slice(headingAt + 1, headingAt + 7).map((paragraph) => paragraph.text);
      expect(facts.find((text) => /^\d+ contributions? \(/.test(text))).toMatch(new RegExp(`^${theme.size} contributions? \\(`));
      expect(facts).toContain(`Key terms: ${theme.terms.join(", ")}`);
      expect(tableAfterCaption(contents.blocks, `Theme ${index + 1} by stakeholder type`)?.rows[0]?.header).toBe(true);
    }
    const [first] = frozen.themes[0]!.quotes;
    expect(first).toBeDefined();
    const quoteAt = all.findIndex((paragraph) => paragraph.style === "Quote" && paragraph.text === `“${first!.text}”`);
    expect(quoteAt).toBeGreaterThan(0);
    expect(all[quoteAt + 1]?.links[0]).toEqual({ text: `contribution ${first!.reference}`, url: `${getEnv().appUrl}/contributions/${first!.reference}` });
  });

  it("a filtered report counts the subset, says so and is named so", async () => {
    const { response, contents } = await docx("?type=NGO");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${consultation.slug}-summary-v1-report-filtered.docx"`);
    const about = tableAfterCaption(contents.blocks, "About this report");
    expect(about?.rows.find((row) => row.cells[0] === "Filters")?.cells[1]).toBe("stakeholder type “Non-governmental organisation (NGO)”");
    expect(about?.rows.find((row) => row.cells[0] === "Contributions counted")?.cells[1]).toBe(`${NGO_COUNT} of ${contributions.length}`);
    const byType = tableAfterCaption(contents.blocks, "Contributions by the stakeholder type of their authors");
    expect(byType?.rows.slice(1).map((row) => row.cells[0])).toEqual(["Non-governmental organisation (NGO)"]);
  });

  it("the address the download link builds is the one the route reads", async () => {
    const href = summaryReportHref(consultation.slug, { kind: "published", version: 1 }, { type: "NGO", groups: "once" });
    expect(href).toBe(`/consultations/${consultation.slug}/summary/report?version=1&type=NGO&groups=once`);
    const response = await report(consultation.slug, href.slice(href.indexOf("?")));
    expect(response.status).toBe(200);
  });
});

describe("who may have which report", () => {
  it("the live report is for moderators: 401 signed out, 403 for a participant", async () => {
    expect(await errorOf(await report(consultation.slug, "?view=live"))).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    await signInAs(participant.id);
    expect(await errorOf(await report(consultation.slug, "?view=live"))).toMatchObject({ status: 403, code: "FORBIDDEN" });
  });

  it("a moderator's live report says it is not published and carries the newest draft's synthesis", async () => {
    await signInAs(moderator.id);
    const { response, contents } = await docx("?view=live");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${consultation.slug}-summary-live-report-\\d{4}-\\d{2}-\\d{2}\\.docx"$`));
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const about = tableAfterCaption(contents.blocks, "About this report");
    expect(about?.rows.find((row) => row.cells[0] === "Version")?.cells[1]).toMatch(/^Live, not published/);
    expect(paragraphs(contents.blocks).map((paragraph) => paragraph.text)).toContain("A draft nobody may read yet.");
  });
});

describe("bad requests are answered, never a failed download", () => {
  it("an unknown version, consultation or a consultation with nothing published is 404", async () => {
    expect(await errorOf(await report(consultation.slug, "?version=9"))).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(await errorOf(await report("no-such-consultation"))).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(await errorOf(await report(unpublished.slug))).toMatchObject({ status: 404, code: "NOT_FOUND" });
    // A draft version is not a published one, even to its moderator.
    await signInAs(moderator.id);
    expect(await errorOf(await report(consultation.slug, "?version=2"))).toMatchObject({ status: 404 });
  });

  it("a malformed version, view or filter is 422 naming the parameter", async () => {
    expect((await errorOf(await report(consultation.slug, "?version=abc"))).fieldErrors).toHaveProperty("version");
    expect((await errorOf(await report(consultation.slug, "?version=0"))).status).toBe(422);
    expect((await errorOf(await report(consultation.slug, "?view=everything"))).fieldErrors).toHaveProperty("view");
    expect((await errorOf(await report(consultation.slug, "?type=NOT_A_TYPE"))).fieldErrors).toHaveProperty(["filters.type"]);
    expect((await errorOf(await report(consultation.slug, "?version=1&view=live"))).fieldErrors).toHaveProperty("version");
  });
});
