import type { ExplainedQuery } from "@/bench/explain";
import type { LoadFigures, LoadSettings } from "@/bench/load";
import { contextLines, figuresTable, type RunContext } from "@/bench/report";

// The moderation scenario's section of bench/RESULTS.md (bench/moderation.ts).

/** Above this p95 at one connection, the queue page is slow enough to look for an index. */
export const SLOW_QUEUE_P95_MS = 500;

/** The dashboard's plans go into the results when a call takes longer than this (p50). */
export const SLOW_DASHBOARD_MS = 200;

export type CallFigures = { label: string; calls: number; latencyMs: { p50: number; p95: number }; databaseP50Ms: number; queries: number };

export type DecisionFigures = {
  label: string;
  /** Calls or requests made (one per decision, or one per bulk batch). */
  requests: number;
  decided: number;
  failures: number;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number; p95: number; max: number };
};

export type ModerationReport = RunContext & {
  settings: LoadSettings;
  contributions: number;
  pending: number;
  consultation: { slug: string; title: string; waiting: number };
  seedSeconds: number;
  pages: LoadFigures[];
  calls: CallFigures[];
  decisions: DecisionFigures[];
  explained: ExplainedQuery[];
  notes: string[];
};

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");
const count = (value: number) => value.toLocaleString("en-GB");

/** The indexes a plan reads and the tables it scans whole. */
export function planAccess(plan: string): { indexes: string[]; sequential: string[] } {
  const unique = (pattern: RegExp) => [...new Set([...plan.matchAll(pattern)].map((match) => match[1] ?? ""))].filter(Boolean);
  return {
    indexes: unique(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) "?([\w.]+)"?/g),
    sequential: unique(/Seq Scan on "?([\w.]+)"?/g),
  };
}

export function renderModerationSection(report: ModerationReport): string {
  const { settings } = report;
  const lines = [
    ...contextLines(report, `moderation: ${count(report.contributions)} synthetic contributions, ${count(report.pending)} pending`),
    `- Data: the demo plus ${count(report.contributions)} synthetic contributions, all but ${count(report.pending)} of the pending ones then approved ` +
      `(seeded in ${report.seedSeconds.toFixed(0)} s). The longest queue of one consultation: \`${report.consultation.slug}\` (“${report.consultation.title}”), ${count(report.consultation.waiting)} waiting.`,
    `- Queue page: \`/moderation\` and \`/moderation?consultation=${report.consultation.slug}\` with a moderator's session cookie, through autocannon as \`npm run bench\` does ` +
      `(${settings.warmupSeconds} s warm-up, ${settings.sequentialRequests} requests one at a time, then ${settings.durationSeconds} s), at 1 and at ${settings.connections} connections.`,
    "",
    figuresTable(report.pages),
    "",
    "Domain functions alone: findModerationQueue (lib/moderation/find-moderation-queue.ts) and getModerationDashboard (lib/moderation/dashboard/) called in the benchmark's process as the same moderator " +
      "(bench/in-process.ts: no HTTP, no rendering, the session still checked against the database), one call at a time; " +
      "“database” is the sum of the durations Prisma reports for the call's queries (above the call's own time when they run in parallel).",
    "",
    "| Call | Calls | p50 ms | p95 ms | Database p50 ms | Queries a call |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...report.calls.map((call) => `| \`${call.label}\` | ${call.calls} | ${ms(call.latencyMs.p50)} | ${ms(call.latencyMs.p95)} | ${ms(call.databaseP50Ms)} | ${call.queries} |`),
    "",
    "Decisions, approving pending contributions in queue order, one request or call after the other: decideContributionAction posted to the review page " +
      "(`/moderation/contributions/<reference>`) with its Next-Action header as the page's form posts it, which also renders the page again for the revalidated layout; " +
      "decideContribution in the benchmark's process; bulkDecideAction posted to `/moderation` and bulkDecide in process, 100 contributions a request. " +
      "Each decision writes the contribution, its event, the author's notice and e-mail (a file under DATA_DIR, no SMTP) in one transaction.",
    "",
    "| Path | Requests | Decided | Failed | Seconds | Decisions/s | p50 ms | p95 ms | max ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...report.decisions.map(
      (row) =>
        `| ${row.label} | ${count(row.requests)} | ${count(row.decided)} | ${row.failures} | ${row.seconds.toFixed(1)} | ${row.perSecond.toFixed(1)} | ${ms(row.latencyMs.p50)} | ${ms(row.latencyMs.p95)} | ${ms(row.latencyMs.max)} |`,
    ),
    "",
  ];
  for (const note of report.notes) lines.push(`- ${note}`);
  if (report.notes.length > 0) lines.push("");
  const slow = report.pages.filter((page) => page.label.endsWith(", 1 connection") && page.latencyMs.p95 > SLOW_QUEUE_P95_MS);
  if (slow.length > 0) {
    lines.push(`- Above ${SLOW_QUEUE_P95_MS} ms at p95 with one connection: ${slow.map((page) => page.label).join(", ")}. See the plans below.`, "");
  }
  if (report.explained.length > 0) {
    lines.push(`### Query plans (EXPLAIN (ANALYZE, BUFFERS) of the SQL and parameters each function sent; the dashboard's only when its p50 was above ${SLOW_DASHBOARD_MS} ms)`, "");
    for (const query of report.explained) {
      const access = planAccess(query.plan);
      lines.push(
        `${query.source}: indexes ${access.indexes.length > 0 ? access.indexes.map((name) => `\`${name}\``).join(", ") : "none"}; ` +
          `sequential scans ${access.sequential.length > 0 ? access.sequential.map((name) => `\`${name}\``).join(", ") : "none"}.`,
        "",
        "```sql",
        query.sql.trim(),
        `-- parameters: ${JSON.stringify(query.params)}`,
        "```",
        "",
        "```",
        query.plan,
        "```",
        "",
      );
    }
  }
  return lines.join("\n");
}
