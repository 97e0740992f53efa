import "server-only";
import { effectiveLanguageSql } from "@/lib/language/effective-language-sql";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StakeholderType } from "@/lib/generated/prisma/enums";
import { computeStatistics, inSnapshot, subsetSql, type SummaryStatistics } from "@/lib/summaries/compute-statistics";
import type { SummaryFilters } from "@/lib/summaries/filter-schema";
import { assignThemes, type ThemeAssignment } from "@/lib/summaries/themes/assign-themes";
import type { ThemeDocument, ThemeSummary, UnplacedReason } from "@/lib/summaries/themes/types";

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

/**
 * Where the theme engine put each contribution (and each free-text answer,
 * by question), by contribution id: a theme key, or "unplaced:<reason>".
 */
export type ThemePlacement = { contributions: Map<string, string>; answers: Map<string, Map<string, string>> };

const UNPLACED_PREFIX = "unplaced:";

export function unplacedReasonOf(placement: string): UnplacedReason | null {
  if (!placement.startsWith(UNPLACED_PREFIX)) return null;
  const reason = placement.slice(UNPLACED_PREFIX.length);
  return reason === "fewInLanguage" || reason === "noDistinctiveWords" || reason === "smallGroup" ? reason : null;
}

function placementsOf(assignment: ThemeAssignment): Map<string, string> {
  const placements = new Map(assignment.themeKeyById);
  for (const [id, reason] of assignment.unplacedReasonById) placements.set(id, `${UNPLACED_PREFIX}${reason}`);
  return placements;
}

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

export async function computeSummaryFigures(population: SummaryPopulation, filters: SummaryFilters): Promise<SummaryFigures> {
  const { figures } = await computeSummaryFiguresWithPlacement(population, filters);
  return figures;
}

/**
 * The figures, and where each text went: publishing stores the placement
 * with the frozen contributions, and reads in its own transaction (given)
 * what it freezes.
 */
export async function computeSummaryFiguresWithPlacement(
  population: SummaryPopulation,
  filters: SummaryFilters,
  transaction?: Prisma.TransactionClient,
): Promise<{ figures: SummaryFigures; placement: ThemePlacement }> {
  const summaryId = population.kind === "published" ? population.summaryId : undefined;
  // The figures and the texts from one snapshot, so the themes cover exactly
  // the contributions counted; the themes themselves are found after the
  // transaction, which then holds no connection while the CPU works.
  const read = async (tx: Prisma.TransactionClient) => {
    const statistics = await computeStatistics(population.consultationId, filters, { ...(summaryId ? { summaryId } : {}), transaction: tx });
    const { from, where } = subsetSql(population.consultationId, statistics.filters, summaryId);
    // Only the columns the themes read; ordered so that what the theme
    // engine sees does not depend on the plan PostgreSQL picked.
    const rows = await tx.$queryRaw<DocumentRow[]>`
      SELECT c."id", c."reference", c."title", c."body", ${effectiveLanguageSql()} AS "language", p."stakeholderType"::text AS "stakeholderType", c."answers"
      ${from} ${where}
      ORDER BY c."id"`;
    return { statistics, rows };
  };
  const { statistics, rows } = transaction ? await read(transaction) : await inSnapshot(read);

  const byContribution = assignThemes(rows.map((row) => toDocument(row, `${row.title}\n\n${row.body}`)));
  const answers = new Map<string, Map<string, string>>();
  const questions = statistics.questions
    .filter((question) => question.kind === "FREE_TEXT")
    .map((question) => {
      const assignment = assignThemes(
        rows.flatMap((row) => {
          const answer = answerText(row.answers, question.questionId);
          return answer ? [toDocument(row, answer)] : [];
        }),
      );
      answers.set(question.questionId, placementsOf(assignment));
      return { questionId: question.questionId, themes: summaryOf(assignment) };
    });
  return {
    figures: { statistics, themes: { contributions: summaryOf(byContribution), questions } },
    placement: { contributions: placementsOf(byContribution), answers },
  };
}

function summaryOf({ documentCount, themes, unplaced }: ThemeAssignment): ThemeSummary {
  return { documentCount, themes, unplaced };
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
