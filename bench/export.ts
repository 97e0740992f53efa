import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate, postgresVersion, recreateDatabase, seed } from "@/bench/database";
import { openInProcessApp, type InProcessApp, type SentQuery } from "@/bench/in-process";
import { BenchError, log, step } from "@/bench/output";
import { describeMachine, loadAverage, sourceRevision } from "@/bench/report";

// npm run bench:export: the open-data downloads (issue 5) on PostgreSQL, for
// the seed's largest consultation and for one grown to 10,000 and then
// 100,000 approved contributions: time to stream the whole file, and the
// memory of the process that makes it, to show that it does not grow with
// the number of rows. Each download runs twice: once with its queries
// recorded (time, queries), once with the memory sampled every 10 ms and the
// heap measured after a forced collection every 10 chunks (what the export
// really keeps, without the garbage not yet collected). The route handlers
// run in this process (no HTTP server), so the figures are the exporter's
// alone (loaded through bench/in-process.ts, which stands in for the Next.js
// server and records the queries they send); the file is read and counted,
// not kept. Then EXPLAIN ANALYZE of the batch query, with and without a
// candidate index. The figures are printed as a Markdown section for
// bench/RESULTS.md.
//
// Environment: BENCH_EXPORT_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/agora_bench_export; dropped and
// re-created unless BENCH_EXPORT_REUSE=true), BENCH_CONTRIBUTIONS (synthetic
// contributions of the demo seed, default 100000).

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/agora_bench_export";
const BENCH_SLUG = "bench-open-data-export";
const CANDIDATE_INDEX = "bench_contribution_consultation_status_reference";
const SIZES = [10_000, 100_000] as const;

type Route = (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response>;
type Routes = { csv: Route; json: Route };

type Figures = {
  label: string;
  rows: number;
  bytes: number;
  seconds: number;
  firstByteMs: number;
  queries: number;
  databaseMs: number;
  /** The queries over the contributions, one a batch (not those for authors and attachments), to explain. */
  batches: SentQuery[];
  baseRssMiB: number;
  peakRssMiB: number;
  peakHeapMiB: number;
  /** The largest heap left after a forced collection during the download. */
  liveHeapMiB: number;
};

const MiB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;

function readConfig() {
  const contributions = process.env.BENCH_CONTRIBUTIONS?.trim() || "100000";
  if (!/^\d+$/.test(contributions)) throw new BenchError(`BENCH_CONTRIBUTIONS must be a whole number (got "${contributions}").`);
  if (!gc) throw new BenchError("Run with node's --expose-gc (npm run bench:export does): the memory figures need forced collections.");
  return {
    databaseUrl: process.env.BENCH_EXPORT_DATABASE_URL?.trim() || DEFAULT_URL,
    contributions: Number(contributions),
    reuse: process.env.BENCH_EXPORT_REUSE === "true",
  };
}

/** Reads a download to its end; `onChunk` sees each chunk's index. */
async function readDownload(routes: Routes, slug: string, format: "csv" | "json", onChunk: (index: number) => void = () => {}) {
  const started = performance.now();
  const response = await routes[format](new Request(`http://bench.local/api/v1/consultations/${slug}/contributions.${format}`), {
    params: Promise.resolve({ slug }),
  });
  if (response.status !== 200 || !response.body) throw new BenchError(`The ${format.toUpperCase()} download of ${slug} answered ${response.status}.`);
  const reader = response.body.getReader();
  let bytes = 0;
  let lines = 0;
  let chunks = 0;
  let firstByteMs = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (chunks === 0) firstByteMs = performance.now() - started;
    chunks += 1;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 0x0a) lines += 1;
    onChunk(chunks);
  }
  return { bytes, lines, firstByteMs, seconds: (performance.now() - started) / 1000 };
}

/** The timed run: its figures and batch queries only, so that the other queries it recorded (with their parameters) are garbage before memory is measured. */
async function timedRun(app: InProcessApp, routes: Routes, slug: string, format: "csv" | "json") {
  const { result, queries } = await app.recording(() => readDownload(routes, slug, format));
  return {
    ...result,
    queries: queries.length,
    databaseMs: queries.reduce((sum, query) => sum + query.durationMs, 0),
    batches: queries.filter((query) => query.sql.includes('"referenceNumber" >') && query.sql.includes("LIMIT")),
  };
}

