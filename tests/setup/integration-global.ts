import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openSqlConnection } from "@/lib/migrations/sql-connection";
import { runMigrations } from "@/lib/migrations/run-migrations";

// Migrates one template database per run; each test file then gets a copy
// (tests/setup/integration-db.ts). With TEST_DATABASE_URL the template is a
// PostgreSQL database, otherwise a PGlite data directory.

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplate: { kind: "postgres"; serverUrl: string; template: string } | { kind: "pglite"; dir: string };
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  if (serverUrl) {
    const template = `agora_test_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${template}"`);
    await admin.query(`CREATE DATABASE "${template}"`);
    const connection = await openSqlConnection({ databaseUrl: withDatabase(serverUrl, template) });
    await runMigrations(connection);
    await connection.close();
    project.provide("dbTemplate", { kind: "postgres", serverUrl, template });
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-tpl-"));
  const connection = await openSqlConnection({ pgliteDir: dir });
  await runMigrations(connection);
  await connection.close();
  project.provide("dbTemplate", { kind: "pglite", dir });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
