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
import { computeStatistics, type SummaryStatistics } from "@/lib/summaries/compute-statistics";
import { computeLiveFigures } from "@/lib/summaries/compute-summary-figures";
import type { SummaryFigures } from "@/lib/summaries/summary-figures";
import { countThemes } from "@/lib/summaries/count-themes";
import { FROZEN_WEIGHTED_THEMES_FORMAT, hasFrozenGroups, readFrozenFigures, storedFiguresSelect } from "@/lib/summaries/frozen-figures";
import { liveThemeStatus, type LiveThemeStatus, type ThemeStatus } from "@/lib/summaries/theme-job/theme-job";
import type { Theme, ThemeSummary } from "@/lib/summaries/themes/types";
import { summaryFilterSchema, type SummaryFilters } from "@/lib/summaries/filter-schema";
import { computeDuplicateFigures, type DuplicateFigures } from "@/lib/summaries/compute-duplicate-figures";

// What /consultations/<slug>/summary shows. Visitors read the newest
// published version (or an older one by number) with the figures frozen in
// it; moderators can also open the live view, computed from what is
// approved now, next to the synthesis editor.

export type SummaryVersionInfo = { version: number; status: SummaryStatus; createdAt: Date; publishedAt: Date | null };

export type SummaryHighlight = { reference: string; title: string; excerpt: string; author: PublicAuthor };

type SummaryFrameFields = {
  /** hasConference: without one, phases mean nothing, and the page shows none (whatever an older version froze). */
  consultation: { id: string; slug: string; title: string; status: ConsultationStatus; timeZone: string; hasConference: boolean };
  view: "published" | "live";
  /** Moderators: may open the live view and edit the synthesis. */
  canEdit: boolean;
  /** Visitors see published versions only; moderators every version. Newest first. */
  versions: SummaryVersionInfo[];
  /** The version whose synthesis is shown: the published one read, or in the live view the newest of all. */
  shown: (SummaryVersionInfo & { synthesis: string; highlights: string[] }) | null;
  /** The pinned contributions that are still published, in the order they were pinned. */
  highlights: SummaryHighlight[];
  /** Live view only: whether its themes are current, the theme job's progress, the steering. */
  liveThemes: LiveThemesPart | null;
};

/** The figures and themes of the view, and the filters they were counted with. */
export type SummaryFiguresPart = {
  /** Null when nothing is published yet (and the view is not live). */
  figures: SummaryFigures | null;
  /** The figures without the filters (the filter lists and totals need them); null with `figures`. */
  unfilteredStatistics: SummaryStatistics | null;
  /** The filters applied (those the version has no contribution for are left out). */
  filters: SummaryFilters;
  filtered: boolean;
  /** Why a filter of the request was left out. */
  filterErrors?: FilterErrors;
};

/** The live view's themes: whether they are current, the theme job's progress, the steering applied. */
export type LiveThemesPart = LiveThemeStatus;

export type SummaryPageData = SummaryFrameFields & SummaryFiguresPart;

/**
 * The page around the figures, read at once, and the figures on their way:
 * the live view's themes take seconds at 100,000 contributions, so the page
 * can show (and refuse, or say "not found") before they are ready.
 */
export type SummaryFrame = SummaryFrameFields & {
  /** Live view: how many contributions are approved now, what the figures will count unfiltered. */
  approvedTotal: number | null;
  figures: Promise<SummaryFiguresPart>;
  /** How much of the view is identical or near-identical text; null when nothing is published yet. */
  duplicates: Promise<DuplicateFigures | null>;
};

export type FilterErrors = { type?: string; country?: string; language?: string };

export type SummaryPageRequest = { version?: number; live?: boolean; filters?: unknown };

// The live view finds the themes again, which takes seconds at 100,000
// contributions: its figures are kept under a key that changes with the
// consultation's contributions, so a decision shows on the next view and
// moderators reading meanwhile share one computation. Published views need
// no cache: their themes are frozen and filtered ones are counted in SQL
// (count-frozen-themes.ts).
const figuresCache = new LRUCache<string, Promise<SummaryFigures>>({ max: 256 });

/** The whole summary page at once: the frame and its figures (open data, tests, scripts). */
export async function getSummaryPage(slug: string, request: SummaryPageRequest = {}): Promise<SummaryPageData | null> {
  const frame = await getSummaryFrame(slug, request);
  if (!frame) return null;
  const { approvedTotal, figures, duplicates, ...fields } = frame;
  return { ...fields, ...(await figures) };
}

