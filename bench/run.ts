import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  countContributionsBy,
  createParticipants,
  DEFAULT_BENCH_DATABASE_URL,
  findTargetConsultation,
  migrate,
  postgresVersion,
  recreateDatabase,
  seed,
} from "@/bench/database";
import { explainConsultationPage, type ExplainedQuery } from "@/bench/explain";
import { measure, type LoadFigures, type LoadSettings } from "@/bench/load";
import { BenchError, log, step } from "@/bench/output";
import {
  appendResults,
  describeMachine,
  figuresTable,
  loadAverage,
  renderSection,
  RESULTS_FILE,
  SLOW_PAGE_P95_MS,
  sourceRevision,
  type RunReport,
} from "@/bench/report";
import { findFreePort, requireProductionBuild, startServer } from "@/bench/server";
import { findSubmissionEndpoint, probeSubmission, submissionTarget } from "@/bench/submission";

// npm run bench: the consultation page with 100,000 contributions in
// PostgreSQL, side by side with a static file of the same server, and the
// submission endpoint's throughput (issue 3). Needs a production build
// (npm run build) and a PostgreSQL server; writes bench/RESULTS.md.
//
// Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/agora_bench;
// dropped and re-created), BENCH_CONTRIBUTIONS (default 100000),
// BENCH_CONNECTIONS (20), BENCH_DURATION (20 s), BENCH_WARMUP (5 s),
// BENCH_PARTICIPANTS (200), BENCH_PORT (first port tried, 3200).

function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new BenchError(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return Number(raw);
}

function readConfig() {
  return {
    databaseUrl: process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_BENCH_DATABASE_URL,
    contributions: intFromEnv("BENCH_CONTRIBUTIONS", 100_000, 1, 10_000_000),
    participants: intFromEnv("BENCH_PARTICIPANTS", 200, 1, 10_000),
    firstPort: intFromEnv("BENCH_PORT", 3200, 1024, 65_000),
    settings: {
      connections: intFromEnv("BENCH_CONNECTIONS", 20, 1, 1_000),
      durationSeconds: intFromEnv("BENCH_DURATION", 20, 1, 3_600),
      warmupSeconds: intFromEnv("BENCH_WARMUP", 5, 0, 600),
      sequentialRequests: 20,
    } satisfies LoadSettings,
  };
}

/** The command as someone would type it again, with the settings that differ from the defaults. */
function commandLine(): string {
  const overrides = Object.entries(process.env)
    .filter(([name, value]) => name.startsWith("BENCH_") && name !== "BENCH_DATABASE_URL" && value)
    .map(([name, value]) => `${name}=${value}`);
  return [...overrides, "npm run bench"].join(" ");
}

/** The text as React writes it into HTML. */
function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");
}

/** One request before the load: the URL must answer 200 with this text, or there is nothing worth measuring. */
async function checkPage(url: string, mustContain: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const response = await fetch(url, { redirect: "manual" });
  const text = await response.text();
  if (response.status !== 200) return { ok: false, reason: `answered ${response.status}` };
  if (!text.includes(mustContain)) return { ok: false, reason: `answered 200 without "${mustContain}"` };
  return { ok: true };
}

