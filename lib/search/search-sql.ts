import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

// The SQL pieces of a search, shared by the public list and its benchmark.
// Queries are normalised exactly as documents are (agora_search_normalise,
// migration 20261207140000_reading_layer: "SMEs" -> "SME ", -ization ->
// -isation, -yze -> -yse) before the language's dictionary parses them;
// each synonym the query names adds the set's other terms as phrases.
// docs/decisions/0011-search-normalisation-and-attachments.md.

export type SearchTerms = {
  /** What the person typed. */
  q: string;
  /** Synonyms of terms the query names (lib/search/synonyms), each searched as a phrase. */
  expansions: readonly string[];
};

/** The query parsed with one language's dictionary (a code as a bound value, or a column). */
export function tsquerySql(language: string | Prisma.Sql, { q, expansions }: SearchTerms): Prisma.Sql {
  const config = Prisma.sql`agora_search_config(${language})`;
  const parts = [
    Prisma.sql`websearch_to_tsquery(${config}, agora_search_normalise(${q}))`,
    ...expansions.map((term) => Prisma.sql`phraseto_tsquery(${config}, agora_search_normalise(${term}))`),
  ];
  return Prisma.sql`(${Prisma.join(parts, " || ")})`;
}

/**
 * The query in every language in use, ORed into one tsquery that does not
 * depend on the row: what lets the GIN index answer (docs/decisions/0003).
 */
export function anyLanguageSql(languages: readonly string[], terms: SearchTerms): Prisma.Sql {
  return Prisma.sql`(${Prisma.join(languages.map((language) => tsquerySql(language, terms)), " || ")})`;
}

/**
 * The query in the row's own language: a CASE over the same constants as
 * anyLanguageSql (folded once by the planner), the row's own parse only for
 * a language that appeared since the languages were read.
 */
export function ownLanguageSql(column: Prisma.Sql, languages: readonly string[], terms: SearchTerms): Prisma.Sql {
  const branches = languages.map((language) => Prisma.sql`WHEN ${language} THEN ${tsquerySql(language, terms)}`);
  return Prisma.sql`(CASE ${column} ${Prisma.join(branches, " ")} ELSE ${tsquerySql(column, terms)} END)`;
}
