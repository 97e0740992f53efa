// Consultation synonyms ("AI Board" = "European Artificial Intelligence
// Board"): a query that names one term of a set is expanded with the others.
// Pure, shared by the search (lib/contributions/find-consultation-contributions)
// and the admin form's schema.

/** Letters and digits of any script: a "whole word" boundary is anything else. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

function fold(text: string): string {
  return text.normalize("NFC").toLocaleLowerCase("und").replace(/\s+/g, " ").trim();
}

/** Whether `term` occurs in `query` as whole words, ignoring case. */
export function containsTerm(query: string, term: string): boolean {
  const haystack = fold(query);
  const needle = fold(term);
  if (!needle) return false;
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if ((before === undefined || !WORD_CHAR.test(before)) && (after === undefined || !WORD_CHAR.test(after))) return true;
    from = at + 1;
  }
}

/**
 * The terms to add to a query: for each set the query names (any of its
 * terms, as whole words, case-insensitively), the set's other terms. Each is
 * searched as a phrase, ORed with the query; a term the query already names
 * is not added again.
 */
export function synonymExpansions(query: string, sets: readonly (readonly string[])[]): string[] {
  const added = new Map<string, string>();
  for (const terms of sets) {
    if (!terms.some((term) => containsTerm(query, term))) continue;
    for (const term of terms) {
      const key = fold(term);
      if (key && !containsTerm(query, term) && !added.has(key)) added.set(key, term);
    }
  }
  return [...added.values()];
}

/** The key two terms are the same under (for the duplicate check of the form). */
export const synonymKey = fold;
