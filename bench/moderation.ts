import { randomBytes } from "node:crypto";
import path from "node:path";
import type autocannon from "autocannon";
import pg from "pg";
import { checkBuild, commandLine, readBenchConfig } from "@/bench/config";
import { createModerator, keepPending, postgresVersion, prepareDatabase, type BenchParticipant } from "@/bench/database";
import { explainQueries, type ExplainedQuery } from "@/bench/explain";
import { openInProcessApp, type InProcessApp, type SentQuery } from "@/bench/in-process";
import { measure, percentile, type LoadFigures } from "@/bench/load";
import { renderModerationSection, SLOW_DASHBOARD_MS, type CallFigures, type DecisionFigures } from "@/bench/moderation-report";
import { BenchError, intFromEnv, log, step } from "@/bench/output";
import { loadAverage, publishResults, runContext } from "@/bench/report";
import { actionHeaders, findServerAction, pagePath } from "@/bench/server-actions";
import { checkPage, startBenchServer, type RunningServer } from "@/bench/server";
import { BULK_LIMIT } from "@/lib/moderation/schema";

// npm run bench -- moderation (issue 4): a database with 100,000 synthetic
// contributions of which 10,000 wait for a moderator, and
//   (a) the queue page /moderation as a signed-in moderator, unfiltered and
//       filtered to the consultation with the longest queue, under load at
//       one connection and at BENCH_CONNECTIONS; then findModerationQueue
//       alone (no HTTP, no rendering), its SQL explained, and the
//       moderators' dashboard (getModerationDashboard) alone;
//   (b) decisions: approving pending contributions one after the other, in
//       queue order, through decideContributionAction posted as the review
//       page posts it and through decideContribution in this process; and
//       bulk approvals of 100 through bulkDecideAction and bulkDecide.
// Needs a production build and PostgreSQL; appends to bench/RESULTS.md.
//
// Environment, besides npm run bench's (BENCH_DATABASE_URL, BENCH_CONTRIBUTIONS,
// BENCH_CONNECTIONS, BENCH_DURATION, BENCH_WARMUP, BENCH_PORT):
// BENCH_PENDING (10000) contributions left pending, BENCH_DECISIONS (200)
// single decisions through each path, BENCH_BULK_BATCHES (3) bulk decisions
// of 100 through each path.

// APP_URL is plain http: next-auth's non-secure cookie name (lib/auth/options.ts).
const COOKIE_NAME = "next-auth.session-token";
const CALLS = 20;
const ACTIONS_FILE = "lib/moderation/actions.ts";

function readConfig() {
  return {
    ...readBenchConfig(),
    pending: intFromEnv("BENCH_PENDING", 10_000, 1, 10_000_000),
    decisions: intFromEnv("BENCH_DECISIONS", 200, 1, 100_000),
    bulkBatches: intFromEnv("BENCH_BULK_BATCHES", 3, 1, 100),
  };
}

type QueueConsultation = { slug: string; title: string; waiting: number };
type PendingItem = { id: string; reference: string; version: number };

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The consultation with the most contributions in the queue: the heaviest filtered view. */
function longestQueue(url: string): Promise<QueueConsultation> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<QueueConsultation>(
      `SELECT k."slug", k."title", count(*)::int AS "waiting"
       FROM "Contribution" c JOIN "Consultation" k ON k."id" = c."consultationId"
       WHERE c."awaitingSince" IS NOT NULL
       GROUP BY k."id" ORDER BY "waiting" DESC, k."slug" LIMIT 1`,
    );
    const [row] = rows;
    if (!row) throw new BenchError("Nothing waits for a moderator in the seeded database.");
    return row;
  });
}

