import type { SummaryStatistics } from "@/lib/summaries/compute-statistics";
import type { ThemeSummary } from "@/lib/summaries/themes/types";

// The shape of everything a summary shows besides the synthesis: counted
// live by compute-summary-figures.ts, frozen as JSON into a published
// ConsultationSummary (frozen-figures.ts). Types only, so that the readers
// and the writers of figures import neither each other.

export type QuestionThemes = { questionId: string; themes: ThemeSummary };

export type SummaryThemes = {
  /** Themes of the contributions: titles, bodies and attachment text. */
  contributions: ThemeSummary;
  /** Themes of the answers to each free-text question, by position. */
  questions: QuestionThemes[];
};

export type SummaryFigures = { statistics: SummaryStatistics; themes: SummaryThemes };
