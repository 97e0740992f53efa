import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import type { SqlConnection } from "@/lib/migrations/sql-connection";
import { MIGRATIONS_DIR, MigrationError, readMigrations, runMigrations } from "@/lib/migrations/run-migrations";
import { createEmptyDatabase, isPostgresRun, type EmptyDatabase } from "../helpers/empty-database";

// The migration runner (lib/migrations/run-migrations.ts) on empty databases
// of the run's engine, with temporary copies of prisma/migrations so that
// migrations can be added, broken or tampered with.

// Prisma Migrate's advisory lock key (schema-engine, Postgres connector):
// holding it must keep our runner out, and the other way round.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;
// Sorts after every real migration.
const LATER = "29990101000000";

const realMigrations = readMigrations();
const realNames = realMigrations.map((migration) => migration.name);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emptyDatabase(): Promise<EmptyDatabase> {
  const database = await createEmptyDatabase();
  cleanups.push(() => database.drop());
  return database;
}

function copyOfMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-migrations-"));
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** An empty database, migrated from a fresh copy of prisma/migrations. */
async function migratedFromCopy(): Promise<{ connection: SqlConnection; dir: string }> {
  const connection = await (await emptyDatabase()).connect();
  const dir = copyOfMigrations();
  await runMigrations(connection, { dir });
  return { connection, dir };
}

