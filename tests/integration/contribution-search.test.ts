import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { contributionListSql, findConsultationContributions, type PublicContributionItem } from "@/lib/contributions/find-consultation-contributions";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import { createTestContribution, type TestContribution, type TestContributionOptions } from "../helpers/contribution-factory";
import { createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signOut } from "../helpers/session";

// Issue 10, "search that finds it": the spelling normaliser on queries and
// documents alike, consultation synonyms, the effective language in the
// search, the facets and the filter, and attachment pages searched with the
// text, with where each hit matched and its words marked in the author's text.

let consultation: TestConsultation;
let author: TestUser;
let c: Record<
  | "smes"
  | "sme"
  | "standardization"
  | "standards"
  | "analyse"
  | "board"
  | "comite"
  | "frenchDeclaredEnglish"
  | "frenchNotConfident"
  | "organisationFr"
  | "organisationDe"
  | "organizacionEs"
  | "withPaper"
  | "pendingWithPaper"
  | "hiddenWithPaper",
  TestContribution
>;

async function add(fields: Partial<TestContributionOptions> & { status?: ContributionStatus }) {
  return createTestContribution({ authorId: author.id, consultationId: consultation.id, ...fields });
}

async function attach(contribution: TestContribution, fileName: string, pages: string[], language = "en") {
  const attachment = await db.attachment.create({
    data: {
      contributionId: contribution.id,
      uploaderId: contribution.authorId,
      fileName,
      mediaType: "application/pdf",
      size: 2048,
      sha256: "b".repeat(64),
      storageKey: `bb/${fileName}`,
      textStatus: "EXTRACTED",
      pageCount: pages.length,
    },
  });
  await db.attachmentPage.createMany({
    data: pages.map((text, index) => ({ attachmentId: attachment.id, pageNumber: index + 1, text, language })),
  });
  return attachment;
}

beforeAll(async () => {
  consultation = await createTestConsultation({ title: "Reading layer search" });
  author = await createTestUser();
  c = {
    smes: await add({ title: "Costs for small firms", body: "Compliance costs weigh on SMEs far more than on large groups." }),
    sme: await add({ title: "One SME's view", body: "As an SME we cannot hire a compliance officer." }),
    standardization: await add({ title: "Harmonised rules", body: "We support the standardization of conformity assessment." }),
    standards: await add({ title: "Technical norms", body: "The existing standards are sufficient for most products." }),
    analyse: await add({ title: "Impact", body: "Regulators should analyse the impact on hospitals first." }),
    board: await add({ title: "Governance", body: "The European Artificial Intelligence Board needs its own budget." }),
    comite: await add({
      title: "Gouvernance",
      body: "Le Comité européen de l'intelligence artificielle doit disposer de son propre budget.",
      language: "fr",
    }),
    frenchDeclaredEnglish: await add({
      title: "Réglementation des chevaux",
      body: "Les chevaux de trait travaillent encore dans les vignes et les forêts de nos régions.",
      language: "en",
    }),
    frenchNotConfident: await add({ title: "Voir pièce jointe", body: "Voir la pièce jointe, merci.", language: "en" }),
    organisationFr: await add({ title: "Société civile", body: "Notre organisation représente des patients.", language: "fr" }),
    organisationDe: await add({ title: "Zivilgesellschaft", body: "Unsere Organisation vertritt Patienten.", language: "de" }),
    organizacionEs: await add({ title: "Sociedad civil", body: "Nuestra organización quiere realizar un análisis.", language: "es" }),
    withPaper: await add({ title: "Our position", body: "Please see the attached paper." }),
    pendingWithPaper: await add({ title: "Waiting", body: "See attachment.", status: "PENDING" }),
    hiddenWithPaper: await add({ title: "Hidden", body: "See attachment.", status: "HIDDEN", rejectionReason: "Personal data" }),
  };
  // What submission stores for these two (lib/language/detect-language): the
  // detector read French, confidently for the long text only.
  await db.contribution.update({ where: { id: c.frenchDeclaredEnglish.id }, data: { detectedLanguage: "fr", languageConfident: true } });
  await db.contribution.update({ where: { id: c.frenchNotConfident.id }, data: { detectedLanguage: "fr", languageConfident: false } });
  await db.searchSynonym.create({
    data: { consultationId: consultation.id, terms: ["AI Board", "European Artificial Intelligence Board", "Comité européen de l'intelligence artificielle"] },
  });
  await attach(c.withPaper, "position-paper.pdf", [
    "Introduction. Our association represents railway operators across Europe.",
    "We oppose facial recognition in railway stations without a court order.",
    "Annex: membership list.",
  ]);
  await attach(c.pendingWithPaper, "pending-paper.pdf", ["Facial recognition must be banned outright in every station."]);
  await attach(c.hiddenWithPaper, "hidden-paper.pdf", ["Facial recognition in stations, by the hidden author."]);
  // An upload never attached to a contribution is private to its uploader.
  const loose = await db.attachment.create({
    data: { uploaderId: author.id, fileName: "loose.pdf", mediaType: "application/pdf", size: 10, sha256: "c".repeat(64), storageKey: "cc/loose" },
  });
  await db.attachmentPage.create({ data: { attachmentId: loose.id, pageNumber: 1, text: "Facial recognition, loose upload.", language: "en" } });
});

