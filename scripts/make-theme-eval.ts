import fs from "node:fs/promises";
import path from "node:path";
import { docxDocument, pdfWithPages, scannedPdf, wrapLines } from "@/scripts/make-document-fixtures";
import { CONTRIBUTIONS } from "@/tests/fixtures/theme-eval/source/contributions";
import { ISSUES } from "@/tests/fixtures/theme-eval/source/issues";
import type { Attachment, EvalContribution, EvalLanguage, Paper } from "@/tests/fixtures/theme-eval/source/types";

// npx tsx scripts/make-theme-eval.ts — writes the made-up consultation of
// the theme evaluation (issue 11, item 5) to tests/fixtures/theme-eval/consultation/:
// every attachment as a real PDF or DOCX, laid out from the texts in
// tests/fixtures/theme-eval/source/, and manifest.json with each
// contribution, its attachments' file names and page counts, and its labels.
// The same script writes the same bytes (fixed dates in the builders).

const OUTPUT_DIR = path.join(import.meta.dirname, "..", "tests", "fixtures", "theme-eval", "consultation");
const LINE_CHARS = 85;
// Lines of text per PDF page above the footer (A4, 18 pt leading, margins).
const LINES_PER_PAGE = 32;

const COVER_LINE: Record<EvalLanguage, string> = {
  en: "Contribution to the public consultation on the regulation on artificial intelligence",
  fr: "Contribution à la consultation publique sur le règlement relatif à l'intelligence artificielle",
  de: "Beitrag zur öffentlichen Konsultation zur Verordnung über künstliche Intelligenz",
};
const CONTENTS: Record<EvalLanguage, string> = { en: "Contents", fr: "Sommaire", de: "Inhalt" };
const ABOUT: Record<EvalLanguage, string> = { en: "About us", fr: "Qui sommes-nous", de: "Über uns" };
const NEW_PAGE = "\f";
const PAGE: Record<EvalLanguage, string> = { en: "Page", fr: "Page", de: "Seite" };


// Helvetica in pdf-lib writes WinAnsi only: a character outside it would
// stop the build, or worse, be dropped from the text the test reads.
const WIN_ANSI = /^[\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u201e\u2022\u2026\u20ac\u0152\u0153]*$/;

/** A paper's PDF pages: a cover page, a contents page for the longer ones, the sections, "about us"; the footer and page number on each. */
export function paperPages(paper: Paper): string[][] {
  // A report (five sections or more) starts each section on a new page.
  const report = paper.sections.length >= 5;
  const blocks: string[][] = [];
  for (const section of paper.sections) {
    blocks.push(["", section.heading]);
    if (report) blocks[blocks.length - 1]!.unshift(NEW_PAGE);
    for (const paragraph of section.paragraphs) blocks.push(["", ...wrapLines(paragraph, LINE_CHARS)]);
  }
  const pages: string[][] = [[paper.author, "", ...wrapLines(paper.title, LINE_CHARS), "", ...wrapLines(COVER_LINE[paper.language], LINE_CHARS), paper.date]];
  if (report) pages.push([CONTENTS[paper.language], "", ...paper.sections.map((section) => section.heading)]);
  let page: string[] = [];
  for (const block of blocks) {
    const breakBefore = block[0] === NEW_PAGE;
    const lines = breakBefore ? block.slice(1) : block;
    if ((breakBefore || page.length + lines.length > LINES_PER_PAGE) && page.length > 0) {
      pages.push(page);
      page = [];
    }
    page.push(...(page.length === 0 ? lines.slice(1) : lines));
  }
  if (page.length > 0) pages.push(page);
  if (paper.about) pages.push([ABOUT[paper.language], "", ...wrapLines(paper.about, LINE_CHARS)]);
  return pages.map((lines, index) => {
    const all = [...lines, "", ...wrapLines(paper.footer, LINE_CHARS), `${PAGE[paper.language]} ${index + 1}/${pages.length}`];
    for (const line of all) if (!WIN_ANSI.test(line)) throw new Error(`${paper.fileName}: a character Helvetica (WinAnsi) cannot draw in "${line}"`);
    return all;
  });
}

