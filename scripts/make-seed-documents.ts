import fs from "node:fs/promises";
import path from "node:path";
import { docxDocument, odtDocument, pdfWithPages, scannedPdf, wrapLines } from "@/scripts/make-document-fixtures";
import {
  GERMAN_STATEMENT,
  JOINT_PAPER_FILE_NAME,
  JOINT_PAPER_PAGES,
  SCANNED_LETTER,
  UNIVERSITY_RESPONSE,
} from "@/prisma/seed/demo-reading-texts";

// npx tsx scripts/make-seed-documents.ts — writes the demo's attached
// documents to prisma/seed/documents/ (committed, so the seed needs no
// document library): the joint position paper (PDF, three pages), the
// university's response (DOCX), the German statement (ODT) and a scanned
// letter (a PDF with no text layer). The same script writes the same bytes.

const OUTPUT_DIR = path.join(import.meta.dirname, "..", "prisma", "seed", "documents");
const LINE_CHARS = 85;


export const SEED_DOCUMENTS: Record<string, () => Promise<Buffer>> = {
  [JOINT_PAPER_FILE_NAME]: () => pdfWithPages(JOINT_PAPER_PAGES.map((page) => wrapLines(page, LINE_CHARS))),
  [UNIVERSITY_RESPONSE.fileName]: () => docxDocument([...UNIVERSITY_RESPONSE.paragraphs]),
  [GERMAN_STATEMENT.fileName]: () => odtDocument([...GERMAN_STATEMENT.paragraphs], { whitespaceSample: false }),
  [SCANNED_LETTER.fileName]: scannedPdf,
};

async function main(): Promise<void> {
  await fs.mkdir(OUTPUT_DIR, { recursive: true });
  for (const [name, make] of Object.entries(SEED_DOCUMENTS)) {
    const bytes = await make();
    await fs.writeFile(path.join(OUTPUT_DIR, name), bytes);
    console.info(`${name}: ${bytes.length} bytes`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
