import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Builds a Prisma client for either mode (DESIGN.md, "Database"). Kept free
// of "server-only" so scripts (migrate, seed, user:create) and tests can use
// it; the app goes through lib/db.ts.

export type DbTarget = { databaseUrl: string } | { pgliteDir: string };

export function pgliteDirFor(dataDir: string): string {
  return path.join(dataDir, "pglite");
}

export function openPglite(dir: string): PGlite {
  fs.mkdirSync(dir, { recursive: true });
  return new PGlite(dir);
}

// The adapter's dispose() leaves PGlite open, and an open PGlite keeps a
// script's process alive after its work is done.
const pglites = new WeakMap<PrismaClient, PGlite>();

export function createPrismaClient(target: DbTarget): PrismaClient {
  let pglite: PGlite | undefined;
  let adapter: PrismaPg | PrismaPGlite;
  if ("databaseUrl" in target) {
    adapter = new PrismaPg({ connectionString: target.databaseUrl, max: 10 });
  } else {
    pglite = openPglite(target.pgliteDir);
    adapter = new PrismaPGlite(pglite);
  }
  const client: PrismaClient = new PrismaClient({
    adapter,
    // Secrets never leave the data layer unless a query asks for them by name.
    omit: { user: { passwordHash: true }, authToken: { tokenHash: true } },
  });
  if (pglite) pglites.set(client, pglite);
  return client;
}

/** Disconnects a script's client; in embedded mode also shuts PGlite down cleanly. */
export async function closePrismaClient(client: PrismaClient): Promise<void> {
  await client.$disconnect();
  await pglites.get(client)?.close();
}

export type Db = PrismaClient;
