import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { BenchError, log, step } from "@/bench/output";
import { POLIS_CORPORA, readPolisComments } from "@/bench/polis";
import { loadAverage } from "@/bench/report";
import { StakeholderType } from "@/lib/generated/prisma/enums";
import { mulberry32 } from "@/lib/random";
import { findThemes } from "@/lib/summaries/themes/engine/find-themes";
import type { TextPart, ThemeInput } from "@/lib/summaries/themes/engine/types";

// What the new theme engine (lib/summaries/themes/engine) costs at the
// sizes of issue 11: 10,000 contributions of which 2,000 carry about ten
// pages of attachment text, and 100,000 short contributions. The text is
// real: comments of the Polis conversations (../shared/corpora, CC BY 4.0,
// The Computational Democracy Project), a contribution made of a few, a
// page of about twelve. Each size in a child process of its own; the peak
// resident set (VmHWM, Linux) is reset once the inputs are in memory, so it
// is the peak while computing, inputs included. No database, no build:
//
//   npm run bench:theme-cost [-- mixed|short]

type Figures = { label: string; contributions: number; pages: number; seconds: number; cpuSeconds: number; peakRssMiB: number; themes: number; notThemed: number };

const LANGUAGES: Record<string, string> = {
  "american-assembly.bowling-green": "en",
  "canadian-electoral-reform": "en",
  "scoop-hivemind.biodiversity": "en",
  "austria-climate.5tzfrp5eaa.2022-07-07": "de",
  "vtaiwan.uberx": "zh",
};

function inputs(kind: "mixed" | "short"): ThemeInput[] {
  const comments = POLIS_CORPORA.flatMap((corpus) =>
    readPolisComments(corpus)
      .filter((comment) => comment.body.trim().length > 20)
      .map((comment) => ({ text: comment.body.trim(), language: LANGUAGES[corpus] ?? "en" })),
  );
  if (comments.length === 0) throw new BenchError("No Polis comments found.");
  const random = mulberry32(kind === "mixed" ? 10_000 : 100_000);
  const pick = () => comments[Math.floor(random() * comments.length)] as { text: string; language: string };
  const types = Object.values(StakeholderType);
  const count = kind === "mixed" ? 10_000 : 100_000;
  return Array.from({ length: count }, (_, i) => {
    const first = pick();
    const body = [first.text, ...Array.from({ length: Math.floor(random() * 3) }, () => pick().text)].join(" ");
    const parts: TextPart[] = [{ text: body, language: first.language, source: { kind: "body" } }];
    if (kind === "mixed" && i % 5 === 0) {
      for (let page = 1; page <= 8 + Math.floor(random() * 5); page += 1) {
        parts.push({
          text: Array.from({ length: 12 }, () => pick().text).join("\n"),
          language: first.language,
          source: { kind: "attachment", attachmentId: `a${i}`, fileName: `paper-${i}.pdf`, page },
        });
      }
    }
    return { id: `c${String(i).padStart(7, "0")}`, reference: `REF-${i}`, stakeholderType: types[i % types.length] as StakeholderType, groupId: null, parts };
  });
}

function procStatusMiB(field: "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync("/proc/self/status", "utf8"));
  if (!match) throw new BenchError(`/proc/self/status has no ${field}: this benchmark needs Linux.`);
  return Number(match[1]) / 1024;
}

function measure(kind: "mixed" | "short"): Figures {
  const documents = inputs(kind);
  const pages = documents.reduce((sum, document) => sum + document.parts.filter((part) => part.source.kind === "attachment").length, 0);
  fs.writeFileSync("/proc/self/clear_refs", "5");
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = findThemes(documents);
  const used = process.cpuUsage(cpu);
  return {
    label: kind === "mixed" ? "10,000 contributions, 2,000 with attachment text" : "100,000 short contributions",
    contributions: documents.length,
    pages,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakRssMiB: procStatusMiB("VmHWM"),
    themes: result.themes.length,
    notThemed: result.notThemed.count,
  };
}

async function main() {
  if (process.env.THEME_COST_CHILD) {
    process.send?.(measure(process.argv[2] === "short" ? "short" : "mixed"));
    return;
  }
  const kinds = process.argv.slice(2).filter((value): value is "mixed" | "short" => value === "mixed" || value === "short");
  log(`Theme engine cost on ${os.cpus()[0]?.model ?? "an unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}; load average ${loadAverage()}`);
  for (const kind of kinds.length > 0 ? kinds : (["mixed", "short"] as const)) {
    step(kind);
    const figures = await new Promise<Figures>((resolve, reject) => {
      const child = fork(process.argv[1] as string, [kind], { env: { ...process.env, THEME_COST_CHILD: "1" }, execArgv: [...process.execArgv, "--max-old-space-size=3072"] });
      let answer: Figures | null = null;
      child.on("message", (message) => (answer = message as Figures));
      child.on("error", reject);
      child.on("exit", (code) => (answer ? resolve(answer) : reject(new BenchError(`The ${kind} run stopped (exit code ${code}).`))));
    });
    log(`${figures.label} (${figures.pages} pages): ${figures.seconds.toFixed(1)} s (CPU ${figures.cpuSeconds.toFixed(1)} s), peak ${Math.round(figures.peakRssMiB)} MiB, ${figures.themes} themes, ${figures.notThemed} not themed`);
  }
  log(`load average after: ${loadAverage()}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