beforeEach(() => signOut());

const search = (input: Record<string, unknown>) => findConsultationContributions(consultation.slug, input);
const found = async (q: string, extra: Record<string, unknown> = {}) => new Set((await search({ q, ...extra }))?.items.map((item) => item.reference));
const itemOf = async (q: string, contribution: TestContribution): Promise<PublicContributionItem | undefined> =>
  (await search({ q }))?.items.find((item) => item.reference === contribution.reference);
const marked = (segments: { text: string; highlight: boolean }[] | null | undefined) =>
  (segments ?? []).filter((segment) => segment.highlight).map((segment) => segment.text);

describe("search: acronym plurals and British/American spellings", () => {
  it("finds 'SMEs' for 'SME' and 'SME' for 'SMEs'", async () => {
    expect(await found("SME")).toEqual(new Set([c.smes.reference, c.sme.reference]));
    expect(await found("SMEs")).toEqual(new Set([c.smes.reference, c.sme.reference]));
  });

  it("finds 'standardization' for 'standardisation', and not 'standards'", async () => {
    for (const q of ["standardisation", "standardization"]) {
      const result = await found(q);
      expect(result).toContain(c.standardization.reference);
      expect(result).not.toContain(c.standards.reference);
    }
  });

  it("finds 'analyse' for 'analyze'", async () => {
    expect(await found("analyze")).toEqual(new Set([c.analyse.reference]));
  });

  it("leaves other languages' words alone: French and German 'organisation', Spanish 'organización' and 'realizar'", async () => {
    expect(await found("organisations", { language: "fr" })).toEqual(new Set([c.organisationFr.reference]));
    expect(await found("Organisation", { language: "de" })).toEqual(new Set([c.organisationDe.reference]));
    expect(await found("organización")).toEqual(new Set([c.organizacionEs.reference]));
    expect(await found("realizar")).toEqual(new Set([c.organizacionEs.reference]));
    const [row] = await db.$queryRaw<{ es: string; pt: string; it: string }[]>`
      SELECT agora_search_normalise('organización realizar analizar') AS es, agora_search_normalise('organizações') AS pt,
             agora_search_normalise('organizzazione') AS it`;
    expect(row).toEqual({ es: "organización realizar analizar", pt: "organizações", it: "organizzazione" });
  });
});

describe("search: consultation synonyms", () => {
  it("expands a query naming one term of a set with the others, in every language", async () => {
    expect(await found("AI Board")).toEqual(new Set([c.board.reference, c.comite.reference]));
    expect(await found("ai board budget")).toEqual(new Set([c.board.reference, c.comite.reference]));
  });

  it("expands whole words only, and only in the consultation that defines the set", async () => {
    expect(await found("board")).toEqual(new Set([c.board.reference]));
    const elsewhere = await createTestConsultation({ title: "No synonyms here" });
    const text = await createTestContribution({ authorId: author.id, consultationId: elsewhere.id, body: "The European Artificial Intelligence Board." });
    const result = await findConsultationContributions(elsewhere.slug, { q: "AI Board" });
    expect(result?.items.map((item) => item.reference)).not.toContain(text.reference);
  });
});