/**
 * What the summary page needs before its figures: who may see which view
 * (403 for a live view asked by a non-moderator), the consultation (null when
 * it or the version asked for does not exist), the versions and the synthesis.
 * The figures are started here and come as a promise.
 */
export async function getSummaryFrame(slug: string, request: SummaryPageRequest = {}): Promise<SummaryFrame | null> {
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
  const info = { ...basics, timeZone: conference?.timeZone ?? "UTC", hasConference: conference !== null };

  // The list is metadata only: the texts and frozen figures of the one
  // version shown are read on their own.
  const versions = await db.consultationSummary.findMany({
    where: { consultationId: consultation.id, ...(canEdit ? {} : { status: "PUBLISHED" }) },
    orderBy: { version: "desc" },
    select: { id: true, version: true, status: true, createdAt: true, publishedAt: true },
  });
  const listed = versions.map(({ version, status, createdAt, publishedAt }) => ({ version, status, createdAt, publishedAt }));

  if (request.live) {
    const newest = versions[0] ? await readVersion(versions[0].id) : null;
    const state = await approvedState(consultation.id);
    const liveThemes = await liveThemeStatus(consultation.id);
    const figures = handled(
      (async (): Promise<SummaryFiguresPart> => {
        const shownFigures = await liveFigures(consultation.id, state, liveThemes.status, filters);
        return {
          figures: shownFigures,
          unfilteredStatistics: filtered ? (await liveFigures(consultation.id, state, liveThemes.status, {})).statistics : shownFigures.statistics,
          filters,
          filtered,
        };
      })(),
    );
    return {
      consultation: info,
      view: "live",
      canEdit,
      versions: listed,
      shown: newest && pickShown(newest),
      highlights: await resolveHighlights(consultation.id, newest?.highlights ?? []),
      approvedTotal: state.count,
      figures,
      duplicates: handled(computeDuplicateFigures(consultation.id, filters)),
      liveThemes,
    };
  }

  const published = versions.filter((version) => version.status === "PUBLISHED");
  const listedChoice = request.version === undefined ? published[0] : published.find((version) => version.version === request.version);
  if (!listedChoice) {
    // An unknown version number is a missing page; no published version yet is a page that says so.
    if (request.version !== undefined) return null;
    return {
      consultation: info,
      view: "published",
      canEdit,
      versions: listed,
      shown: null,
      highlights: [],
      approvedTotal: null,
      figures: Promise.resolve({ figures: null, unfilteredStatistics: null, filters, filtered }),
      duplicates: Promise.resolve(null),
      liveThemes: null,
    };
  }
  const chosen = await readVersion(listedChoice.id);
  const frozen = readFrozenFigures(chosen, { consultation: consultation.slug, version: chosen.version });
  const filterErrors = absentFilters(frozen.statistics, filters);
  const applied: SummaryFilters = {
    ...filters,
    ...(filterErrors.type ? { type: undefined } : {}),
    ...(filterErrors.country ? { country: undefined } : {}),
    ...(filterErrors.language ? { language: undefined } : {}),
  };
  const subset = Object.values(applied).some((value) => value !== undefined);
  const figures = handled(
    (async (): Promise<SummaryFiguresPart> => ({
      figures: subset ? await publishedSubsetFigures(consultation.id, chosen, frozen, applied) : await withoutWithdrawnQuotes(frozen),
      unfilteredStatistics: frozen.statistics,
      filters: applied,
      filtered: subset,
      filterErrors,
    }))(),
  );
  return {
    consultation: info,
    view: "published",
    canEdit,
    versions: listed,
    shown: pickShown(chosen),
    highlights: await resolveHighlights(consultation.id, chosen.highlights),
    approvedTotal: null,
    figures,
    // Versions published before groups were frozen have no such figures.
    duplicates: hasFrozenGroups(chosen) ? handled(computeDuplicateFigures(consultation.id, applied, chosen.id)) : Promise.resolve(null),
    liveThemes: null,
  };
}

/**
 * The figures are started before the rest of the frame is read: a failure
 * of the frame (or a page that returns early) must not leave their rejection
 * unhandled. Whoever awaits the promise still gets it.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function readVersion(id: string) {
  return db.consultationSummary.findUniqueOrThrow({
    where: { id },
    select: { id: true, version: true, status: true, createdAt: true, publishedAt: true, synthesis: true, highlights: true, ...storedFiguresSelect },
  });
}

function pickShown(row: SummaryVersionInfo & { synthesis: string; highlights: string[] }) {
  const { version, status, createdAt, publishedAt, synthesis, highlights } = row;
  return { version, status, createdAt, publishedAt, synthesis, highlights };
}

/**
 * Filters a published version has no contribution for: its form offers no
 * such value, but any two letters pass as a country code in an address, and
 * each distinct view would otherwise be counted and kept.
 */
