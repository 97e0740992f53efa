import "server-only";
import { countThemes, subthemeTally, type WorkTheme } from "@/lib/summaries/steering/count-themes";
import { findTheme, type FoundTheme } from "@/lib/summaries/steering/find-theme";
import { indexDocuments, type DocumentIndex } from "@/lib/summaries/steering/index-documents";
import { seedMatcher, type SeedMatcher } from "@/lib/summaries/steering/match-seeds";
import type { Steering, SteeringStep, ThemeRef } from "@/lib/summaries/steering/schema";
import type { ThemeInput } from "@/lib/summaries/themes/engine/types";
import type { Theme, ThemePlacement, ThemeQuote, ThemeSummary } from "@/lib/summaries/themes/types";

// The moderators' steering (issue 11) applied to what the engine found:
// each step in order, on the themes as the steps before left them, then
// every figure counted again from the placements (count-themes.ts). Pure
// and deterministic: the same themes, steps and contributions give the
// same result, so the steering saved with a draft gives the same summary
// each time it is applied to the same themes.

export type FoundThemes = { summary: ThemeSummary; placements: ReadonlyMap<string, ThemePlacement> };

/** What became of one step, for the editor: done, its theme gone, or nothing left to change. */
export type StepOutcome = {
  status: "applied" | "notFound" | "nothingToDo";
  /** One sentence for the moderator: “Merged “A” and “B” into “A”.” */
  description: string;
  /** Contributions the step put in a theme, took out of one or moved between sub-themes. */
  moved: number;
  /** The themes it made or changed, as they are keyed after it. */
  keys: string[];
};

export type SteeredThemes = { summary: ThemeSummary; placements: Map<string, ThemePlacement>; outcomes: StepOutcome[] };

/** As the engine's default (find-themes.ts): a merged theme shows as many quotes as any other. */
const QUOTES_PER_THEME = 3;
const TERMS_PER_THEME = 8;

type Entry = { key: string; weight: number; subtheme?: string };

type State = {
  themes: WorkTheme[];
  placements: Map<string, ThemePlacement>;
  documents: DocumentIndex;
  seeds: SeedMatcher;
};

/**
 * `documents` are the contributions the themes were found in, as given to
 * the engine: seed words are looked for in their text, and a group of
 * near-identical texts counts once.
 */
export function applySteering(found: FoundThemes, steering: Steering, documents: readonly ThemeInput[]): SteeredThemes {
  const index = indexDocuments(documents);
  const state: State = {
    themes: found.summary.themes.map(workTheme),
    placements: new Map([...found.placements].map(([id, placement]) => [id, copyPlacement(placement)])),
    documents: index,
    seeds: seedMatcher(index.tools),
  };
  const outcomes = steering.map((step) => {
    const outcome = applyStep(state, step);
    // A name changes no placement; a step not applied changed nothing.
    if (outcome.status === "applied" && step.kind !== "rename") dropEmptyThemes(state);
    return outcome;
  });
  const summary = countThemes(state.themes, state.placements, index, found.summary);
  return { summary, placements: state.placements, outcomes };
}

function applyStep(state: State, step: SteeringStep): StepOutcome {
  switch (step.kind) {
    case "rename":
      return rename(state, step);
    case "merge":
      return merge(state, step);
    case "split":
      return step.by.kind === "subthemes" ? splitBySubthemes(state, step.theme) : splitBySeeds(state, step.theme, step.by.parts);
    case "delete":
      return deleteTheme(state, step.theme);
    case "add":
      return addFromSeeds(state, step.label, step.seeds);
    case "move":
      return move(state, step);
  }
}

function rename(state: State, step: Extract<SteeringStep, { kind: "rename" }>): StepOutcome {
  const found = find(state, step.theme, "any");
  if (!found) return notFound(step.theme);
  const { theme } = found;
  if (theme.label === step.label) return nothingToDo(`“${theme.label}” has that name already.`);
  const before = theme.label;
  theme.label = step.label;
  theme.steered = true;
  return applied(`Renamed “${before}” to “${step.label}”.`, 0, [theme.key]);
}

