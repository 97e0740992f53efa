import { z } from "zod";
import { synonymKey } from "@/lib/search/synonyms";

// The synonyms of a consultation, as an administrator types them: one set
// per line, its terms separated by "=" ("AI Board = European Artificial
// Intelligence Board"). Isomorphic: the form and the action parse with it.

export const SYNONYM_SETS_MAX = 100;
export const SYNONYM_TERMS_MAX = 10;
export const SYNONYM_TERM_MAX = 100;
export const SYNONYMS_TEXT_MAX = 20_000;
const PROBLEMS_SHOWN = 5;

/** The sets of a text, a set per non-empty line, its terms trimmed (empty ones kept, for the check). */
export function splitSynonymLines(text: string): { line: number; terms: string[] }[] {
  return text
    .split(/\r?\n/)
    .map((raw, index) => ({ line: index + 1, raw: raw.trim() }))
    .filter(({ raw }) => raw !== "")
    .map(({ line, raw }) => ({ line, terms: raw.split("=").map((term) => term.replace(/\s+/g, " ").trim()) }));
}

/** Every problem of a text, one message each, in line order. */
export function synonymProblems(text: string): string[] {
  const sets = splitSynonymLines(text);
  const problems: string[] = [];
  if (sets.length > SYNONYM_SETS_MAX) return [`Write at most ${SYNONYM_SETS_MAX} sets (one per line); there are ${sets.length}.`];
  const seen = new Map<string, number>();
  for (const { line, terms } of sets) {
    if (terms.some((term) => term === "")) {
      problems.push(`Line ${line} has an empty term: write a word or phrase on each side of every “=”.`);
      continue;
    }
    if (terms.length < 2) {
      problems.push(`Line ${line} has a single term: separate two or more terms that mean the same with “=”.`);
      continue;
    }
    if (terms.length > SYNONYM_TERMS_MAX) problems.push(`Line ${line} has ${terms.length} terms: at most ${SYNONYM_TERMS_MAX} per set.`);
    const long = terms.find((term) => term.length > SYNONYM_TERM_MAX);
    if (long) problems.push(`Line ${line}: “${long.slice(0, 30)}…” is longer than ${SYNONYM_TERM_MAX} characters.`);
    if (!terms.some((term) => /[\p{L}\p{N}]/u.test(synonymKey(term)))) problems.push(`Line ${line} has no letters or digits.`);
    const inLine = new Set<string>();
    for (const term of terms) {
      const key = synonymKey(term);
      if (inLine.has(key)) problems.push(`Line ${line} names “${term}” twice.`);
      else if (seen.has(key)) problems.push(`“${term}” on line ${line} is already in the set on line ${seen.get(key)}: a term belongs to one set.`);
      inLine.add(key);
    }
    for (const key of inLine) if (!seen.has(key)) seen.set(key, line);
  }
  if (problems.length <= PROBLEMS_SHOWN) return problems;
  return [...problems.slice(0, PROBLEMS_SHOWN), `And ${problems.length - PROBLEMS_SHOWN} more.`];
}

export const updateSearchSynonymsSchema = z
  .object({
    consultationId: z.string().min(1),
    synonyms: z.string().max(SYNONYMS_TEXT_MAX, `Write at most ${SYNONYMS_TEXT_MAX.toLocaleString("en")} characters.`),
  })
  .superRefine((value, context) => {
    // One message with every problem: the field shows them all at once.
    if (value.synonyms.length > SYNONYMS_TEXT_MAX) return;
    const problems = synonymProblems(value.synonyms);
    if (problems.length > 0) context.addIssue({ code: "custom", path: ["synonyms"], message: problems.join(" ") });
  })
  .transform((value) => ({ consultationId: value.consultationId, sets: splitSynonymLines(value.synonyms).map((set) => set.terms) }));

export type UpdateSearchSynonymsInput = z.input<typeof updateSearchSynonymsSchema>;

/** The text of the form for stored sets. */
export const synonymText = (sets: readonly (readonly string[])[]): string => sets.map((terms) => terms.join(" = ")).join("\n");