async function download(app: InProcessApp, routes: Routes, label: string, slug: string, format: "csv" | "json", expectedRows: number): Promise<Figures> {
  const timed = await timedRun(app, routes, slug, format);
  // The JSON holds a record a line between "[" and "]"; the CSV's line count
  // would also count line breaks inside bodies, so its rows are those the
  // database holds (the JSON run checks the exporter gives them all).
  const rows = format === "json" ? timed.lines - 2 : expectedRows;
  if (rows !== expectedRows) throw new BenchError(`The JSON of ${slug} holds ${rows} records, the database ${expectedRows}.`);

  gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  let liveHeap = base.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  const timer = setInterval(sample, 10);
  try {
    await readDownload(routes, slug, format, (index) => {
      if (index % 10 !== 0) return;
      sample();
      gc?.();
      liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
    });
    sample();
  } finally {
    clearInterval(timer);
  }
  const figures: Figures = {
    label,
    rows,
    bytes: timed.bytes,
    seconds: timed.seconds,
    firstByteMs: timed.firstByteMs,
    queries: timed.queries,
    databaseMs: timed.databaseMs,
    batches: timed.batches,
    baseRssMiB: base.rss / MiB,
    peakRssMiB: peakRss / MiB,
    peakHeapMiB: peakHeap / MiB,
    liveHeapMiB: liveHeap / MiB,
  };
  log(
    `  ${label}: ${(figures.bytes / MiB).toFixed(1)} MiB in ${figures.seconds.toFixed(2)} s, ${figures.queries} queries; ` +
      `RSS ${figures.baseRssMiB.toFixed(0)} → ${figures.peakRssMiB.toFixed(0)} MiB, heap after collection at most ${figures.liveHeapMiB.toFixed(0)} MiB`,
  );
  return figures;
}

/**
 * A consultation with exactly `rows` approved contributions: copies of the
 * approved contributions of the seed's largest consultation (texts, answers
 * remapped to its own copy of the questions, authors and their publication
 * choice), with reference numbers from the app's sequence.
 */
