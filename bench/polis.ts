import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

// The Polis corpora (compdemocracy/openData, CC BY 4.0): "Data was gathered
// using the Polis software (compdemocracy.org/polis) and is sub-licensed
// under CC BY 4.0 with Attribution to The Computational Democracy Project."
// See ../shared/corpora/README.md for the links of each conversation.

/**
 * ../shared/corpora/polis from the project or a worktree of it: the first
 * ancestor that has it. Looked up when asked, not on import: a clone
 * without ../shared (CI) still runs the tests that read the copies in
 * tests/fixtures/polis.
 */
export function polisDir(): string {
  return findUp(import.meta.dirname, "shared/corpora/polis");
}

function findUp(from: string, relative: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`No ${relative} above ${from}: the Polis corpora are in ../shared/corpora (see its README).`);
  }
}

export const POLIS_CORPORA = [
  "american-assembly.bowling-green",
  "canadian-electoral-reform",
  "scoop-hivemind.biodiversity",
  "austria-climate.5tzfrp5eaa.2022-07-07",
  "vtaiwan.uberx",
] as const;

export type PolisComment = { id: string; authorId: string; moderated: number; body: string };

export function readPolisComments(corpus: string, dir = polisDir()): PolisComment[] {
  const rows = parse(fs.readFileSync(path.join(dir, corpus, "comments.csv"), "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((row) => ({ id: row["comment-id"] ?? "", authorId: row["author-id"] ?? "", moderated: Number(row.moderated), body: row["comment-body"] ?? "" }));
}
