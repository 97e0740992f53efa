import "server-only";
import { getEnv } from "@/lib/env";
import { createPrismaClient, pgliteDirFor, type Db } from "@/lib/db/create-client";

// The one Prisma client of the app. Opened on first use, not on import, so
// that `next build` can load route modules without touching a database; cached
// on globalThis so that hot reload in development does not open a second
// PGlite on the same files.
const globalForDb = globalThis as unknown as { agoraDb?: Db };

function instance(): Db {
  if (!globalForDb.agoraDb) {
    const env = getEnv();
    globalForDb.agoraDb = createPrismaClient(
      env.databaseUrl ? { databaseUrl: env.databaseUrl } : { pgliteDir: pgliteDirFor(env.dataDir) },
    );
  }
  return globalForDb.agoraDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = instance();
    const value: unknown = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
