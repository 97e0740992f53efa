import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createModerator, findTargetConsultation, migrate, postgresVersion, recreateDatabase, seed } from "@/bench/database";
import { openInProcessApp } from "@/bench/in-process";
import { BenchError, intFromEnv, log, step } from "@/bench/output";
import { appendResults, describeMachine, loadAverage, sourceRevision } from "@/bench/report";

// npm run bench:summary — the summary of one consultation with 100,000
// approved contributions in PostgreSQL (issue 5): the statistics alone (all
// in SQL), the whole live summary (statistics plus the themes of the
// contributions and of each free-text question), publishing it (which
// freezes the contributions and the figures), and a filtered view of the
// published version, and a public read idle and while the theme job runs
// (its engine in a child process). In the benchmark's own process, as a signed-in
// moderator (bench/in-process.ts), so the figures are the domain functions'
// without HTTP. Writes bench/RESULTS.md.
//
// Environment: BENCH_SUMMARY_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/agora_bench_summary; dropped and
// re-created), BENCH_CONTRIBUTIONS (default 100000), BENCH_REPEAT (3).
//
// Memory: the peak resident set of this process (VmHWM, reset before each
// measurement through /proc/self/clear_refs), so it includes what the
// themes hold of the texts. Linux only.

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/agora_bench_summary";

type Measured = { label: string; runs: number[]; peakRssMiB: number; growthMiB: number; note: string };

function procStatusMiB(field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync("/proc/self/status", "utf8"));
  if (!match) throw new BenchError(`/proc/self/status has no ${field}: this benchmark needs Linux.`);
  return Number(match[1]) / 1024;
}

async function measure<T>(label: string, repeat: number, work: () => Promise<T>, describe: (result: T) => string): Promise<Measured> {
  const runs: number[] = [];
  let peakRssMiB = 0;
  let growthMiB = 0;
  let note = "";
  for (let run = 0; run < repeat; run += 1) {
    // "5" resets the peak resident set size to the current one (proc(5)).
    fs.writeFileSync("/proc/self/clear_refs", "5");
    const before = procStatusMiB("VmRSS");
    const started = performance.now();
    const result = await work();
    runs.push(performance.now() - started);
    const peak = procStatusMiB("VmHWM");
    peakRssMiB = Math.max(peakRssMiB, peak);
    growthMiB = Math.max(growthMiB, peak - before);
    note = describe(result);
  }
  log(`  ${label}: ${runs.map((ms) => `${ms.toFixed(0)} ms`).join(", ")}; peak RSS ${peakRssMiB.toFixed(0)} MiB (+${growthMiB.toFixed(0)} MiB); ${note}`);
  return { label, runs, peakRssMiB, growthMiB, note };
}