describe("search: the effective language", () => {
  it("finds a French text declared English with a French query and counts it as French", async () => {
    expect(await found("chevaux")).toEqual(new Set([c.frenchDeclaredEnglish.reference]));
    expect(await found("cheval")).toEqual(new Set([c.frenchDeclaredEnglish.reference]));
    const result = await search({});
    const languages = Object.fromEntries(result?.facets.languages.map((facet) => [facet.value, facet.count]) ?? []);
    // Declared English, read as French with confidence: French. The short one
    // the detector was not sure of keeps its declared English.
    expect(languages).toEqual({ en: 8, fr: 3, de: 1, es: 1 });
    expect(result?.items.find((item) => item.reference === c.frenchDeclaredEnglish.reference)?.language).toBe("fr");
  });

  it("filters by the effective language", async () => {
    const french = await found("", { language: "fr" });
    expect(french).toContain(c.frenchDeclaredEnglish.reference);
    expect(french).not.toContain(c.frenchNotConfident.reference);
    expect(await found("", { language: "en" })).toContain(c.frenchNotConfident.reference);
  });
});

describe("search: attachments, and where a hit matched", () => {
  it("finds a phrase on page 2 of an attachment and says so, with the words marked", async () => {
    const item = await itemOf('"facial recognition"', c.withPaper);
    expect(item?.hit).toMatchObject({ inText: false, textExcerpt: null, page: { fileName: "position-paper.pdf", pageNumber: 2 } });
    expect(marked(item?.hit?.page?.excerpt)).toEqual(["facial", "recognition"]);
    // ts_headline's fragment leaves short words and punctuation out at its ends.
    expect(item?.hit?.page?.excerpt?.map((segment) => segment.text).join("")).toBe(
      "… oppose facial recognition in railway stations without a court order",
    );
  });

  it("finds nothing in the attachments of pending or hidden contributions, nor in loose uploads", async () => {
    expect(await found("facial recognition")).toEqual(new Set([c.withPaper.reference]));
    expect(await found("banned outright")).toEqual(new Set());
    expect(await found("loose upload")).toEqual(new Set());
  });

  it("marks the words matched in the text, quoting the author exactly", async () => {
    const sme = await itemOf("SME", c.smes);
    expect(sme?.hit).toMatchObject({ inText: true, page: null });
    expect(marked(sme?.hit?.textExcerpt)).toEqual(["SMEs"]);
    expect(sme?.hit?.textExcerpt?.map((segment) => segment.text).join("")).toBe("Compliance costs weigh on SMEs far more than on large groups");
    const spelling = await itemOf("standardisation", c.standardization);
    expect(marked(spelling?.hit?.textExcerpt)).toEqual(["standardization"]);
    expect((await search({}))?.items.every((item) => item.hit === null)).toBe(true);
  });

  it("quotes a long text around the match, not from its start, and keeps control characters out", async () => {
    const long = await add({
      title: "A long one",
      body: `${"Opening remarks about many other things. ".repeat(40)}Here we finally discuss biometric\u0002 surveillance\u0003 at borders. ${"Closing words. ".repeat(30)}`,
    });
    const item = await itemOf("biometric surveillance", long);
    const text = item?.hit?.textExcerpt?.map((segment) => segment.text).join("") ?? "";
    expect(marked(item?.hit?.textExcerpt)).toEqual(["biometric", "surveillance"]);
    expect(text).toContain("discuss biometric surveillance at borders");
    expect(text.startsWith("… ") && text.endsWith(" …")).toBe(true);
    expect(text.length).toBeLessThan(400);
    expect(text).not.toMatch(/[\u0002\u0003]/);
  });

  it("keeps both GIN indexes usable: the text's and the pages'", async () => {
    class Rollback extends Error {}
    let plan = "";
    const { from, where, order } = contributionListSql(consultation.id, { q: "facial recognition" }, ["en", "fr", "de"], ["face scanning"]);
    // As in public-contributions.test.ts: with a handful of rows the planner
    // prefers other plans, so in a transaction that is rolled back the plain
    // btree indexes that could serve the list go and sequential scans are off.
    await db
      .$transaction(async (tx) => {
        const btrees = await tx.$queryRaw<{ name: string }[]>`
          SELECT i.relname AS "name" FROM pg_index x
          JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_am a ON a.oid = i.relam
          WHERE t.relname IN ('Contribution', 'Attachment') AND a.amname = 'btree' AND NOT x.indisunique`;
        for (const { name } of btrees) await tx.$executeRawUnsafe(`DROP INDEX "${name}"`);
        await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
        const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN SELECT c."id" ${from} ${where} ORDER BY ${order} LIMIT 20`);
        plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(plan).toContain("Contribution_searchVector_idx");
    expect(plan).toContain("AttachmentPage_searchVector_idx");
  });
});
