import "server-only";
import { countryName } from "@/lib/vocabulary/countries";
import { canSeeDraftConsultations, visibleConsultationsWhere } from "@/lib/consultations/visibility";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { Phase, StakeholderType } from "@/lib/generated/prisma/enums";
import { plainExcerpt } from "@/lib/contributions/excerpt";
import { CONTRIBUTIONS_PAGE_SIZE, contributionFilterSchema, type ContributionFilter } from "@/lib/contributions/filter-schema";
import { languageName } from "@/lib/vocabulary/languages";
import type { PublicAuthor } from "@/lib/contributions/public-author";

// The public list of a consultation's published contributions, with
// full-text search in each contribution's own language (the dictionary is
// picked per row by agora_search_config, the same function that built the
// row's searchVector) and filters. Raw SQL because Prisma cannot query a
// tsvector; every value goes in as a bound parameter through Prisma.sql.
// docs/decisions/0003-contribution-search.md explains how the query keeps
// the GIN index usable.

export type PublicContributionItem = {
  reference: string;
  title: string;
  excerpt: string;
  author: PublicAuthor;
  phase: Phase;
  language: string;
  submittedAt: Date;
};

export type FacetValue<T extends string = string> = { value: T; count: number };

/** Only the values present among the consultation's published contributions, with how many have each. */
export type ContributionFacets = {
  stakeholderTypes: FacetValue<StakeholderType>[];
  countries: FacetValue[];
  phases: FacetValue<Phase>[];
  languages: FacetValue[];
};

export type ConsultationContributions = {
  consultation: { slug: string; title: string };
  filters: ContributionFilter;
  items: PublicContributionItem[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  facets: ContributionFacets;
};

type FacetRow = {
  stakeholderType: string | null;
  country: string | null;
  phase: string | null;
  language: string | null;
  /** Which grouping set the row belongs to: 15 for the grand total. */
  grouping: number;
  count: number;
};

type ItemRow = {
  reference: string;
  title: string;
  bodyStart: string;
  phase: Phase;
  language: string;
  submittedAt: Date;
  anonymous: boolean;
  displayName: string | null;
  organisationName: string | null;
  stakeholderType: StakeholderType | null;
  country: string | null;
};

const ORDER_OF_TYPES = Object.values(StakeholderType);
const ORDER_OF_PHASES = Object.values(Phase);

/** Public. Null when there is no consultation with this slug the caller may see. */
export async function findConsultationContributions(slug: string, input: unknown = {}): Promise<ConsultationContributions | null> {
  const filters = parseInput(contributionFilterSchema, input);
  const consultation = await db.consultation.findFirst({
    where: { AND: [{ slug }, visibleConsultationsWhere(await canSeeDraftConsultations())] },
    select: { id: true, slug: true, title: true },
  });
  if (!consultation) return null;

  const { facets, published } = await findFacets(consultation.id);
  const { from, where, order } = contributionListSql(
    consultation.id,
    filters,
    facets.languages.map((facet) => facet.value),
  );

  const filtered = Boolean(filters.q || filters.type || filters.country || filters.phase || filters.language);
  const total = filtered ? await countMatches(from, where) : published;
  const rows =
    total === 0
      ? []
      : await db.$queryRaw<ItemRow[]>`
          SELECT c."reference", c."title", left(c."body", 800) AS "bodyStart", c."phase", c."language", c."submittedAt",
                 (c."publication" = 'ANONYMOUS' OR p."id" IS NULL) AS "anonymous",
                 CASE WHEN c."publication" = 'ANONYMOUS' THEN NULL ELSE p."displayName" END AS "displayName",
                 CASE WHEN c."publication" = 'ANONYMOUS' THEN NULL ELSE p."organisationName" END AS "organisationName",
                 p."stakeholderType", p."country"::text AS "country"
          ${from} ${where}
          ORDER BY ${order}
          LIMIT ${CONTRIBUTIONS_PAGE_SIZE} OFFSET ${(filters.page - 1) * CONTRIBUTIONS_PAGE_SIZE}`;

  return {
    consultation: { slug: consultation.slug, title: consultation.title },
    filters,
    items: rows.map((row) => ({
      reference: row.reference,
      title: row.title,
      excerpt: plainExcerpt(row.bodyStart),
      author: {
        anonymous: row.anonymous,
        displayName: row.anonymous ? null : row.displayName,
        organisationName: row.anonymous ? null : row.organisationName,
        stakeholderType: row.stakeholderType,
        country: row.country,
      },
      phase: row.phase,
      language: row.language,
      submittedAt: row.submittedAt,
    })),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / CONTRIBUTIONS_PAGE_SIZE)),
    pageSize: CONTRIBUTIONS_PAGE_SIZE,
    facets,
  };
}

