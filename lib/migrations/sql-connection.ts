import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openPglite, type DbTarget } from "@/lib/db/create-client";

// A raw SQL connection to either engine, for the migration runner and the
// test harness (which must work below Prisma).
export type SqlConnection = {
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
};

export async function openSqlConnection(target: DbTarget): Promise<SqlConnection> {
  if ("databaseUrl" in target) {
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    return {
      async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
        const result = await client.query<T>(sql, params);
        return result.rows;
      },
      async exec(sql) {
        await client.query(sql);
      },
      close: () => client.end(),
    };
  }
  const lite: PGlite = openPglite(target.pgliteDir);
  await lite.waitReady;
  return {
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await lite.query<T>(sql, params);
      return result.rows;
    },
    async exec(sql) {
      await lite.exec(sql);
    },
    close: () => lite.close(),
  };
}
