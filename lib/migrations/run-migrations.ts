import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SqlConnection } from "@/lib/migrations/sql-connection";

// Applies prisma/migrations/<name>/migration.sql in name order and records
// each in _prisma_migrations exactly as Prisma Migrate does (same table, same
// SHA-256 checksum of the file), so `prisma migrate deploy` can take over
// wherever Prisma's schema engine is available. See
// docs/decisions/0002-migrations.md.

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

// Prisma Migrate's advisory lock key: two instances starting at once (or
// Prisma and us) never apply the same migration twice.
const ADVISORY_LOCK_KEY = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      // Prisma refuses such a folder too; skipping it would silently leave
      // the database behind the history.
      if (!fs.existsSync(file)) throw new MigrationError(`Migration folder ${name} has no migration.sql (in ${dir}).`);
      const bytes = fs.readFileSync(file);
      return { name, sql: bytes.toString("utf8"), checksum: sha256Hex(bytes) };
    });
}

function sha256Hex(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

// As Prisma's script_matches_checksum: a checkout whose line endings git
// converted (CRLF on Windows) is the same migration, not a tampered one.
function matchesChecksum(sql: string, checksum: string): boolean {
  return [sql, sql.replace(/\r\n/g, "\n"), sql.replace(/\n/g, "\r\n")].some((variant) => sha256Hex(variant) === checksum);
}

type AppliedRow = { migration_name: string; checksum: string; started_at: Date; finished_at: Date | null; logs: string | null };

export type MigrationReport = { applied: string[]; alreadyApplied: string[] };

export async function runMigrations(
  connection: SqlConnection,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrationReport> {
  const log = options.log ?? (() => {});
  const migrations = readMigrations(options.dir);
  // The lock comes first, as in Prisma's apply_migrations: two runners
  // creating the bookkeeping table at once collide in pg_type.
  await connection.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  let failed = false;
  try {
    await connection.exec(CREATE_MIGRATIONS_TABLE);
    // Rows marked rolled back (prisma migrate resolve --rolled-back) do not
    // count: that migration is applied again.
    const rows = await connection.query<AppliedRow>(
      `SELECT migration_name, checksum, started_at, finished_at, logs FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );

    // Refuse before changing anything. A migration that failed half-way
    // (Prisma records those and leaves them unfinished) or one edited after
    // it ran means the database is not what the files describe.
    const unfinished = rows.find((row) => row.finished_at === null);
    if (unfinished) {
      const logs = unfinished.logs?.trim() ? ` Its logs: ${unfinished.logs.trim()}` : "";
      throw new MigrationError(
        `Migration ${unfinished.migration_name} started at ${unfinished.started_at.toISOString()} but did not finish.${logs} ` +
          `Repair the database by hand, then either undo what it did and mark it rolled back so that it runs again ` +
          `(UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${unfinished.migration_name}' AND finished_at IS NULL), ` +
          `or complete it and mark it finished ` +
          `(UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE migration_name = '${unfinished.migration_name}' AND finished_at IS NULL).`,
      );
    }
    const applied = new Map(rows.map((row) => [row.migration_name, row]));
    for (const migration of migrations) {
      const row = applied.get(migration.name);
      if (row && !matchesChecksum(migration.sql, row.checksum)) {
        throw new MigrationError(
          `Migration ${migration.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${migration.checksum.slice(0, 12)}… on disk). Restore the file and put the change in a new migration.`,
        );
      }
    }
    const known = new Set(migrations.map((migration) => migration.name));
    for (const name of applied.keys()) {
      if (!known.has(name)) log(`warning: ${name} is recorded in the database but has no folder in prisma/migrations`);
    }

    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      if (applied.has(migration.name)) {
        report.alreadyApplied.push(migration.name);
        continue;
      }
      log(`applying ${migration.name}`);
      // One transaction per migration (Prisma gets the same from sending the
      // script as one simple query): a failure leaves no half-applied
      // migration and no row, so the file can simply be fixed.
      await connection.exec("BEGIN");
      try {
        await connection.exec(migration.sql);
        // started_at is the transaction's start, finished_at the clock after
        // the script, as Prisma records them in two steps.
        await connection.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await connection.exec("COMMIT");
      } catch (error) {
        await rollBackQuietly(connection);
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`);
      }
      report.applied.push(migration.name);
    }
    return report;
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    try {
      await connection.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
    } catch (unlockError) {
      // The lock dies with the session anyway; do not hide why we failed.
      if (!failed) throw unlockError;
    }
  }
}

// When the failure was the connection itself, ROLLBACK fails too; the
// migration's own error is the one worth reporting (the server rolls back an
// aborted session's transaction by itself).
async function rollBackQuietly(connection: SqlConnection): Promise<void> {
  try {
    await connection.exec("ROLLBACK");
  } catch {
    // See above.
  }
}