/**
 * FROM, WHERE and ORDER BY of the list: the consultation's published
 * contributions matching the filters, best match first when searching, else
 * newest first. `languagesInUse` are the languages of those contributions.
 * Exported for the test that checks the plan can use the GIN index.
 */
export function contributionListSql(
  consultationId: string,
  filters: Partial<Pick<ContributionFilter, "q" | "type" | "country" | "phase" | "language">>,
  languagesInUse: readonly string[],
): { from: Prisma.Sql; where: Prisma.Sql; order: Prisma.Sql } {
  const conditions = [Prisma.sql`c."consultationId" = ${consultationId}`, Prisma.sql`c."status" = 'APPROVED'::"ContributionStatus"`];
  if (filters.type) conditions.push(Prisma.sql`p."stakeholderType" = ${filters.type}::"StakeholderType"`);
  if (filters.country) conditions.push(Prisma.sql`p."country" = ${filters.country}`);
  if (filters.phase) conditions.push(Prisma.sql`c."phase" = ${filters.phase}::"Phase"`);
  if (filters.language) conditions.push(Prisma.sql`c."language" = ${filters.language}`);

  let rank = Prisma.empty;
  const { q } = filters;
  if (q) {
    const languages = filters.language ? [filters.language] : languagesInUse.length > 0 ? languagesInUse : ["simple"];
    const parsedIn = (language: string) => Prisma.sql`websearch_to_tsquery(agora_search_config(${language}), ${q})`;
    // Index condition: the query parsed with the dictionary of every language
    // in use here, ORed into one tsquery that does not depend on the row, so
    // the GIN index on searchVector can answer it. It may let through a row
    // that matches only in another language's dictionary, so each row is
    // checked again with its own: a CASE over the same constants (folded once
    // by the planner), with the row's own parse only for a language that
    // appeared since the facets were read.
    const anyLanguage = Prisma.join(languages.map(parsedIn), " || ");
    const ownLanguage = Prisma.sql`(CASE c."language" ${Prisma.join(
      languages.map((language) => Prisma.sql`WHEN ${language} THEN ${parsedIn(language)}`),
      " ",
    )} ELSE websearch_to_tsquery(agora_search_config(c."language"), ${q}) END)`;
    conditions.push(Prisma.sql`c."searchVector" @@ (${anyLanguage})`, Prisma.sql`c."searchVector" @@ ${ownLanguage}`);
    rank = Prisma.sql`ts_rank(c."searchVector", ${ownLanguage}) DESC, `;
  }
  return {
    from: Prisma.sql`FROM "Contribution" c LEFT JOIN "StakeholderProfile" p ON p."userId" = c."authorId"`,
    where: Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`,
    order: Prisma.sql`${rank}c."submittedAt" DESC, c."id" DESC`,
  };
}

async function countMatches(from: Prisma.Sql, where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${from} ${where}`;
  return row?.total ?? 0;
}

// One pass over the published contributions for the four facets and their
// number (the grand total, which is the list's total when nothing is filtered).
async function findFacets(consultationId: string): Promise<{ facets: ContributionFacets; published: number }> {
  const { from, where } = contributionListSql(consultationId, {}, []);
  const rows = await db.$queryRaw<FacetRow[]>`
    SELECT p."stakeholderType"::text AS "stakeholderType", p."country"::text AS "country", c."phase"::text AS "phase", c."language",
           GROUPING(p."stakeholderType", p."country", c."phase", c."language")::int AS "grouping", count(*)::int AS "count"
    ${from} ${where}
    GROUP BY GROUPING SETS ((p."stakeholderType"), (p."country"), (c."phase"), (c."language"), ())`;
  const facets: ContributionFacets = { stakeholderTypes: [], countries: [], phases: [], languages: [] };
  let published = 0;
  for (const row of rows) {
    if (row.grouping === 15) published = row.count;
    else if (row.stakeholderType) facets.stakeholderTypes.push({ value: row.stakeholderType as StakeholderType, count: row.count });
    else if (row.country) facets.countries.push({ value: row.country, count: row.count });
    else if (row.phase) facets.phases.push({ value: row.phase as Phase, count: row.count });
    else if (row.language) facets.languages.push({ value: row.language, count: row.count });
  }
  facets.stakeholderTypes.sort((a, b) => ORDER_OF_TYPES.indexOf(a.value) - ORDER_OF_TYPES.indexOf(b.value));
  facets.phases.sort((a, b) => ORDER_OF_PHASES.indexOf(a.value) - ORDER_OF_PHASES.indexOf(b.value));
  facets.countries.sort((a, b) => countryName(a.value).localeCompare(countryName(b.value), "en"));
  facets.languages.sort((a, b) => languageName(a.value).localeCompare(languageName(b.value), "en"));
  return { facets, published };
}
