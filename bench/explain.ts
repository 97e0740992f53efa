import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// EXPLAIN (ANALYZE, BUFFERS) of the consultation page's query over the
// contributions, so a slow page shows whether the database is where its time
// goes. The page's other queries read the consultation, its conference and
// its questions: a handful of rows whatever the number of contributions.
//
// The Prisma call below is getContributionCounts
// (lib/consultations/count-contributions.ts) as a visitor makes it; the
// function itself cannot be called from here because it reads the request's
// session. Prisma logs the SQL it sends, and that exact SQL is explained with
// the same parameters.

export type ExplainedQuery = { source: string; sql: string; params: unknown[]; plan: string };

type LoggedQuery = { query: string; params: string };

export async function explainConsultationPage(url: string, consultationId: string): Promise<ExplainedQuery[]> {
  const logged: LoggedQuery[] = [];
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }), log: [{ emit: "event", level: "query" }] });
  db.$on("query", (event: LoggedQuery) => {
    logged.push({ query: event.query, params: event.params });
  });
  try {
    await db.contribution.groupBy({
      by: ["status", "phase"],
      where: { consultationId, status: { in: ["APPROVED"] } },
      _count: { _all: true },
    });
  } finally {
    await db.$disconnect();
  }

  return explainQueries(
    url,
    logged.map((query) => ({
      source: "getContributionCounts (lib/consultations/count-contributions.ts), as a visitor",
      sql: query.query,
      params: JSON.parse(query.params) as unknown[],
    })),
  );
}

/** EXPLAIN (ANALYZE, BUFFERS) of each query, with the parameters it was sent with. */
export async function explainQueries(url: string, queries: Omit<ExplainedQuery, "plan">[]): Promise<ExplainedQuery[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const explained: ExplainedQuery[] = [];
    for (const query of queries) {
      const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.params);
      explained.push({ ...query, plan: rows.map((row) => row["QUERY PLAN"]).join("\n") });
    }
    return explained;
  } finally {
    await client.end();
  }
}
