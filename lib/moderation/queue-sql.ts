import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import type { QueueFilter } from "@/lib/moderation/queue-filter";
import { effectiveLanguageSql } from "@/lib/language/effective-language-sql";

// The moderation queue in SQL, shared by the list and by "next item" on the
// review page so both follow the same queue in the same order.
//
// The queue is every contribution with awaitingSince set (pending since its
// submission, published with open reports since the first one), except the
// pending ones of suspended authors: those wait for the suspension to be
// lifted, not for a moderator. A reported contribution stays in the queue
// whoever wrote it: it is public while it waits. Without filters the plan
// walks the index on awaitingSince in order and stops after a page; with a
// consultation it walks (consultationId, awaitingSince). The suspension is an
// anti-join (NOT EXISTS), not a join: with a join, PostgreSQL started from
// the few users and ANDed bitmaps for each (550 ms for the first page at
// 100,000 contributions, 17,000 waiting, against 9 ms). The status test sits
// inside the NOT EXISTS so that it stays an anti-join (with the status as its
// join filter); written NOT (pending AND EXISTS …) it becomes a subplan
// evaluated for every waiting row.
//
// Each moderator's queue leaves out their own contributions: another
// moderator decides on those.

/** Waits for a moderator, for the contribution aliased c (the dashboard counts the same). */
export const WAITING_SQL = Prisma.sql`c."awaitingSince" IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM "User" u
  WHERE u."id" = c."authorId" AND u."suspendedAt" IS NOT NULL AND c."status" = 'PENDING'::"ContributionStatus"
)`;

/** The same for one contribution already read. */
export function isWaiting(contribution: { status: ContributionStatus; awaitingSince: Date | null; author: { suspendedAt: Date | null } }): boolean {
  return contribution.awaitingSince !== null && !(contribution.status === "PENDING" && contribution.author.suspendedAt !== null);
}

export type QueueSql = { from: Prisma.Sql; where: Prisma.Sql; order: Prisma.Sql };

/** The queue of the moderator with this id, with these filters. */
export function queueSql(filters: Partial<QueueFilter>, moderatorId: string): QueueSql {
  const conditions = [
    WAITING_SQL,
    Prisma.sql`c."authorId" <> ${moderatorId}`,
  ];
  if (filters.consultation) conditions.push(Prisma.sql`k."slug" = ${filters.consultation}`);
  if (filters.phase) conditions.push(Prisma.sql`c."phase" = ${filters.phase}::"Phase"`);
  if (filters.type) conditions.push(Prisma.sql`p."stakeholderType" = ${filters.type}::"StakeholderType"`);
  if (filters.country) conditions.push(Prisma.sql`p."country" = ${filters.country}`);
  // The effective language, as on the public list: a French text declared English is French.
  if (filters.language) conditions.push(Prisma.sql`${effectiveLanguageSql("c")} = ${filters.language}`);
  if (filters.status === "pending") conditions.push(Prisma.sql`c."status" = 'PENDING'::"ContributionStatus"`);
  if (filters.status === "reported") conditions.push(Prisma.sql`c."status" = 'APPROVED'::"ContributionStatus"`);
  if (filters.reports === "with") conditions.push(Prisma.sql`c."openFlagCount" > 0`);
  if (filters.reports === "without") conditions.push(Prisma.sql`c."openFlagCount" = 0`);
  return {
    from: Prisma.sql`FROM "Contribution" c
      JOIN "Consultation" k ON k."id" = c."consultationId"
      LEFT JOIN "StakeholderProfile" p ON p."userId" = c."authorId"`,
    where: Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`,
    order:
      filters.sort === "flags"
        ? Prisma.sql`c."openFlagCount" DESC, c."awaitingSince" ASC, c."id" ASC`
        : Prisma.sql`c."awaitingSince" ASC, c."id" ASC`,
  };
}

/** Where a contribution stands in the queue's order. */
export type QueuePosition = { id: string; awaitingSince: Date; openFlagCount: number };

/** The rows after `position` in the queue's order (for "next item"). */
export function afterPositionSql(filters: Partial<QueueFilter>, position: QueuePosition): Prisma.Sql {
  // Columns are timestamp(3) without time zone holding UTC; the ISO string
  // cast to timestamp keeps its UTC wall time whatever the session's TimeZone.
  const since = Prisma.sql`${position.awaitingSince.toISOString()}::timestamp(3)`;
  const later = Prisma.sql`(c."awaitingSince", c."id") > (${since}, ${position.id})`;
  if (filters.sort !== "flags") return later;
  return Prisma.sql`(c."openFlagCount" < ${position.openFlagCount} OR (c."openFlagCount" = ${position.openFlagCount} AND ${later}))`;
}