/** A DOCX's paragraphs: title, author and date, the sections, "about us", the footer as the closing paragraph. */
function paperParagraphs(paper: Paper): string[] {
  return [
    paper.title,
    `${paper.author}, ${paper.date}`,
    COVER_LINE[paper.language],
    ...paper.sections.flatMap((section) => [section.heading, ...section.paragraphs]),
    ...(paper.about ? [ABOUT[paper.language], paper.about] : []),
    paper.footer,
  ];
}

async function render(attachment: Attachment): Promise<{ bytes: Buffer; pages: number | null }> {
  if (attachment.format === "scan") return { bytes: await scannedPdf(), pages: 2 };
  if (attachment.format === "docx") return { bytes: await docxDocument(paperParagraphs(attachment)), pages: null };
  const pages = paperPages(attachment);
  return { bytes: await pdfWithPages(pages), pages: pages.length };
}

export type ManifestAttachment = { fileName: string; format: "pdf" | "docx" | "scan"; language: EvalLanguage | null; pdfPages: number | null; bytes: number };
export type ManifestContribution = Omit<EvalContribution, "attachments"> & { attachments: ManifestAttachment[] };
export type Manifest = {
  about: string;
  issues: typeof ISSUES;
  contributions: ManifestContribution[];
};

function check(contributions: EvalContribution[]): void {
  const ids = new Set<string>();
  const issueIds = new Set(ISSUES.map((issue) => issue.id));
  for (const contribution of contributions) {
    if (ids.has(contribution.id)) throw new Error(`Two contributions are ${contribution.id}.`);
    ids.add(contribution.id);
    const { primary, issues } = contribution.labels;
    if (primary !== null && !issues.includes(primary)) throw new Error(`${contribution.id}: its primary issue is not among its issues.`);
    if (primary === null && issues.length > 0) throw new Error(`${contribution.id}: issues without a primary one.`);
    for (const issue of issues) if (!issueIds.has(issue)) throw new Error(`${contribution.id}: unknown issue ${issue}.`);
  }
}

async function main(): Promise<void> {
  check(CONTRIBUTIONS);
  await fs.rm(OUTPUT_DIR, { recursive: true, force: true });
  await fs.mkdir(OUTPUT_DIR, { recursive: true });
  const written = new Map<string, ManifestAttachment>();
  const contributions: ManifestContribution[] = [];
  for (const contribution of CONTRIBUTIONS) {
    const attachments: ManifestAttachment[] = [];
    for (const attachment of contribution.attachments) {
      // The joint paper is one file uploaded four times.
      let entry = written.get(attachment.fileName);
      if (!entry) {
        const { bytes, pages } = await render(attachment);
        await fs.writeFile(path.join(OUTPUT_DIR, attachment.fileName), bytes);
        entry = { fileName: attachment.fileName, format: attachment.format, language: attachment.format === "scan" ? null : attachment.language, pdfPages: pages, bytes: bytes.length };
        written.set(attachment.fileName, entry);
      }
      attachments.push(entry);
    }
    contributions.push({ ...contribution, attachments });
  }
  const manifest: Manifest = {
    about: "A made-up consultation on an EU regulation of artificial intelligence, written for the theme evaluation (tests/fixtures/theme-eval/README.md). Generated by scripts/make-theme-eval.ts: edit the texts in tests/fixtures/theme-eval/source/, not this file.",
    issues: ISSUES,
    contributions,
  };
  await fs.writeFile(path.join(OUTPUT_DIR, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const total = [...written.values()].reduce((sum, entry) => sum + entry.bytes, 0);
  console.info(`${contributions.length} contributions, ${written.size} attachments (${(total / 1024).toFixed(0)} KiB) in ${path.relative(process.cwd(), OUTPUT_DIR)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
