import type { WorkTheme } from "@/lib/summaries/steering/count-themes";
import type { ThemeRef } from "@/lib/summaries/steering/schema";
import { compare } from "@/lib/summaries/themes/engine/describe-theme";

// Which current theme a step means. Its key first; when the themes were
// computed again from more contributions the keys may have changed, so
// then the theme with the label the moderator saw, then the one whose
// terms overlap the terms they saw most.

/** A theme, and the theme it is a sub-theme of (null at the top level). */
export type FoundTheme = { theme: WorkTheme; parent: WorkTheme | null };

/** Terms shared over terms of either: at least this much to count as the same theme. */
const SAME_TERMS = 0.5;

/**
 * `levels` "top" for steps on themes only (merge, split, move): a ref whose
 * key is a sub-theme's then finds nothing rather than the next best theme.
 * `sizeOf` breaks ties, largest first, then by key.
 */
export function findTheme(themes: readonly WorkTheme[], ref: ThemeRef, levels: "top" | "any", sizeOf: (found: FoundTheme) => number): FoundTheme | null {
  const all: FoundTheme[] = themes.flatMap((theme) => [{ theme, parent: null }, ...theme.subthemes.map((sub) => ({ theme: sub, parent: theme }))]);
  const byKey = all.find((found) => found.theme.key === ref.key);
  if (byKey) return levels === "top" && byKey.parent ? null : byKey;
  const candidates = levels === "top" ? all.filter((found) => found.parent === null) : all;
  const sizes = new Map<FoundTheme, number>();
  const size = (found: FoundTheme) => {
    let value = sizes.get(found);
    if (value === undefined) sizes.set(found, (value = sizeOf(found)));
    return value;
  };
  const bySizeThenKey = (a: FoundTheme, b: FoundTheme) => size(b) - size(a) || compare(a.theme.key, b.theme.key);

  const label = normal(ref.label);
  if (label !== "") {
    const [named] = candidates.filter((found) => normal(found.theme.label) === label).sort(bySizeThenKey);
    if (named) return named;
  }
  const terms = new Set(ref.terms.map(normal).filter((term) => term !== ""));
  if (terms.size === 0) return null;
  const [closest] = candidates
    .map((found) => ({ found, overlap: jaccard(terms, new Set(found.theme.terms.map(normal))) }))
    .filter(({ overlap }) => overlap >= SAME_TERMS)
    .sort((a, b) => b.overlap - a.overlap || bySizeThenKey(a.found, b.found));
  return closest?.found ?? null;
}

function normal(text: string): string {
  return text.trim().toLowerCase();
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let both = 0;
  for (const value of a) if (b.has(value)) both += 1;
  const either = a.size + b.size - both;
  return either === 0 ? 0 : both / either;
}
