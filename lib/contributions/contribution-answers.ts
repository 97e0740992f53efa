import type { Prisma } from "@/lib/generated/prisma/client";
import type { QuestionKind } from "@/lib/generated/prisma/enums";
import type { AnswerValue } from "@/lib/contributions/schema";

// A contribution's stored answers as its readers see them: one per question
// of its consultation that it answered, in the consultation's order. Shared
// by the contribution's page and the moderators' review page.

export type AnsweredQuestion = { id: string; prompt: string; kind: QuestionKind };

export type ContributionAnswer = { questionId: string; prompt: string; kind: QuestionKind; value: AnswerValue };

function isAnswerValue(value: unknown): value is AnswerValue {
  return (
    typeof value === "string" ||
    (typeof value === "number" && Number.isFinite(value)) ||
    (Array.isArray(value) && value.every((item) => typeof item === "string"))
  );
}

function isEmptyAnswer(value: AnswerValue): boolean {
  return typeof value === "string" ? value.trim() === "" : Array.isArray(value) ? value.length === 0 : false;
}

export function toContributionAnswers(stored: Prisma.JsonValue, questions: readonly AnsweredQuestion[]): ContributionAnswer[] {
  const byQuestion = typeof stored === "object" && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const answers: ContributionAnswer[] = [];
  for (const question of questions) {
    const value = byQuestion[question.id];
    if (isAnswerValue(value) && !isEmptyAnswer(value)) answers.push({ questionId: question.id, prompt: question.prompt, kind: question.kind, value });
  }
  return answers;
}
