import { applySteering, type StepOutcome } from "@/lib/summaries/steering/apply-steering";
import type { Steering } from "@/lib/summaries/steering/schema";
import { findThemes } from "@/lib/summaries/themes/engine/find-themes";
import type { EngineResult, EngineTheme, ThemeInput } from "@/lib/summaries/themes/engine/types";
import type { Theme, ThemePlacement, ThemeSummary } from "@/lib/summaries/themes/types";
import type { SummaryThemes } from "@/lib/summaries/summary-figures";

// The whole CPU part of a consultation's themes, as plain data ready to be
// stored as JSON (ThemeComputation) and sent between processes: the engine
// on the contributions and on each free-text question's answers, then the
// moderators' steering on the contributions' themes. It runs in the theme
// child process (theme-child.ts), never on the server's event loop.

export type StoredPlacements = {
  contributions: Record<string, ThemePlacement>;
  answers: Record<string, Record<string, ThemePlacement>>;
};

/** `outcomes`: what became of each steering step, in order. */
export type ConsultationThemes = { themes: SummaryThemes; placements: StoredPlacements; outcomes: StepOutcome[] };

export type ConsultationThemeRequest = {
  contributions: ThemeInput[];
  answers: { questionId: string; inputs: ThemeInput[] }[];
  /** Applied to the contributions' themes; the answers' themes are the engine's. */
  steering: Steering;
};

/** Progress from 0 to 1 over the contributions and every question, weighted by their number of texts. */
export function computeConsultationThemes(request: ConsultationThemeRequest, onProgress?: (fraction: number) => void): ConsultationThemes {
  const sets = [request.contributions, ...request.answers.map((question) => question.inputs)];
  const total = Math.max(1, sets.reduce((sum, inputs) => sum + inputs.length, 0));
  let done = 0;
  const run = (inputs: ThemeInput[]) => {
    const before = done;
    const result = findThemes(inputs, { onProgress: (fraction) => onProgress?.((before + fraction * inputs.length) / total) });
    done += inputs.length;
    return fromEngine(result);
  };
  const found = run(request.contributions);
  // No steps: the engine's themes as they are, not counted again.
  const contributions = request.steering.length === 0 ? { ...found, outcomes: [] } : steer(found, request.steering, request.contributions);
  const questions = request.answers.map((question) => ({ questionId: question.questionId, ...run(question.inputs) }));
  onProgress?.(1);
  return {
    themes: { contributions: contributions.summary, questions: questions.map((question) => ({ questionId: question.questionId, themes: question.summary })) },
    placements: {
      contributions: contributions.placements,
      answers: Object.fromEntries(questions.map((question) => [question.questionId, question.placements])),
    },
    outcomes: contributions.outcomes,
  };
}

type Found = ReturnType<typeof fromEngine>;

function steer(found: Found, steering: Steering, documents: ThemeInput[]): Found & { outcomes: StepOutcome[] } {
  const steered = applySteering({ summary: found.summary, placements: new Map(Object.entries(found.placements)) }, steering, documents);
  return { summary: steered.summary, placements: Object.fromEntries(steered.placements), outcomes: steered.outcomes };
}

/** The engine's result as a summary stores it: nothing steered yet, "set aside" counted at zero. */
export function fromEngine(result: EngineResult): { summary: ThemeSummary; placements: Record<string, ThemePlacement> } {
  return {
    summary: {
      documentCount: result.contributionCount,
      groupCount: result.groupCount,
      themes: result.themes.map(toTheme),
      notThemed: { ...result.notThemed, byReason: { ...result.notThemed.byReason, setAside: 0 } },
    },
    placements: Object.fromEntries(result.placements),
  };
}

function toTheme(theme: EngineTheme): Theme {
  return { ...theme, quotes: theme.quotes.map((quote) => ({ ...quote })), subthemes: theme.subthemes.map(toTheme), steered: false };
}
