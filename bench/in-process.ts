import { register } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// The app's domain functions called in the benchmark's own process, as a
// signed-in user, against the benchmark's database: what a page or a server
// action costs without HTTP and rendering, and the exact SQL it sends (Prisma's
// query events), to explain afterwards. Three things stand in for the
// Next.js server: the environment lib/env.ts reads, next/headers and
// next/navigation (bench/next-stub-hooks.mjs: a cookie jar, and guards that
// throw) and lib/db.ts's client (the same configuration as
// lib/db/create-client.ts, plus query events).

export type SentQuery = { sql: string; params: unknown[]; durationMs: number };

export type InProcessApp = {
  /** Sends the session cookie of this user (made as next-auth makes it) with every call from now on. */
  signInWith(cookieValue: string): Promise<void>;
  /** Runs `work` and returns the queries it sent, in order. */
  recording<T>(work: () => Promise<T>): Promise<{ result: T; queries: SentQuery[] }>;
  close(): Promise<void>;
};

type QueryEvent = { query: string; params: string; duration: number };

export async function openInProcessApp(options: { databaseUrl: string; secret: string; dataDir: string }): Promise<InProcessApp> {
  process.env.DATABASE_URL = options.databaseUrl;
  process.env.NEXTAUTH_SECRET = options.secret;
  process.env.DATA_DIR = options.dataDir;
  // Plain http: next-auth's non-secure cookie name, as the benchmark's server uses.
  process.env.APP_URL = "http://127.0.0.1";
  // E-mails the decisions queue are written as files under DATA_DIR.
  delete process.env.SMTP_URL;
  register("./next-stub-hooks.mjs", import.meta.url);

  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: options.databaseUrl, max: 10 }),
    omit: { user: { passwordHash: true }, authToken: { tokenHash: true } },
    log: [{ emit: "event", level: "query" }],
  });
  let sink: SentQuery[] | null = null;
  client.$on("query", (event: QueryEvent) => {
    sink?.push({ sql: event.query, params: JSON.parse(event.params) as unknown[], durationMs: event.duration });
  });
  // lib/db.ts opens its client on first use unless one is already there.
  (globalThis as { agoraDb?: unknown }).agoraDb = client;

  const jar = new Map<string, string>();
  (globalThis as { agoraBenchCookies?: Map<string, string> }).agoraBenchCookies = jar;
  const { sessionCookieName } = await import("@/lib/auth/options");
  return {
    async signInWith(cookieValue) {
      jar.set(sessionCookieName(), cookieValue);
    },
    async recording(work) {
      const queries: SentQuery[] = [];
      sink = queries;
      try {
        return { result: await work(), queries };
      } finally {
        sink = null;
      }
    },
    async close() {
      await client.$disconnect();
      delete (globalThis as { agoraDb?: unknown }).agoraDb;
    },
  };
}