/** The pending contributions a moderator would take next: the queue's order, oldest first. */
function nextPending(url: string, count: number): Promise<PendingItem[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<PendingItem>(
      `SELECT "id", "reference", "version" FROM "Contribution"
       WHERE "status" = 'PENDING' AND "awaitingSince" IS NOT NULL
       ORDER BY "awaitingSince", "id" LIMIT $1`,
      [count],
    );
    if (rows.length < count) throw new BenchError(`Only ${rows.length} contributions are pending; the decisions need ${count}. Lower BENCH_DECISIONS or raise BENCH_PENDING.`);
    return rows;
  });
}

function countApprovals(url: string, actorId: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ count: number }>(
      `SELECT count(*)::int AS "count" FROM "ModerationEvent" WHERE "actorId" = $1 AND "action" = 'APPROVE'`,
      [actorId],
    );
    return rows[0]?.count ?? 0;
  });
}

function decisionFigures(label: string, decided: number, latencies: number[], seconds: number, failures: number): DecisionFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    label,
    requests: latencies.length,
    decided,
    failures,
    seconds,
    perSecond: decided / seconds,
    latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN },
  };
}

/** Runs `decide` on each batch in turn, one at a time, timing each call. */
async function timeInTurn<T>(label: string, batches: T[][], decide: (batch: T[]) => Promise<boolean>): Promise<DecisionFigures> {
  const latencies: number[] = [];
  let decided = 0;
  let failures = 0;
  const started = performance.now();
  for (const batch of batches) {
    const before = performance.now();
    const ok = await decide(batch);
    latencies.push(performance.now() - before);
    if (ok) decided += batch.length;
    else failures += 1;
  }
  const figures = decisionFigures(label, decided, latencies, (performance.now() - started) / 1000, failures);
  log(
    `  ${label}: ${figures.decided} decided in ${figures.seconds.toFixed(1)} s (${figures.perSecond.toFixed(1)}/s), ` +
      `p50 ${figures.latencyMs.p50.toFixed(1)} ms, p95 ${figures.latencyMs.p95.toFixed(1)} ms, ${failures} failed`,
  );
  return figures;
}

/** A server action posted as the browser posts it; true when it answered { ok: true }. */
async function postAction(server: RunningServer, moderator: BenchParticipant, actionId: string, page: string, input: unknown): Promise<boolean> {
  const response = await fetch(`${server.origin}${page}`, {
    method: "POST",
    headers: actionHeaders(server.origin, actionId, moderator.cookie),
    body: JSON.stringify([input]),
    redirect: "manual",
  });
  const body = await response.text();
  return response.ok && body.includes('"ok":true');
}