function writeMigration(dir: string, name: string, sql: string): void {
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

function sha256OfFile(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

type Row = {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  logs: string | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
};

function recorded(connection: SqlConnection): Promise<Row[]> {
  return connection.query<Row>(
    `SELECT id, checksum, migration_name, started_at, finished_at, logs, rolled_back_at, applied_steps_count
       FROM "_prisma_migrations" ORDER BY migration_name, started_at`,
  );
}

async function tableExists(connection: SqlConnection, table: string): Promise<boolean> {
  const [row] = await connection.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [`"${table}"`]);
  return row?.found === true;
}

async function columnExists(connection: SqlConnection, table: string, column: string): Promise<boolean> {
  const rows = await connection.query(
    `SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2`,
    [table, column],
  );
  return rows.length === 1;
}

describe("migration runner", () => {
  it("applies every migration to an empty database and records each exactly as Prisma Migrate does", async () => {
    const database = await emptyDatabase();
    const connection = await database.connect();

    const report = await runMigrations(connection);

    expect(report).toEqual({ applied: realNames, alreadyApplied: [] });
    const rows = await recorded(connection);
    expect(rows.map((row) => row.migration_name)).toEqual(realNames);
    for (const row of rows) {
      expect(row.checksum).toBe(sha256OfFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql")));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at?.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
    }
    expect(await tableExists(connection, "User")).toBe(true);

    // The bookkeeping table is Prisma's own, column for column, so that
    // `prisma migrate deploy` can read it.
    const columns = await connection.query<{ column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
      `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", is_nullable: "NO", column_default: "0" },
    ]);
  });

  it("computes the checksum the way Prisma does: SHA-256 of the file, 64 zero-padded hex digits", () => {
    const dir = copyOfMigrations();
    // The test vector of Prisma's own checksum.rs ("format_checksum_does_not_strip_zeros").
    writeMigration(dir, `${LATER}_vector`, "hello");
    expect(readMigrations(dir).at(-1)).toMatchObject({
      name: `${LATER}_vector`,
      checksum: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
    });
  });

  it("does nothing when run twice: nothing re-run, the records untouched, the report says already applied", async () => {
    const database = await emptyDatabase();
    const connection = await database.connect();
    await runMigrations(connection);
    const before = await recorded(connection);
    await connection.query(`INSERT INTO "RejectionReason" (id, label) VALUES ('kept', 'Kept across runs')`);

    const lines: string[] = [];
    const report = await runMigrations(connection, { log: (line) => lines.push(line) });

    expect(report).toEqual({ applied: [], alreadyApplied: realNames });
    expect(lines).toEqual([]);
    expect(await recorded(connection)).toEqual(before);
    expect(await connection.query(`SELECT label FROM "RejectionReason"`)).toEqual([{ label: "Kept across runs" }]);
  });

  it("applies a migration added later on its own", async () => {
    const { connection, dir } = await migratedFromCopy();
    const before = await recorded(connection);
    writeMigration(dir, `${LATER}_user_nickname`, `ALTER TABLE "User" ADD COLUMN "nickname" TEXT;\n`);

    const report = await runMigrations(connection, { dir });

    expect(report).toEqual({ applied: [`${LATER}_user_nickname`], alreadyApplied: realNames });
    expect(await columnExists(connection, "User", "nickname")).toBe(true);
    const after = await recorded(connection);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toMatchObject({
      migration_name: `${LATER}_user_nickname`,
      checksum: sha256OfFile(path.join(dir, `${LATER}_user_nickname`, "migration.sql")),
      applied_steps_count: 1,
      rolled_back_at: null,
    });
  });

  it("refuses a migration whose file changed after it was applied, and changes nothing", async () => {
    const { connection, dir } = await migratedFromCopy();
    const before = await recorded(connection);
    const first = realNames[0] ?? "";
    const file = path.join(dir, first, "migration.sql");
    const original = fs.readFileSync(file, "utf8");
    fs.appendFileSync(file, `\nCREATE TABLE "Sneaky" ("id" INTEGER);\n`);
    writeMigration(dir, `${LATER}_user_nickname`, `ALTER TABLE "User" ADD COLUMN "nickname" TEXT;\n`);

    const refusal = runMigrations(connection, { dir });

    await expect(refusal).rejects.toThrow(MigrationError);
    await expect(refusal).rejects.toThrow(
      new RegExp(`^Migration ${first} was changed after it was applied \\(checksum [0-9a-f]{12}… in the database, [0-9a-f]{12}… on disk\\)\\. Restore the file and put the change in a new migration\\.$`),
    );
    expect(await recorded(connection)).toEqual(before);
    expect(await tableExists(connection, "Sneaky")).toBe(false);
    expect(await columnExists(connection, "User", "nickname")).toBe(false);

    // Restoring the file is enough to go on.
    fs.writeFileSync(file, original);
    await expect(runMigrations(connection, { dir })).resolves.toEqual({ applied: [`${LATER}_user_nickname`], alreadyApplied: realNames });
  });

  it("does not take a checkout with Windows line endings for tampering (as Prisma does not)", async () => {
    const { connection, dir } = await migratedFromCopy();
    const file = path.join(dir, realNames[0] ?? "", "migration.sql");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/\n/g, "\r\n"));

    await expect(runMigrations(connection, { dir })).resolves.toEqual({ applied: [], alreadyApplied: realNames });
  });

  it("rolls a failing migration back entirely, records nothing for it and names it", async () => {
    const database = await emptyDatabase();
    const connection = await database.connect();
    const dir = copyOfMigrations();
    const broken = `${LATER}_broken`;
    writeMigration(
      dir,
      broken,
      [
        `CREATE TABLE "HalfDone" ("id" INTEGER);`,
        `ALTER TABLE "User" ADD COLUMN "nickname" TEXT;`,
        `INSERT INTO "NoSuchTable" VALUES (1);`,
      ].join("\n"),
    );
    writeMigration(dir, `${LATER.replace(/0$/, "1")}_after_broken`, `CREATE TABLE "AfterBroken" ("id" INTEGER);\n`);

    const failure = runMigrations(connection, { dir });

    await expect(failure).rejects.toThrow(MigrationError);
    await expect(failure).rejects.toThrow(`Migration ${broken} failed and was rolled back: relation "NoSuchTable" does not exist`);
    // The migrations before it were committed one by one and stay applied.
    expect((await recorded(connection)).map((row) => row.migration_name)).toEqual(realNames);
    expect(await tableExists(connection, "User")).toBe(true);
    expect(await tableExists(connection, "HalfDone")).toBe(false);
    expect(await columnExists(connection, "User", "nickname")).toBe(false);
    expect(await tableExists(connection, "AfterBroken")).toBe(false);

    // Nothing was recorded, so the broken migration can simply be fixed.
    writeMigration(dir, broken, `CREATE TABLE "HalfDone" ("id" INTEGER);\n`);
    await expect(runMigrations(connection, { dir })).resolves.toEqual({
      applied: [broken, `${LATER.replace(/0$/, "1")}_after_broken`],
      alreadyApplied: realNames,
    });
  });

  it("refuses to go on past a migration that started but did not finish, until it is marked rolled back", async () => {
    const { connection, dir } = await migratedFromCopy();
    const pending = `${LATER}_user_nickname`;
    writeMigration(dir, pending, `ALTER TABLE "User" ADD COLUMN "nickname" TEXT;\n`);
    // What `prisma migrate deploy` leaves behind when a migration fails.
    await connection.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count)
       VALUES ('00000000-0000-4000-8000-000000000001', $1, $2, 'Database error: column "nickname" already exists', now(), 0)`,
      [sha256OfFile(path.join(dir, pending, "migration.sql")), pending],
    );
    const before = await recorded(connection);

    const refusal = runMigrations(connection, { dir });

    await expect(refusal).rejects.toThrow(MigrationError);
    await expect(refusal).rejects.toThrow(new RegExp(`^Migration ${pending} started at \\S+ but did not finish\\. Its logs: .*column "nickname" already exists`));
    await expect(refusal).rejects.toThrow(`SET rolled_back_at = now() WHERE migration_name = '${pending}'`);
    expect(await recorded(connection)).toEqual(before);
    expect(await columnExists(connection, "User", "nickname")).toBe(false);

    // `prisma migrate resolve --rolled-back` sets rolled_back_at; the migration then runs again.
    await connection.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`, [pending]);
    await expect(runMigrations(connection, { dir })).resolves.toEqual({ applied: [pending], alreadyApplied: realNames });
    expect(await columnExists(connection, "User", "nickname")).toBe(true);
    const rows = (await recorded(connection)).filter((row) => row.migration_name === pending);
    expect(rows.map((row) => [row.rolled_back_at === null, row.finished_at === null])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it("refuses a migration folder without migration.sql before applying anything", async () => {
    const database = await emptyDatabase();
    const connection = await database.connect();
    const dir = copyOfMigrations();
    fs.mkdirSync(path.join(dir, `${LATER}_forgotten`));

    await expect(runMigrations(connection, { dir })).rejects.toThrow(
      `Migration folder ${LATER}_forgotten has no migration.sql`,
    );
    expect(await tableExists(connection, "User")).toBe(false);
  });

  it.runIf(isPostgresRun)("waits while Prisma's advisory lock is held, before touching anything", async () => {
    const database = await emptyDatabase();
    const holder = await database.connect();
    const runner = await database.connect();
    await holder.query(`SELECT pg_advisory_lock($1)`, [PRISMA_ADVISORY_LOCK_KEY]);

    let settled = false;
    const run = runMigrations(runner).finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(settled).toBe(false);
    expect(await tableExists(holder, "_prisma_migrations")).toBe(false);
    await holder.query(`SELECT pg_advisory_unlock($1)`, [PRISMA_ADVISORY_LOCK_KEY]);
    await expect(run).resolves.toEqual({ applied: realNames, alreadyApplied: [] });
  });

  it.runIf(isPostgresRun)("applies each migration exactly once when two runners start at the same time", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const database = await emptyDatabase();
      const [first, second] = await Promise.all([database.connect(), database.connect()]);

      const reports = await Promise.all([runMigrations(first), runMigrations(second)]);

      expect(reports.flatMap((report) => report.applied).sort()).toEqual(realNames);
      expect(reports.flatMap((report) => report.alreadyApplied).sort()).toEqual(realNames);
      expect((await recorded(first)).map((row) => row.migration_name)).toEqual(realNames);
    }
  });
});

describe("npm run db:migrate", () => {
  const run = promisify(execFile);

  async function migrateCommand(database: EmptyDatabase) {
    const env: NodeJS.ProcessEnv = { ...process.env, ...database.scriptEnv };
    if (!("DATABASE_URL" in database.scriptEnv)) delete env.DATABASE_URL;
    try {
      const { stdout, stderr } = await run(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/migrate.ts"], { env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  // Three runs of the real command, each starting tsx and opening the database.
  it("migrates, then says the database is up to date, then refuses a tampered migration with exit code 1", { timeout: 90_000 }, async () => {
    const database = await emptyDatabase();

    const first = await migrateCommand(database);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toContain(`Applied ${realNames.length} migration(s); 0 were already applied.`);

    const second = await migrateCommand(database);
    expect(second).toMatchObject({ code: 0, stderr: "" });
    expect(second.stdout).toContain(`Database is up to date (${realNames.length} migrations applied before).`);

    // The command reads the real prisma/migrations, which this test must not
    // edit: the record's checksum is changed instead, which is the same
    // mismatch seen from the other side.
    const connection = await database.connect();
    await connection.query(`UPDATE "_prisma_migrations" SET checksum = repeat('0', 64) WHERE migration_name = $1`, [realNames[0]]);
    await connection.close();

    const third = await migrateCommand(database);
    expect(third.code).toBe(1);
    expect(third.stderr).toContain(`Migration refused: Migration ${realNames[0]} was changed after it was applied`);
  });
});
