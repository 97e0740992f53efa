import { SaxesParser } from "saxes";
import yauzl from "yauzl";
import mammoth from "mammoth";
import { cleanText, createTextBudget, pagesFromParagraphs } from "./text-bounds.mjs";

// DOCX and ODT are zip packages. Before anything is inflated, the central
// directory is read (yauzl) and the package refused when it declares more
// than limits.maxZipBytes in all, more than limits.maxZipEntries entries,
// or an entry inflating more than limits.maxZipRatio times its size (a zip
// bomb). Declared sizes can lie: yauzl checks each entry's real size
// against its declared one while inflating, and mammoth (which reads the
// package again with JSZip, without those checks) only gets a DOCX whose
// entries were all inflated here first within the declared total.

const TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

class PackageProblem extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
    this.detail = detail;
  }
}

function openZip(filePath) {
  return new Promise((resolve, reject) => {
    yauzl.open(filePath, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (error, zip) => {
      if (error) reject(new PackageProblem("DAMAGED", `not a zip package: ${error.message}`));
      else resolve(zip);
    });
  });
}

/** Every entry's name and sizes, from the central directory alone. */
function listEntries(zip, limits) {
  return new Promise((resolve, reject) => {
    const entries = [];
    let declared = 0;
    zip.on("entry", (entry) => {
      entries.push(entry);
      declared += entry.uncompressedSize;
      if (entries.length > limits.maxZipEntries) {
        reject(new PackageProblem("TOO_LARGE", `zip-entries:${zip.entryCount}`));
        return;
      }
      if (declared > limits.maxZipBytes) {
        reject(new PackageProblem("TOO_LARGE", `zip-bytes:${declared}`));
        return;
      }
      // Small entries may compress well (a run of spaces) and harm no one.
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > limits.minBombBytes && ratio > limits.maxZipRatio) {
        reject(new PackageProblem("TOO_LARGE", `zip-ratio:${Math.round(ratio)}`));
        return;
      }
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", (error) => reject(new PackageProblem("DAMAGED", `zip: ${error.message}`)));
    zip.readEntry();
  });
}

function readEntryStream(zip, entry) {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) reject(new PackageProblem("DAMAGED", `zip entry ${entry.fileName}: ${error.message}`));
      else resolve(stream);
    });
  });
}

/** Inflates an entry to nowhere: yauzl fails it if it holds more than it declares. */
async function drainEntry(zip, entry) {
  const stream = await readEntryStream(zip, entry);
  await new Promise((resolve, reject) => {
    stream.on("data", () => {});
    stream.on("end", resolve);
    stream.on("error", (error) => reject(new PackageProblem("DAMAGED", `zip entry ${entry.fileName}: ${error.message}`)));
  });
}

async function inspectPackage(filePath, limits) {
  const zip = await openZip(filePath);
  try {
    const entries = await listEntries(zip, limits);
    return { zip, entries };
  } catch (error) {
    zip.close();
    throw error;
  }
}

function problemResult(error) {
  if (error instanceof PackageProblem) return { status: error.status, pages: [], pageCount: null, detail: error.detail };
  throw error;
}

/** `cut`: the reader stopped before the end (more text than the budget keeps). */
function finish(paragraphs, limits, cut = false) {
  const budget = createTextBudget(limits);
  const all = pagesFromParagraphs(paragraphs, limits.officePageChars);
  const pages = [];
  for (const text of all.slice(0, limits.maxPages)) {
    if (budget.full) break;
    pages.push({ pageNumber: pages.length + 1, text: budget.add(text) });
  }
  if (cut || (budget.full && pages.length < all.length)) budget.markFull();
  return { status: pages.length === 0 ? "NO_TEXT" : "EXTRACTED", pages, pageCount: all.length, pagesRead: pages.length, cuts: budget.cuts };
}

