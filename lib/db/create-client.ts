import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
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

/**
 * Prisma calls a driver adapter factory's connect() on the client's first
 * query, not when the client is made: this one only then decides where the
 * database is and opens it, so a module may make the client at import time
 * (`next build` loads every route module) without reading the configuration,
 * creating ./data or opening PGlite. connect() runs again after $disconnect;
 * PGlite is opened once and kept, since a second PGlite on the same files
 * would damage them.
 */
class OnFirstQueryAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "agora-on-first-query";
  #pglite: PGlite | undefined;

  constructor(private readonly target: () => DbTarget) {}

  connect(): ReturnType<SqlDriverAdapterFactory["connect"]> {
    const target = this.target();
    if ("databaseUrl" in target) return new PrismaPg({ connectionString: target.databaseUrl, max: 10 }).connect();
    this.#pglite ??= openPglite(target.pgliteDir);
    return new PrismaPGlite(this.#pglite).connect();
  }

  /** The adapter's dispose() leaves PGlite open, and an open PGlite keeps a script's process alive after its work is done. */
  async close(): Promise<void> {
    await this.#pglite?.close();
    this.#pglite = undefined;
  }
}

const factories = new WeakMap<PrismaClient, OnFirstQueryAdapterFactory>();

/** A client that opens its database on its first query; `target` is read then (a function: when the configuration is read only then too). */
export function createPrismaClient(target: DbTarget | (() => DbTarget)): PrismaClient {
  const adapter = new OnFirstQueryAdapterFactory(typeof target === "function" ? target : () => target);
  const client: PrismaClient = new PrismaClient({
    adapter,
    // Secrets never leave the data layer unless a query asks for them by name.
    omit: { user: { passwordHash: true }, authToken: { tokenHash: true } },
  });
  factories.set(client, adapter);
  return client;
}

/** Disconnects a script's client; in embedded mode also shuts PGlite down cleanly. */
export async function closePrismaClient(client: PrismaClient): Promise<void> {
  await client.$disconnect();
  await factories.get(client)?.close();
}

export type Db = PrismaClient;