function merge(state: State, step: Extract<SteeringStep, { kind: "merge" }>): StepOutcome {
  const themes: WorkTheme[] = [];
  const missing: ThemeRef[] = [];
  for (const ref of step.themes) {
    const found = find(state, ref, "top");
    if (!found) missing.push(ref);
    else if (!themes.includes(found.theme)) themes.push(found.theme);
  }
  const [keep, ...others] = themes;
  if (!keep || others.length === 0) return missing.length > 0 || !keep ? notFound(...missing) : nothingToDo(`They are all “${keep.label}” already.`);
  const labels = themes.map((theme) => theme.label);
  // Sub-themes move with their theme, keyed under the theme that keeps its key.
  const subthemeKeys = new Map<string, string>();
  for (const other of others) {
    for (const sub of other.subthemes) {
      const tail = sub.key.startsWith(`${other.key}/`) ? sub.key.slice(other.key.length + 1) : slug(sub.label);
      const key = uniqueKey(state, `${keep.key}/${tail}`);
      subthemeKeys.set(subthemeTally(other.key, sub.key), key);
      keep.subthemes.push({ ...sub, key });
    }
  }
  const merged = new Set(themes.map((theme) => theme.key));
  let moved = 0;
  for (const [id, entries] of themedPlacements(state)) {
    const inMerged = entries.filter((entry) => merged.has(entry.key));
    if (inMerged.length === 0 || (inMerged.length === 1 && inMerged[0]?.key === keep.key)) continue;
    if (!inMerged.some((entry) => entry.key === keep.key)) moved += 1;
    // One entry with the summed weight, in the sub-theme of its heaviest part (the kept theme's on a tie).
    const heaviest = [...inMerged].sort((a, b) => b.weight - a.weight || themes.findIndex((t) => t.key === a.key) - themes.findIndex((t) => t.key === b.key))[0] as Entry;
    const subtheme = heaviest.subtheme === undefined ? undefined : heaviest.key === keep.key ? heaviest.subtheme : subthemeKeys.get(subthemeTally(heaviest.key, heaviest.subtheme));
    const combined: Entry = { key: keep.key, weight: inMerged.reduce((sum, entry) => sum + entry.weight, 0), ...(subtheme === undefined ? {} : { subtheme }) };
    const at = entries.findIndex((entry) => merged.has(entry.key));
    state.placements.set(id, { themes: [...entries.slice(0, at), combined, ...entries.slice(at + 1).filter((entry) => !merged.has(entry.key))] });
  }
  keep.label = step.label ?? keep.label;
  keep.terms = mergedTerms(themes);
  keep.quotes = interleavedQuotes(themes.map((theme) => theme.quotes));
  const seeds = [...new Set(themes.flatMap((theme) => theme.seeds ?? []))];
  if (seeds.length > 0) keep.seeds = seeds;
  keep.steered = true;
  state.themes = state.themes.filter((theme) => !others.includes(theme));
  const unfound = missing.length > 0 ? ` ${quoted(missing.map((ref) => ref.label))} ${missing.length === 1 ? "was" : "were"} not found.` : "";
  return applied(`Merged ${quoted(labels)} into “${keep.label}”.${unfound}`, moved, [keep.key]);
}

function splitBySubthemes(state: State, ref: ThemeRef): StepOutcome {
  const found = find(state, ref, "top");
  if (!found) return notFound(ref);
  const { theme } = found;
  if (theme.subthemes.length === 0) return nothingToDo(`“${theme.label}” has no sub-themes.`);
  const parts = theme.subthemes.map((sub): WorkTheme => ({ ...sub, steered: true, subthemes: [] }));
  const keys = new Set(parts.map((part) => part.key));
  let moved = 0;
  for (const [id, entries] of themedPlacements(state)) {
    if (!entries.some((entry) => entry.key === theme.key)) continue;
    const split = entries.map((entry): Entry => {
      if (entry.key !== theme.key) return entry;
      // A sub-theme the theme no longer has: the contribution stays in the theme itself.
      if (entry.subtheme === undefined || !keys.has(entry.subtheme)) return { key: entry.key, weight: entry.weight };
      moved += 1;
      return { key: entry.subtheme, weight: entry.weight };
    });
    state.placements.set(id, { themes: split });
  }
  theme.subthemes = [];
  theme.steered = true;
  state.themes.splice(state.themes.indexOf(theme) + 1, 0, ...parts);
  return applied(`Split “${theme.label}” into ${quoted(parts.map((part) => part.label))}.`, moved, [theme.key, ...keys]);
}

