import fs from "node:fs/promises";
import path from "node:path";
import { PDFDocument, PDFName, PDFString, rgb, StandardFonts } from "pdf-lib";
import yazl from "yazl";
import { DOCX_CONTENT_TYPES_XML, DOCX_RELATIONSHIPS_XML, ODT_MANIFEST_XML } from "../tests/fixtures/documents";

// npx tsx scripts/make-document-fixtures.ts — writes the real documents the
// text extraction is tested on (tests/fixtures/documents/, committed). Each
// is small; the two inputs too big to commit (a 5,000-page PDF, a PDF whose
// text is one 10 MB line) are made at test time by the functions exported
// here. docs/decisions/0012-attachment-text.md says what each one checks.

export const FIXTURES_DIR = path.join(import.meta.dirname, "..", "tests", "fixtures", "documents");

/** The phrase only page 2 of two-pages.pdf holds (the search and e2e tests look for it). */
export const PAGE_TWO_PHRASE = "Interoperable sandboxes for municipal procurement";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const ODT_TYPE = "application/vnd.oasis.opendocument.text";

/** A PDF with one page per entry, each line of it drawn as text (A4, Helvetica 12). */
export async function pdfWithPages(pages: string[][], configure?: (doc: PDFDocument) => void): Promise<Buffer> {
  const doc = await PDFDocument.create();
  // A fixed date: the same script writes the same bytes.
  doc.setCreationDate(new Date("2026-01-01T00:00:00Z"));
  doc.setModificationDate(new Date("2026-01-01T00:00:00Z"));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, index) => page.drawText(line, { x: 56, y: 780 - index * 18, size: 12, font }));
  }
  configure?.(doc);
  return Buffer.from(await doc.save());
}

export function twoPagePdf(): Promise<Buffer> {
  return pdfWithPages([
    ["Position paper on trustworthy artificial intelligence", "The first page sets out who we are and why we write."],
    ["Our proposal", `${PAGE_TWO_PHRASE} would let cities test AI systems together.`],
  ]);
}

/** What a scanner makes, as far as text goes: a page with a picture and no text layer. */
export async function scannedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date("2026-01-01T00:00:00Z"));
  doc.setModificationDate(new Date("2026-01-01T00:00:00Z"));
  for (let index = 0; index < 2; index += 1) {
    doc.addPage([595, 842]).drawRectangle({ x: 56, y: 200, width: 480, height: 560, color: rgb(0.85, 0.85, 0.85), borderColor: rgb(0, 0, 0), borderWidth: 2 });
  }
  return Buffer.from(await doc.save());
}

/** Opens with a script (/OpenAction /JavaScript): the extraction reads its text and never runs it. */
export function javascriptPdf(): Promise<Buffer> {
  return pdfWithPages([["This document carries a script that must never run."]], (doc) => {
    const action = doc.context.obj({ S: "JavaScript", JS: PDFString.of("app.alert('ran');") });
    doc.catalog.set(PDFName.of("OpenAction"), action);
  });
}

/**
 * A PDF with the standard security handler and a user password that is not
 * empty. pdf-lib cannot encrypt, and none is needed: a reader that cannot
 * open it with the empty password asks for one (pdfjs: PasswordException)
 * before it decrypts anything, so /O and /U need only the right length.
 */
export function encryptedPdf(): Buffer {
  const hex = (seed: number) => Array.from({ length: 32 }, (_, index) => ((seed * 31 + index * 17) % 256).toString(16).padStart(2, "0")).join("");
  const id = `<${hex(3).slice(0, 32)}>`;
  return handWrittenPdf(
    "BT /F1 18 Tf 72 720 Td (Confidential) Tj ET",
    [`<< /Filter /Standard /V 1 /R 2 /O <${hex(7)}> /U <${hex(11)}> /P -44 >>`],
    `/Encrypt 6 0 R /ID [${id} ${id}]`,
  );
}

/**
 * A one-page PDF written by hand around a content stream: catalog, page
 * tree, page, content, Helvetica, then `extra` objects (numbered from 6),
 * a cross-reference table and a trailer with `trailerExtra`.
 */
