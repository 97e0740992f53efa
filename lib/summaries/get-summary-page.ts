import "server-only";
import { LRUCache } from "lru-cache";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canModerate } from "@/lib/auth/roles";
import { canSeeDraftConsultations, visibleConsultationsWhere } from "@/lib/consultations/visibility";
import { plainExcerpt } from "@/lib/contributions/excerpt";
import { toPublicAuthor, type PublicAuthor } from "@/lib/contributions/public-author";
import { db } from "@/lib/db";
import { forbidden, parseInput } from "@/lib/errors";
import type { ConsultationStatus, SummaryStatus } from "@/lib/generated/prisma/enums";
import { computeStatistics } from "@/lib/summaries/compute-statistics";
import { computeSummaryFigures, type SummaryFigures } from "@/lib/summaries/compute-summary-figures";
import { countFrozenThemes } from "@/lib/summaries/count-frozen-themes";
import { summaryFilterSchema, type SummaryFilters } from "@/lib/summaries/filter-schema";

// What /consultations/<slug>/summary shows. Visitors read the newest
// published version (or an older one by number) with the figures frozen in
// it; moderators can also open the live view, computed from what is
// approved now, next to the synthesis editor.

export type SummaryVersionInfo = { version: number; status: SummaryStatus; createdAt: Date; publishedAt: Date | null };

export type SummaryHighlight = { reference: string; title: string; excerpt: string; author: PublicAuthor };

export type SummaryPageData = {
  consultation: { id: string; slug: string; title: string; status: ConsultationStatus; timeZone: string };
  view: "published" | "live";
  /** Moderators: may open the live view and edit the synthesis. */
  canEdit: boolean;
  /** Visitors see published versions only; moderators every version. Newest first. */
  versions: SummaryVersionInfo[];
  /** The version whose synthesis is shown: the published one read, or in the live view the newest of all. */
  shown: (SummaryVersionInfo & { synthesis: string; highlights: string[] }) | null;
  /** The pinned contributions that are still published, in the order they were pinned. */
  highlights: SummaryHighlight[];
  /** Null when nothing is published yet (and the view is not live). */
  figures: SummaryFigures | null;
  filters: SummaryFilters;
  filtered: boolean;
};

export type SummaryPageRequest = { version?: number; live?: boolean; filters?: unknown };

// The live view finds the themes again, which takes seconds at 100,000
// contributions: its figures are kept under a key that changes with the
// consultation's contributions, so a decision shows on the next view and
// moderators reading meanwhile share one computation. Published views need
// no cache: their themes are frozen and filtered ones are counted in SQL
// (count-frozen-themes.ts).
const figuresCache = new LRUCache<string, Promise<SummaryFigures>>({ max: 64 });

export async function getSummaryPage(slug: string, request: SummaryPageRequest = {}): Promise<SummaryPageData | null> {
  const filters = parseInput(summaryFilterSchema, request.filters ?? {});
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const user = await getCurrentUser();
  const canEdit = user !== null && canModerate(user.role);
  if (request.live && !canEdit) throw forbidden();

  const consultation = await db.consultation.findFirst({
    where: { AND: [{ slug }, visibleConsultationsWhere(await canSeeDraftConsultations())] },
    select: { id: true, slug: true, title: true, status: true, conference: { select: { timeZone: true } } },
  });
  if (!consultation) return null;
  const { conference, ...basics } = consultation;
  const info = { ...basics, timeZone: conference?.timeZone ?? "UTC" };

  const versions = await db.consultationSummary.findMany({
    where: { consultationId: consultation.id, ...(canEdit ? {} : { status: "PUBLISHED" }) },
    orderBy: { version: "desc" },
    select: { id: true, version: true, status: true, createdAt: true, publishedAt: true, synthesis: true, highlights: true, statistics: true, themes: true },
  });
  const listed = versions.map(({ version, status, createdAt, publishedAt }) => ({ version, status, createdAt, publishedAt }));

  if (request.live) {
    const newest = versions[0] ?? null;
    const figures = await liveFigures(consultation.id, filters);
    return {
      consultation: info,
      view: "live",
      canEdit,
      versions: listed,
      shown: newest && pickShown(newest),
      highlights: await resolveHighlights(consultation.id, newest?.highlights ?? []),
      figures,
      filters,
      filtered,
    };
  }

  const published = versions.filter((version) => version.status === "PUBLISHED");
  const chosen = request.version === undefined ? published[0] : published.find((version) => version.version === request.version);
  if (!chosen) {
    // An unknown version number is a missing page; no published version yet is a page that says so.
    if (request.version !== undefined) return null;
    return { consultation: info, view: "published", canEdit, versions: listed, shown: null, highlights: [], figures: null, filters, filtered };
  }
  const frozen = { statistics: chosen.statistics, themes: chosen.themes } as unknown as SummaryFigures;
  const figures = filtered
    ? {
        statistics: await computeStatistics(db, consultation.id, filters, { summaryId: chosen.id }),
        themes: await countFrozenThemes(db, consultation.id, chosen.id, frozen.themes, filters),
      }
    : frozen;
  return {
    consultation: info,
    view: "published",
    canEdit,
    versions: listed,
    shown: pickShown(chosen),
    highlights: await resolveHighlights(consultation.id, chosen.highlights),
    figures,
    filters,
    filtered,
  };
}

function pickShown(row: SummaryVersionInfo & { synthesis: string; highlights: string[] }) {
  const { version, status, createdAt, publishedAt, synthesis, highlights } = row;
  return { version, status, createdAt, publishedAt, synthesis, highlights };
}

async function liveFigures(consultationId: string, filters: SummaryFilters): Promise<SummaryFigures> {
  // Changes whenever a contribution of the consultation is approved, hidden,
  // withdrawn or edited: every such write moves updatedAt or the count.
  const [state] = await db.$queryRaw<{ count: number; latest: Date | null }[]>`
    SELECT count(*)::int AS "count", max("updatedAt") AS "latest" FROM "Contribution" WHERE "consultationId" = ${consultationId}`;
  const key = `live:${consultationId}:${state?.count ?? 0}:${state?.latest?.toISOString() ?? "-"}:${JSON.stringify(filters)}`;
  return cached(key, () => computeSummaryFigures(db, { kind: "live", consultationId }, filters));
}

// The promise is kept, not its value: requests arriving while the figures
// are being computed wait for that computation instead of starting another.
function cached(key: string, compute: () => Promise<SummaryFigures>): Promise<SummaryFigures> {
  const hit = figuresCache.get(key);
  if (hit) return hit;
  const pending = compute();
  figuresCache.set(key, pending);
  pending.catch(() => figuresCache.delete(key));
  return pending;
}

async function resolveHighlights(consultationId: string, references: string[]): Promise<SummaryHighlight[]> {
  if (references.length === 0) return [];
  const rows = await db.contribution.findMany({
    where: { consultationId, status: "APPROVED", reference: { in: references } },
    select: {
      reference: true,
      title: true,
      body: true,
      publication: true,
      author: { select: { profile: { select: { displayName: true, organisationName: true, stakeholderType: true, country: true } } } },
    },
  });
  const byReference = new Map(rows.map((row) => [row.reference, row]));
  return references.flatMap((reference) => {
    const row = byReference.get(reference);
    if (!row) return [];
    return [{ reference, title: row.title, excerpt: plainExcerpt(row.body, 320), author: toPublicAuthor(row.publication, row.author.profile) }];
  });
}