function splitBySeeds(state: State, ref: ThemeRef, parts: readonly { label: string; seeds: string[] }[]): StepOutcome {
  const found = find(state, ref, "top");
  if (!found) return notFound(ref);
  const { theme } = found;
  const members = state.documents.ordered.filter((document) => entriesOf(state, document.id)?.some((entry) => entry.key === theme.key));
  const matched = parts.map((part) => members.filter((document) => state.seeds.mentions(document, part.seeds)));
  if (matched.every((list) => list.length === 0)) return nothingToDo(`No contribution in “${theme.label}” mentions ${quoted(parts.flatMap((part) => part.seeds), "or")}.`);
  const made = parts.flatMap((part, p) => {
    const documents = matched[p] as ThemeInput[];
    if (documents.length === 0) return [];
    const seeded: WorkTheme = { ...seededTheme(state, part.label, part.seeds), quotes: state.seeds.quotes(documents, part.seeds, QUOTES_PER_THEME) };
    state.themes.push(seeded);
    return [{ theme: seeded, ids: new Set(documents.map((document) => document.id)) }];
  });
  let moved = 0;
  for (const document of members) {
    const into = made.filter((part) => part.ids.has(document.id));
    if (into.length === 0) continue;
    moved += 1;
    // Its weight in the theme, shared equally among the parts it mentions.
    const entries = entriesOf(state, document.id) as Entry[];
    state.placements.set(
      document.id,
      placed(entries.flatMap((entry) => (entry.key === theme.key ? into.map((part) => ({ key: part.theme.key, weight: entry.weight / into.length })) : [entry]))),
    );
  }
  theme.steered = true;
  const empty = parts.filter((_, p) => (matched[p] as ThemeInput[]).length === 0).map((part) => part.label);
  const none = empty.length > 0 ? ` No contribution fits ${quoted(empty)}.` : "";
  return applied(`Split ${quoted(made.map((part) => part.theme.label))} off “${theme.label}”.${none}`, moved, [theme.key, ...made.map((part) => part.theme.key)]);
}

function deleteTheme(state: State, ref: ThemeRef): StepOutcome {
  const found = find(state, ref, "any");
  if (!found) return notFound(ref);
  const { theme, parent } = found;
  let moved = 0;
  let setAside = 0;
  for (const [id, entries] of themedPlacements(state)) {
    if (parent) {
      // Out of the sub-theme, still in its theme.
      if (!entries.some((entry) => entry.key === parent.key && entry.subtheme === theme.key)) continue;
      moved += 1;
      state.placements.set(id, { themes: entries.map((entry) => (entry.key === parent.key && entry.subtheme === theme.key ? { key: entry.key, weight: entry.weight } : entry)) });
      continue;
    }
    if (!entries.some((entry) => entry.key === theme.key)) continue;
    moved += 1;
    const placement = placed(entries.filter((entry) => entry.key !== theme.key));
    if ("reason" in placement) setAside += 1;
    state.placements.set(id, placement);
  }
  if (parent) {
    parent.subthemes = parent.subthemes.filter((sub) => sub !== theme);
    parent.steered = true;
    return applied(`Deleted the sub-theme “${theme.label}” of “${parent.label}”.`, moved, [parent.key]);
  }
  state.themes = state.themes.filter((other) => other !== theme);
  const aside = setAside > 0 ? ` ${count(setAside, "contribution")} in no other theme ${setAside === 1 ? "is" : "are"} set aside.` : "";
  return applied(`Deleted “${theme.label}”.${aside}`, moved, []);
}

