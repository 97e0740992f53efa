import autocannon from "autocannon";
import { log } from "@/bench/output";

// One measurement: a discarded warm-up (the server compiles nothing in
// production, but its caches, the database's buffers and the connection pool
// fill up), then requests one at a time (what a single visitor waits on an
// otherwise idle server), then a fixed-duration run at a fixed number of
// connections. Comparing the two tells the cost of one request from the
// queueing that concurrency adds.

export type LoadSettings = { connections: number; warmupSeconds: number; durationSeconds: number; sequentialRequests: number };

export type LoadTarget = {
  label: string;
  url: string;
  method?: "GET" | "POST";
  /** Called before every request: a fresh body and headers for it. */
  setupRequest?: (request: autocannon.Request) => autocannon.Request;
  /** Whether a response (already known to be 2xx) did what was asked; a false answer counts as an error. */
  isSuccess?: (status: number, headers: Record<string, unknown>) => boolean;
};

export type LoadFigures = {
  label: string;
  url: string;
  seconds: number;
  responses: number;
  /** Mean of the per-second counts of completed responses, as autocannon reports it. */
  requestsPerSecond: number;
  /** Median latency of requests sent one at a time, before the load. */
  sequentialP50Ms: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Non-2xx responses, failed checks, connection errors and timeouts. */
  errors: number;
  errorDetail: string;
  statusCodes: Record<string, number>;
};

export async function measure(target: LoadTarget, settings: LoadSettings): Promise<LoadFigures> {
  if (settings.warmupSeconds > 0) {
    log(`  ${target.label}: warming up for ${settings.warmupSeconds} s`);
    const warmup = await run(target, settings.connections, { seconds: settings.warmupSeconds });
    if (warmup.errors > 0) log(`    warm-up errors (not counted): ${warmup.errorDetail}`);
  }
  const sequential = await run(target, 1, { amount: settings.sequentialRequests });
  log(`  ${target.label}: ${settings.sequentialRequests} requests one at a time, p50 ${sequential.latencyMs.p50.toFixed(1)} ms`);
  log(`  ${target.label}: ${settings.durationSeconds} s at ${settings.connections} connections`);
  const loaded = await run(target, settings.connections, { seconds: settings.durationSeconds });
  const figures = {
    ...loaded,
    sequentialP50Ms: sequential.latencyMs.p50,
    errors: loaded.errors + sequential.errors,
    errorDetail: [sequential.errorDetail ? `one at a time: ${sequential.errorDetail}` : "", loaded.errorDetail].filter(Boolean).join("; "),
  };
  log(
    `    ${figures.requestsPerSecond.toFixed(1)} req/s, p50 ${figures.latencyMs.p50.toFixed(1)} ms, p95 ${figures.latencyMs.p95.toFixed(1)} ms, ` +
      `p99 ${figures.latencyMs.p99.toFixed(1)} ms, ${figures.errors} errors${figures.errors > 0 ? ` (${figures.errorDetail})` : ""}`,
  );
  return figures;
}

async function run(target: LoadTarget, connections: number, length: { seconds: number } | { amount: number }): Promise<Omit<LoadFigures, "sequentialP50Ms">> {
  let failedChecks = 0;
  const request: autocannon.Request = {
    method: target.method ?? "GET",
    ...(target.setupRequest ? { setupRequest: (req: autocannon.Request) => target.setupRequest?.(req) ?? req } : {}),
    ...(target.isSuccess
      ? {
          onResponse: (status: number, _body: string, _context: object, headers: autocannon.Request["headers"]) => {
            if (status >= 200 && status < 300 && !target.isSuccess?.(status, headers ?? {})) failedChecks += 1;
          },
        }
      : {}),
  };
  // autocannon reports percentiles without p95, so every response time is kept
  // and the percentiles are computed here.
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options: autocannon.Options = {
      url: target.url,
      connections,
      timeout: 30,
      requests: [request],
      ...("seconds" in length ? { duration: length.seconds } : { amount: length.amount }),
    };
    const instance = autocannon(options, (error, done) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
    // @types/autocannon omits the client that lib/run.js passes as the listener's first argument.
    instance.on("response", ((_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    }) as never);
  });

  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  const parts = [
    result.non2xx > 0 ? `${result.non2xx} non-2xx (${Object.entries(statusCodes).map(([code, count]) => `${code}: ${count}`).join(", ")})` : "",
    failedChecks > 0 ? `${failedChecks} 2xx responses that did not do it` : "",
    result.errors > 0 ? `${result.errors} connection errors` : "",
    result.timeouts > 0 ? `${result.timeouts} timeouts` : "",
  ].filter(Boolean);
  latencies.sort((a, b) => a - b);
  return {
    label: target.label,
    url: target.url,
    seconds: result.duration,
    responses: latencies.length,
    requestsPerSecond: result.requests.average,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.at(-1) ?? 0 },
    // autocannon counts a timeout as an error too; count it once.
    errors: result.non2xx + failedChecks + result.errors,
    errorDetail: parts.join("; "),
    statusCodes,
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}
