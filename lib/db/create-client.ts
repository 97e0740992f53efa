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

export function createPrismaClient(target: DbTarget): PrismaClient {
  const adapter =
    "databaseUrl" in target
      ? new PrismaPg({ connectionString: target.databaseUrl, max: 10 })
      : new PrismaPGlite(openPglite(target.pgliteDir));
  return new PrismaClient({
    adapter,
    // Secrets never leave the data layer unless a query asks for them by name.
    omit: { user: { passwordHash: true }, authToken: { tokenHash: true } },
  });
}

export type Db = PrismaClient;