export async function readDocx(filePath, limits, onProgress) {
  let inspected;
  try {
    inspected = await inspectPackage(filePath, limits);
    const { zip, entries } = inspected;
    if (!entries.some((entry) => entry.fileName === "word/document.xml")) throw new PackageProblem("DAMAGED", "no word/document.xml");
    for (const [index, entry] of entries.entries()) {
      if (!entry.fileName.endsWith("/")) await drainEntry(zip, entry);
      onProgress(index + 1, entries.length + 1);
    }
  } catch (error) {
    return problemResult(error);
  } finally {
    inspected?.zip.close();
  }
  let raw;
  try {
    raw = (await mammoth.extractRawText({ path: filePath })).value;
  } catch (error) {
    return { status: "DAMAGED", pages: [], pageCount: null, detail: `mammoth: ${error?.message ?? error}` };
  }
  // mammoth ends every paragraph with two line feeds.
  return finish(cleanText(raw).split(/\n{2,}/).map((paragraph) => paragraph.trim()), limits);
}

/** The text of an ODT's content.xml, paragraph by paragraph (text:p and text:h), streamed through saxes. */
function odtParagraphs(stream, limits) {
  return new Promise((resolve, reject) => {
    const parser = new SaxesParser({ xmlns: true });
    // A character whose bytes are split between two chunks is decoded whole.
    const decoder = new TextDecoder("utf-8");
    const paragraphs = [];
    // Paragraphs nest (a note inside a paragraph): one buffer per open one.
    const open = [];
    let chars = 0;
    let done = false;
    const fail = (error) => {
      if (done) return;
      done = true;
      stream.destroy();
      reject(error);
    };
    const append = (text) => {
      const current = open.at(-1);
      if (current === undefined) return;
      open[open.length - 1] = current + text;
      chars += text.length;
    };
    parser.on("opentag", (node) => {
      if (node.uri !== TEXT_NS) return;
      if (node.local === "p" || node.local === "h") open.push("");
      else if (node.local === "s") append(" ".repeat(Math.min(1000, Math.max(1, Number(node.attributes.c?.value ?? node.attributes["text:c"]?.value ?? 1) || 1))));
      else if (node.local === "tab") append("\t");
      else if (node.local === "line-break") append("\n");
    });
    parser.on("closetag", (node) => {
      if (node.uri === TEXT_NS && (node.local === "p" || node.local === "h")) {
        const text = open.pop() ?? "";
        paragraphs.push(text);
      }
    });
    parser.on("text", (text) => append(text));
    parser.on("cdata", (text) => append(text));
    parser.on("error", (error) => fail(new PackageProblem("DAMAGED", `content.xml: ${error.message}`)));
    stream.on("data", (chunk) => {
      if (done) return;
      try {
        parser.write(decoder.decode(chunk, { stream: true }));
      } catch (error) {
        fail(new PackageProblem("DAMAGED", `content.xml: ${error.message}`));
        return;
      }
      // More text than the budget keeps: no need to read on.
      if (chars > limits.maxChars * 1.1) {
        done = true;
        stream.destroy();
        resolve({ paragraphs, cut: true });
      }
    });
    stream.on("end", () => {
      if (done) return;
      try {
        parser.write(decoder.decode());
        parser.close();
      } catch (error) {
        fail(new PackageProblem("DAMAGED", `content.xml: ${error.message}`));
        return;
      }
      done = true;
      resolve({ paragraphs, cut: false });
    });
    stream.on("error", (error) => fail(new PackageProblem("DAMAGED", `content.xml: ${error.message}`)));
  });
}

export async function readOdt(filePath, limits, onProgress) {
  let inspected;
  try {
    inspected = await inspectPackage(filePath, limits);
    const { zip, entries } = inspected;
    const content = entries.find((entry) => entry.fileName === "content.xml");
    if (!content) throw new PackageProblem("DAMAGED", "no content.xml");
    onProgress(0, 1);
    const stream = await readEntryStream(zip, content);
    const { paragraphs, cut } = await odtParagraphs(stream, limits);
    onProgress(1, 1);
    return finish(paragraphs.map((paragraph) => cleanText(paragraph).trim()), limits, cut);
  } catch (error) {
    return problemResult(error);
  } finally {
    inspected?.zip.close();
  }
}
