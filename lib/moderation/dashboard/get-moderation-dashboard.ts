import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { WAITING_SQL } from "@/lib/moderation/queue-sql";

// The moderators' dashboard. Every figure is an aggregate PostgreSQL
// computes; no contribution or event row comes back to the app, so the cost
// does not grow with the data in JavaScript.

/** How many UTC days the daily figures and the recent share cover, today included. */
export const DASHBOARD_DAYS = 30;

export type QueueFigures = {
  /** Contributions waiting for a moderator now (the queue's definition). */
  queueLength: number;
  oldestWaitSeconds: number | null;
  medianWaitSeconds: number | null;
};

export type DecisionTimeFigures = {
  /** Contributions that had a first decision (approved or rejected while pending). */
  decidedCount: number;
  /** Median time from submission to that first decision. */
  medianDecisionSeconds: number | null;
};

export type ConsultationFigures = QueueFigures & DecisionTimeFigures & { id: string; title: string; slug: string };

export type DayDecisions = {
  /** YYYY-MM-DD, a day in UTC. */
  day: string;
  approved: number;
  rejected: number;
  hidden: number;
  restored: number;
  reportsDismissed: number;
  total: number;
};

export type FirstDecisionShare = { approved: number; rejected: number };

export type ModerationDashboard = {
  now: Date;
  /** First day (UTC, YYYY-MM-DD) of the recent window. */
  since: string;
  overall: QueueFigures & DecisionTimeFigures;
  /** Consultations with anything waiting or any decision, most waiting first. */
  consultations: ConsultationFigures[];
  /** One entry per day of the window, oldest first, days without decisions included. */
  days: DayDecisions[];
  share: { recent: FirstDecisionShare; overall: FirstDecisionShare };
};

// Columns are timestamp(3) without time zone holding UTC; the ISO string cast
// to timestamp keeps its UTC wall time whatever the session's TimeZone is.
const timestamp = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;

const seconds = (interval: Prisma.Sql) => Prisma.sql`EXTRACT(EPOCH FROM ${interval})::float8`;

type FiguresRow = QueueFigures & DecisionTimeFigures & { id: string | null; title: string | null; slug: string | null };

/**
 * Queue and time to decision per consultation, with the totals as the row
 * without a consultation (GROUPING SETS: one pass for both).
 *
 * The queue is what find-moderation-queue lists (lib/moderation/queue-sql.ts),
 * counted for all moderators: their own contributions are in another's queue. The time to decision runs from submission to the
 * first decision on the pending contribution; a REJECT is always one, an
 * APPROVE when it was made on a pending contribution (not a rejected one
 * reconsidered), so each contribution counts once.
 */
function figuresByConsultation(now: Date) {
  const at = timestamp(now);
  return db.$queryRaw<FiguresRow[]>`
    WITH queue AS (
      SELECT COALESCE(c."consultationId", '') AS "key",
             count(*)::int AS "queueLength",
             ${seconds(Prisma.sql`${at} - min(c."awaitingSince")`)} AS "oldestWaitSeconds",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds(Prisma.sql`${at} - c."awaitingSince"`)}) AS "medianWaitSeconds"
      FROM "Contribution" c
      WHERE ${WAITING_SQL}
      GROUP BY GROUPING SETS ((c."consultationId"), ())
    ),
    first_decision AS (
      SELECT e."contributionId", min(e."createdAt") AS "decidedAt"
      FROM "ModerationEvent" e
      WHERE e."action" IN ('APPROVE', 'REJECT') AND e."fromStatus" = 'PENDING' AND e."contributionId" IS NOT NULL
      GROUP BY e."contributionId"
    ),
    decided AS (
      SELECT COALESCE(c."consultationId", '') AS "key",
             count(*)::int AS "decidedCount",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds(Prisma.sql`f."decidedAt" - c."submittedAt"`)}) AS "medianDecisionSeconds"
      FROM first_decision f
      JOIN "Contribution" c ON c."id" = f."contributionId"
      GROUP BY GROUPING SETS ((c."consultationId"), ())
    )
    SELECT k."id", k."title", k."slug",
           COALESCE(q."queueLength", 0) AS "queueLength", q."oldestWaitSeconds", q."medianWaitSeconds",
           COALESCE(d."decidedCount", 0) AS "decidedCount", d."medianDecisionSeconds"
    FROM queue q
    FULL JOIN decided d ON d."key" = q."key"
    LEFT JOIN "Consultation" k ON k."id" = NULLIF(COALESCE(q."key", d."key"), '')
    ORDER BY k."id" IS NOT NULL, "queueLength" DESC, q."oldestWaitSeconds" DESC NULLS LAST, k."title", k."id"`;
}