async function main(): Promise<void> {
  const config = readConfig();
  const started = new Date();
  const build = requireProductionBuild();
  log(`Production build ${build.id} of ${build.builtAt.toISOString()} (.next)`);
  const notes: string[] = [];
  if (build.newerSources.length > 0) {
    const warning =
      `The build is older than ${build.newerSources.length} source file(s) (${build.newerSources.slice(0, 3).join(", ")}${build.newerSources.length > 3 ? ", …" : ""}): ` +
      "the figures are those of the code as it was built. Run `npm run build` before `npm run bench` to measure the current code.";
    log(`  warning: ${warning}`);
    notes.push(warning);
  }

  step(`Database ${new URL(config.databaseUrl).pathname.slice(1)} (dropped and re-created)`);
  await recreateDatabase(config.databaseUrl);
  await migrate(config.databaseUrl);
  const seedStarted = performance.now();
  log(`  seeding the demo and ${config.contributions.toLocaleString("en-GB")} synthetic contributions`);
  await seed(config.databaseUrl, config.contributions);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const consultation = await findTargetConsultation(config.databaseUrl);
  log(
    `  target: /consultations/${consultation.slug} with ${consultation.contributions.toLocaleString("en-GB")} contributions (${consultation.approved.toLocaleString("en-GB")} approved)`,
  );
  const secret = randomBytes(32).toString("base64url");
  // APP_URL is plain http below, so next-auth uses its non-secure cookie name (lib/auth/options.ts).
  const participants = await createParticipants(config.databaseUrl, config.participants, { secret, cookieName: "next-auth.session-token" });
  log(`  ${participants.length} verified participants with session cookies for the submissions`);

  step("Server");
  const port = await findFreePort(config.firstPort);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-bench-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: config.databaseUrl,
    NEXTAUTH_SECRET: secret,
    APP_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    DEMO_ACCOUNTS: "false",
    TRUST_PROXY: "false",
  };
  // No SMTP: receipts are written as files under DATA_DIR, so no mail server
  // takes part in the figures.
  delete env.SMTP_URL;
  let server;
  try {
    server = await startServer({ port, env });
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  log(`  next start on ${server.origin}, DATA_DIR ${dataDir}`);

  const figures: LoadFigures[] = [];
  let explained: ExplainedQuery[] = [];
  let submission: RunReport["submission"] = null;
  let loadBefore = "";
  let loadAfter = "";
  try {
    const pageUrl = `${server.origin}/consultations/${consultation.slug}`;
    const listUrl = `${pageUrl}/contributions`;
    const staticUrl = `${server.origin}/robots.txt`;
    // A server-rendered page that reads nothing from the database for a
    // visitor: what any dynamic page costs here, whatever its data.
    const dynamicUrl = `${server.origin}/sign-in`;

    const page = await checkPage(pageUrl, escapeHtml(consultation.title));
    if (!page.ok) throw new BenchError(`${pageUrl} ${page.reason}: there is no consultation page to measure.`);
    const list = await checkPage(listUrl, escapeHtml(consultation.title));
    const staticFile = await checkPage(staticUrl, "User-agent");
    if (!staticFile.ok) throw new BenchError(`${staticUrl} ${staticFile.reason}; public/robots.txt is the static baseline.`);
    const dynamicPage = await checkPage(dynamicUrl, "Sign in");

    step(`Load (${config.settings.connections} connections, ${config.settings.warmupSeconds} s warm-up + ${config.settings.durationSeconds} s each)`);
    loadBefore = loadAverage();
    log(`  load average before: ${loadBefore}`);
    figures.push(await measure({ label: "Consultation page", url: pageUrl }, config.settings));
    if (list.ok) {
      figures.push(await measure({ label: "Public contributions list (page 1)", url: listUrl }, config.settings));
    } else {
      notes.push(`The public contributions list (${new URL(listUrl).pathname}) ${list.reason} in this build, so it was not measured.`);
    }
    figures.push(await measure({ label: "Static file (public/robots.txt)", url: staticUrl }, config.settings));
    if (dynamicPage.ok) {
      figures.push(await measure({ label: "Dynamic page without queries (sign-in)", url: dynamicUrl }, config.settings));
    } else {
      notes.push(`The sign-in page ${dynamicPage.reason}, so the dynamic baseline was not measured.`);
    }

    const endpoint = findSubmissionEndpoint(consultation.slug);
    const [firstParticipant] = participants;
    if (!endpoint || !firstParticipant) {
      notes.push(
        "Submissions were not measured: this build has no submitContributionAction (lib/contributions/actions.ts) used by a page under /consultations/[slug]. Build the contribution form, then run again.",
      );
    } else {
      const probe = await probeSubmission({ origin: server.origin, endpoint, consultation, participant: firstParticipant });
      if (!probe.ok) {
        notes.push(`Submissions were not measured: a single submission to ${endpoint.pagePath} did not store a contribution (${probe.reason}).`);
      } else {
        const target = submissionTarget({ origin: server.origin, endpoint, consultation, participants });
        figures.push(await measure(target, config.settings));
        // Requests cut off when a run's time was up may still be finishing on the server.
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        const stored = await countContributionsBy(
          config.databaseUrl,
          participants.map((participant) => participant.id),
        );
        // The probe, the warm-up and the measured run.
        submission = {
          pagePath: endpoint.pagePath,
          participants: participants.length,
          stored,
          confirmed: 1 + target.confirmed(),
          connections: config.settings.connections,
        };
      }
    }
    loadAfter = loadAverage();

    const pageFigures = figures.find((figure) => figure.url === pageUrl);
    if (pageFigures && pageFigures.latencyMs.p95 > SLOW_PAGE_P95_MS) {
      step(`EXPLAIN ANALYZE (p95 above ${SLOW_PAGE_P95_MS} ms)`);
      explained = await explainConsultationPage(config.databaseUrl, consultation.id);
      for (const query of explained) log(`  ${query.source}\n${query.plan.replace(/^/gm, "    ")}`);
    }
    const serverErrors = server.stderrLines().filter((line) => /error/i.test(line));
    if (serverErrors.length > 0) {
      notes.push(`The server wrote ${serverErrors.length} error line(s) to stderr during the run; the first: \`${serverErrors[0]?.slice(0, 300)}\``);
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const section = renderSection({
    date: started,
    command: commandLine(),
    machine: describeMachine(await postgresVersion(config.databaseUrl)),
    loadBefore,
    loadAfter,
    revision: sourceRevision(),
    buildId: build.id,
    settings: config.settings,
    contributions: config.contributions,
    consultation,
    seedSeconds,
    figures,
    notes,
    submission,
    explained,
  });
  appendResults(section);
  step("Results");
  log(figuresTable(figures));
  for (const note of notes) log(`- ${note}`);
  log(`\nAppended to ${path.relative(process.cwd(), RESULTS_FILE)}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof BenchError ? `\nBenchmark stopped: ${error.message}` : error);
  process.exit(1);
});
