import type { StakeholderType } from "@/lib/generated/prisma/enums";
import type { NotThemedReason as EngineNotThemedReason, TextSource, ThemeGroup } from "@/lib/summaries/themes/engine/types";

// The themes a summary shows and freezes (figures format 5,
// lib/summaries/frozen-figures.ts): what the engine found
// (themes/engine/types.ts), with the moderators' steering applied
// (lib/summaries/steering). Plain data, stored as JSON.

export type { TextSource, ThemeGroup } from "@/lib/summaries/themes/engine/types";

export type ThemeQuote = {
  contributionId: string;
  reference: string;
  /** A whole sentence, exactly as in its source. */
  text: string;
  /** Where the sentence is: title, body, or an attachment's page. Null for versions published before sources were kept (formats 1 to 4). */
  source: TextSource | null;
};

export type Theme = {
  /** Stable for the same input and steering; sub-themes' keys start with their theme's key and "/". */
  key: string;
  /** A phrase people use ("facial recognition"). */
  label: string;
  /** Its characteristic words and phrases as written, most characteristic first. */
  terms: string[];
  /** Contributions in it, each group of near-identical texts counted once. */
  size: number;
  /** Contributions in it, every member of a group counted. */
  contributionCount: number;
  /** size / ThemeSummary.groupCount. */
  share: number;
  /** Of `size`, by language code. */
  languages: Record<string, number>;
  byStakeholderType: Record<StakeholderType, number>;
  /** Groups of near-identical texts with two or more members in this theme, largest first. */
  groups: ThemeGroup[];
  quotes: ThemeQuote[];
  /** One level down; a sub-theme has none. */
  subthemes: Theme[];
  /** True when a moderator's steering made or changed it (renamed, merged, split, added, members moved). */
  steered: boolean;
  /** The seed words of a theme a moderator added from seed words. */
  seeds?: string[];
};

/**
 * Why a contribution is in no theme: the engine's reasons
 * (themes/engine/types.ts), and "setAside" when a moderator deleted its
 * only theme or moved it out.
 */
export type NotThemedReason = EngineNotThemedReason | "setAside";

export const NOT_THEMED_REASONS: readonly NotThemedReason[] = ["onlyBoilerplate", "tooLittleText", "belongsNowhere", "fewInLanguage", "setAside"];

export type NotThemed = {
  /** Counted like themes: each group of near-identical texts once. */
  count: number;
  share: number;
  byStakeholderType: Record<StakeholderType, number>;
  byReason: Record<NotThemedReason, number>;
};

/** Plain data, ready to be stored as JSON: no list of members, however large a theme. */
export type ThemeSummary = {
  /** Contributions (or answers) given. */
  documentCount: number;
  /** Groups of near-identical texts among them, singletons included: what shares are of. */
  groupCount: number;
  /** Largest first. */
  themes: Theme[];
  notThemed: NotThemed;
};

/**
 * Where one contribution (or answer) is: its top-level themes with weights
 * summing to 1, each with the sub-theme it is in when the theme has
 * sub-themes; or why it is in none.
 */
export type ThemePlacement = { themes: { key: string; weight: number; subtheme?: string }[] } | { reason: NotThemedReason };
