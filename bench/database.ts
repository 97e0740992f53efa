import { randomBytes } from "node:crypto";
import pg from "pg";
import { encode } from "next-auth/jwt";
import { hashPassword } from "@/lib/auth/password";
import { closePrismaClient, createPrismaClient } from "@/lib/db/create-client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openSqlConnection } from "@/lib/migrations/sql-connection";
import { runMigrations } from "@/lib/migrations/run-migrations";
import { addSyntheticContributions } from "@/prisma/seed/add-synthetic-contributions";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { seedUsers } from "@/prisma/seed/seed-users";
import { BenchError, log, seconds, step } from "@/bench/output";

// The benchmark's database: dropped, created, migrated and seeded on every
// run, so each run measures the same data set and nothing else's leftovers.

export const DEFAULT_BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/agora_bench";

/** Drops and re-creates the database named in `url` (connecting to the server's `postgres` database to do it). */
export async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  // The run destroys this database: a mistyped BENCH_DATABASE_URL must not
  // name one that holds anything else.
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || !name.includes("bench")) {
    throw new BenchError(
      `BENCH_DATABASE_URL names the database "${name}". The benchmark drops and re-creates its database, so the name must contain "bench" and only lower-case letters, digits and underscores.`,
    );
  }
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  try {
    await client.connect();
  } catch (error) {
    throw new BenchError(`Cannot connect to PostgreSQL at ${maintenance.host}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export async function migrate(url: string): Promise<void> {
  const connection = await openSqlConnection({ databaseUrl: url });
  try {
    const report = await runMigrations(connection);
    log(`  ${report.applied.length} migrations applied`);
  } finally {
    await connection.close();
  }
}

/** The demo, then `contributions` synthetic ones spread over the open consultations (what `npm run db:seed -- --contributions N` does). */
export async function seed(url: string, contributions: number): Promise<void> {
  // The seed runs the app's own jobs (attachment text, near-duplicates,
  // themes), which use lib/db.ts's client: it opens on its first query with
  // this database, not the embedded one.
  process.env.DATABASE_URL = url;
  const db = createPrismaClient({ databaseUrl: url });
  try {
    await seedDemo(db, { demoAccounts: false, log: (line) => log(`  ${line}`) });
    const started = performance.now();
    let nextTenth = 1;
    await addSyntheticContributions(db, {
      count: contributions,
      onProgress(done, total) {
        while (total > 0 && done >= (total * nextTenth) / 10) {
          log(`  ${done.toLocaleString("en-GB")} / ${total.toLocaleString("en-GB")} synthetic contributions (${seconds(started)})`);
          nextTenth += 1;
        }
      },
    });
    // Fresh statistics, as a database that has lived with these rows would have.
    await db.$executeRawUnsafe("ANALYZE");
  } finally {
    await closePrismaClient(db);
  }
}

/** Drops, re-creates, migrates and seeds the benchmark's database; returns how long the seed took, in seconds. */
export async function prepareDatabase(url: string, contributions: number): Promise<number> {
  step(`Database ${new URL(url).pathname.slice(1)} (dropped and re-created)`);
  await recreateDatabase(url);
  await migrate(url);
  const started = performance.now();
  log(`  seeding the demo and ${contributions.toLocaleString("en-GB")} synthetic contributions`);
  await seed(url, contributions);
  return (performance.now() - started) / 1000;
}

export type TargetConsultation = {
  id: string;
  slug: string;
  title: string;
  /** All of its contributions, whatever their status. */
  contributions: number;
  approved: number;
  questions: Array<{ id: string; kind: string; required: boolean; options: string[] }>;
};

/** The open consultation with the most contributions: the heaviest page a visitor can open. */
export async function findTargetConsultation(url: string): Promise<TargetConsultation> {
  const db = createPrismaClient({ databaseUrl: url });
  try {
    const now = new Date();
    const open = await db.consultation.findMany({
      where: { status: "OPEN", opensAt: { lte: now }, closesAt: { gt: now } },
      select: {
        id: true,
        slug: true,
        title: true,
        questions: { orderBy: { position: "asc" }, select: { id: true, kind: true, required: true, options: true } },
      },
    });
    if (open.length === 0) throw new BenchError("The seeded database has no open consultation.");
    const counts = await db.contribution.groupBy({
      by: ["consultationId", "status"],
      where: { consultationId: { in: open.map((consultation) => consultation.id) } },
      _count: { _all: true },
    });
    const totals = (id: string) => {
      const rows = counts.filter((row) => row.consultationId === id);
      return {
        contributions: rows.reduce((sum, row) => sum + row._count._all, 0),
        approved: rows.filter((row) => row.status === "APPROVED").reduce((sum, row) => sum + row._count._all, 0),
      };
    };
    const [best] = open.map((consultation) => ({ ...consultation, ...totals(consultation.id) })).sort((a, b) => b.contributions - a.contributions);
    if (!best) throw new BenchError("The seeded database has no open consultation.");
    return best;
  } finally {
    await closePrismaClient(db);
  }
}

export type BenchParticipant = { id: string; cookie: string };

/**
 * Verified participants with a stakeholder profile, each with a session
 * cookie made the way next-auth makes it (the token the app's jwt callback
 * issues at sign-in), so the load needs no sign-in round trips.
 */
export async function createParticipants(url: string, count: number, options: { secret: string; cookieName: string }): Promise<BenchParticipant[]> {
  const db = createPrismaClient({ databaseUrl: url });
  try {
    const users = Array.from({ length: count }, (_, index) => {
      const number = String(index + 1).padStart(4, "0");
      return {
        email: `bench-participant-${number}@bench.example`,
        role: "PARTICIPANT" as const,
        locale: "en",
        profile: {
          displayName: `Bench participant ${number}`,
          stakeholderType: "EU_CITIZEN" as const,
          organisationName: null,
          organisationSize: null,
          transparencyRegisterNumber: null,
          country: "BE",
          publicationPreference: index % 4 === 0 ? ("ANONYMOUS" as const) : ("PUBLIC" as const),
        },
      };
    });
    // Nobody signs in with a password: one random, thrown-away hash for all.
    await seedUsers(db, users, { passwordHash: () => hashPassword(randomBytes(32).toString("base64url")), verifiedAt: new Date() });
    return await sessionCookies(db, users.map((user) => user.email), options);
  } finally {
    await closePrismaClient(db);
  }
}

/** A moderator with a session cookie (as createParticipants makes them), for the moderation scenario. */
export async function createModerator(url: string, options: { secret: string; cookieName: string }): Promise<BenchParticipant> {
  const db = createPrismaClient({ databaseUrl: url });
  try {
    const email = "bench-moderator@bench.example";
    const profile = {
      displayName: "Bench moderator",
      stakeholderType: "PUBLIC_AUTHORITY" as const,
      organisationName: "Benchmark",
      organisationSize: null,
      transparencyRegisterNumber: null,
      country: "BE",
      publicationPreference: "PUBLIC" as const,
    };
    await seedUsers(db, [{ email, role: "MODERATOR", locale: "en", profile }], {
      passwordHash: () => hashPassword(randomBytes(32).toString("base64url")),
      verifiedAt: new Date(),
    });
    const [moderator] = await sessionCookies(db, [email], options);
    if (!moderator) throw new BenchError("The benchmark's moderator was not created.");
    return moderator;
  } finally {
    await closePrismaClient(db);
  }
}

/**
 * Leaves exactly `target` contributions pending (fewer if there are not
 * that many): the others are approved by one of the seed's moderators, with
 * the APPROVE event the app writes, a few hours after their submission. The
 * synthetic seed leaves about 15 % pending; the moderation scenario wants a
 * queue of a given length without changing what the seed makes for everyone.
 */
export async function keepPending(url: string, target: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `WITH surplus AS (
         SELECT "id" FROM "Contribution" WHERE "status" = 'PENDING' ORDER BY md5("id") OFFSET $1
       ),
       approved AS (
         UPDATE "Contribution" c
         SET "status" = 'APPROVED', "awaitingSince" = NULL,
             "decidedAt" = LEAST(c."submittedAt" + interval '5 hours', (now() AT TIME ZONE 'UTC')::timestamp(3)),
             "updatedAt" = LEAST(c."submittedAt" + interval '5 hours', (now() AT TIME ZONE 'UTC')::timestamp(3))
         FROM surplus s WHERE c."id" = s."id"
         RETURNING c."id", c."decidedAt"
       )
       INSERT INTO "ModerationEvent" ("id", "contributionId", "actorId", "action", "fromStatus", "toStatus", "createdAt")
       SELECT 'bench' || md5(a."id"), a."id",
              (SELECT "id" FROM "User" WHERE "role" = 'MODERATOR' ORDER BY "email" LIMIT 1),
              'APPROVE', 'PENDING', 'APPROVED', a."decidedAt"
       FROM approved a`,
      [target],
    );
    await client.query('VACUUM ANALYZE "Contribution", "ModerationEvent"');
    const { rows } = await client.query<{ pending: number }>(`SELECT count(*)::int AS "pending" FROM "Contribution" WHERE "status" = 'PENDING'`);
    return rows[0]?.pending ?? 0;
  } finally {
    await client.end();
  }
}

async function sessionCookies(db: PrismaClient, emails: string[], { secret, cookieName }: { secret: string; cookieName: string }): Promise<BenchParticipant[]> {
  const rows = await db.user.findMany({
    where: { email: { in: emails } },
    orderBy: { email: "asc" },
    select: { id: true, email: true, role: true, sessionVersion: true },
  });
  return Promise.all(
    rows.map(async (user) => {
      const token = await encode({ token: { sub: user.id, email: user.email, role: user.role, sv: user.sessionVersion }, secret });
      return { id: user.id, cookie: `${cookieName}=${token}` };
    }),
  );
}

/** Contributions written by these participants: what the submission load really stored. */
export async function countContributionsBy(url: string, authorIds: string[]): Promise<number> {
  const db = createPrismaClient({ databaseUrl: url });
  try {
    return await db.contribution.count({ where: { authorId: { in: authorIds } } });
  } finally {
    await closePrismaClient(db);
  }
}

export async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return rows[0]?.server_version ?? "unknown";
  } finally {
    await client.end();
  }
}
