import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import mammoth from "mammoth";
import { log, step } from "@/bench/output";
import { describeMachine, loadAverage, RESULTS_FILE, sourceRevision } from "@/bench/report";
import { EXTRACTION_LIMITS, extractText, type ExtractionOutcome } from "@/lib/attachments/text/extract-text";
import { DOCUMENT_TYPES, docxDocument, FIXTURES_DIR, odtDocument, pdfWithPages } from "@/scripts/make-document-fixtures";

// npm run bench:extraction — how fast attachment text is read, and with how
// much memory (issue 10). Three generated documents of about 200 pages: a
// text PDF (25 lines a page), a DOCX and an ODT of the same paragraphs
// (paged by 3,000 characters). Each is read RUNS times through
// extractText (a child process per file, as the worker does) and, as the
// ceiling measured in the same run, by the same readers in this process
// (no child, no IPC) and by the bare library (pdfjs getTextContent per page;
// mammoth.extractRawText). Peak memory is the child's peak resident set
// (getrusage maxRSS, which is VmHWM), beside that of a child reading a
// one-page PDF (what the child costs before any document). Appends a section
// to bench/RESULTS.md.

const RUNS = 3;
const PAGES = 200;

type Reader = (filePath: string, limits: typeof EXTRACTION_LIMITS, onProgress: (done: number, total: number) => void) => Promise<{ pages: unknown[] }>;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const mib = (kb: number | null) => (kb === null ? "—" : (kb / 1024).toFixed(0));