function addFromSeeds(state: State, label: string, seeds: string[]): StepOutcome {
  const documents = state.documents.ordered.filter((document) => state.seeds.mentions(document, seeds));
  if (documents.length === 0) return nothingToDo(`No contribution mentions ${quoted(seeds, "or")}.`);
  const theme: WorkTheme = { ...seededTheme(state, label, seeds), quotes: state.seeds.quotes(documents, seeds, QUOTES_PER_THEME) };
  for (const document of documents) state.placements.set(document.id, withShare(entriesOf(state, document.id) ?? [], theme.key));
  state.themes.push(theme);
  return applied(`Added “${label}”: ${count(documents.length, "contribution")} ${documents.length === 1 ? "mentions" : "mention"} ${quoted(seeds, "or")}.`, documents.length, [theme.key]);
}

function move(state: State, step: Extract<SteeringStep, { kind: "move" }>): StepOutcome {
  const document = state.documents.byReference.get(step.contribution);
  if (!document) return { status: "notFound", description: `${step.contribution} is not among the contributions.`, moved: 0, keys: [] };
  const from = step.from ? find(state, step.from, "top")?.theme : null;
  const to = step.to ? find(state, step.to, "top")?.theme : null;
  const missing = [from === undefined ? step.from : null, to === undefined ? step.to : null].filter((ref): ref is ThemeRef => ref !== null);
  if (missing.length > 0) return notFound(...missing);
  const name = step.contribution;
  if (from && from === to) return nothingToDo(`${name} is in “${from.label}” already.`);
  const entries = entriesOf(state, document.id) ?? [];
  const inFrom = from ? entries.find((entry) => entry.key === from.key) : undefined;
  const inTo = to ? entries.find((entry) => entry.key === to.key) : undefined;
  if (!to) {
    if (!from || !inFrom) return nothingToDo(from ? `${name} is not in “${from.label}”.` : `${name} is not in a theme to move it out of.`);
    state.placements.set(document.id, placed(entries.filter((entry) => entry !== inFrom)));
    from.steered = true;
    return applied(`Moved ${name} out of “${from.label}”.`, 1, [from.key]);
  }
  if (inFrom) {
    // Its weight in the theme it leaves goes to the theme it joins.
    const weight = inFrom.weight + (inTo?.weight ?? 0);
    state.placements.set(document.id, placed(entries.flatMap((entry) => (entry === inFrom ? (inTo ? [] : [{ key: to.key, weight }]) : entry === inTo ? [{ ...entry, weight }] : [entry]))));
  } else {
    if (inTo) return nothingToDo(`${name} is in “${to.label}” already.`);
    state.placements.set(document.id, withShare(entries, to.key));
  }
  to.steered = true;
  if (from) from.steered = true;
  const description = from && inFrom ? `Moved ${name} from “${from.label}” to “${to.label}”.` : `Moved ${name} into “${to.label}”.`;
  return applied(description, 1, from && inFrom ? [from.key, to.key] : [to.key]);
}

// What a step finds, and what it leaves.

function find(state: State, ref: ThemeRef, levels: "top" | "any"): FoundTheme | null {
  return findTheme(state.themes, ref, levels, (found) => {
    const groups = new Set<string>();
    for (const document of state.documents.ordered) {
      const inIt = entriesOf(state, document.id)?.some((entry) => (found.parent ? entry.key === found.parent.key && entry.subtheme === found.theme.key : entry.key === found.theme.key));
      if (inIt) groups.add(state.documents.groupOf(document));
    }
    return groups.size;
  });
}

function entriesOf(state: State, id: string): Entry[] | null {
  const placement = state.placements.get(id);
  return placement && "themes" in placement ? placement.themes : null;
}

/** The placements of the contributions in a theme, in id order. */
function themedPlacements(state: State): [string, Entry[]][] {
  return state.documents.ordered.flatMap((document) => {
    const entries = entriesOf(state, document.id);
    return entries ? [[document.id, entries] as [string, Entry[]]] : [];
  });
}

/** Weights summing to 1 again; in no theme left, set aside by the moderator. */
function placed(entries: readonly Entry[]): ThemePlacement {
  if (entries.length === 0) return { reason: "setAside" };
  const total = entries.reduce((sum, entry) => sum + entry.weight, 0);
  return { themes: entries.map((entry) => ({ ...entry, weight: total > 0 ? entry.weight / total : 1 / entries.length })) };
}

