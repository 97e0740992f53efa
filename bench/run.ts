import { randomBytes } from "node:crypto";
import { checkBuild, commandLine, readBenchConfig } from "@/bench/config";
import { countContributionsBy, createParticipants, findTargetConsultation, postgresVersion, prepareDatabase } from "@/bench/database";
import { explainConsultationPage, type ExplainedQuery } from "@/bench/explain";
import { measure, type LoadFigures } from "@/bench/load";
import { BenchError, intFromEnv, log, step } from "@/bench/output";
import { loadAverage, publishResults, renderSection, runContext, SLOW_PAGE_P95_MS, type RunReport } from "@/bench/report";
import { checkPage, escapeHtml, startBenchServer } from "@/bench/server";
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
//
// npm run bench -- moderation: the moderation queue and decisions instead
// (issue 4), see bench/moderation.ts.

function readConfig() {
  return { ...readBenchConfig(), participants: intFromEnv("BENCH_PARTICIPANTS", 200, 1, 10_000) };
}

async function main(): Promise<void> {
  const config = readConfig();
  const started = new Date();
  const { build, notes } = checkBuild();
  const seedSeconds = await prepareDatabase(config.databaseUrl, config.contributions);
  const consultation = await findTargetConsultation(config.databaseUrl);
  log(
    `  target: /consultations/${consultation.slug} with ${consultation.contributions.toLocaleString("en-GB")} contributions (${consultation.approved.toLocaleString("en-GB")} approved)`,
  );
  const secret = randomBytes(32).toString("base64url");
  // APP_URL is plain http below, so next-auth uses its non-secure cookie name (lib/auth/options.ts).
  const participants = await createParticipants(config.databaseUrl, config.participants, { secret, cookieName: "next-auth.session-token" });
  log(`  ${participants.length} verified participants with session cookies for the submissions`);

  const server = await startBenchServer({ firstPort: config.firstPort, databaseUrl: config.databaseUrl, secret });

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
  }

  const context = runContext({
    date: started,
    command: commandLine("npm run bench"),
    postgres: await postgresVersion(config.databaseUrl),
    loadBefore,
    loadAfter,
    buildId: build.id,
  });
  publishResults(
    renderSection({ ...context, settings: config.settings, contributions: config.contributions, consultation, seedSeconds, figures, notes, submission, explained }),
    figures,
    notes,
  );
}

// npm run bench -- moderation: the moderation scenario (bench/moderation.ts) instead.
const scenario = process.argv[2] === "moderation" ? import("@/bench/moderation").then((module) => module.runModerationBenchmark()) : main();

scenario.catch((error: unknown) => {
  console.error(error instanceof BenchError ? `\nBenchmark stopped: ${error.message}` : error);
  process.exit(1);
});
