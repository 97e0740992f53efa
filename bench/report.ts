import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ExplainedQuery } from "@/bench/explain";
import type { LoadFigures, LoadSettings } from "@/bench/load";
import { log, step } from "@/bench/output";

// bench/RESULTS.md: one dated section per run, newest last, each with the
// machine, its load, the exact command and how the figures were obtained.

export const RESULTS_FILE = path.resolve("bench/RESULTS.md");

/** Above this p95, the consultation page's query plan goes into the results. */
export const SLOW_PAGE_P95_MS = 200;

const HEADER = `# Benchmark results

Written by \`npm run bench\` (bench/run.ts), one section per run, newest last.
Each run needs a production build (\`npm run build\`) and a PostgreSQL server. It
drops and re-creates its own database (BENCH_DATABASE_URL, default
\`postgres://postgres@127.0.0.1:5432/agora_bench\`), migrates it, seeds the demo
plus synthetic contributions (BENCH_CONTRIBUTIONS, default 100,000: what
\`npm run db:seed -- --contributions 100000\` adds), starts \`next start\` on it
and loads it with autocannon from the same machine: the consultation page of the
open consultation with the most contributions, its public contributions list,
a static file of the same server (public/robots.txt) as the baseline, and the
contribution form's submission endpoint.
`;

export type Machine = {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  os: string;
};

export function describeMachine(postgres: string): Machine {
  const cpuinfo = fs.existsSync("/proc/cpuinfo") ? fs.readFileSync("/proc/cpuinfo", "utf8") : "";
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown";
  return {
    cpu,
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    postgres,
    os: `${os.type()} ${os.release()}`,
  };
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");
}

/** The commit the build was made from, and whether the working tree differed from it. */
export function sourceRevision(): string {
  try {
    const git = (args: string[]) => execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const commit = git(["rev-parse", "--short", "HEAD"]);
    const dirty = git(["status", "--porcelain", "--untracked-files=normal", "--", "app", "lib", "components", "prisma"]);
    return dirty ? `${commit} plus uncommitted changes in app/, lib/, components/ or prisma/` : commit;
  } catch {
    return "unknown (not a git checkout)";
  }
}

/** What every section states about its run. */
export type RunContext = {
  date: Date;
  command: string;
  machine: Machine;
  loadBefore: string;
  loadAfter: string;
  revision: string;
  buildId: string;
};

export type RunReport = RunContext & {
  settings: LoadSettings;
  contributions: number;
  consultation: { slug: string; title: string; contributions: number; approved: number };
  seedSeconds: number;
  figures: LoadFigures[];
  notes: string[];
  /** Stored contributions of the bench participants, and responses that confirmed one (probe and warm-up included). */
  submission: { pagePath: string; participants: number; stored: number; confirmed: number; connections: number } | null;
  explained: ExplainedQuery[];
};

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");

export function figuresTable(figures: LoadFigures[]): string {
  const rows = figures.map((figure) => {
    const { pathname, search } = new URL(figure.url);
    const target = `${pathname}${search}`;
    return `| ${figure.label} | \`${target}\` | ${ms(figure.sequentialP50Ms)} | ${figure.responses.toLocaleString("en-GB")} | ${figure.requestsPerSecond.toFixed(1)} | ${ms(figure.latencyMs.p50)} | ${ms(figure.latencyMs.p95)} | ${ms(figure.latencyMs.p99)} | ${figure.errors} |`;
  });
  return [
    "| Target | Path | One at a time: p50 ms | Responses | Requests/s (mean) | p50 ms | p95 ms | p99 ms | Errors |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
  ].join("\n");
}

