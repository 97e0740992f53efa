// Runs once when the server starts: a bad configuration stops it here with a
// message that names the variable, instead of failing on some later request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getEnv, exportEnvForLibraries } = await import("@/lib/env");
    exportEnvForLibraries(getEnv());
  }
}
