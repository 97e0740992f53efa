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
import { effectiveLanguageSql } from "@/lib/language/effective-language-sql";
import { anyLanguageSql, ownLanguageSql, type SearchTerms } from "@/lib/search/search-sql";
import { synonymExpansions } from "@/lib/search/synonyms";
import { highlightSegments, hasHighlight, type HighlightSegment } from "@/lib/search/highlight";
import type { PublicAuthor } from "@/lib/contributions/public-author";

// The public list of a consultation's published contributions, with
// full-text search of the text and the attachments' pages in each one's own
// language (the dictionary is picked per row by agora_search_config, the same
// function that built the row's searchVector: the effective language, the
// detected one when the detector was confident) and filters. Raw SQL because Prisma cannot query a
// tsvector; every value goes in as a bound parameter through Prisma.sql.
// docs/decisions/0003-contribution-search.md explains how the query keeps
// the GIN index usable, 0011-search-normalisation-and-attachments.md how
// queries are normalised and expanded and how a hit says where it matched.

/** Where a search matched a contribution, with the matched words marked in the author's own text. */
export type SearchHit = {
  /** Whether the title or the text matched. */
  inText: boolean;
  /** The text around the match, when the text (not only the title) matched. */
  textExcerpt: HighlightSegment[] | null;
  /** The best-matching page of its attachments, if any matched. */
  page: { fileName: string; pageNumber: number; language: string; excerpt: HighlightSegment[] | null } | null;
};

export type PublicContributionItem = {
  reference: string;
  title: string;
  excerpt: string;
  author: PublicAuthor;
  phase: Phase;
  /** The effective language: the detected one when the detector was confident, else the declared one. */
  language: string;
  submittedAt: Date;
  /** Null when the list is not searched. */
  hit: SearchHit | null;
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
  declaredLanguage: string | null;
  /** Which grouping set the row belongs to (GROUPING() bits): 31 for the grand total, 30 for the declared language. */
  grouping: number;
  count: number;
};