/** Into one more theme, with as much weight as each of its others: 1 / (n + 1). */
function withShare(entries: readonly Entry[], key: string): ThemePlacement {
  const share = 1 / (entries.length + 1);
  return placed([...entries.map((entry) => ({ ...entry, weight: entry.weight * (1 - share) })), { key, weight: share }]);
}

/** Themes and sub-themes no contribution is in any more are gone, so that no later step finds them. */
function dropEmptyThemes(state: State): void {
  const inUse = new Set<string>();
  for (const [, entries] of themedPlacements(state)) {
    for (const entry of entries) {
      inUse.add(entry.key);
      if (entry.subtheme !== undefined) inUse.add(subthemeTally(entry.key, entry.subtheme));
    }
  }
  state.themes = state.themes.filter((theme) => inUse.has(theme.key));
  for (const theme of state.themes) theme.subthemes = theme.subthemes.filter((sub) => inUse.has(subthemeTally(theme.key, sub.key)));
}

function seededTheme(state: State, label: string, seeds: string[]): WorkTheme {
  return { key: uniqueKey(state, `seeded/${slug(label) || "theme"}`), label, terms: [...seeds], quotes: [], steered: true, seeds: [...seeds], subthemes: [] };
}

function uniqueKey(state: State, base: string): string {
  const used = new Set(state.themes.flatMap((theme) => [theme.key, ...theme.subthemes.map((sub) => sub.key)]));
  let key = base;
  for (let suffix = 2; used.has(key); suffix += 1) key = `${base}-${suffix}`;
  return key;
}

/** As the engine keys its themes: lower case, accents off, words joined by hyphens. */
function slug(label: string): string {
  const words = label.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.join("-").slice(0, 60).replace(/-+$/u, "");
}

function mergedTerms(themes: readonly WorkTheme[]): string[] {
  const [first] = themes;
  const terms = [...(first?.terms ?? [])];
  const seen = new Set(terms.map((term) => term.toLowerCase()));
  const limit = Math.max(TERMS_PER_THEME, terms.length);
  for (const theme of themes.slice(1)) {
    for (const term of theme.terms) {
      if (terms.length >= limit) return terms;
      if (seen.has(term.toLowerCase())) continue;
      seen.add(term.toLowerCase());
      terms.push(term);
    }
  }
  return terms;
}

/** The first quote of each theme, then the second of each…; each sentence and each contribution once. */
function interleavedQuotes(lists: readonly ThemeQuote[][]): ThemeQuote[] {
  const quotes: ThemeQuote[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let rank = 0; rank < longest; rank += 1) {
    for (const list of lists) {
      const quote = list[rank];
      if (!quote || quotes.length >= QUOTES_PER_THEME) continue;
      if (quotes.some((other) => other.text === quote.text || other.contributionId === quote.contributionId)) continue;
      quotes.push(quote);
    }
  }
  return quotes;
}

function workTheme(theme: Theme): WorkTheme {
  return {
    key: theme.key,
    label: theme.label,
    terms: [...theme.terms],
    quotes: [...theme.quotes],
    steered: theme.steered,
    ...(theme.seeds ? { seeds: [...theme.seeds] } : {}),
    subthemes: theme.subthemes.map(workTheme),
  };
}

function copyPlacement(placement: ThemePlacement): ThemePlacement {
  return "reason" in placement ? { reason: placement.reason } : { themes: placement.themes.map((entry) => ({ ...entry })) };
}

function applied(description: string, moved: number, keys: string[]): StepOutcome {
  return { status: "applied", description, moved, keys };
}

function nothingToDo(description: string): StepOutcome {
  return { status: "nothingToDo", description, moved: 0, keys: [] };
}

function notFound(...refs: ThemeRef[]): StepOutcome {
  const names = quoted(refs.map((ref) => ref.label || ref.key));
  return { status: "notFound", description: `${names} ${refs.length === 1 ? "is" : "are"} no longer among the themes.`, moved: 0, keys: [] };
}

/** “A”, “B” and “C”. */
function quoted(labels: readonly string[], last = "and"): string {
  const names = labels.map((label) => `“${label}”`);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} ${last} ${names.at(-1)}`;
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? "" : "s"}`;
}
