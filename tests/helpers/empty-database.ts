import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { openPglite, pgliteDirFor, type DbTarget } from "@/lib/db/create-client";
import { openSqlConnection, type SqlConnection } from "@/lib/migrations/sql-connection";
import { withDatabase } from "../setup/integration-global";

// A database with nothing in it, on the same engine as the rest of the run
// (a new database on TEST_DATABASE_URL's server, or a new PGlite directory),
// for tests that must start below the migrated template: the migration
// runner's own tests.

export type EmptyDatabase = {
  target: DbTarget;
  /** The variables that point the npm scripts (db:migrate, db:seed…) at this database. */
  scriptEnv: { DATABASE_URL: string } | { DATA_DIR: string };
  connect(): Promise<SqlConnection>;
  /** Closes every connection opened with connect(), then deletes the database. */
  drop(): Promise<void>;
};

export const isPostgresRun = inject("dbTemplate").kind === "postgres";

async function asServerAdmin(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

// A new PGlite directory runs initdb in WebAssembly, which takes seconds; it
// is done once per test file, and each empty database is a copy of it.
let pristinePglite: Promise<string> | undefined;

function pristinePgliteDir(): Promise<string> {
  pristinePglite ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-pristine-"));
    const lite = openPglite(dir);
    await lite.waitReady;
    await lite.close();
    return dir;
  })();
  return pristinePglite;
}

// In a hook, whose time limit suits initdb on a busy machine, rather than in
// the first test that asks for an empty database.
beforeAll(async () => {
  if (!isPostgresRun) await pristinePgliteDir();
});

afterAll(async () => {
  if (pristinePglite) fs.rmSync(await pristinePglite, { recursive: true, force: true });
});

export async function createEmptyDatabase(): Promise<EmptyDatabase> {
  const template = inject("dbTemplate");
  const opened: SqlConnection[] = [];
  const track = async (connection: Promise<SqlConnection>) => {
    const open = await connection;
    let closed = false;
    const tracked: SqlConnection = {
      ...open,
      close: async () => {
        if (closed) return;
        closed = true;
        await open.close();
      },
    };
    opened.push(tracked);
    return tracked;
  };
  const closeAll = () => Promise.all(opened.map((connection) => connection.close()));

  if (template.kind === "postgres") {
    const name = `agora_empty_${randomBytes(6).toString("hex")}`;
    await asServerAdmin(template.serverUrl, `CREATE DATABASE "${name}"`);
    const target = { databaseUrl: withDatabase(template.serverUrl, name) };
    return {
      target,
      scriptEnv: { DATABASE_URL: target.databaseUrl },
      connect: () => track(openSqlConnection(target)),
      drop: async () => {
        await closeAll();
        await asServerAdmin(template.serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-empty-"));
  const target = { pgliteDir: pgliteDirFor(dataDir) };
  fs.cpSync(await pristinePgliteDir(), target.pgliteDir, { recursive: true });
  return {
    target,
    scriptEnv: { DATA_DIR: dataDir },
    connect: () => track(openSqlConnection(target)),
    drop: async () => {
      await closeAll();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
