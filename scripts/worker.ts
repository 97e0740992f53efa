import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { startWorker } from "@/lib/worker/start-worker";

// npm run worker — the background worker as its own process, for PostgreSQL
// deployments whose app instances run with WORKER=off. It stops on SIGTERM or
// SIGINT once the e-mail being sent is done (docs/decisions/0005).
async function main(): Promise<void> {
  const env = getEnv();
  if (env.embedded) {
    console.error(
      "npm run worker needs DATABASE_URL. The embedded database belongs to the app server's process, which runs the worker itself (WORKER=inline, the default).",
    );
    process.exit(1);
  }
  console.info(`[worker] started (pid ${process.pid}), looking for due e-mails and jobs every ${env.workerPollMs} ms`);
  await startWorker({ stopOnSignals: true }).stopped;
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error("[worker] could not start:", error);
  process.exit(1);
});
