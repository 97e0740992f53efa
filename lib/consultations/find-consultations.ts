import "server-only";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { countApprovedContributions } from "@/lib/consultations/count-contributions";
import { consultationCardSelect, type ConsultationCard } from "@/lib/consultations/consultation-card";
import { CONSULTATIONS_PAGE_SIZE, consultationFilterSchema, type ConsultationFilter } from "@/lib/consultations/schema";
import { canSeeDraftConsultations } from "@/lib/consultations/visibility";

export type ConsultationListItem = ConsultationCard & { approvedCount: number };

export type ConsultationPage = {
  consultations: ConsultationListItem[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
};

// The list is filtered and ordered in SQL: a search over the topics array and
// the status order (open, closed, archived, drafts) have no Prisma filter or
// orderBy. Only ids come back from it; the cards are read through Prisma.

/** ILIKE's own pattern characters, escaped, so "50%" or "a_b" match themselves. */
function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

// Columns are timestamp(3) without time zone holding UTC; the ISO string cast
// to timestamp keeps its UTC wall time whatever the session's TimeZone is.
const timestamp = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;

function conditions(filter: ConsultationFilter, includeDrafts: boolean, now: Date): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (!includeDrafts) parts.push(Prisma.sql`c."status" <> 'DRAFT'`);
  if (filter.status) parts.push(Prisma.sql`c."status"::text = ${filter.status}`);
  if (filter.topic) parts.push(Prisma.sql`${filter.topic} = ANY (c."topics")`);
  if (filter.conference) parts.push(Prisma.sql`f."slug" = ${filter.conference}`);
  if (filter.phase) {
    // The same rules as consultationOpenState and phaseAt: open from opensAt
    // (included) to closesAt (excluded); before, during (start included, end
    // excluded) and after the conference; without a conference a
    // contribution counts as "during", so such a consultation is found there.
    const at = timestamp(now);
    parts.push(Prisma.sql`c."status" = 'OPEN' AND c."opensAt" <= ${at} AND c."closesAt" > ${at}`);
    if (filter.phase === "BEFORE") parts.push(Prisma.sql`f."id" IS NOT NULL AND ${at} < f."startsAt"`);
    if (filter.phase === "DURING") parts.push(Prisma.sql`(f."id" IS NULL OR (f."startsAt" <= ${at} AND ${at} < f."endsAt"))`);
    if (filter.phase === "AFTER") parts.push(Prisma.sql`f."id" IS NOT NULL AND f."endsAt" <= ${at}`);
  }
  // Every word must appear, each in the title, the summary or a topic.
  for (const word of (filter.query ?? "").split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = containsPattern(word);
    parts.push(
      Prisma.sql`(c."title" ILIKE ${pattern} ESCAPE '\\' OR c."summary" ILIKE ${pattern} ESCAPE '\\' OR array_to_string(c."topics", ' ') ILIKE ${pattern} ESCAPE '\\')`,
    );
  }
  return parts.length > 0 ? Prisma.join(parts, " AND ", "WHERE ") : Prisma.empty;
}

/**
 * The public consultation list, filtered, searched and paginated: open
 * consultations first (closing soonest on top), then closed and archived
 * (most recently closed on top), then drafts, which only administrators see.
 * Each card carries its number of approved contributions.
 */
export async function findConsultations(input: unknown = {}, options: { now?: Date } = {}): Promise<ConsultationPage> {
  const filter = parseInput(consultationFilterSchema, input);
  const now = options.now ?? new Date();
  const includeDrafts = await canSeeDraftConsultations();
  const where = conditions(filter, includeDrafts, now);
  const from = Prisma.sql`FROM "Consultation" c LEFT JOIN "Conference" f ON f."id" = c."conferenceId" ${where}`;
  const offset = (filter.page - 1) * CONSULTATIONS_PAGE_SIZE;

  const [[counted], rows] = await Promise.all([
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" ${from}`,
    db.$queryRaw<{ id: string }[]>`
      SELECT c."id" ${from}
      ORDER BY
        CASE c."status" WHEN 'OPEN' THEN 0 WHEN 'CLOSED' THEN 1 WHEN 'ARCHIVED' THEN 2 ELSE 3 END,
        CASE WHEN c."status" IN ('OPEN', 'DRAFT') THEN c."closesAt" END ASC,
        CASE WHEN c."status" IN ('CLOSED', 'ARCHIVED') THEN c."closesAt" END DESC,
        c."title", c."id"
      LIMIT ${CONSULTATIONS_PAGE_SIZE} OFFSET ${offset}`,
  ]);
  const ids = rows.map((row) => row.id);
  const [cards, approved] = await Promise.all([
    db.consultation.findMany({ where: { id: { in: ids } }, select: { id: true, ...consultationCardSelect } }),
    countApprovedContributions(ids),
  ]);
  const byId = new Map(cards.map(({ id, ...card }) => [id, card]));
  const total = counted?.total ?? 0;
  return {
    consultations: ids.flatMap((id) => {
      const card = byId.get(id);
      return card ? [{ ...card, approvedCount: approved.get(id) ?? 0 }] : [];
    }),
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / CONSULTATIONS_PAGE_SIZE)),
    pageSize: CONSULTATIONS_PAGE_SIZE,
  };
}
