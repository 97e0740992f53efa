import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { BenchError, log, step } from "@/bench/output";
import { loadAverage } from "@/bench/report";
import { formatContributionReference } from "@/lib/contributions/reference";
import { StakeholderType } from "@/lib/generated/prisma/enums";
import { composeText, pickLanguage } from "@/prisma/seed/compose-contribution";
import { DEMO_CONSULTATIONS } from "@/prisma/seed/demo-consultations";
import type { DemoLanguage } from "@/prisma/seed/demo-texts";
import { createRandom } from "@/prisma/seed/random";
import { computeThemes } from "@/lib/summaries/themes/compute-themes";
import type { ThemeDocument, ThemeSummary } from "@/lib/summaries/themes/types";

// Themes of a consultation's summary at scale (issue 5): computeThemes over
// N synthetic contributions written by the seed's text composer, in the
// demo's languages, about the topics of the first demo consultation. Needs
// no database and no build:
//
//   npx tsx --conditions=react-server bench/themes.ts [N …]   (default 10000 100000)
//
// Each size runs in a child process of its own, so one size's garbage does
// not count against the next. Memory is read from /proc (Linux): the peak
// resident set (VmHWM) is reset once the documents are in memory, so it is
// the peak while computing, documents included. Sampling memoryUsage() from
// a timer would see nothing, the computation never yields to the event
// loop. The CPU time is printed beside the elapsed time: on a machine
// shared with other work it is the steadier figure. Nothing is written to
// bench/RESULTS.md.

const DEFAULT_SIZES = [10_000, 100_000];
// Where the synthetic authors write from: English most, as on the demo.
const AUTHOR_LANGUAGES: [DemoLanguage, number][] = [
  ["en", 4],
  ["fr", 2],
  ["de", 2],
  ["es", 1],
  ["it", 1],
  ["nl", 1],
  ["pt", 1],
  ["ja", 1],
];

type Figures = {
  documents: number;
  generateSeconds: number;
  seconds: number;
  cpuSeconds: number;
  rssBeforeMiB: number;
  peakRssMiB: number;
  heapBeforeMiB: number;
  heapAfterMiB: number;
  summary: ThemeSummary;
};

function syntheticDocuments(count: number): ThemeDocument[] {
  const random = createRandom(count);
  const consultation = DEMO_CONSULTATIONS[0];
  if (!consultation) throw new BenchError("The seed has no demo consultation to take topics from.");
  const types = Object.values(StakeholderType);
  const submittedAt = new Date(Date.UTC(2026, 2, 1));
  return Array.from({ length: count }, (_, i) => {
    const language = pickLanguage(random, [random.weighted(AUTHOR_LANGUAGES)]);
    const topic = random.pick(consultation.themes);
    const { title, body } = composeText(random, language, topic, consultation.themes);
    return {
      id: `c${(random.next() * 2 ** 52).toString(36).padStart(11, "0")}${i}`,
      reference: formatContributionReference(i + 1, submittedAt),
      text: `${title}\n\n${body}`,
      language,
      stakeholderType: random.pick(types),
    };
  });
}

function procStatusMiB(field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync("/proc/self/status", "utf8"));
  if (!match) throw new BenchError(`/proc/self/status has no ${field}: this benchmark needs Linux.`);
  return Number(match[1]) / 1024;
}

function measure(count: number): Figures {
  const generateStarted = performance.now();
  const documents = syntheticDocuments(count);
  const generateSeconds = (performance.now() - generateStarted) / 1000;
  const heapBeforeMiB = process.memoryUsage().heapUsed / 1024 ** 2;
  const rssBeforeMiB = procStatusMiB("VmRSS");
  // "5" resets the peak resident set size to the current one (proc(5)).
  fs.writeFileSync("/proc/self/clear_refs", "5");
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const summary = computeThemes(documents);
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (performance.now() - started) / 1000;
  return {
    documents: count,
    generateSeconds,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rssBeforeMiB,
    peakRssMiB: procStatusMiB("VmHWM"),
    heapBeforeMiB,
    heapAfterMiB: process.memoryUsage().heapUsed / 1024 ** 2,
    summary,
  };
}

function runChild(count: number): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1] as string, [String(count)], { env: { ...process.env, THEMES_BENCH_CHILD: "1" } });
    let figures: Figures | null = null;
    child.on("message", (message) => {
      figures = message as Figures;
    });
    child.on("error", reject);
    child.on("exit", (code) => (figures ? resolve(figures) : reject(new BenchError(`The run with ${count} documents stopped (exit code ${code}).`))));
  });
}

function readSizes(): number[] {
  const sizes = process.argv.slice(2).map((argument) => {
    if (!/^\d+$/.test(argument) || Number(argument) < 1 || Number(argument) > 1_000_000) {
      throw new BenchError(`Sizes are whole numbers of documents from 1 to 1,000,000 (got "${argument}").`);
    }
    return Number(argument);
  });
  return sizes.length > 0 ? sizes : DEFAULT_SIZES;
}

const number = (value: number) => value.toLocaleString("en-GB");
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

function report(figures: Figures): void {
  const { summary } = figures;
  step(`${number(figures.documents)} documents`);
  log(`  generated in ${figures.generateSeconds.toFixed(1)} s; resident ${figures.rssBeforeMiB.toFixed(0)} MiB, heap ${figures.heapBeforeMiB.toFixed(0)} MiB with the documents`);
  log(`  computeThemes: ${figures.seconds.toFixed(2)} s (CPU ${figures.cpuSeconds.toFixed(2)} s), peak resident ${figures.peakRssMiB.toFixed(0)} MiB (+${(figures.peakRssMiB - figures.rssBeforeMiB).toFixed(0)} MiB), heap after ${figures.heapAfterMiB.toFixed(0)} MiB`);
  log(`  ${summary.themes.length} themes; ${number(summary.unplaced.count)} documents in none (${percent(summary.unplaced.share)}): ${JSON.stringify(summary.unplaced.byReason)}`);
  for (const theme of summary.themes) {
    log(`  ${theme.language} ${number(theme.size).padStart(7)} ${percent(theme.share).padStart(7)}  ${theme.terms.join(", ")}`);
  }
  const first = summary.themes[0]?.quotes[0];
  if (first) log(`  a quote of the largest theme (${first.reference}): ${first.excerpt}`);
}

async function main(): Promise<void> {
  if (process.env.THEMES_BENCH_CHILD) {
    const figures = measure(Number(process.argv[2]));
    process.send?.(figures);
    return;
  }
  const sizes = readSizes();
  const gib = (os.totalmem() / 1024 ** 3).toFixed(1);
  log(`Themes benchmark on ${os.cpus()[0]?.model ?? "an unknown CPU"}, ${os.cpus().length} cores, ${gib} GiB, Node ${process.version}; load average ${loadAverage()}`);
  for (const size of sizes) report(await runChild(size));
}

main().catch((error: unknown) => {
  console.error(error instanceof BenchError ? `themes benchmark: ${error.message}` : error);
  process.exit(1);
});
