import { parseArgs } from "node:util";
import { SingleBar, Presets } from "cli-progress";
import { getEnv } from "@/lib/env";
import { closePrismaClient, createPrismaClient, pgliteDirFor } from "@/lib/db/create-client";
import { detectStoredLanguages } from "@/lib/language/detect-stored-languages";

// npm run languages:detect [-- --all]
// Detects the language of the contributions stored before detection existed
// (issue 10); lib/language/detect-stored-languages.ts does the work.

const HELP = `Usage: npm run languages:detect [-- --all]

Detects the language of every contribution that has none recorded yet, in the
configured database (DATABASE_URL, or the embedded database under DATA_DIR),
and stores it beside the declared one. Search, filters and facets then use the
detected language where the detector is confident.

Options:
  --all    detect again every contribution, not only those never detected
  --help   show this help`;

async function main(): Promise<void> {
  let values: { all?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: process.argv.slice(2), options: { all: { type: "boolean" }, help: { type: "boolean" } } }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    console.log(HELP);
    return;
  }
  const env = getEnv();
  const db = createPrismaClient(env.databaseUrl ? { databaseUrl: env.databaseUrl } : { pgliteDir: pgliteDirFor(env.dataDir) });
  const bar = new SingleBar({ format: "Detecting languages {bar} {value}/{total} contributions, {changed} changed", hideCursor: true }, Presets.shades_classic);
  let started = false;
  let result;
  try {
    result = await detectStoredLanguages(db, {
      all: values.all ?? false,
      onProgress: ({ total, done, changed }) => {
        if (!started) {
          bar.start(total, 0, { changed: 0 });
          started = true;
        }
        bar.update(done, { changed });
      },
    });
  } finally {
    if (started) bar.stop();
    await closePrismaClient(db);
  }
  console.log(result.total === 0 ? "Nothing to do: every contribution has its language detected." : `Done: ${result.done} read, ${result.changed} updated.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
