import type { LoadSettings } from "@/bench/load";
import { DEFAULT_BENCH_DATABASE_URL } from "@/bench/database";
import { intFromEnv, log } from "@/bench/output";
import { requireProductionBuild, type ProductionBuild } from "@/bench/server";

// What every benchmark scenario reads from the environment, and how it
// states the run it made.

export type BenchConfig = { databaseUrl: string; contributions: number; firstPort: number; settings: LoadSettings };

export function readBenchConfig(): BenchConfig {
  return {
    databaseUrl: process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_BENCH_DATABASE_URL,
    contributions: intFromEnv("BENCH_CONTRIBUTIONS", 100_000, 1, 10_000_000),
    firstPort: intFromEnv("BENCH_PORT", 3200, 1024, 65_000),
    settings: {
      connections: intFromEnv("BENCH_CONNECTIONS", 20, 1, 1_000),
      durationSeconds: intFromEnv("BENCH_DURATION", 20, 1, 3_600),
      warmupSeconds: intFromEnv("BENCH_WARMUP", 5, 0, 600),
      sequentialRequests: 20,
    },
  };
}

/** The command as someone would type it again, with the settings that differ from the defaults. */
export function commandLine(command: string): string {
  const overrides = Object.entries(process.env)
    .filter(([name, value]) => name.startsWith("BENCH_") && name !== "BENCH_DATABASE_URL" && value)
    .map(([name, value]) => `${name}=${value}`);
  return [...overrides, command].join(" ");
}

/** The production build under test, and a note for the results when sources changed after it. */
export function checkBuild(): { build: ProductionBuild; notes: string[] } {
  const build = requireProductionBuild();
  log(`Production build ${build.id} of ${build.builtAt.toISOString()} (.next)`);
  if (build.newerSources.length === 0) return { build, notes: [] };
  const warning =
    `The build is older than ${build.newerSources.length} source file(s) (${build.newerSources.slice(0, 3).join(", ")}${build.newerSources.length > 3 ? ", …" : ""}): ` +
    "what the server answers is the code as it was built. Run `npm run build` first to measure the current code.";
  log(`  warning: ${warning}`);
  return { build, notes: [warning] };
}
