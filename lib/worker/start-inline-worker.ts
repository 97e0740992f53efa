import "server-only";
import { getEnv } from "@/lib/env";
import { startWorker, type Worker } from "@/lib/worker/start-worker";

declare global {
  // One worker per process: the development server may load the
  // instrumentation hook again, and a second loop would only poll twice as often.
  var agoraWorker: Worker | undefined;
}

/**
 * Runs the background worker inside the app server unless WORKER=off (then
 * `npm run worker` runs it as its own process). Called once at start-up by
 * instrumentation.ts; returns at once, the loop runs in the background.
 */
export function startInlineWorker(): void {
  const env = getEnv();
  if (env.worker !== "inline" || globalThis.agoraWorker) return;
  console.info(`[worker] running inside the app server (WORKER=inline), looking for due e-mails and jobs every ${env.workerPollMs} ms`);
  globalThis.agoraWorker = startWorker({ stopOnSignals: true });
}