/** A section's title and the lines about its run: command, machine, load, source. */
export function contextLines(report: RunContext, title: string): string[] {
  const { machine } = report;
  return [
    `## ${report.date.toISOString().replace("T", " ").slice(0, 16)} UTC — ${title}`,
    "",
    `Command: \`${report.command}\``,
    "",
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB memory, ${machine.os}`,
    `- Node ${machine.node}, PostgreSQL ${machine.postgres} (same machine, default configuration)`,
    `- Load average (1 / 5 / 15 min): ${report.loadBefore} before the load, ${report.loadAfter} after it. ` +
      `The machine was shared with other work during the run; a load average near or above ${machine.cores} means the server, PostgreSQL and the load generator competed with it for the CPUs.`,
    `- Source: ${report.revision}; build ${report.buildId}`,
  ];
}

export function renderSection(report: RunReport): string {
  const { settings } = report;
  const lines = [
    ...contextLines(report, `${report.contributions.toLocaleString("en-GB")} synthetic contributions`),
    `- Data: the demo plus ${report.contributions.toLocaleString("en-GB")} synthetic contributions (seeded in ${report.seedSeconds.toFixed(0)} s). ` +
      `Page under test: \`/consultations/${report.consultation.slug}\` (“${report.consultation.title}”), the open consultation with the most contributions: ` +
      `${report.consultation.contributions.toLocaleString("en-GB")} in total, ${report.consultation.approved.toLocaleString("en-GB")} approved.`,
    `- Load: autocannon, per target one after the other against the same server process: ${settings.warmupSeconds} s warm-up at ${settings.connections} connections (discarded), ` +
      `${settings.sequentialRequests} requests one at a time (“one at a time: p50”), then ${settings.durationSeconds} s at ${settings.connections} connections (the other columns). ` +
      "autocannon runs in the benchmark's own Node process on the same machine, so it shares the CPUs with the server and PostgreSQL. " +
      "Requests/s is autocannon's mean of per-second counts; percentiles are nearest-rank over every response time of the measured run. " +
      "Errors are non-2xx responses, connection errors and timeouts, plus, for submissions, 2xx answers that did not store a contribution.",
    "",
    figuresTable(report.figures),
    "",
  ];
  if (report.submission) {
    lines.push(
      `Submissions: POST \`${report.submission.pagePath}\` with the Next-Action header of submitContributionAction, as the contribution form's fetch sends it; ` +
        `each request is a new contribution (its own submission key) with an answer to every question, by ${report.submission.participants} verified participants in turn (a session cookie each). ` +
        "A stored submission also renders the receipt page for the redirect (Next.js does that for a fetch action) and queues the receipt e-mail, written to a file (no SMTP). " +
        `${report.submission.confirmed.toLocaleString("en-GB")} responses (probe, warm-up and measured run) confirmed a stored contribution; ` +
        `the database holds ${report.submission.stored.toLocaleString("en-GB")} contributions by these participants` +
        submissionCheck(report.submission),
      "",
    );
  }
  for (const note of report.notes) lines.push(`- ${note}`);
  if (report.notes.length > 0) lines.push("");
  if (report.explained.length > 0) {
    lines.push(
      `### Query plan behind the consultation page (its p95 was above ${SLOW_PAGE_P95_MS} ms)`,
      "",
      "The page's one query over the contributions; its other queries read the consultation, its conference and its questions (a handful of rows).",
      "",
    );
    for (const query of report.explained) {
      lines.push(`${query.source}:`, "", "```sql", query.sql, `-- parameters: ${JSON.stringify(query.params)}`, "```", "", "```", query.plan, "```", "");
    }
  }
  return lines.join("\n");
}

function submissionCheck({ stored, confirmed, connections }: { stored: number; confirmed: number; connections: number }): string {
  if (stored === confirmed) return " (the same number).";
  // Up to one request per connection is in flight when the warm-up, and again
  // when the measured run, runs out of time; the server still stores those.
  if (stored > confirmed && stored - confirmed <= 2 * connections) {
    return ` (${stored - confirmed} more: requests still in flight when the warm-up and the measured run stopped, which the server completed).`;
  }
  return " (they do not match: see the errors).";
}

export function appendResults(section: string): void {
  const existing = fs.existsSync(RESULTS_FILE) ? fs.readFileSync(RESULTS_FILE, "utf8") : HEADER;
  fs.writeFileSync(RESULTS_FILE, `${existing.trimEnd()}\n\n${section.trimEnd()}\n`);
}

/** The run's context as the section states it, taken when the run is over. */
export function runContext(options: { date: Date; command: string; postgres: string; loadBefore: string; loadAfter: string; buildId: string }): RunContext {
  const { postgres, ...rest } = options;
  return { ...rest, machine: describeMachine(postgres), revision: sourceRevision() };
}

/** Appends the section to bench/RESULTS.md and prints its load figures and notes. */
export function publishResults(section: string, figures: LoadFigures[], notes: string[]): void {
  appendResults(section);
  step("Results");
  log(figuresTable(figures));
  for (const note of notes) log(`- ${note}`);
  log(`\nAppended to ${path.relative(process.cwd(), RESULTS_FILE)}.`);
}
