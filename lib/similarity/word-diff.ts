import { diffWords } from "diff";

// What a member of a group adds to the group's common text, and what it
// leaves out: a word-level difference against the representative, as plain
// parts for a component to render (<ins>, <del>), never as HTML.

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export type WordDiff =
  | { kind: "identical" }
  | { kind: "parts"; parts: DiffPart[]; addedWords: number; removedWords: number }
  /** Too different, or too long, to compare in the time a page has. */
  | { kind: "not-compared" };

/** Characters of each text compared: a 100-page paper is compared on its first pages. */
export const DIFF_MAX_CHARS = 20_000;
/** Milliseconds a difference may take before it is given up. */
const DIFF_TIMEOUT_MS = 150;

const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function wordDiff(representative: string, member: string): WordDiff {
  const base = representative.slice(0, DIFF_MAX_CHARS);
  const other = member.slice(0, DIFF_MAX_CHARS);
  if (base === other) return { kind: "identical" };
  const changes = diffWords(base, other, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) return { kind: "not-compared" };
  let addedWords = 0;
  let removedWords = 0;
  const parts: DiffPart[] = changes.map((change) => {
    if (change.added) addedWords += wordsIn(change.value);
    if (change.removed) removedWords += wordsIn(change.value);
    return { kind: change.added ? "added" : change.removed ? "removed" : "same", text: change.value };
  });
  if (addedWords === 0 && removedWords === 0) return { kind: "identical" };
  return { kind: "parts", parts, addedWords, removedWords };
}