/** Decisions of each UTC day of the window, by kind; a day without any is a row of zeros. */
function decisionsByDay(now: Date) {
  const today = Prisma.sql`date_trunc('day', ${timestamp(now)})`;
  return db.$queryRaw<DayDecisions[]>`
    WITH days AS (
      SELECT generate_series(${today} - ${DASHBOARD_DAYS - 1} * interval '1 day', ${today}, interval '1 day') AS "day"
    ),
    decisions AS (
      SELECT date_trunc('day', e."createdAt") AS "day", e."action"
      FROM "ModerationEvent" e
      WHERE e."createdAt" >= ${today} - ${DASHBOARD_DAYS - 1} * interval '1 day'
        AND e."createdAt" < ${today} + interval '1 day'
        AND e."action" IN ('APPROVE', 'REJECT', 'HIDE', 'RESTORE', 'DISMISS_FLAGS')
    )
    SELECT to_char(days."day", 'YYYY-MM-DD') AS "day",
           count(*) FILTER (WHERE d."action" = 'APPROVE')::int AS "approved",
           count(*) FILTER (WHERE d."action" = 'REJECT')::int AS "rejected",
           count(*) FILTER (WHERE d."action" = 'HIDE')::int AS "hidden",
           count(*) FILTER (WHERE d."action" = 'RESTORE')::int AS "restored",
           count(*) FILTER (WHERE d."action" = 'DISMISS_FLAGS')::int AS "reportsDismissed",
           count(d."action")::int AS "total"
    FROM days
    LEFT JOIN decisions d ON d."day" = days."day"
    GROUP BY days."day"
    ORDER BY days."day"`;
}

type ShareRow = { approvedRecent: number; rejectedRecent: number; approvedOverall: number; rejectedOverall: number };

/** First decisions on pending contributions: approved against rejected, in the window and ever. */
function firstDecisionShares(now: Date) {
  const since = Prisma.sql`date_trunc('day', ${timestamp(now)}) - ${DASHBOARD_DAYS - 1} * interval '1 day'`;
  return db.$queryRaw<ShareRow[]>`
    SELECT count(*) FILTER (WHERE e."action" = 'APPROVE' AND e."createdAt" >= ${since})::int AS "approvedRecent",
           count(*) FILTER (WHERE e."action" = 'REJECT' AND e."createdAt" >= ${since})::int AS "rejectedRecent",
           count(*) FILTER (WHERE e."action" = 'APPROVE')::int AS "approvedOverall",
           count(*) FILTER (WHERE e."action" = 'REJECT')::int AS "rejectedOverall"
    FROM "ModerationEvent" e
    WHERE e."action" IN ('APPROVE', 'REJECT') AND e."fromStatus" = 'PENDING'`;
}

const figuresOf = (row: FiguresRow | undefined): QueueFigures & DecisionTimeFigures => ({
  queueLength: row?.queueLength ?? 0,
  oldestWaitSeconds: row?.oldestWaitSeconds ?? null,
  medianWaitSeconds: row?.medianWaitSeconds ?? null,
  decidedCount: row?.decidedCount ?? 0,
  medianDecisionSeconds: row?.medianDecisionSeconds ?? null,
});

/** Moderators: how the queue stands and how moderation has gone, as of `now`. */
export async function getModerationDashboard(options: { now?: Date } = {}): Promise<ModerationDashboard> {
  await requireRole("MODERATOR");
  const now = options.now ?? new Date();
  const [figures, days, [shares]] = await Promise.all([figuresByConsultation(now), decisionsByDay(now), firstDecisionShares(now)]);
  const consultations: ConsultationFigures[] = [];
  for (const row of figures) {
    if (row.id !== null && row.title !== null && row.slug !== null) consultations.push({ id: row.id, title: row.title, slug: row.slug, ...figuresOf(row) });
  }
  return {
    now,
    since: days[0]?.day ?? now.toISOString().slice(0, 10),
    overall: figuresOf(figures.find((row) => row.id === null)),
    consultations,
    days,
    share: {
      recent: { approved: shares?.approvedRecent ?? 0, rejected: shares?.rejectedRecent ?? 0 },
      overall: { approved: shares?.approvedOverall ?? 0, rejected: shares?.rejectedOverall ?? 0 },
    },
  };
}
