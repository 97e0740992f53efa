import { parseArgs } from "node:util";
import { getEnv } from "@/lib/env";
import { db } from "@/lib/db";
import { closePrismaClient, pgliteDirFor } from "@/lib/db/create-client";
import { addSyntheticContributions, SyntheticSeedError } from "@/prisma/seed/add-synthetic-contributions";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { progressReporter } from "@/scripts/progress-reporter";

// npm run db:seed [-- --contributions N]: the demo (idempotent), then
// optionally N synthetic contributions for scale tests.

const HELP = `Usage: npm run db:seed [-- options]

Fills the configured database (DATABASE_URL, or the embedded database under
DATA_DIR) with Agora's demo: three conferences, four consultations, some sixty
stakeholders and 300 contributions. Running it again changes nothing.
Demo accounts (admin, moderator, participant) are added when DEMO_ACCOUNTS is
true, which is the default in the embedded mode.

Options:
  --contributions N   after the demo, ADD N synthetic contributions (approved or
                      pending) to the open consultations, for scale tests. Unlike
                      the demo, this adds N new rows every time it is run.
  --help              show this help`;

class UsageError extends Error {}

function parseOptions(argv: string[]): { help: boolean; contributions: number } {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { contributions: { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const raw = values.contributions;
  if (raw === undefined) return { help: values.help === true, contributions: 0 };
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 10_000_000) {
    throw new UsageError(`--contributions must be a whole number between 1 and 10000000 (got "${raw}")`);
  }
  return { help: values.help === true, contributions: Number(raw) };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(HELP);
    return;
  }
  const started = performance.now();
  const env = getEnv();
  const pgliteDir = pgliteDirFor(env.dataDir);
  console.log(env.databaseUrl ? "Seeding the PostgreSQL database in DATABASE_URL" : `Seeding the embedded database in ${pgliteDir}`);
  // The app's one client: the seed runs domain functions too (reading the
  // demo's attachments), and a second PGlite on the same files would break it.
  try {
    await seedDemo(db, { demoAccounts: env.demoAccounts, log: (line) => console.log(`  ${line}`) });

    if (options.contributions > 0) {
      console.log(`Adding ${options.contributions} synthetic contributions`);
      const syntheticStarted = performance.now();
      const progress = progressReporter(options.contributions, "contributions");
      try {
        await addSyntheticContributions(db, { count: options.contributions, onProgress: (done) => progress.update(done) });
      } finally {
        progress.stop();
      }
      console.log(`  ${options.contributions} contributions added in ${seconds(syntheticStarted)}`);
    }

    if (env.demoAccounts) {
      console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
      for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.toLowerCase().padEnd(12)} ${account.email}`);
    }
    console.log(`Seed finished in ${seconds(started)}.`);
  } finally {
    await closePrismaClient(db);
  }
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${HELP}`);
  } else if (error instanceof SyntheticSeedError) {
    console.error(`Seed stopped: ${error.message}`);
  } else {
    console.error("Seed failed:", error);
  }
  process.exit(1);
});
