// Runs once when the server starts (Next.js does not call it during
// `next build`): a bad configuration stops it here with a message that names
// the variable, instead of failing on some later request. Then the background
// worker starts inside this process unless WORKER=off (docs/decisions/0005).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getEnv, exportEnvForLibraries } = await import("@/lib/env");
    exportEnvForLibraries(getEnv());
    const { startInlineWorker } = await import("@/lib/worker/start-inline-worker");
    startInlineWorker();
  }
}