/** `work` back to back, `runs` times or as long as `while` holds; each run's time in ms. */
async function latencies(work: () => Promise<unknown>, until: { runs?: number; while?: () => boolean }): Promise<number[]> {
  const times: number[] = [];
  while (until.runs !== undefined ? times.length < until.runs : until.while?.()) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Every contribution becomes an approved one of the target consultation: the summary of 100,000. */
async function gatherInto(url: string, consultationId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `UPDATE "Contribution" SET "consultationId" = $1, "status" = 'APPROVED', "awaitingSince" = NULL,
         "decidedAt" = COALESCE("decidedAt", "submittedAt" + interval '5 hours')`,
      [consultationId],
    );
    await client.query('VACUUM ANALYZE "Contribution"');
    const { rows } = await client.query<{ approved: number }>(
      `SELECT count(*)::int AS "approved" FROM "Contribution" WHERE "consultationId" = $1 AND "status" = 'APPROVED'`,
      [consultationId],
    );
    return rows[0]?.approved ?? 0;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const url = process.env.BENCH_SUMMARY_DATABASE_URL?.trim() || DEFAULT_URL;
  const contributions = intFromEnv("BENCH_CONTRIBUTIONS", 100_000, 1, 10_000_000);
  const repeat = intFromEnv("BENCH_REPEAT", 3, 1, 20);
  const started = new Date();
  const secret = "bench-summary-secret-bench-summary-secret";

  // The app's environment first: the seed runs the app's jobs, and the
  // configuration they read is kept for the whole process.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-bench-summary-"));
  const app = await openInProcessApp({ databaseUrl: url, secret, dataDir });
  try {
    step(`Database with ${contributions.toLocaleString("en")} contributions`);
    await recreateDatabase(url);
    await migrate(url);
    await seed(url, contributions);
    const target = await findTargetConsultation(url);
    const approved = await gatherInto(url, target.id);
    log(`  ${approved.toLocaleString("en")} approved contributions in "${target.title}" (${target.questions.length} questions)`);

    const { sessionCookieName } = await import("@/lib/auth/options");
    const moderator = await createModerator(url, { secret, cookieName: sessionCookieName() });
    await app.signInWith(moderator.cookie.slice(moderator.cookie.indexOf("=") + 1));
    const { computeStatistics } = await import("@/lib/summaries/compute-statistics");
    const { computeLiveFigures } = await import("@/lib/summaries/compute-summary-figures");
    const { computeAndStoreThemes } = await import("@/lib/summaries/theme-job/theme-job");
    const { saveSummary } = await import("@/lib/summaries/save-summary");
    const { getSummaryPage } = await import("@/lib/summaries/get-summary-page");

    step("Measurements");
    const results: Measured[] = [];
    results.push(
      await measure("Statistics (SQL), all contributions", repeat, () => computeStatistics(target.id, {}), (s) => `total ${s.total.toLocaleString("en")}`),
    );
    results.push(
      await measure("Statistics (SQL), filtered to NGOs", repeat, () => computeStatistics(target.id, { type: "NGO" }), (s) => `total ${s.total.toLocaleString("en")}`),
    );
    results.push(
      await measure(
        "Theme job: read the texts, find the themes (contributions and free-text answers), store them",
        1,
        () => computeAndStoreThemes(target.id, { force: true }),
        (computed) => (computed ? "computed" : "current"),
      ),
    );
    const { themeInputDigest } = await import("@/lib/summaries/theme-job/load-theme-inputs");
    results.push(
      await measure("Are the stored themes current? (the digest the live view and its status poll compute)", repeat, () => themeInputDigest(target.id), (digest) => `digest ${digest.slice(0, 8)}…`),
    );
    results.push(
      await measure(
        "Whole live summary: statistics + the stored themes counted (contributions and free-text answers)",
        repeat,
        () => computeLiveFigures(target.id, {}),
        (f) => `${f.themes.contributions.themes.length} themes over ${f.themes.contributions.documentCount.toLocaleString("en")} texts, ${f.themes.questions.length} free-text question(s)`,
      ),
    );
    let baseVersion = 0;
    results.push(
      await measure(
        "Publishing (freezes the contributions, statistics and the stored themes in one transaction)",
        repeat,
        async () => {
          const saved = await saveSummary({ consultationId: target.id, synthesis: "Benchmark synthesis.", baseVersion, publish: true });
          baseVersion = saved.version;
          return saved;
        },
        (saved) => `version ${saved.version}`,
      ),
    );
    // Each run with another filter, so the page's cache of filtered views does not answer.
    const types = ["NGO", "COMPANY", "ACADEMIC", "PUBLIC_AUTHORITY", "EU_CITIZEN", "TRADE_UNION", "OTHER"];
    let next = 0;
    results.push(
      await measure(
        "Published summary filtered by stakeholder type (recomputed over the frozen set)",
        repeat,
        () => getSummaryPage(target.slug, { filters: { type: types[next++ % types.length] } }),
        (page) => `total ${page?.figures?.statistics.total.toLocaleString("en") ?? "?"}`,
      ),
    );
    results.push(
      await measure("Published summary, no filter (frozen figures)", repeat, () => getSummaryPage(target.slug), (page) => `total ${page?.figures?.statistics.total.toLocaleString("en") ?? "?"}`),
    );

    // Issue 11: the theme engine runs in a child process, so the server's
    // own work goes on meanwhile. A public read (the published version,
    // frozen figures) again and again, idle and while the theme job runs.
    const publicRead = () => getSummaryPage(target.slug);
    const idle = await latencies(publicRead, { runs: 200 });
    let running = true;
    const job = computeAndStoreThemes(target.id, { force: true }).finally(() => {
      running = false;
    });
    const busy = await latencies(publicRead, { while: () => running });
    await job;
    const ratio = percentile(busy, 0.95) / Math.max(0.001, percentile(idle, 0.95));
    log(`  public read p95: idle ${percentile(idle, 0.95).toFixed(1)} ms (${idle.length} reads), during the theme job ${percentile(busy, 0.95).toFixed(1)} ms (${busy.length} reads): ${ratio.toFixed(2)}×`);

    const machine = describeMachine(await postgresVersion(url));
    const rows = results.map((result) => `| ${result.label} | ${median(result.runs).toFixed(0)} ms | ${Math.max(...result.runs).toFixed(0)} ms | ${result.peakRssMiB.toFixed(0)} MiB | +${result.growthMiB.toFixed(0)} MiB | ${result.note} |`);
    appendResults(
      [
        `## Summary of a consultation with ${approved.toLocaleString("en")} approved contributions — ${started.toISOString().slice(0, 10)}`,
        "",
        `Command: \`npm run bench:summary\` (BENCH_CONTRIBUTIONS=${contributions}, BENCH_REPEAT=${repeat}). Source ${sourceRevision()}.`,
        `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, ${machine.postgres}; load average at the end ${loadAverage()}.`,
        "In the benchmark's process as a signed-in moderator (domain functions, no HTTP). Peak RSS is the whole process's (it seeded the database first); the growth is the peak during the measurement over the resident size just before it, the texts the themes read included.",
        "",
        "| Measurement | Median | Slowest | Peak RSS | Growth | Result |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
        ...rows,
        "",
        `A public read (the published version, no filter) run back to back: p95 ${percentile(idle, 0.95).toFixed(1)} ms idle over ${idle.length} reads, ${percentile(busy, 0.95).toFixed(1)} ms over the ${busy.length} reads made while the theme job ran (${ratio.toFixed(2)}× idle; the issue's bound is 2×).`,
      ].join("\n"),
    );
    log(`\nWritten to bench/RESULTS.md`);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof BenchError ? error.message : error);
  process.exit(1);
});
