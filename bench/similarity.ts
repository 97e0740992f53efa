import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate, postgresVersion, recreateDatabase } from "@/bench/database";
import { openInProcessApp } from "@/bench/in-process";
import { BenchError, intFromEnv, log, step } from "@/bench/output";
import { POLIS_CORPORA, readPolisComments } from "@/bench/polis";
import { appendResults, describeMachine, loadAverage, sourceRevision } from "@/bench/report";
import { createRandom } from "@/prisma/seed/random";
import { fingerprintText } from "@/lib/similarity/fingerprint";

// Near-duplicate grouping at scale (issue 10): one consultation of N
// contributions (default 100,000) written from the Polis corpora (CC BY 4.0,
// The Computational Democracy Project: three comments each, so every text
// is distinct) plus campaigns: one of identical form letters and one of
// form letters with a sentence added. Measures
//  - the batch, regroupConsultation: every fingerprint and group in one pass;
//  - the incremental check on a submission (fingerprintAndGroup in its own
//    transaction) into that consultation: identical, near and distinct
//    texts, p50 and p95;
// each beside a ceiling measured in the same run on the same rows: a raw
// INSERT … SELECT of the fingerprint rows the batch wrote into a table with
// the same indexes (what the database spends writing them, no hashing), and
// a raw SQL scan of the texts; for the check, the bare bucket lookup it makes. Appends a section
// to bench/RESULTS.md.
//
//   npm run bench:similarity            (BENCH_CONTRIBUTIONS, BENCH_SIMILARITY_DATABASE_URL)

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/agora_bench_similarity";
const CHECKS = 60;

const LETTER =
  "I am writing to support a strong and enforceable regulation of artificial intelligence in Europe. High risk systems must be registered, audited by independent bodies and explained to the people they affect. Remote biometric identification in public spaces should be banned without exceptions. Please make sure that civil society is heard in the implementation of these rules.";

function texts(count: number): { body: string; kind: "polis" | "identical" | "near" }[] {
  const random = createRandom(count);
  const comments = POLIS_CORPORA.flatMap((corpus) => readPolisComments(corpus).map((comment) => comment.body)).filter((body) => body.trim().length > 20);
  const identical = Math.round(count * 0.2);
  const near = Math.round(count * 0.1);
  const rows: { body: string; kind: "polis" | "identical" | "near" }[] = [];
  for (let i = 0; i < identical; i++) rows.push({ body: LETTER, kind: "identical" });
  for (let i = 0; i < near; i++) rows.push({ body: `${LETTER} ${random.pick(comments)}`, kind: "near" });
  while (rows.length < count) rows.push({ body: [random.pick(comments), random.pick(comments), random.pick(comments)].join("\n\n"), kind: "polis" });
  return rows;
}