async function growBenchConsultation(client: pg.Client, sourceId: string, rows: number): Promise<void> {
  const { rows: existing } = await client.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM "Contribution" WHERE "consultationId" = 'bench-export'`,
  );
  const missing = rows - (existing[0]?.count ?? 0);
  if (missing <= 0) return;
  // The copies are taken round the source rows by position: a temporary
  // table with that position as its key makes it a hash or index join.
  await client.query(`DROP TABLE IF EXISTS bench_source`);
  await client.query(
    `CREATE TEMPORARY TABLE bench_source AS
     SELECT (row_number() OVER (ORDER BY "referenceNumber"))::int AS position, "authorId", phase, title, body,
            COALESCE((SELECT jsonb_object_agg(m.new_id, a.value) FROM jsonb_each(c.answers) a JOIN bench_question_map m ON m.old_id = a.key), '{}'::jsonb) AS answers,
            language, publication, "submittedAt", "decidedAt"
     FROM "Contribution" c WHERE "consultationId" = $1 AND status = 'APPROVED'`,
    [sourceId],
  );
  await client.query(`ALTER TABLE bench_source ADD PRIMARY KEY (position)`);
  const { rows: sourceRows } = await client.query<{ total: number }>(`SELECT count(*)::int AS total FROM bench_source`);
  const total = sourceRows[0]?.total ?? 0;
  if (total === 0) throw new BenchError("The largest consultation has no approved contribution to copy.");
  await client.query(
    `INSERT INTO "Contribution" (id, "referenceNumber", reference, "consultationId", "authorId", phase, title, body, answers, language, publication, status, "submittedAt", "decidedAt", "updatedAt")
     SELECT 'bench' || n.number, n.number, 'AGR-2026-' || lpad(n.number::text, 6, '0'), 'bench-export', s."authorId", s.phase, s.title, s.body,
            s.answers, s.language, s.publication, 'APPROVED', s."submittedAt", s."decidedAt", now()
     FROM (SELECT nextval(pg_get_serial_sequence('"Contribution"', 'referenceNumber')) AS number, (g % $2::int) + 1 AS position
           FROM generate_series(0, $1::int - 1) g) n
     JOIN bench_source s ON s.position = n.position`,
    [missing, total],
  );
  await client.query(`ANALYZE "Contribution"`);
}

async function createBenchConsultation(client: pg.Client, sourceId: string): Promise<void> {
  await client.query(`DELETE FROM "Contribution" WHERE "consultationId" IN (SELECT id FROM "Consultation" WHERE slug = $1)`, [BENCH_SLUG]);
  await client.query(`DELETE FROM "Consultation" WHERE slug = $1`, [BENCH_SLUG]);
  await client.query(
    `INSERT INTO "Consultation" (id, slug, title, summary, body, topics, "conferenceId", "opensAt", "closesAt", "participationRules", status, "updatedAt")
     SELECT 'bench-export', $2, 'Open data export benchmark', summary, body, topics, "conferenceId", "opensAt", "closesAt", "participationRules", 'CLOSED', now()
     FROM "Consultation" WHERE id = $1`,
    [sourceId, BENCH_SLUG],
  );
  await client.query(`DROP TABLE IF EXISTS bench_question_map`);
  await client.query(`CREATE TEMPORARY TABLE bench_question_map AS SELECT id AS old_id, 'bench-' || id AS new_id, position FROM "Question" WHERE "consultationId" = $1`, [sourceId]);
  await client.query(
    `INSERT INTO "Question" (id, "consultationId", position, kind, prompt, "helpText", required, options)
     SELECT m.new_id, 'bench-export', q.position, q.kind, q.prompt, q."helpText", q.required, q.options FROM "Question" q JOIN bench_question_map m ON m.old_id = q.id`,
  );
}

type Plan = { title: string; sql: string; params: unknown[]; plan: string };

/** EXPLAIN (ANALYZE, BUFFERS) of one batch query, with the planner settings given (for this connection only). */
async function explain(client: pg.Client, title: string, query: SentQuery | undefined, settings: Record<string, string> = {}): Promise<Plan | null> {
  if (!query) return null;
  await client.query("BEGIN");
  try {
    for (const [name, value] of Object.entries(settings)) await client.query(`SET LOCAL ${name} = ${value}`);
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.params);
    return { title, sql: query.sql, params: query.params, plan: rows.map((row) => row["QUERY PLAN"]).join("\n") };
  } finally {
    await client.query("ROLLBACK");
  }
}

const mib = (value: number) => value.toFixed(1);

function table(figures: Figures[]): string {
  return [
    "| Download | Rows | Size MiB | Time s | Rows/s | First byte ms | Queries | DB time ms | RSS before → peak MiB | Peak heap MiB | Heap after collection, at most MiB |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...figures.map(
      (figure) =>
        `| ${figure.label} | ${figure.rows.toLocaleString("en-GB")} | ${mib(figure.bytes / MiB)} | ${figure.seconds.toFixed(2)} | ${Math.round(figure.rows / figure.seconds).toLocaleString("en-GB")} | ` +
        `${figure.firstByteMs.toFixed(0)} | ${figure.queries} | ${figure.databaseMs.toFixed(0)} | ${mib(figure.baseRssMiB)} → ${mib(figure.peakRssMiB)} | ${mib(figure.peakHeapMiB)} | ${mib(figure.liveHeapMiB)} |`,
    ),
  ].join("\n");
}

async function main(): Promise<void> {
  const config = readConfig();
  const started = new Date();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-bench-export-"));

  if (config.reuse) {
    step(`Database ${new URL(config.databaseUrl).pathname.slice(1)} (reused as it is)`);
  } else {
    step(`Database ${new URL(config.databaseUrl).pathname.slice(1)} (dropped and re-created)`);
    await recreateDatabase(config.databaseUrl);
    await migrate(config.databaseUrl);
    log(`  seeding the demo and ${config.contributions.toLocaleString("en-GB")} synthetic contributions`);
    await seed(config.databaseUrl, config.contributions);
  }

  const app = await openInProcessApp({ databaseUrl: config.databaseUrl, secret: randomBytes(32).toString("base64url"), dataDir });
  // Loaded now, after bench/in-process.ts has put its stand-ins for the server in place.
  const routes: Routes = {
    csv: (await import("@/app/api/v1/consultations/[slug]/contributions.csv/route")).GET,
    json: (await import("@/app/api/v1/consultations/[slug]/contributions.json/route")).GET,
  };
  const { EXPORT_BATCH_SIZE } = await import("@/lib/open-data/approved-contribution-batches");

  const client = new pg.Client({ connectionString: config.databaseUrl });
  await client.connect();
  const figures: Figures[] = [];
  const notes: string[] = [];
  const plans: Plan[] = [];
  const loadBefore = loadAverage();
  try {
    const { rows: largest } = await client.query<{ id: string; slug: string; approved: number }>(
      `SELECT k.id, k.slug, count(*)::int AS approved FROM "Consultation" k JOIN "Contribution" c ON c."consultationId" = k.id
       WHERE c.status = 'APPROVED' AND k.status <> 'DRAFT' AND k.slug <> $1 GROUP BY k.id ORDER BY approved DESC LIMIT 1`,
      [BENCH_SLUG],
    );
    const target = largest[0];
    if (!target) throw new BenchError("The seeded database has no approved contribution.");

    step(`Largest consultation of the seed: ${target.slug} (${target.approved.toLocaleString("en-GB")} approved)`);
    await createBenchConsultation(client, target.id);
    // A first run warms the modules and the database's cache; it is not counted.
    await readDownload(routes, target.slug, "csv");
    figures.push(await download(app, routes, `CSV, ${target.slug}`, target.slug, "csv", target.approved));
    figures.push(await download(app, routes, `JSON, ${target.slug}`, target.slug, "json", target.approved));
    const targetLastBatch = figures.at(-1)?.batches.at(-1);

    step("A consultation grown to 10,000 and then 100,000 approved contributions");
    let middleBatch: SentQuery | undefined;
    for (const size of SIZES) {
      await growBenchConsultation(client, target.id, size);
      figures.push(await download(app, routes, `CSV, ${size.toLocaleString("en-GB")} rows`, BENCH_SLUG, "csv", size));
      figures.push(await download(app, routes, `JSON, ${size.toLocaleString("en-GB")} rows`, BENCH_SLUG, "json", size));
      const batches = figures.at(-1)?.batches ?? [];
      middleBatch = batches[Math.floor(batches.length / 2)];
    }

    step("Query plans of the batch query");
    // The last batch of the seed's largest consultation: its rows are
    // interleaved with another consultation's and followed by the 100,000
    // rows of the grown one, which a scan in reference-number order has to
    // pass to learn that nothing of its own comes after them.
    const explained = [
      await explain(client, `The last batch of ${target.slug}, with the indexes of the schema`, targetLastBatch),
      await explain(client, `A batch in the middle of the ${BENCH_SLUG} (100,000 rows), with the indexes of the schema`, middleBatch),
    ];
    await client.query(`CREATE INDEX IF NOT EXISTS ${CANDIDATE_INDEX} ON "Contribution" ("consultationId", status, "referenceNumber")`);
    await client.query(`ANALYZE "Contribution"`);
    try {
      explained.push(
        await explain(client, `The last batch of ${target.slug}, with the candidate index (${CANDIDATE_INDEX})`, targetLastBatch),
        await explain(client, `The same, with the candidate index and random_page_cost = 1.1 (the usual setting on SSDs)`, targetLastBatch, {
          random_page_cost: "1.1",
        }),
        await explain(client, `A batch in the middle of ${BENCH_SLUG}, with the candidate index and random_page_cost = 1.1`, middleBatch, {
          random_page_cost: "1.1",
        }),
      );
    } finally {
      await client.query(`DROP INDEX ${CANDIDATE_INDEX}`);
    }
    for (const plan of explained) if (plan) plans.push(plan);
    notes.push(
      `Batches of ${EXPORT_BATCH_SIZE.toLocaleString("en-GB")} rows; each batch is one query for the contributions plus Prisma's queries for their authors (users, then profiles) and attachments.`,
    );
  } finally {
    await client.end();
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const machine = describeMachine(await postgresVersion(config.databaseUrl));
  const lines = [
    `## ${started.toISOString().replace("T", " ").slice(0, 16)} UTC — open-data downloads (npm run bench:export)`,
    "",
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB memory; Node ${machine.node}, PostgreSQL ${machine.postgres} (same machine). Load average ${loadBefore} before, ${loadAverage()} after.`,
    `- Source: ${sourceRevision()}. Data: the demo plus ${config.contributions.toLocaleString("en-GB")} synthetic contributions${config.reuse ? " (database reused)" : ""}.`,
    "- The route handlers run in the benchmark's process (no HTTP server); each download is read to its end and counted, not kept. " +
      "Time, first byte and queries come from one run; memory from a second run of the same download: process.memoryUsage() after a forced collection before it (“before”), " +
      "its highest value sampled every 10 ms (“peak”), and the heap left after a forced collection every 10 chunks, at most (what the export keeps alive).",
    "",
    table(figures),
    "",
    ...notes.map((note) => `- ${note}`),
    "",
    ...plans.flatMap((plan, index) => [
      `${plan.title}:`,
      "",
      // The SQL is the same for every plan; the parameters say which batch.
      ...(index === 0 ? ["```sql", plan.sql, "```", ""] : []),
      `Parameters: \`${JSON.stringify(plan.params)}\``,
      "",
      "```",
      plan.plan,
      "```",
      "",
    ]),
  ];
  step("Results");
  log(lines.join("\n"));
}

main().catch((error: unknown) => {
  console.error(error instanceof BenchError ? `\nBenchmark stopped: ${error.message}` : error);
  process.exit(1);
});