function handWrittenPdf(content: string, extra: string[] = [], trailerExtra = ""): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ...extra,
  ];
  const parts = ["%PDF-1.4\n"];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(length);
    const part = `${index + 1} 0 obj\n${object}\nendobj\n`;
    parts.push(part);
    length += part.length;
  });
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) tail += `${String(offset).padStart(10, "0")} 00000 n \n`;
  tail += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(tail);
  return Buffer.from(parts.join(""), "latin1");
}

/** The first bytes of a real PDF, cut off before any object is whole: what an interrupted download leaves. */
export async function damagedPdf(): Promise<Buffer> {
  const whole = await twoPagePdf();
  return whole.subarray(0, 120);
}

/** Many pages, one line each (5,000 for the page cap; 200 for the benchmark). */
export function manyPagePdf(pageCount: number): Promise<Buffer> {
  return pdfWithPages(Array.from({ length: pageCount }, (_, index) => [`Page ${index + 1} of the long annex on market surveillance.`]));
}

/**
 * A PDF whose only text is one line of `chars` characters (10 MB in the
 * test), with no line break anywhere: written by hand, as pdf-lib would lay
 * the line out glyph by glyph. The glyphs are squeezed (Tm) so that the
 * whole line lies on the page (readers drop text beyond it). `runLength`:
 * characters per text operator, as producers write a line in runs (one
 * operator of 10 MB when it is the whole line).
 */
export function oneLinePdf(chars: number, runLength = 1000): Buffer {
  const words = "regulatory sandbox ";
  const line = words.repeat(Math.ceil(chars / words.length)).slice(0, chars);
  const runs: string[] = [];
  for (let at = 0; at < line.length; at += runLength) runs.push(`(${line.slice(at, at + runLength)}) Tj`);
  return handWrittenPdf(`BT /F1 10 Tf 0.00001 0 0 1 20 800 Tm ${runs.join(" ")} ET`);
}

function zip(entries: { name: string; data: Buffer | string; store?: boolean }[]): Promise<Buffer> {
  const archive = new yazl.ZipFile();
  const mtime = new Date("2026-01-01T00:00:00Z");
  for (const entry of entries) {
    archive.addBuffer(Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, "utf8"), entry.name, { mtime, compress: !entry.store });
  }
  archive.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    archive.outputStream.on("data", (chunk: Buffer) => chunks.push(chunk));
    archive.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    archive.outputStream.on("error", reject);
  });
}

const xmlEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The paragraphs of the DOCX and ODT fixtures: long enough to make two pages of ~3,000 characters. */
export const OFFICE_PARAGRAPHS = [
  "Response of the Federation of Small Workshops to the consultation on the AI Act.",
  ...Array.from(
    { length: 12 },
    (_, index) =>
      `Point ${index + 1}. Small and medium-sized enterprises need proportionate obligations, clear guidance and affordable conformity assessment; ` +
      "regulatory sandboxes should be open to them on equal terms, and standardisation must not become a barrier to market entry for newcomers. " +
      "We ask the Commission to publish templates and to consult SMEs before each implementing act.",
  ),
  "Annex: the phrase cooperative compliance toolkit appears only here, at the very end.",
];

function docxPackage(documentXml: string): Promise<Buffer> {
  return zip([
    { name: "[Content_Types].xml", data: DOCX_CONTENT_TYPES_XML },
    { name: "_rels/.rels", data: DOCX_RELATIONSHIPS_XML },
    { name: "word/document.xml", data: documentXml },
  ]);
}