type ItemRow = {
  id: string;
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
  /** With a search: how many contributions match in all. */
  fullCount?: number;
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

  const { facets, published, declaredLanguages } = await findFacets(consultation.id);
  const search = filters.q
    ? await searchContext(consultation.id, filters.q, [...facets.languages.map((facet) => facet.value), ...declaredLanguages])
    : null;
  const { from, where, order } = contributionListSql(consultation.id, filters, search?.languages ?? [], search?.expansions ?? []);

  const filtered = Boolean(filters.q || filters.type || filters.country || filters.phase || filters.language);
  // A search counts its matches in the same pass as it ranks them (it reads
  // them all to rank them anyway); filters alone count first, cheaply.
  const searching = Boolean(filters.q);
  let total = filtered && !searching ? await countMatches(from, where) : published;
  const rows =
    !searching && total === 0
      ? []
      : await db.$queryRaw<ItemRow[]>`
          SELECT c."id", c."reference", c."title", left(c."body", 800) AS "bodyStart", c."phase",
                 ${effectiveLanguageSql("c")} AS "language", c."submittedAt",
                 (c."publication" = 'ANONYMOUS' OR p."id" IS NULL) AS "anonymous",
                 CASE WHEN c."publication" = 'ANONYMOUS' THEN NULL ELSE p."displayName" END AS "displayName",
                 CASE WHEN c."publication" = 'ANONYMOUS' THEN NULL ELSE p."organisationName" END AS "organisationName",
                 p."stakeholderType", p."country"::text AS "country"${searching ? Prisma.sql`, count(*) OVER ()::int AS "fullCount"` : Prisma.empty}
          ${from} ${where}
          ORDER BY ${order}
          LIMIT ${CONTRIBUTIONS_PAGE_SIZE} OFFSET ${(filters.page - 1) * CONTRIBUTIONS_PAGE_SIZE}`;
  // Past the last page there is no row to carry the count.
  if (searching) total = rows[0]?.fullCount ?? (filters.page > 1 ? await countMatches(from, where) : 0);
  const hits = search && rows.length > 0 ? await findHits(rows.map((row) => row.id), search) : new Map<string, SearchHit>();

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
      hit: search ? (hits.get(row.id) ?? { inText: false, textExcerpt: null, page: null }) : null,
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
 * newest first. `languagesInUse` are the languages of those contributions
 * and of their attachments' pages; `expansions` the synonyms the query names.
 * Exported for the test that checks the plan can use the GIN indexes.
 */
export function contributionListSql(
  consultationId: string,
  filters: Partial<Pick<ContributionFilter, "q" | "type" | "country" | "phase" | "language">>,
  languagesInUse: readonly string[],
  expansions: readonly string[] = [],
): { from: Prisma.Sql; where: Prisma.Sql; order: Prisma.Sql } {
  const conditions = [Prisma.sql`c."consultationId" = ${consultationId}`, Prisma.sql`c."status" = 'APPROVED'::"ContributionStatus"`];
  if (filters.type) conditions.push(Prisma.sql`p."stakeholderType" = ${filters.type}::"StakeholderType"`);
  if (filters.country) conditions.push(Prisma.sql`p."country" = ${filters.country}`);
  if (filters.phase) conditions.push(Prisma.sql`c."phase" = ${filters.phase}::"Phase"`);
  if (filters.language) conditions.push(Prisma.sql`${effectiveLanguageSql("c")} = ${filters.language}`);

  const people = Prisma.sql`FROM "Contribution" c LEFT JOIN "StakeholderProfile" p ON p."userId" = c."authorId"`;
  const { q } = filters;
  if (!q) return { from: people, where: Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`, order: Prisma.sql`c."submittedAt" DESC, c."id" DESC` };

  const terms: SearchTerms = { q, expansions };
  const languages = languagesInUse.length > 0 ? languagesInUse : ["simple"];
  const anyLanguage = anyLanguageSql(languages, terms);
  const ownText = ownLanguageSql(effectiveLanguageSql("t"), languages, terms);
  const ownPage = ownLanguageSql(Prisma.sql`ap."language"`, languages, terms);
  // The matching contributions from each GIN index on its own (the text's,
  // the pages'), each condition first with the query in every language (what
  // the index answers), then in the row's own (exactness); a contribution
  // ranks by its best match. Only published contributions, and only their
  // attachments, are searched: the same two conditions in both branches.
  const matches = Prisma.sql`(
    SELECT "id", max("rank") AS "rank" FROM (
      SELECT t."id", ts_rank(t."searchVector", ${ownText}) AS "rank"
      FROM "Contribution" t
      WHERE t."consultationId" = ${consultationId} AND t."status" = 'APPROVED'::"ContributionStatus"
        AND t."searchVector" @@ ${anyLanguage} AND t."searchVector" @@ ${ownText}
      UNION ALL
      SELECT a."contributionId", ts_rank(ap."searchVector", ${ownPage})
      FROM "AttachmentPage" ap
      JOIN "Attachment" a ON a."id" = ap."attachmentId"
      JOIN "Contribution" t ON t."id" = a."contributionId"
      WHERE ap."searchVector" @@ ${anyLanguage} AND ap."searchVector" @@ ${ownPage}
        AND t."consultationId" = ${consultationId} AND t."status" = 'APPROVED'::"ContributionStatus"
    ) hits GROUP BY "id"
  ) m`;
  return {
    from: Prisma.sql`${people} JOIN ${matches} ON m."id" = c."id"`,
    where: Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`,
    order: Prisma.sql`m."rank" DESC, c."submittedAt" DESC, c."id" DESC`,
  };
}

type SearchContext = SearchTerms & { languages: string[] };

// The languages a query is parsed in: every effective and declared language
// of the consultation's published contributions (from the facets pass) and
// every confidently detected language of an attachment (a page is searched
// in one of those: a superset read from the small Attachment table, not per
// consultation, is as good and needs no join), and the synonyms the query
// names.
async function searchContext(consultationId: string, q: string, languagesInUse: readonly string[]): Promise<SearchContext> {
  const [attachmentRows, synonymRows] = await Promise.all([
    db.$queryRaw<{ language: string }[]>`
      SELECT DISTINCT a."detectedLanguage" AS "language" FROM "Attachment" a
      WHERE a."languageConfident" AND a."detectedLanguage" IS NOT NULL AND a."contributionId" IS NOT NULL`,
    db.searchSynonym.findMany({ where: { consultationId }, select: { terms: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  const languages = [...new Set([...languagesInUse, ...attachmentRows.map((row) => row.language)])].filter(Boolean).sort();
  return { q, expansions: synonymExpansions(q, synonymRows.map((row) => row.terms)), languages };
}

const HEADLINE_OPTIONS = Prisma.sql`format('StartSel=%s, StopSel=%s, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=1', chr(2), chr(3))`;

type HitRow = {
  id: string;
  inText: boolean;
  textHeadline: string | null;
  textSpan: string | null;
  fileName: string | null;
  pageNumber: number | null;
  pageLanguage: string | null;
  pageHeadline: string | null;
  pageSpan: string | null;
  textCut: { start: boolean; end: boolean } | null;
  pageCut: { start: boolean; end: boolean } | null;
};

// Where each listed contribution matched: its text (with ts_headline's marks
// moved onto the author's own words, lib/search/highlight) and the best-ranked
// page of its attachments. Only the page of results is read this way.
async function findHits(ids: string[], search: SearchContext): Promise<Map<string, SearchHit>> {
  const ownText = ownLanguageSql(effectiveLanguageSql("c"), search.languages, search);
  const ownPage = ownLanguageSql(Prisma.sql`ap."language"`, search.languages, search);
  // The marks are control characters, removed from the text first; the
  // headline without them is found in the normalised text, and the same span
  // of the original (the normaliser keeps every character in place) is
  // returned beside it, with whether text was left out before and after it
  // (anything but white space and punctuation). strpos 0 (not found) gives no
  // span. MATERIALIZED: each text is normalised and headlined once, not once
  // per reference.
  const rows = await db.$queryRaw<HitRow[]>`
    WITH text AS (
      SELECT c."id", c."searchVector" @@ ${ownText} AS "inText", translate(c."body", chr(2) || chr(3), '') AS "clean",
             ${effectiveLanguageSql("c")} AS "language", ${ownText} AS "query"
      FROM "Contribution" c WHERE c."id" = ANY(${ids}::text[])
    ), page AS (
      SELECT DISTINCT ON (a."contributionId") a."contributionId" AS "id", a."fileName", ap."pageNumber", ap."language",
             translate(ap."text", chr(2) || chr(3), '') AS "clean", ${ownPage} AS "query"
      FROM "AttachmentPage" ap JOIN "Attachment" a ON a."id" = ap."attachmentId"
      WHERE a."contributionId" = ANY(${ids}::text[]) AND ap."searchVector" @@ ${ownPage}
      ORDER BY a."contributionId", ts_rank(ap."searchVector", ${ownPage}) DESC, a."createdAt", a."id", ap."pageNumber"
    ), headlines AS MATERIALIZED (
      SELECT t."id", t."inText", t."clean" AS "textClean", n."textNorm",
             ts_headline(agora_search_config(t."language"), n."textNorm", t."query", ${HEADLINE_OPTIONS}) AS "textHeadline",
             pg."fileName", pg."pageNumber", pg."language" AS "pageLanguage", pg."clean" AS "pageClean", n."pageNorm",
             ts_headline(agora_search_config(pg."language"), n."pageNorm", pg."query", ${HEADLINE_OPTIONS}) AS "pageHeadline"
      FROM text t LEFT JOIN page pg ON pg."id" = t."id",
           LATERAL (SELECT CASE WHEN t."inText" THEN agora_search_normalise(t."clean") END AS "textNorm",
                           CASE WHEN pg."id" IS NOT NULL THEN agora_search_normalise(pg."clean") END AS "pageNorm") n
    ), located AS MATERIALIZED (
      SELECT h.*,
             strpos(h."textNorm", translate(h."textHeadline", chr(2) || chr(3), '')) AS "textAt",
             char_length(translate(h."textHeadline", chr(2) || chr(3), '')) AS "textLength",
             strpos(h."pageNorm", translate(h."pageHeadline", chr(2) || chr(3), '')) AS "pageAt",
             char_length(translate(h."pageHeadline", chr(2) || chr(3), '')) AS "pageLength"
      FROM headlines h
    )
    SELECT "id", "inText", "textHeadline", "fileName", "pageNumber", "pageLanguage", "pageHeadline",
           ${spanSql("text")} AS "textSpan", ${cutSql("text")} AS "textCut",
           ${spanSql("page")} AS "pageSpan", ${cutSql("page")} AS "pageCut"
    FROM located`;
  const excerpt = (headline: string | null, span: string | null, cut: HitRow["textCut"]) => {
    if (headline === null || span === null) return null;
    const segments = highlightSegments(headline, span);
    if (!segments || !hasHighlight(segments)) return null;
    // An ellipsis where the excerpt does not reach the start or the end.
    return [
      ...(cut?.start ? [{ text: "… ", highlight: false }] : []),
      ...segments,
      ...(cut?.end ? [{ text: " …", highlight: false }] : []),
    ];
  };
  return new Map(
    rows.map((row) => [
      row.id,
      {
        inText: row.inText,
        textExcerpt: row.inText ? excerpt(row.textHeadline, row.textSpan, row.textCut) : null,
        page:
          row.fileName !== null && row.pageNumber !== null && row.pageLanguage !== null
            ? { fileName: row.fileName, pageNumber: row.pageNumber, language: row.pageLanguage, excerpt: excerpt(row.pageHeadline, row.pageSpan, row.pageCut) }
            : null,
      },
    ]),
  );
}

// The span of the original text, and whether text was left out around it,
// for the located headline of the text or the page (columns of findHits).
function spanSql(field: "text" | "page"): Prisma.Sql {
  return Prisma.raw(`CASE WHEN "${field}At" > 0 THEN substr("${field}Clean", "${field}At", "${field}Length") END`);
}

function cutSql(field: "text" | "page"): Prisma.Sql {
  return Prisma.raw(`CASE WHEN "${field}At" > 0 THEN json_build_object(
    'start', left("${field}Clean", "${field}At" - 1) ~ '[[:alnum:]]',
    'end', substr("${field}Clean", "${field}At" + "${field}Length") ~ '[[:alnum:]]') END`);
}

async function countMatches(from: Prisma.Sql, where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${from} ${where}`;
  return row?.total ?? 0;
}

// One pass over the published contributions for the four facets and their
// number (the grand total, which is the list's total when nothing is
// filtered). Languages are counted by effective language: a French text
// declared English counts as French.
async function findFacets(consultationId: string): Promise<{ facets: ContributionFacets; published: number; declaredLanguages: string[] }> {
  const { from, where } = contributionListSql(consultationId, {}, []);
  const language = effectiveLanguageSql("c");
  // The declared languages too (not a facet): a search parses the query in
  // them as well, and this pass reads the rows anyway.
  const rows = await db.$queryRaw<FacetRow[]>`
    SELECT p."stakeholderType"::text AS "stakeholderType", p."country"::text AS "country", c."phase"::text AS "phase", ${language} AS "language",
           c."language" AS "declaredLanguage",
           GROUPING(p."stakeholderType", p."country", c."phase", ${language}, c."language")::int AS "grouping", count(*)::int AS "count"
    ${from} ${where}
    GROUP BY GROUPING SETS ((p."stakeholderType"), (p."country"), (c."phase"), (${language}), (c."language"), ())`;
  const facets: ContributionFacets = { stakeholderTypes: [], countries: [], phases: [], languages: [] };
  const declaredLanguages: string[] = [];
  let published = 0;
  for (const row of rows) {
    if (row.grouping === 31) published = row.count;
    else if (row.grouping === 30) declaredLanguages.push(row.declaredLanguage ?? "");
    else if (row.stakeholderType) facets.stakeholderTypes.push({ value: row.stakeholderType as StakeholderType, count: row.count });
    else if (row.country) facets.countries.push({ value: row.country, count: row.count });
    else if (row.phase) facets.phases.push({ value: row.phase as Phase, count: row.count });
    else if (row.language) facets.languages.push({ value: row.language, count: row.count });
  }
  facets.stakeholderTypes.sort((a, b) => ORDER_OF_TYPES.indexOf(a.value) - ORDER_OF_TYPES.indexOf(b.value));
  facets.phases.sort((a, b) => ORDER_OF_PHASES.indexOf(a.value) - ORDER_OF_PHASES.indexOf(b.value));
  facets.countries.sort((a, b) => countryName(a.value).localeCompare(countryName(b.value), "en"));
  facets.languages.sort((a, b) => languageName(a.value).localeCompare(languageName(b.value), "en"));
  return { facets, published, declaredLanguages };
}
