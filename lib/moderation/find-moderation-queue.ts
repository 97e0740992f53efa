import "server-only";
import { countryName } from "@/lib/vocabulary/countries";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { Phase, StakeholderType, type ContributionStatus } from "@/lib/generated/prisma/enums";
import { plainExcerpt } from "@/lib/contributions/excerpt";
import type { FacetValue } from "@/lib/contributions/find-consultation-contributions";
import { languageName } from "@/lib/vocabulary/languages";
import { languageDifference } from "@/lib/language/language-line";
import { effectiveLanguageSql } from "@/lib/language/effective-language-sql";
import { isQueueFiltered, QUEUE_PAGE_SIZE, queueFilterSchema, type QueueFilter, type QueueStatus } from "@/lib/moderation/queue-filter";
import { queueSql } from "@/lib/moderation/queue-sql";
import { waitingReason, type WaitingReason } from "@/lib/moderation/waiting-reason";

// The moderation queue: what waits for a moderator, longest waiting first (or
// most reported first), 25 a page, with filters and the values to filter by.

export type QueueAuthor = {
  displayName: string | null;
  organisationName: string | null;
  stakeholderType: StakeholderType | null;
  country: string | null;
};

export type QueueItem = {
  id: string;
  reference: string;
  /** The version the moderator decides on (optimistic concurrency). */
  version: number;
  title: string;
  excerpt: string;
  consultation: { slug: string; title: string };
  phase: Phase;
  language: string;
  /** "Declared: English · Detected: French" when the detector disagrees with the author. */
  languageDifference: string | null;
  /** Moderators see who wrote it, whatever the author chose to publish. */
  author: QueueAuthor;
  status: ContributionStatus;
  waitingReason: WaitingReason;
  openFlagCount: number;
  awaitingSince: Date;
};

/** The values present in the whole queue (not narrowed by the filters), with how many wait with each. */
export type QueueFacets = {
  consultations: (FacetValue & { title: string })[];
  phases: FacetValue<Phase>[];
  stakeholderTypes: FacetValue<StakeholderType>[];
  countries: FacetValue[];
  languages: FacetValue[];
  statuses: FacetValue<QueueStatus>[];
};

export type ModerationQueue = {
  filters: QueueFilter;
  items: QueueItem[];
  /** How many match the filters. */
  total: number;
  /** How many wait in all. */
  waiting: number;
  page: number;
  pageCount: number;
  pageSize: number;
  facets: QueueFacets;
};

type ItemRow = {
  id: string;
  reference: string;
  version: number;
  title: string;
  bodyStart: string;
  consultationSlug: string;
  consultationTitle: string;
  phase: Phase;
  language: string;
  detectedLanguage: string | null;
  languageConfident: boolean;
  status: ContributionStatus;
  edited: boolean;
  openFlagCount: number;
  awaitingSince: Date;
  displayName: string | null;
  organisationName: string | null;
  stakeholderType: StakeholderType | null;
  country: string | null;
};

type FacetRow = {
  consultationSlug: string | null;
  consultationTitle: string | null;
  stakeholderType: StakeholderType | null;
  country: string | null;
  phase: Phase | null;
  language: string | null;
  status: ContributionStatus | null;
  /** GROUPING() bits, one per column below, 1 where the row is not grouped by it. */
  grouping: number;
  count: number;
};

// Bits of GROUPING(k."slug", p."stakeholderType", p."country", c."phase", c."language", c."status"), first column highest.
const ALL_GROUPED = 0b111111;
const BY = { consultation: 0b011111, type: 0b101111, country: 0b110111, phase: 0b111011, language: 0b111101, status: 0b111110 } as const;

const ORDER_OF_TYPES = Object.values(StakeholderType);
const ORDER_OF_PHASES = Object.values(Phase);