export function docxDocument(paragraphs = OFFICE_PARAGRAPHS): Promise<Buffer> {
  const body = paragraphs.map((paragraph) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(paragraph)}</w:t></w:r></w:p>`).join("");
  return docxPackage(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
}

export function odtDocument(paragraphs = OFFICE_PARAGRAPHS, options: { whitespaceSample?: boolean } = {}): Promise<Buffer> {
  // The first paragraph is a heading; the second shows (unless told not to)
  // the whitespace elements (<text:s text:c="3"/>, a tab, a line break) the
  // reader expands.
  const [heading = "", second = "", ...rest] = paragraphs;
  const sample = options.whitespaceSample === false ? "" : `<text:s text:c="3"/>Spaced<text:tab/>Tabbed<text:line-break/>Next line`;
  const body =
    `<text:h text:outline-level="1">${xmlEscape(heading)}</text:h>` +
    `<text:p>${xmlEscape(second)}${sample}</text:p>` +
    rest.map((paragraph) => `<text:p>${xmlEscape(paragraph)}</text:p>`).join("");
  return zip([
    // OpenDocument 1.2, 3.3: first and uncompressed.
    { name: "mimetype", data: ODT_TYPE, store: true },
    { name: "META-INF/manifest.xml", data: ODT_MANIFEST_XML },
    {
      name: "content.xml",
      data:
        `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
        `xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    },
  ]);
}

/**
 * A DOCX whose document.xml is 20 MB of zeros, truthfully declared: a
 * compression ratio of about 1,000 to 1, refused before anything is inflated.
 */
export function zipBombDocx(): Promise<Buffer> {
  return docxPackage(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${"0".repeat(20 * 1024 * 1024)}</w:t></w:r></w:p></w:body></w:document>`);
}

/**
 * The same kind of bomb, declaring 2 GiB - 1 uncompressed in its headers (what a
 * real one would hold); its actual content is 4 MB, so the file stays small.
 */
export async function declaredBombDocx(): Promise<Buffer> {
  const bytes = await docxPackage(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${" ".repeat(4 * 1024 * 1024)}</w:body></w:document>`);
  const name = Buffer.from("word/document.xml");
  const declared = 0x7fffffff;
  // Local file header: size at 22; central directory header: size at 24.
  for (let at = bytes.indexOf(name); at !== -1; at = bytes.indexOf(name, at + 1)) {
    if (bytes.readUInt32LE(at - 30) === 0x04034b50) bytes.writeUInt32LE(declared, at - 30 + 22);
    else if (bytes.readUInt32LE(at - 46) === 0x02014b50) bytes.writeUInt32LE(declared, at - 46 + 24);
  }
  return bytes;
}

export const PLAIN_TEXT = "This is a plain text file with a .pdf name. It is not a PDF at all.\n";

export const DOCUMENT_TYPES = { pdf: "application/pdf", docx: DOCX_TYPE, odt: ODT_TYPE } as const;

/** The committed fixtures: file name → how it is made. */
export const FIXTURES: Record<string, () => Buffer | Promise<Buffer>> = {
  "two-pages.pdf": twoPagePdf,
  "scanned.pdf": scannedPdf,
  "javascript.pdf": javascriptPdf,
  "encrypted.pdf": encryptedPdf,
  "damaged.pdf": damagedPdf,
  "position-paper.docx": () => docxDocument(),
  "position-paper.odt": () => odtDocument(),
  "zip-bomb.docx": zipBombDocx,
  "declared-bomb.docx": declaredBombDocx,
  // A DOCX under a PDF name: sniffed (and read) as DOCX.
  "really-a-docx.pdf": () => docxDocument(["This file says it is a PDF but it is a Word document."]),
  "plain-text.pdf": () => Buffer.from(PLAIN_TEXT, "utf8"),
};

async function main(): Promise<void> {
  await fs.mkdir(FIXTURES_DIR, { recursive: true });
  for (const [name, make] of Object.entries(FIXTURES)) {
    const bytes = await make();
    await fs.writeFile(path.join(FIXTURES_DIR, name), bytes);
    console.info(`${name}: ${bytes.length} bytes`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

/** Lines of at most `lineChars` characters, broken between words, each paragraph (line of `text`) on its own: a PDF page does not wrap. */
export function wrapLines(text: string, lineChars = 85): string[] {
  return text.split("\n").flatMap((paragraph) => {
    const lines: string[] = [];
    let line = "";
    for (const word of paragraph.split(" ")) {
      if (line && line.length + 1 + word.length > lineChars) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
    return lines;
  });
}
