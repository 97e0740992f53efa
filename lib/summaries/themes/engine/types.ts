import type { StakeholderType } from "@/lib/generated/prisma/enums";

// What the theme engine reads and what it gives (decision record 0014).
// Plain data: the engine runs off the request path (a child process) and its
// result is frozen as JSON with a published summary.

/** Where a piece of text comes from: quotes link back to it. */
export type TextSource = { kind: "title" } | { kind: "body" } | { kind: "attachment"; attachmentId: string; fileName: string; page: number };

/** One piece of a contribution's text in its own language: its title, its body, one page of an attachment. */
export type TextPart = { text: string; language: string; source: TextSource };

export type ThemeInput = {
  id: string;
  reference: string;
  stakeholderType: StakeholderType;
  /** Its group of identical or near-identical texts (lib/similarity): a group counts once. */
  groupId: string | null;
  parts: TextPart[];
};

export type EngineQuote = {
  contributionId: string;
  reference: string;
  /** A whole sentence, exactly as in its source (a substring of that part's text). */
  text: string;
  source: TextSource;
};

/** A group of near-identical texts inside a theme, with its size. */
export type ThemeGroup = { groupId: string; size: number };

export type EngineTheme = {
  /** Stable for the same input. */
  key: string;
  /** A phrase people use ("facial recognition"), in the theme's largest language. */
  label: string;
  /** Its characteristic words and phrases as written, most characteristic first. */
  terms: string[];
  /** Contributions in it, each group of near-identical texts counted once. */
  size: number;
  /** Contributions in it, every member of a group counted. */
  contributionCount: number;
  /** size / all groups given. */
  share: number;
  /** Of `size`, by language of the contribution's text. */
  languages: Record<string, number>;
  byStakeholderType: Record<StakeholderType, number>;
  /** Groups of near-identical texts with two or more members in this theme, largest first. */
  groups: ThemeGroup[];
  quotes: EngineQuote[];
  /** One level down; a sub-theme has none. */
  subthemes: EngineTheme[];
};

/**
 * Why a contribution is in no theme: its text is boilerplate only (cover
 * note, greeting, introduction); it has too little text to place; it shares
 * too little with any theme; its language has too few contributions and it
 * shares no term (acronym, article, cognate) with a theme.
 */
export type NotThemedReason = "onlyBoilerplate" | "tooLittleText" | "belongsNowhere" | "fewInLanguage";

export const NOT_THEMED_REASONS: readonly NotThemedReason[] = ["onlyBoilerplate", "tooLittleText", "belongsNowhere", "fewInLanguage"];

export type NotThemed = {
  count: number;
  share: number;
  byStakeholderType: Record<StakeholderType, number>;
  byReason: Record<NotThemedReason, number>;
};

/**
 * A contribution's place: its themes with weights (summing to 1), each with
 * the sub-theme it is in when the theme has sub-themes; or why it has none.
 */
export type Placement = { themes: { key: string; weight: number; subtheme?: string }[] } | { reason: NotThemedReason };

export type EngineResult = {
  /** All contributions given. */
  contributionCount: number;
  /** Groups of near-identical texts given, singletons included: what shares are of. */
  groupCount: number;
  /** Largest first. */
  themes: EngineTheme[];
  notThemed: NotThemed;
  /** By contribution id: every contribution given. */
  placements: Map<string, Placement>;
  /** Sentences left out of the theme vectors as boilerplate, by kind (for the decision record and the bench). */
  boilerplate: { repeated: number; frame: number; pageFurniture: number };
};

export type EngineOptions = {
  /** Most themes at the top level; default 12. */
  maxThemes?: number;
  /** Default 8. */
  termsPerTheme?: number;
  /** Default 3. */
  quotesPerTheme?: number;
  /** Called with a fraction from 0 to 1 as the work goes on. */
  onProgress?: (fraction: number, stage: string) => void;
};