function requireAction(name: string, params: Record<string, string>): { actionId: string; page: (values: Record<string, string>) => string } {
  const action = findServerAction(ACTIONS_FILE, name);
  const worker = action?.workers.find((candidate) => pagePath(candidate, params) !== null);
  if (!action || !worker) throw new BenchError(`This build has no ${name} (${ACTIONS_FILE}) on a page the benchmark can address.`);
  return { actionId: action.actionId, page: (values) => pagePath(worker, values) ?? "" };
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

/** A domain function alone, called in turn after 3 discarded calls; the SQL of the last call is kept for EXPLAIN. */
async function timeCall(app: InProcessApp, label: string, call: () => Promise<unknown>) {
  for (let warm = 0; warm < 3; warm += 1) await call();
  const latencies: number[] = [];
  const databaseMs: number[] = [];
  let last: SentQuery[] = [];
  for (let round = 0; round < CALLS; round += 1) {
    const before = performance.now();
    const { queries } = await app.recording(call);
    latencies.push(performance.now() - before);
    databaseMs.push(queries.reduce((sum, query) => sum + query.durationMs, 0));
    last = queries;
  }
  latencies.sort((a, b) => a - b);
  databaseMs.sort((a, b) => a - b);
  const figures: CallFigures = {
    label,
    calls: CALLS,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
    databaseP50Ms: percentile(databaseMs, 50),
    queries: last.length,
  };
  log(`  ${label}: p50 ${figures.latencyMs.p50.toFixed(1)} ms, p95 ${figures.latencyMs.p95.toFixed(1)} ms (database ${figures.databaseP50Ms.toFixed(1)} ms, ${figures.queries} queries)`);
  // The session lookup reads one user by id; the function's own queries are the ones over contributions.
  const explain = last
    .filter((query) => query.sql.includes('"Contribution"'))
    .map((query, index) => ({ source: `${label}, query ${index + 1}`, sql: query.sql, params: query.params }));
  return { figures, explain };
}

export async function runModerationBenchmark(): Promise<void> {
  const config = readConfig();
  const started = new Date();
  const { build, notes } = checkBuild();
  const bulkSize = BULK_LIMIT;
  const needed = 2 * config.decisions + 2 * config.bulkBatches * bulkSize;

  const seedStarted = performance.now();
  await prepareDatabase(config.databaseUrl, config.contributions);
  const pending = await keepPending(config.databaseUrl, config.pending);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  log(`  ${pending.toLocaleString("en-GB")} contributions pending`);
  if (pending < config.pending) notes.push(`Only ${pending.toLocaleString("en-GB")} contributions were pending after the seed (BENCH_PENDING asked for ${config.pending.toLocaleString("en-GB")}).`);
  const secret = randomBytes(32).toString("base64url");
  const moderator = await createModerator(config.databaseUrl, { secret, cookieName: COOKIE_NAME });
  const consultation = await longestQueue(config.databaseUrl);
  log(`  longest queue: ${consultation.slug} (${consultation.waiting.toLocaleString("en-GB")} waiting)`);
  const items = await nextPending(config.databaseUrl, needed);

  const server = await startBenchServer({ firstPort: config.firstPort, databaseUrl: config.databaseUrl, secret });
  const app = await openInProcessApp({ databaseUrl: config.databaseUrl, secret, dataDir: path.join(server.dataDir, "in-process") });
  await app.signInWith(moderator.cookie.slice(`${COOKIE_NAME}=`.length));

  const pages: LoadFigures[] = [];
  const calls: CallFigures[] = [];
  const decisions: DecisionFigures[] = [];
  let explained: ExplainedQuery[] = [];
  let loadBefore = "";
  let loadAfter = "";
  try {
    const queueUrl = `${server.origin}/moderation`;
    const filteredUrl = `${queueUrl}?consultation=${encodeURIComponent(consultation.slug)}`;
    const cookie = { cookie: moderator.cookie };
    for (const url of [queueUrl, filteredUrl]) {
      const check = await checkPage(url, "Moderation queue", cookie);
      if (!check.ok) throw new BenchError(`${url} ${check.reason} for a signed-in moderator: there is no queue page to measure.`);
    }

    step(`Queue page (${config.settings.warmupSeconds} s warm-up + ${config.settings.durationSeconds} s each, at 1 and ${config.settings.connections} connections)`);
    loadBefore = loadAverage();
    log(`  load average before: ${loadBefore}`);
    const withCookie = (request: autocannon.Request): autocannon.Request => ({ ...request, headers: { ...request.headers, ...cookie } });
    for (const connections of [1, config.settings.connections]) {
      const settings = { ...config.settings, connections };
      const moderators = connections === 1 ? "1 connection" : `${connections} connections`;
      pages.push(await measure({ label: `Queue, unfiltered, ${moderators}`, url: queueUrl, setupRequest: withCookie }, settings));
      pages.push(await measure({ label: `Queue, one consultation, ${moderators}`, url: filteredUrl, setupRequest: withCookie }, settings));
    }

    step(`Domain functions alone (this process, ${CALLS} calls each after 3 discarded)`);
    const { findModerationQueue } = await import("@/lib/moderation/find-moderation-queue");
    const { getModerationDashboard } = await import("@/lib/moderation/dashboard/get-moderation-dashboard");
    const unfiltered = await timeCall(app, "findModerationQueue({})", () => findModerationQueue({}));
    const filtered = await timeCall(app, "findModerationQueue({ consultation })", () => findModerationQueue({ consultation: consultation.slug }));
    const dashboard = await timeCall(app, "getModerationDashboard()", () => getModerationDashboard());
    calls.push(unfiltered.figures, filtered.figures, dashboard.figures);
    explained = await explainQueries(config.databaseUrl, [
      ...unfiltered.explain,
      ...filtered.explain,
      ...(dashboard.figures.latencyMs.p50 > SLOW_DASHBOARD_MS ? dashboard.explain : []),
    ]);

    step(`Decisions, one at a time (${config.decisions} through each path) and ${config.bulkBatches} bulk approvals of ${bulkSize} through each`);
    const [httpSingles, domainSingles, httpBulk, domainBulk] = [
      items.slice(0, config.decisions),
      items.slice(config.decisions, 2 * config.decisions),
      items.slice(2 * config.decisions, 2 * config.decisions + config.bulkBatches * bulkSize),
      items.slice(2 * config.decisions + config.bulkBatches * bulkSize),
    ];
    const approve = (item: PendingItem) => ({ contributionId: item.id, version: item.version, decision: "APPROVE" as const });
    const approveAll = (batch: PendingItem[]) => ({ decision: "APPROVE" as const, items: batch.map((item) => ({ contributionId: item.id, version: item.version })) });

    const decide = requireAction("decideContributionAction", { reference: "x" });
    decisions.push(
      await timeInTurn("decideContributionAction over HTTP", chunks(httpSingles, 1), ([item]) =>
        item ? postAction(server, moderator, decide.actionId, decide.page({ reference: item.reference }), approve(item)) : Promise.resolve(false),
      ),
    );
    const { decideContribution } = await import("@/lib/moderation/decide-contribution");
    decisions.push(
      await timeInTurn("decideContribution in process", chunks(domainSingles, 1), async ([item]) => Boolean(item && (await decideContribution(approve(item))).status === "APPROVED")),
    );
    const bulk = requireAction("bulkDecideAction", {});
    decisions.push(
      await timeInTurn(`bulkDecideAction over HTTP (${bulkSize} a request)`, chunks(httpBulk, bulkSize), (batch) =>
        postAction(server, moderator, bulk.actionId, bulk.page({}), approveAll(batch)),
      ),
    );
    const { bulkDecide } = await import("@/lib/moderation/bulk-decide");
    decisions.push(
      await timeInTurn(`bulkDecide in process (${bulkSize} a call)`, chunks(domainBulk, bulkSize), async (batch) => (await bulkDecide(approveAll(batch))).count === batch.length),
    );
    loadAfter = loadAverage();

    const approvals = await countApprovals(config.databaseUrl, moderator.id);
    const confirmed = decisions.reduce((sum, figures) => sum + figures.decided, 0);
    notes.push(
      approvals === confirmed
        ? `The database holds ${approvals.toLocaleString("en-GB")} approvals by the benchmark's moderator, as many as the calls confirmed.`
        : `The database holds ${approvals.toLocaleString("en-GB")} approvals by the benchmark's moderator, but the calls confirmed ${confirmed.toLocaleString("en-GB")}: see the failures.`,
    );
    const serverErrors = server.stderrLines().filter((line) => /error/i.test(line));
    if (serverErrors.length > 0) {
      notes.push(`The server wrote ${serverErrors.length} error line(s) to stderr during the run; the first: \`${serverErrors[0]?.slice(0, 300)}\``);
    }
  } finally {
    await app.close();
    await server.stop();
  }

  const context = runContext({
    date: started,
    command: commandLine("npm run bench -- moderation"),
    postgres: await postgresVersion(config.databaseUrl),
    loadBefore,
    loadAfter,
    buildId: build.id,
  });
  publishResults(
    renderModerationSection({
      ...context,
      settings: config.settings,
      contributions: config.contributions,
      pending,
      consultation,
      seedSeconds,
      pages,
      calls,
      decisions,
      explained,
      notes,
    }),
    pages,
    notes,
  );
}
