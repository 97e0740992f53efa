import fs from "node:fs/promises";
import path from "node:path";
import { docxDocument, odtDocument, pdfWithPages, scannedPdf } from "@/scripts/make-document-fixtures";
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

/** Lines of at most LINE_CHARS characters, broken between words: a PDF page does not wrap. */
function wrap(text: string): string[] {
  return text.split("\n").flatMap((paragraph) => {
    const lines: string[] = [];
    let line = "";
    for (const word of paragraph.split(" ")) {
      if (line && line.length + 1 + word.length > LINE_CHARS) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
    return lines;
  });
}

export const SEED_DOCUMENTS: Record<string, () => Promise<Buffer>> = {
  [JOINT_PAPER_FILE_NAME]: () => pdfWithPages(JOINT_PAPER_PAGES.map(wrap)),
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
