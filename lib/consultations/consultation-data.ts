import "server-only";
import { checkedZonedTimeToUtc } from "@/lib/vocabulary/time-zones";
import type { ConsultationValues, QuestionValues } from "@/lib/consultations/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

type Tx = Prisma.TransactionClient;

/** The row a checked consultation form describes: local times become UTC instants, blanks become nulls. */
export function consultationData(values: ConsultationValues) {
  return {
    title: values.title,
    slug: values.slug,
    summary: values.summary,
    body: values.body,
    participationRules: values.participationRules === "" ? null : values.participationRules,
    topics: values.topics,
    conferenceId: values.conferenceId === "" ? null : values.conferenceId,
    opensAt: checkedZonedTimeToUtc(values.opensAt, values.timeZone),
    closesAt: checkedZonedTimeToUtc(values.closesAt, values.timeZone),
  };
}

export function questionData(question: QuestionValues, position: number) {
  return {
    position,
    kind: question.kind,
    prompt: question.prompt,
    helpText: question.helpText === "" ? null : question.helpText,
    required: question.required,
    options: question.options,
  };
}

/** A linked conference must exist; a forged or deleted id is a field error, not a foreign-key failure. */
export async function assertConferenceExists(tx: Tx, conferenceId: string): Promise<void> {
  if (conferenceId === "") return;
  const conference = await tx.conference.findUnique({ where: { id: conferenceId }, select: { id: true } });
  if (!conference) {
    throw new AppError("VALIDATION", "Please correct the highlighted fields.", { conferenceId: ["Choose a conference from the list."] });
  }
}
