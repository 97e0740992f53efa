import type { Phase, QuestionKind, StakeholderType } from "@/lib/generated/prisma/enums";
import type { SummaryLinks } from "@/lib/open-data/links";

// The public records of a consultation's published summaries: the figures and
// themes frozen with a version when it was published, as the API answers them
// and the downloads contain them. Written out field by field rather than
// derived from the stored types (lib/summaries/compute-statistics.ts,
// lib/summaries/themes/types.ts), so that a field added to what a summary
// stores is not published until someone decides it should be. No internal id
// of a consultation, contribution or user: contributions are named by their
// public reference; the moderator who wrote or published a version is not named.

/** Shares are fractions from 0 to 1 of the count's whole. */
export type OpenStakeholderTypeCount = { key: StakeholderType | null; label: string; count: number; share: number };
export type OpenCountryCount = { code: string | null; name: string; count: number; share: number };
export type OpenPhaseCount = { key: Phase; label: string; count: number; share: number };
export type OpenLanguageCount = { code: string; name: string; count: number; share: number };
export type OpenOverTime = { unit: "day" | "week"; timeZone: string; points: { start: string; count: number }[] };
export type OpenChoiceCount = { option: string | null; count: number; share: number };
export type OpenScale = { min: number; max: number; average: number | null; distribution: { value: number; count: number; share: number }[] };

type OpenQuestionBase = {
  /** The question's id in the consultation's record (its questions). */
  questionId: string;
  /** 1, 2, 3… in the order the form asks them. */
  number: number;
  prompt: string;
  /** How many of the counted contributions answered it. */
  answered: number;
};

export type OpenQuestionStatistics =
  | (OpenQuestionBase & { kind: Extract<QuestionKind, "FREE_TEXT"> })
  | (OpenQuestionBase & { kind: Extract<QuestionKind, "SINGLE_CHOICE" | "MULTIPLE_CHOICE">; choices: OpenChoiceCount[] })
  | (OpenQuestionBase & { kind: Extract<QuestionKind, "SCALE">; scale: OpenScale });

export type OpenSummaryStatistics = {
  total: number;
  byStakeholderType: OpenStakeholderTypeCount[];
  byCountry: OpenCountryCount[];
  byPhase: OpenPhaseCount[];
  byLanguage: OpenLanguageCount[];
  overTime: OpenOverTime;
  questions: OpenQuestionStatistics[];
  /** When the figures were counted, at publication. */
  generatedAt: string;
};

/** A sentence of a contribution near a theme's centre; only while the contribution is still published. */
export type OpenThemeQuote = { reference: string; url: string; excerpt: string };

export type OpenTheme = {
  key: string;
  language: string;
  terms: string[];
  size: number;
  share: number;
  byStakeholderType: Record<StakeholderType, number>;
  quotes: OpenThemeQuote[];
};

export type OpenUnplacedReason = "fewInLanguage" | "noDistinctiveWords" | "smallGroup";

export type OpenThemeSummary = {
  documentCount: number;
  themes: OpenTheme[];
  unplaced: { count: number; share: number; byStakeholderType: Record<StakeholderType, number>; byReason: Record<OpenUnplacedReason, number> };
};

export type OpenQuestionThemes = { questionId: string; number: number; prompt: string; themes: OpenThemeSummary };

export type OpenSummaryThemes = { contributions: OpenThemeSummary; questions: OpenQuestionThemes[] };

/** A contribution the moderators pinned; only while it is still published. */
export type OpenSummaryHighlight = { reference: string; url: string; title: string };

export type OpenSummaryItem = {
  /** The consultation's slug. */
  consultation: string;
  version: number;
  publishedAt: string;
  /** How many approved contributions the version counts: those approved when it was published. */
  contributionCount: number;
  /** Its page on the site. */
  url: string;
  links: SummaryLinks;
};

export type OpenSummary = OpenSummaryItem & {
  /** The moderators' synthesis, in Markdown. */
  synthesis: string;
  highlights: OpenSummaryHighlight[];
  statistics: OpenSummaryStatistics;
  themes: OpenSummaryThemes;
};
