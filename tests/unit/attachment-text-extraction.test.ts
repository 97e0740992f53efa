import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EXTRACTION_LIMITS, extractChildPath, extractText } from "@/lib/attachments/text/extract-text";
import { DOCUMENT_TYPES, FIXTURES_DIR, manyPagePdf, oneLinePdf, PAGE_TWO_PHRASE } from "@/scripts/make-document-fixtures";

// The extraction on real files through the real child process and real
// pdfjs, mammoth, yauzl and saxes: the committed fixtures, and the two PDFs
// too big to commit, made here.

const fixture = (name: string) => path.join(FIXTURES_DIR, name);
const { pdf, docx, odt } = DOCUMENT_TYPES;

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "agora-extract-"));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("extractText on PDF", () => {
  it("reads a two-page PDF page by page: page 2 alone holds its phrase", async () => {
    const outcome = await extractText(fixture("two-pages.pdf"), pdf);
    expect(outcome).toMatchObject({ status: "EXTRACTED", message: null, pageCount: 2, truncated: false });
    expect(outcome.pages.map((page) => page.pageNumber)).toEqual([1, 2]);
    expect(outcome.pages[0]?.text).toContain("Position paper on trustworthy artificial intelligence");
    expect(outcome.pages[0]?.text).not.toContain(PAGE_TWO_PHRASE);
    expect(outcome.pages[1]?.text).toContain(PAGE_TWO_PHRASE);
    expect(outcome.textChars).toBe(outcome.pages.reduce((sum, page) => sum + page.text.length, 0));
    expect(outcome.peakRssKb).toBeGreaterThan(0);
  });

  it("marks a PDF without a text layer as scanned", async () => {
    expect(await extractText(fixture("scanned.pdf"), pdf)).toMatchObject({
      status: "NO_TEXT",
      message: "No text layer: this looks like a scanned document (2 pages). Read it in the file itself.",
      pageCount: 2,
      pages: [],
    });
  });

  it("records a password-protected PDF as encrypted", async () => {
    expect(await extractText(fixture("encrypted.pdf"), pdf)).toMatchObject({
      status: "ENCRYPTED",
      message: "The file is encrypted (password-protected): its text cannot be read.",
      pages: [],
    });
  });

  it("reads a PDF with JavaScript without running it, and says so", async () => {
    const outcome = await extractText(fixture("javascript.pdf"), pdf);
    expect(outcome).toMatchObject({ status: "EXTRACTED", message: "The file contains JavaScript, which was not run.", pageCount: 1 });
    expect(outcome.pages[0]?.text).toBe("This document carries a script that must never run.");
  });

  it.each([
    ["a truncated PDF", "damaged.pdf"],
    ["a text file given as PDF", "plain-text.pdf"],
    ["a DOCX given as PDF", "really-a-docx.pdf"],
  ])("records %s as damaged", async (_case, name) => {
    expect(await extractText(fixture(name), pdf)).toMatchObject({
      status: "DAMAGED",
      message: "The file is damaged or not a valid PDF: its text cannot be read.",
      pages: [],
    });
  });

  it("reads a 5,000-page PDF up to the page cap and records it as truncated", async () => {
    const file = path.join(scratch, "annex.pdf");
    fs.writeFileSync(file, await manyPagePdf(5_000));
    const progress: number[] = [];
    const outcome = await extractText(file, pdf, { onProgress: (done) => progress.push(done) });
    expect(outcome).toMatchObject({
      status: "EXTRACTED",
      pageCount: 5_000,
      truncated: true,
      message: "Only the first 2,000 of 5,000 pages were read.",
    });
    expect(outcome.pages).toHaveLength(EXTRACTION_LIMITS.maxPages);
    expect(outcome.pages.at(-1)).toEqual({ pageNumber: 2_000, text: "Page 2000 of the long annex on market surveillance." });
    expect(progress.at(-1)).toBe(2_000);
  }, 120_000);

  it("cuts a 10 MB line of text at the page limit rather than storing it whole", async () => {
    const file = path.join(scratch, "one-line.pdf");
    fs.writeFileSync(file, oneLinePdf(10 * 1024 * 1024));
    const outcome = await extractText(file, pdf);
    expect(outcome).toMatchObject({
      status: "EXTRACTED",
      pageCount: 1,
      truncated: true,
      message: "A page longer than 200,000 characters was cut at that length.",
    });
    expect(outcome.pages).toHaveLength(1);
    expect(outcome.pages[0]?.text).toHaveLength(EXTRACTION_LIMITS.maxPageChars);
    expect(outcome.pages[0]?.text).not.toContain("\n");
  }, 120_000);

  it("stops a reader that needs more memory than allowed (one 10 MB text operator, heap limit)", async () => {
    const file = path.join(scratch, "one-operator.pdf");
    fs.writeFileSync(file, oneLinePdf(10 * 1024 * 1024, 10 * 1024 * 1024));
    expect(await extractText(file, pdf, { limits: { maxHeapMb: 96 } })).toMatchObject({
      status: "TOO_LARGE",
      message: "Reading the file needed more than 96 MB of memory, so it was stopped.",
      pages: [],
    });
  }, 120_000);

  it("stops a reader whose resident memory grows beyond the limit", async () => {
    expect(await extractText(fixture("two-pages.pdf"), pdf, { limits: { maxRssMb: 40 } })).toMatchObject({
      status: "TOO_LARGE",
      message: "Reading the file needed more than 40 MB of memory, so it was stopped.",
    });
  });

  it("kills a reader that takes longer than the time limit", async () => {
    const file = path.join(scratch, "slow.pdf");
    fs.writeFileSync(file, await manyPagePdf(3_000));
    const started = Date.now();
    expect(await extractText(file, pdf, { limits: { timeoutMs: 1_000 } })).toMatchObject({
      status: "TIMED_OUT",
      message: "Reading took longer than 1 s, so it was stopped. The file may be very large or built to be slow to read.",
      pages: [],
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 60_000);

  it("stops the reader at once when asked to (the worker is stopping)", async () => {
    const controller = new AbortController();
    const reading = extractText(fixture("two-pages.pdf"), pdf, { signal: controller.signal });
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: "AbortError" });
  });
});

it("a reader whose parent died stops reading: no orphan runs on past the time limit", async () => {
  const file = path.join(scratch, "orphan.pdf");
  fs.writeFileSync(file, await manyPagePdf(3_000));
  // A parent that forks the reader, prints its pid and dies without a word.
  const parent = spawn(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import { fork } from "node:child_process";
       const child = fork(${JSON.stringify(extractChildPath())}, [], { stdio: ["ignore", "ignore", "ignore", "ipc"] });
       child.send({ filePath: ${JSON.stringify(file)}, mediaType: "application/pdf", limits: ${JSON.stringify(EXTRACTION_LIMITS)} });
       console.log(child.pid);
       setTimeout(() => process.kill(process.pid, "SIGKILL"), 700);`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  parent.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise((resolve) => parent.once("exit", resolve));
  const pid = Number(output.trim());
  expect(pid).toBeGreaterThan(0);
  const started = Date.now();
  await vi.waitFor(() => expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: "ESRCH" })), { timeout: 3_000, interval: 100 });
  // Reading the 3,000 pages takes several times as long.
  expect(Date.now() - started).toBeLessThan(3_000);
}, 30_000);

describe("extractText on DOCX and ODT", () => {
  it("reads a DOCX into pages of about 3,000 characters cut at paragraph boundaries", async () => {
    const outcome = await extractText(fixture("position-paper.docx"), docx);
    expect(outcome).toMatchObject({ status: "EXTRACTED", message: null, pageCount: 2, truncated: false });
    const [first, second] = outcome.pages;
    expect(first?.text.startsWith("Response of the Federation of Small Workshops")).toBe(true);
    expect(first?.text.length).toBeLessThanOrEqual(EXTRACTION_LIMITS.officePageChars);
    expect(first?.text.endsWith("before each implementing act.")).toBe(true);
    expect(second?.text).toContain("cooperative compliance toolkit");
    expect(second?.text.startsWith("Point ")).toBe(true);
  });

  it("reads an ODT's headings and paragraphs, with its spaces, tabs and line breaks", async () => {
    const outcome = await extractText(fixture("position-paper.odt"), odt);
    expect(outcome).toMatchObject({ status: "EXTRACTED", pageCount: 2 });
    expect(outcome.pages[0]?.text).toContain("Response of the Federation of Small Workshops to the consultation on the AI Act.\n\nPoint 1.");
    expect(outcome.pages[0]?.text).toContain("implementing act.   Spaced\tTabbed\nNext line");
    expect(outcome.pages[1]?.text).toContain("cooperative compliance toolkit");
  });

  it("follows the sniffed type, not the name: a DOCX named .pdf is read as DOCX", async () => {
    const outcome = await extractText(fixture("really-a-docx.pdf"), docx);
    expect(outcome).toMatchObject({ status: "EXTRACTED", pageCount: 1 });
    expect(outcome.pages[0]?.text).toBe("This file says it is a PDF but it is a Word document.");
  });

  it("refuses a zip bomb by its compression ratio before inflating it", async () => {
    const outcome = await extractText(fixture("zip-bomb.docx"), docx);
    expect(outcome.status).toBe("TOO_LARGE");
    expect(outcome.message).toMatch(/^Part of the file is compressed [\d,]+ times, more than the 200 allowed: it was not opened \(it may be a zip bomb\)\.$/);
    expect(outcome.peakRssKb ?? 0).toBeLessThan(200 * 1024);
  });

  it("refuses a package that declares gigabytes, whatever it really holds", async () => {
    expect(await extractText(fixture("declared-bomb.docx"), docx)).toMatchObject({
      status: "TOO_LARGE",
      message: "The file unpacks to 2,048 MB, more than the 100 MB allowed: it was not opened (it may be a zip bomb).",
    });
  });

  it.each([
    ["a text file given as DOCX", "plain-text.pdf", docx, "The file is damaged or not a valid DOCX document: its text cannot be read."],
    ["a PDF given as ODT", "two-pages.pdf", odt, "The file is damaged or not a valid ODT document: its text cannot be read."],
    ["an ODT given as DOCX", "position-paper.odt", docx, "The file is damaged or not a valid DOCX document: its text cannot be read."],
  ])("records %s as damaged", async (_case, name, mediaType, message) => {
    expect(await extractText(fixture(name), mediaType)).toMatchObject({ status: "DAMAGED", message, pages: [] });
  });
});

it("records a type it cannot read as unsupported", async () => {
  expect(await extractText(fixture("plain-text.pdf"), "text/plain")).toMatchObject({
    status: "UNSUPPORTED",
    message: "Text is read from PDF, DOCX and ODT files only; this file is text/plain.",
  });
});
