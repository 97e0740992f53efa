import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { cleanText, createTextBudget } from "./text-bounds.mjs";

// Reads a PDF's text layer page by page with pdfjs-dist (legacy build: the
// one for Node.js). Nothing in the file runs: eval is off (and the child
// process refuses code generation from strings altogether), scripting and
// XFA forms are off, fonts are not loaded into anything.

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve("pdfjs-dist/package.json"));

/** What pdfjs throws, by exception name. */
const ENCRYPTED = new Set(["PasswordException"]);

/**
 * A page's text, read as a stream and cancelled once it holds more than a
 * page keeps (a 10 MB line is not built whole in memory first).
 */
async function pageText(page, maxPageChars) {
  const reader = page.streamTextContent({ includeMarkedContent: false }).getReader();
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    for (const item of value.items) {
      if (typeof item.str !== "string") continue;
      text += item.str;
      if (item.hasEOL) text += "\n";
    }
    if (text.length > maxPageChars) {
      await reader.cancel(new Error("enough text for one page"));
      break;
    }
  }
  return text;
}

export async function readPdf(filePath, limits, onProgress) {
  const pdfjs = await import(pathToFileURL(path.join(pdfjsRoot, "legacy", "build", "pdf.mjs")).href);
  const data = new Uint8Array(await readFile(filePath));
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    // Character maps for CJK fonts, read from the package on disk.
    cMapUrl: `${path.join(pdfjsRoot, "cmaps")}${path.sep}`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(pdfjsRoot, "standard_fonts")}${path.sep}`,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    const name = error?.name ?? "";
    if (ENCRYPTED.has(name)) return { status: "ENCRYPTED", pages: [], pageCount: null, detail: name };
    return { status: "DAMAGED", pages: [], pageCount: null, detail: `${name}: ${error?.message ?? error}` };
  }
  try {
    const pageCount = doc.numPages;
    const toRead = Math.min(pageCount, limits.maxPages);
    const budget = createTextBudget(limits);
    const pages = [];
    let hasJavaScript = false;
    try {
      const actions = await doc.getJSActions();
      hasJavaScript = Boolean(actions && Object.keys(actions).length > 0);
    } catch {
      // A broken action dictionary says nothing about the text.
    }
    let read = 0;
    for (let number = 1; number <= toRead && !budget.full; number += 1) {
      const page = await doc.getPage(number);
      const text = await pageText(page, limits.maxPageChars);
      page.cleanup();
      read = number;
      const cleaned = cleanText(text).trim();
      if (cleaned) pages.push({ pageNumber: number, text: budget.add(cleaned) });
      onProgress(number, toRead);
    }
    if (read < toRead) budget.markFull();
    const status = pages.length === 0 ? "NO_TEXT" : "EXTRACTED";
    return { status, pages, pageCount, pagesRead: read, cuts: budget.cuts, hasJavaScript };
  } finally {
    await doc.destroy();
  }
}
