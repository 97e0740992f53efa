// The theme engine summaries used before issue 11 (decision record 0014),
// kept only as the baseline bench/theme-quality.ts scores the new one against.
import type { StakeholderType } from "@/lib/generated/prisma/enums";

/** A text to group: a contribution's title and body, or one free-text answer. */
export type ThemeDocument = {
  id: string;
  reference: string;
  text: string;
  /** ISO 639-1, as in lib/contributions/schema.ts. */
  language: string;
  stakeholderType: StakeholderType;
};

export type ThemeQuote = { contributionId: string; reference: string; excerpt: string };

export type Theme = {
  /** Stable for the same input: the language and the theme's first terms. */
  key: string;
  /** Themes are found within one language: words of different languages share no terms. */
  language: string;
  /** Its key terms as people wrote them, most characteristic first. */
  terms: string[];
  size: number;
  /** size / all documents given, from 0 to 1. */
  share: number;
  byStakeholderType: Record<StakeholderType, number>;
  /** The documents nearest to the theme's centre, each by its most characteristic sentence. */
  quotes: ThemeQuote[];
};

/**
 * Why a document is in no theme: its language has too few documents to
 * group, it shares no word with the other documents of its language (too
 * short, or only words nobody else used), or it fell in a group too small to
 * call a theme.
 */
export type UnplacedReason = "fewInLanguage" | "noDistinctiveWords" | "smallGroup";

export type UnplacedDocuments = {
  count: number;
  share: number;
  byStakeholderType: Record<StakeholderType, number>;
  byReason: Record<UnplacedReason, number>;
};

/** Plain data, ready to be stored as JSON: no list of members, however large a theme. */
export type ThemeSummary = {
  documentCount: number;
  /** Largest first. */
  themes: Theme[];
  unplaced: UnplacedDocuments;
};

export type ThemeOptions = {
  /** Default 8. */
  maxThemesPerLanguage?: number;
  /** Default 8. */
  termsPerTheme?: number;
  /** Default 3. */
  quotesPerTheme?: number;
  /** Characters of a quote's excerpt, "…" included; default 200. */
  excerptLength?: number;
};