/** Moderators only; their own contributions are not in their queue. */
export async function findModerationQueue(input: unknown = {}): Promise<ModerationQueue> {
  const moderator = await requireRole("MODERATOR");
  const filters = parseInput(queueFilterSchema, input);
  const { from, where, order } = queueSql(filters, moderator.id);

  const { facets, waiting } = await findQueueFacets(moderator.id);
  const total = isQueueFiltered(filters) ? await countQueue(filters, moderator.id) : waiting;
  const rows =
    total === 0
      ? []
      : await db.$queryRaw<ItemRow[]>`
          SELECT c."id", c."reference", c."version", c."title", left(c."body", 800) AS "bodyStart",
                 k."slug" AS "consultationSlug", k."title" AS "consultationTitle",
                 c."phase", c."language", c."detectedLanguage", c."languageConfident", c."status", c."openFlagCount", c."awaitingSince",
                 -- A pending contribution its author changed since submitting it.
                 (c."status" = 'PENDING'::"ContributionStatus" AND (c."version" > 1 OR EXISTS (
                   SELECT 1 FROM "ModerationEvent" e WHERE e."contributionId" = c."id" AND e."action" = 'EDIT'::"ModerationAction"
                 ))) AS "edited",
                 p."displayName", p."organisationName", p."stakeholderType", p."country"::text AS "country"
          ${from} ${where}
          ORDER BY ${order}
          LIMIT ${QUEUE_PAGE_SIZE} OFFSET ${(filters.page - 1) * QUEUE_PAGE_SIZE}`;

  return {
    filters,
    items: rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      version: row.version,
      title: row.title,
      excerpt: plainExcerpt(row.bodyStart),
      consultation: { slug: row.consultationSlug, title: row.consultationTitle },
      phase: row.phase,
      language: row.language,
      languageDifference: languageDifference(row),
      author: {
        displayName: row.displayName,
        organisationName: row.organisationName,
        stakeholderType: row.stakeholderType,
        country: row.country,
      },
      status: row.status,
      waitingReason: waitingReason(row.status, row.edited),
      openFlagCount: row.openFlagCount,
      awaitingSince: row.awaitingSince,
    })),
    total,
    waiting,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    pageSize: QUEUE_PAGE_SIZE,
    facets,
  };
}

async function countQueue(filters: QueueFilter, moderatorId: string): Promise<number> {
  const { from, where } = queueSql(filters, moderatorId);
  const [row] = await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" ${from} ${where}`;
  return row?.total ?? 0;
}

// One pass over the queue for every filter's values and their number, and
// the grand total.
async function findQueueFacets(moderatorId: string): Promise<{ facets: QueueFacets; waiting: number }> {
  const { from, where } = queueSql({}, moderatorId);
  const language = effectiveLanguageSql("c");
  const rows = await db.$queryRaw<FacetRow[]>`
    SELECT k."slug" AS "consultationSlug", min(k."title") AS "consultationTitle",
           p."stakeholderType", p."country"::text AS "country", c."phase", ${language} AS "language", c."status",
           GROUPING(k."slug", p."stakeholderType", p."country", c."phase", ${language}, c."status")::int AS "grouping",
           count(*)::int AS "count"
    ${from} ${where}
    GROUP BY GROUPING SETS ((k."slug"), (p."stakeholderType"), (p."country"), (c."phase"), (${language}), (c."status"), ())`;
  const facets: QueueFacets = { consultations: [], phases: [], stakeholderTypes: [], countries: [], languages: [], statuses: [] };
  let waiting = 0;
  for (const row of rows) {
    if (row.grouping === ALL_GROUPED) waiting = row.count;
    else if (row.grouping === BY.consultation && row.consultationSlug)
      facets.consultations.push({ value: row.consultationSlug, title: row.consultationTitle ?? row.consultationSlug, count: row.count });
    else if (row.grouping === BY.type && row.stakeholderType) facets.stakeholderTypes.push({ value: row.stakeholderType, count: row.count });
    else if (row.grouping === BY.country && row.country) facets.countries.push({ value: row.country, count: row.count });
    else if (row.grouping === BY.phase && row.phase) facets.phases.push({ value: row.phase, count: row.count });
    else if (row.grouping === BY.language && row.language) facets.languages.push({ value: row.language, count: row.count });
    else if (row.grouping === BY.status && row.status)
      facets.statuses.push({ value: row.status === "PENDING" ? "pending" : "reported", count: row.count });
  }
  facets.consultations.sort((a, b) => a.title.localeCompare(b.title, "en"));
  facets.stakeholderTypes.sort((a, b) => ORDER_OF_TYPES.indexOf(a.value) - ORDER_OF_TYPES.indexOf(b.value));
  facets.phases.sort((a, b) => ORDER_OF_PHASES.indexOf(a.value) - ORDER_OF_PHASES.indexOf(b.value));
  facets.countries.sort((a, b) => countryName(a.value).localeCompare(countryName(b.value), "en"));
  facets.languages.sort((a, b) => languageName(a.value).localeCompare(languageName(b.value), "en"));
  facets.statuses.sort((a, b) => (a.value === b.value ? 0 : a.value === "pending" ? -1 : 1));
  return { facets, waiting };
}
