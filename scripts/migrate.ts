import { getEnv } from "@/lib/env";
import { pgliteDirFor } from "@/lib/db/create-client";
import { openSqlConnection } from "@/lib/migrations/sql-connection";
import { MigrationError, runMigrations } from "@/lib/migrations/run-migrations";

// npm run db:migrate — applies pending SQL migrations to the configured database.
async function main() {
  const env = getEnv();
  const pgliteDir = pgliteDirFor(env.dataDir);
  const target = env.databaseUrl ? { databaseUrl: env.databaseUrl } : { pgliteDir };
  console.log(env.databaseUrl ? "Migrating the PostgreSQL database in DATABASE_URL" : `Migrating the embedded database in ${pgliteDir}`);
  const connection = await openSqlConnection(target);
  try {
    const report = await runMigrations(connection, { log: (line) => console.log(`  ${line}`) });
    console.log(
      report.applied.length === 0
        ? `Database is up to date (${report.alreadyApplied.length} migrations applied before).`
        : `Applied ${report.applied.length} migration(s); ${report.alreadyApplied.length} were already applied.`,
    );
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof MigrationError ? `Migration refused: ${error.message}` : error);
  process.exit(1);
});
