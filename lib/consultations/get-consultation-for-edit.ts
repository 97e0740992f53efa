import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { utcToZonedTime } from "@/lib/vocabulary/time-zones";
import { consultationTextSelect } from "@/lib/consultations/get-consultation";
import { STATUS_TRANSITIONS, type ConsultationInput } from "@/lib/consultations/schema";
import { db } from "@/lib/db";
import type { ConsultationStatus } from "@/lib/generated/prisma/enums";

export type ConsultationForEdit = {
  id: string;
  slug: string;
  title: string;
  status: ConsultationStatus;
  transitions: readonly ConsultationStatus[];
  /** Any status, withdrawn included: once there is one, the questions keep their structure. */
  contributionCount: number;
  values: ConsultationInput;
};

/**
 * Administrators only: a consultation as its edit form shows it, or null.
 * Dates are given in the time zone the public pages show them in (the
 * conference's, else UTC).
 */
export async function getConsultationForEdit(id: string): Promise<ConsultationForEdit | null> {
  await requireRole("ADMIN");
  const consultation = await db.consultation.findUnique({
    where: { id },
    select: {
      ...consultationTextSelect,
      conferenceId: true,
      conference: { select: { timeZone: true } },
      questions: { orderBy: { position: "asc" }, select: { id: true, kind: true, prompt: true, helpText: true, required: true, options: true } },
      _count: { select: { contributions: true } },
    },
  });
  if (!consultation) return null;
  const timeZone = consultation.conference?.timeZone ?? "UTC";
  return {
    id: consultation.id,
    slug: consultation.slug,
    title: consultation.title,
    status: consultation.status,
    transitions: STATUS_TRANSITIONS[consultation.status],
    contributionCount: consultation._count.contributions,
    values: {
      title: consultation.title,
      slug: consultation.slug,
      summary: consultation.summary,
      body: consultation.body,
      participationRules: consultation.participationRules ?? "",
      topics: consultation.topics.join(", "),
      conferenceId: consultation.conferenceId ?? "",
      timeZone,
      opensAt: utcToZonedTime(consultation.opensAt, timeZone),
      closesAt: utcToZonedTime(consultation.closesAt, timeZone),
      questions: consultation.questions.map((question) => ({
        id: question.id,
        kind: question.kind,
        prompt: question.prompt,
        helpText: question.helpText ?? "",
        required: question.required,
        options: question.options.join("\n"),
      })),
    },
  };
}