function percentile(values: number[], p: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

async function main(): Promise<void> {
  const url = process.env.BENCH_SIMILARITY_DATABASE_URL?.trim() || DEFAULT_URL;
  const count = intFromEnv("BENCH_CONTRIBUTIONS", 100_000, 100, 2_000_000);
  const started = new Date();
  const loadBefore = loadAverage();

  step(`Database with ${count.toLocaleString("en")} contributions in one consultation`);
  await recreateDatabase(url);
  await migrate(url);
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  const rows = texts(count);
  await sql.query(`INSERT INTO "User" ("id", "email", "passwordHash", "role", "updatedAt") VALUES ('bench-author', 'bench-author@example.org', 'not-a-hash', 'PARTICIPANT', now())`);
  await sql.query(`INSERT INTO "Consultation" ("id", "slug", "title", "summary", "body", "status", "opensAt", "closesAt", "updatedAt")
                   VALUES ('bench-similarity', 'bench-similarity', 'Near-duplicates at scale', 'Bench', 'Bench', 'OPEN', now() - interval '30 days', now() + interval '30 days', now())`);
  for (let start = 0; start < rows.length; start += 10_000) {
    const slice = rows.slice(start, start + 10_000).map((row, offset) => ({ n: start + offset + 1, body: row.body }));
    await sql.query(
      `INSERT INTO "Contribution" ("id", "reference", "consultationId", "authorId", "phase", "title", "body", "language", "publication", "status", "submittedAt", "updatedAt")
       SELECT 'bench-' || r.n, 'AGR-2026-' || lpad(r.n::text, 7, '0'), 'bench-similarity', 'bench-author', 'DURING', 'Feedback', r.body, 'en', 'PUBLIC',
              CASE WHEN r.n % 3 = 0 THEN 'PENDING' ELSE 'APPROVED' END::"ContributionStatus", now() - make_interval(secs => r.n), now()
       FROM json_to_recordset($1::json) AS r("n" int, "body" text)`,
      [JSON.stringify(slice)],
    );
  }
  await sql.query(`ANALYZE`);
  log(`  ${rows.filter((row) => row.kind === "identical").length} identical letters, ${rows.filter((row) => row.kind === "near").length} near-identical ones, the rest three Polis comments each`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-bench-similarity-"));
  await openInProcessApp({ databaseUrl: url, secret: "bench-similarity-secret-bench-similarity", dataDir });
  const { regroupConsultation } = await import("@/lib/similarity/regroup-consultation");
  const { fingerprintAndGroup } = await import("@/lib/similarity/fingerprint-and-group");

  step("Batch: regroupConsultation");
  const cpuBefore = process.cpuUsage();
  fs.writeFileSync("/proc/self/clear_refs", "5");
  const phases: string[] = [];
  let phase = "";
  let phaseStarted = performance.now();
  const batch = await timed(() =>
    regroupConsultation("bench-similarity", {
      onProgress: (progress) => {
        if (progress.phase === phase) return;
        if (phase) phases.push(`${phase} ${((performance.now() - phaseStarted) / 1000).toFixed(1)} s`);
        phase = progress.phase;
        phaseStarted = performance.now();
      },
    }),
  );
  phases.push(`${phase} ${((performance.now() - phaseStarted) / 1000).toFixed(1)} s`);
  const cpu = process.cpuUsage(cpuBefore);
  const peakMiB = Number(/^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0) / 1024;
  log(`  ${(batch.ms / 1000).toFixed(1)} s (${phases.join(", ")}; ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU in this process), peak RSS ${peakMiB.toFixed(0)} MiB: ${JSON.stringify(batch.result)}`);

  step("Ceiling: the same rows read and written by raw SQL");
  const scan = await timed(() => sql.query(`SELECT count(*), sum(length("body")) FROM "Contribution" WHERE "consultationId" = 'bench-similarity'`));
  // The fingerprints the batch wrote, copied into a table with the same indexes (GIN included).
  const insert = await timed(async () => {
    await sql.query(`CREATE TEMP TABLE ceiling (LIKE "ContributionFingerprint" INCLUDING INDEXES)`);
    await sql.query(`INSERT INTO ceiling SELECT * FROM "ContributionFingerprint"`);
  });
  log(`  scan ${scan.ms.toFixed(0)} ms, INSERT … SELECT of the ${count} fingerprint rows ${insert.ms.toFixed(0)} ms`);

  step(`Incremental: ${CHECKS} submissions checked into the consultation`);
  const random = createRandom(7);
  const comments = POLIS_CORPORA.flatMap((corpus) => readPolisComments(corpus).map((comment) => comment.body));
  const kinds = ["identical", "near", "distinct"] as const;
  const times: Record<(typeof kinds)[number], number[]> = { identical: [], near: [], distinct: [] };
  const lookups: number[] = [];
  for (let i = 0; i < CHECKS; i++) {
    const kind = kinds[i % 3]!;
    const body = kind === "identical" ? LETTER : kind === "near" ? `${LETTER} ${random.pick(comments)} (${i})` : `${random.pick(comments)}\n\n${random.pick(comments)} (${i})`;
    const id = `bench-new-${i}`;
    await sql.query(
      `INSERT INTO "Contribution" ("id", "reference", "consultationId", "authorId", "phase", "title", "body", "language", "publication", "status", "updatedAt")
       VALUES ($1, $2, 'bench-similarity', 'bench-author', 'DURING', 'Feedback', $3, 'en', 'PUBLIC', 'PENDING', now())`,
      [id, `AGR-2026-9${String(i).padStart(6, "0")}`, body],
    );
    const check = await timed(() => fingerprintAndGroup(id));
    times[kind].push(check.ms);
    const buckets = fingerprintText(body).buckets.map(String);
    const lookup = await timed(() =>
      sql.query(`SELECT f."contributionId", f."minhash" FROM "ContributionFingerprint" f WHERE f."consultationId" = 'bench-similarity' AND f."buckets" && $1::bigint[] LIMIT 100`, [buckets]),
    );
    lookups.push(lookup.ms);
  }
  const all = Object.values(times).flat();
  const line = (label: string, values: number[]) => `| ${label} | ${values.length} | ${percentile(values, 50).toFixed(1)} | ${percentile(values, 95).toFixed(1)} |`;
  for (const kind of kinds) log(`  ${kind}: p50 ${percentile(times[kind], 50).toFixed(1)} ms, p95 ${percentile(times[kind], 95).toFixed(1)} ms`);
  log(`  bare bucket lookup: p50 ${percentile(lookups, 50).toFixed(1)} ms, p95 ${percentile(lookups, 95).toFixed(1)} ms`);

  const postgres = await postgresVersion(url);
  await sql.end();
  const machine = describeMachine(postgres);
  const ceilingMs = scan.ms + insert.ms;
  appendResults(
    [
      `## Near-duplicate grouping (issue 10), ${started.toISOString().slice(0, 10)}`,
      "",
      `\`npm run bench:similarity\`, ${count.toLocaleString("en")} contributions in one consultation: ${rows.filter((row) => row.kind === "identical").length.toLocaleString("en")} identical form letters, ${rows.filter((row) => row.kind === "near").length.toLocaleString("en")} form letters with a Polis comment added, the rest three Polis comments each (CC BY 4.0, The Computational Democracy Project). A third pending, the rest approved.`,
      `Machine: ${machine.cpu}, ${machine.cores} cores (shared with other work: load ${loadBefore} before, ${loadAverage()} after), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.postgres}, ${machine.os}. Source: ${sourceRevision()}.`,
      "",
      "| measure | time | ceiling in the same run | ratio |",
      "| --- | ---: | ---: | ---: |",
      `| batch: every fingerprint and group (regroupConsultation) | ${(batch.ms / 1000).toFixed(1)} s (target ≤ 60 s) | ${(ceilingMs / 1000).toFixed(2)} s: raw scan of the texts (${scan.ms.toFixed(0)} ms) + raw INSERT … SELECT of the same ${count.toLocaleString("en")} fingerprint rows into a table with the same indexes (${insert.ms.toFixed(0)} ms) | ${(batch.ms / ceilingMs).toFixed(1)}× |`,
      `| incremental check, p50 / p95 (fingerprintAndGroup, own transaction) | ${percentile(all, 50).toFixed(1)} / ${percentile(all, 95).toFixed(1)} ms (target ≤ 50 ms) | ${percentile(lookups, 50).toFixed(1)} / ${percentile(lookups, 95).toFixed(1)} ms: the bare bucket lookup (\`buckets && $1 LIMIT 100\`) | ${(percentile(all, 50) / Math.max(0.01, percentile(lookups, 50))).toFixed(1)}× / ${(percentile(all, 95) / Math.max(0.01, percentile(lookups, 95))).toFixed(1)}× |`,
      "",
      `Batch result: ${JSON.stringify(batch.result)}; phases: ${phases.join(", ")}; ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU in the Node process (hashing, clustering), peak RSS ${peakMiB.toFixed(0)} MiB.`,
      "",
      "| submission checked | runs | p50 ms | p95 ms |",
      "| --- | ---: | ---: | ---: |",
      line("identical to the 20 % campaign (joins it)", times.identical),
      line("form letter with a sentence added (joins the near campaign)", times.near),
      line("distinct text (no group)", times.distinct),
      line("bare bucket lookup (ceiling)", lookups),
    ].join("\n"),
  );
  log(`\nAppended to bench/RESULTS.md.`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof BenchError ? error.message : error);
  process.exit(1);
});