function paragraphs(count: number): string[] {
  const sentences = [
    "Small and medium-sized enterprises need proportionate obligations and clear guidance.",
    "Regulatory sandboxes should be open to newcomers on equal terms.",
    "Standardisation must not become a barrier to market entry.",
    "Conformity assessment should be affordable and predictable for every provider.",
    "Market surveillance authorities need the resources to act across borders.",
  ];
  return Array.from({ length: count }, (_, index) => `${index + 1}. ${sentences.slice(index % 3).join(" ")} ${sentences.slice(0, (index % 4) + 1).join(" ")}`);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function pdfjsCeiling(file: string): Promise<number> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), isEvalSupported: false, verbosity: 0 }).promise;
  let chars = 0;
  for (let number = 1; number <= doc.numPages; number += 1) {
    const page = await doc.getPage(number);
    const content = await page.getTextContent();
    for (const item of content.items) if ("str" in item) chars += item.str.length;
    page.cleanup();
  }
  await doc.destroy();
  return chars;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-bench-extraction-"));
  const childDir = path.join(process.cwd(), "lib", "attachments", "text", "child");
  const readers = {
    pdf: ((await import(pathToFileURL(path.join(childDir, "read-pdf.mjs")).href)) as { readPdf: Reader }).readPdf,
    docx: ((await import(pathToFileURL(path.join(childDir, "read-office.mjs")).href)) as { readDocx: Reader }).readDocx,
    odt: ((await import(pathToFileURL(path.join(childDir, "read-office.mjs")).href)) as { readOdt: Reader }).readOdt,
  };
  try {
    step("Generating the documents");
    const line = "The Commission should publish templates and consult SMEs before each implementing act.";
    const files = {
      pdf: path.join(dir, "paper.pdf"),
      docx: path.join(dir, "paper.docx"),
      odt: path.join(dir, "paper.odt"),
    };
    fs.writeFileSync(files.pdf, await pdfWithPages(Array.from({ length: PAGES }, (_, page) => Array.from({ length: 25 }, (_, row) => `${page + 1}.${row + 1} ${line}`))));
    const text = paragraphs(1_200);
    fs.writeFileSync(files.docx, await docxDocument(text));
    fs.writeFileSync(files.odt, await odtDocument(text));
    for (const [kind, file] of Object.entries(files)) log(`${kind}: ${(fs.statSync(file).size / 1024).toFixed(0)} KiB`);

    const loadBefore = loadAverage();
    step("Baseline: a child reading a one-page PDF");
    const baseline = await extractText(path.join(FIXTURES_DIR, "javascript.pdf"), DOCUMENT_TYPES.pdf);
    log(`${baseline.elapsedMs} ms, peak RSS ${mib(baseline.peakRssKb)} MiB`);

    const rows: string[] = [];
    for (const kind of ["pdf", "docx", "odt"] as const) {
      step(kind.toUpperCase());
      const file = files[kind];
      const mediaType = DOCUMENT_TYPES[kind];
      const child: { ms: number; value: ExtractionOutcome }[] = [];
      const inProcess: number[] = [];
      const bare: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        child.push(await timed(() => extractText(file, mediaType)));
        inProcess.push((await timed(() => readers[kind](file, EXTRACTION_LIMITS, () => {}))).ms);
        if (kind === "pdf") bare.push((await timed(() => pdfjsCeiling(file))).ms);
        if (kind === "docx") bare.push((await timed(() => mammoth.extractRawText({ path: file }))).ms);
      }
      const outcome = child[0]?.value;
      const pages = outcome?.pages.length ?? 0;
      const childMs = median(child.map((run) => run.ms));
      const inProcessMs = median(inProcess);
      const bareMs = bare.length > 0 ? median(bare) : null;
      const peak = Math.max(...child.map((run) => run.value.peakRssKb ?? 0));
      const rate = (ms: number) => (pages / (ms / 1000)).toFixed(0);
      log(`${outcome?.status}: ${pages} pages, ${outcome?.textChars} characters; child ${childMs.toFixed(0)} ms, in process ${inProcessMs.toFixed(0)} ms${bareMs === null ? "" : `, bare library ${bareMs.toFixed(0)} ms`}; peak RSS ${mib(peak)} MiB`);
      rows.push(
        `| ${kind.toUpperCase()} | ${(fs.statSync(file).size / 1024).toFixed(0)} | ${pages} | ${(outcome?.textChars ?? 0).toLocaleString("en-GB")} | ${childMs.toFixed(0)} | ${rate(childMs)} | ${rate(inProcessMs)} | ${bareMs === null ? "—" : rate(bareMs)} | ${(childMs / inProcessMs).toFixed(2)} | ${mib(peak)} | ${mib(baseline.peakRssKb)} |`,
      );
    }

    const machine = describeMachine("not used");
    const date = new Date();
    const section = [
      "",
      `## ${date.toISOString().slice(0, 16).replace("T", " ")} UTC — attachment text extraction (npm run bench:extraction)`,
      "",
      `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB memory, ${machine.os}; Node ${machine.node}. Load average ${loadBefore} before, ${loadAverage()} after (the machine was shared with other work).`,
      `- Source: ${sourceRevision()}. pdfjs-dist 5.6.205 (legacy build), mammoth, yauzl + saxes; limits: ${EXTRACTION_LIMITS.timeoutMs / 1000} s, heap ${EXTRACTION_LIMITS.maxHeapMb} MB, RSS ${EXTRACTION_LIMITS.maxRssMb} MB.`,
      `- Documents, generated: a ${PAGES}-page text PDF (pdf-lib, Helvetica, 25 lines a page); a DOCX and an ODT of the same 1,200 paragraphs, paged by ${EXTRACTION_LIMITS.officePageChars.toLocaleString("en-GB")} characters. Each read ${RUNS} times, median shown.`,
      "- “Through the child”: extractText as the worker calls it (fork, IPC, limits, cleaning). Ceilings of the same run: “in process”, the same reader modules called in the benchmark's process; “bare library”, pdfjs getTextContent page by page, or mammoth.extractRawText, with nothing around them. Overhead: child time ÷ in-process time. Peak RSS: the child's getrusage maxRSS (VmHWM) at its end; baseline, a child reading a one-page PDF.",
      `- A child that reads a one-page PDF takes ${baseline.elapsedMs} ms in all (Node start, loading the readers, IPC): the fixed cost per file, most of the overhead on the small DOCX and ODT.`,
      "",
      "| Format | Size KiB | Pages | Characters | Through the child ms | Pages/s (child) | Pages/s (in process) | Pages/s (bare library) | Overhead × | Peak RSS MiB | Baseline RSS MiB |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...rows,
      "",
    ].join("\n");
    fs.appendFileSync(RESULTS_FILE, section);
    log(section);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
