import "server-only";
import { getEnv } from "@/lib/env";
import { createPrismaClient, pgliteDirFor, type Db } from "@/lib/db/create-client";

declare global {
  // One client per process: hot reload in development evaluates this module
  // again, and a second client would open a second PGlite on the same files.
  var agoraDb: Db | undefined;
}

/**
 * The one Prisma client of the app. Made on import, but it reads the
 * configuration and opens the database on its first query
 * (lib/db/create-client.ts), so `next build` loads route modules without
 * touching a database.
 */
export const db: Db = (globalThis.agoraDb ??= createPrismaClient(() => {
  const env = getEnv();
  return env.databaseUrl ? { databaseUrl: env.databaseUrl } : { pgliteDir: pgliteDirFor(env.dataDir) };
}));