function absentFilters(statistics: SummaryStatistics, filters: SummaryFilters): FilterErrors {
  const errors: FilterErrors = {};
  if (filters.type && !statistics.byStakeholderType.some((entry) => entry.key === filters.type && entry.count > 0)) {
    errors.type = "No contribution in this summary comes from this type of stakeholder.";
  }
  if (filters.country && !statistics.byCountry.some((entry) => entry.code === filters.country && entry.count > 0)) {
    errors.country = "No contribution in this summary comes from this country.";
  }
  if (filters.language && !statistics.byLanguage.some((entry) => entry.code === filters.language && entry.count > 0)) {
    errors.language = "No contribution in this summary is written in this language.";
  }
  return errors;
}

/**
 * A filtered view of a published version, counted over its frozen
 * contributions: public, and a few hundred milliseconds of database work at
 * 100,000 contributions, so each view is kept (a published version never
 * changes).
 */
async function publishedSubsetFigures(
  consultationId: string,
  version: { id: string; figuresFormat: number | null },
  frozen: SummaryFigures,
  filters: SummaryFilters,
): Promise<SummaryFigures> {
  const summaryId = version.id;
  const weighted = (version.figuresFormat ?? 1) >= FROZEN_WEIGHTED_THEMES_FORMAT;
  const figures = await cached(`published:${summaryId}:${JSON.stringify(filters)}`, async () => ({
    statistics: await computeStatistics(consultationId, filters, { summaryId }),
    themes: await countThemes({ kind: "published", consultationId, summaryId, weighted }, frozen.themes, filters),
  }));
  return withoutWithdrawnQuotes(figures);
}

// Changes with what the live summary counts, the approved contributions:
// an approval, a hide, a restore or a withdrawal changes how many there are
// or moves the version of one of them. Submissions, edits of pending
// contributions and reports do not.
type ApprovedState = { count: number; versions: number };

async function approvedState(consultationId: string): Promise<ApprovedState> {
  const [state] = await db.$queryRaw<ApprovedState[]>`
    SELECT count(*)::int AS "count", coalesce(sum("version"), 0)::int AS "versions"
    FROM "Contribution" WHERE "consultationId" = ${consultationId} AND "status" = 'APPROVED'::"ContributionStatus"`;
  return state ?? { count: 0, versions: 0 };
}

function liveFigures(consultationId: string, state: ApprovedState, themes: ThemeStatus, filters: SummaryFilters): Promise<SummaryFigures> {
  const key = `live:${consultationId}:${state.count}:${state.versions}:${themes.computedAt?.getTime() ?? 0}:${JSON.stringify(filters)}`;
  return cached(key, () => computeLiveFigures(consultationId, filters));
}

/**
 * Quotes were frozen with a published version, but a contribution hidden or
 * withdrawn since must not be shown again through them: the figures stay,
 * the quote goes.
 */
async function withoutWithdrawnQuotes(figures: SummaryFigures): Promise<SummaryFigures> {
  const summaries = [figures.themes.contributions, ...figures.themes.questions.map((question) => question.themes)];
  const quoted = [
    ...new Set(summaries.flatMap((summary) => summary.themes.flatMap((theme) => [theme, ...theme.subthemes].flatMap((each) => each.quotes.map((quote) => quote.contributionId))))),
  ];
  if (quoted.length === 0) return figures;
  const approved = new Set(
    (await db.contribution.findMany({ where: { id: { in: quoted }, status: "APPROVED" }, select: { id: true } })).map((row) => row.id),
  );
  if (approved.size === quoted.length) return figures;
  const keepQuotes = (theme: Theme): Theme => ({
    ...theme,
    quotes: theme.quotes.filter((quote) => approved.has(quote.contributionId)),
    subthemes: theme.subthemes.map(keepQuotes),
  });
  const keep = (summary: ThemeSummary): ThemeSummary => ({ ...summary, themes: summary.themes.map(keepQuotes) });
  return {
    statistics: figures.statistics,
    themes: {
      contributions: keep(figures.themes.contributions),
      questions: figures.themes.questions.map((question) => ({ ...question, themes: keep(question.themes) })),
    },
  };
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
