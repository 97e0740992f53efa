import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StakeholderType } from "@/lib/generated/prisma/enums";
import { computeStatistics, subsetSql, type StatisticsClient, type SummaryStatistics } from "@/lib/summaries/compute-statistics";
import type { SummaryFilters } from "@/lib/summaries/filter-schema";
import { computeThemes } from "@/lib/summaries/themes/compute-themes";
import type { ThemeDocument, ThemeSummary } from "@/lib/summaries/themes/types";

// Everything a summary shows besides the synthesis: the figures, counted by
// PostgreSQL, and the themes, found here from the texts. The same value is
// frozen as JSON into a published ConsultationSummary.

export type QuestionThemes = { questionId: string; themes: ThemeSummary };

export type SummaryThemes = {
  /** Themes of the contributions' titles and bodies. */
  contributions: ThemeSummary;
  /** Themes of the answers to each free-text question, by position. */
  questions: QuestionThemes[];
};

export type SummaryFigures = { statistics: SummaryStatistics; themes: SummaryThemes };

/** Live: the contributions approved now. Published: those frozen with that version. */
export type SummaryPopulation = { kind: "live"; consultationId: string } | { kind: "published"; consultationId: string; summaryId: string };

type DocumentRow = {
  id: string;
  reference: string;
  title: string;
  body: string;
  language: string;
  stakeholderType: StakeholderType | null;
  answers: Prisma.JsonValue;
};

export async function computeSummaryFigures(client: StatisticsClient, population: SummaryPopulation, filters: SummaryFilters): Promise<SummaryFigures> {
  const summaryId = population.kind === "published" ? population.summaryId : undefined;
  const statistics = await computeStatistics(client, population.consultationId, filters, summaryId ? { summaryId } : {});
  const { from, where } = subsetSql(population.consultationId, statistics.filters, summaryId);
  // Only the columns the themes read; ordered so that what the theme engine
  // sees does not depend on the plan PostgreSQL picked.
  const rows = await client.$queryRaw<DocumentRow[]>`
    SELECT c."id", c."reference", c."title", c."body", c."language", p."stakeholderType"::text AS "stakeholderType", c."answers"
    ${from} ${where}
    ORDER BY c."id"`;

  const freeText = statistics.questions.filter((question) => question.kind === "FREE_TEXT");
  const contributions = computeThemes(rows.map((row) => toDocument(row, `${row.title}\n\n${row.body}`)));
  const questions = freeText.map((question) => ({
    questionId: question.questionId,
    themes: computeThemes(
      rows.flatMap((row) => {
        const answer = answerText(row.answers, question.questionId);
        return answer ? [toDocument(row, answer)] : [];
      }),
    ),
  }));
  return { statistics, themes: { contributions, questions } };
}

function toDocument(row: DocumentRow, text: string): ThemeDocument {
  // Authors without a stakeholder profile (accounts made before profiles
  // were required) count as "Other" in a theme's spread.
  return { id: row.id, reference: row.reference, text, language: row.language, stakeholderType: row.stakeholderType ?? "OTHER" };
}

function answerText(answers: Prisma.JsonValue, questionId: string): string | null {
  if (answers === null || typeof answers !== "object" || Array.isArray(answers)) return null;
  const value = answers[questionId];
  return typeof value === "string" && value.trim() !== "" ? value : null;
}
