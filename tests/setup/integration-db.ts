import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, inject, vi } from "vitest";
import { withDatabase } from "./integration-global";
import { cookieJar } from "../helpers/session";

// Runs before each integration test file: a fresh database copied from the
// migrated template, and a fresh DATA_DIR (mail files, uploads, secrets).
// lib/env.ts reads these variables on first use, after this file has run.

const template = inject("dbTemplate");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-test-"));
process.env.DATA_DIR = dataDir;
process.env.APP_URL = "http://localhost:3000";
delete process.env.SMTP_URL;
delete process.env.NEXTAUTH_SECRET;

let dropDatabase: (() => Promise<void>) | undefined;

if (template.kind === "postgres") {
  const name = `agora_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: template.serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template.template}"`);
  process.env.DATABASE_URL = withDatabase(template.serverUrl, name);
  dropDatabase = async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
} else {
  delete process.env.DATABASE_URL;
  fs.cpSync(template.dir, path.join(dataDir, "pglite"), { recursive: true });
}

// Server modules read the request's cookies through next/headers; the tests
// sign in by putting a real next-auth JWT in this jar (tests/helpers/session.ts).
vi.mock("next/headers", () => ({
  cookies: async () => cookieJar,
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

afterAll(async () => {
  const { agoraDb } = globalThis as unknown as { agoraDb?: { $disconnect(): Promise<void> } };
  await agoraDb?.$disconnect();
  await dropDatabase?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
