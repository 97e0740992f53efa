import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConsultationStatus } from "@/lib/generated/prisma/enums";
import { consultationOpenState, type OpenState } from "@/lib/consultations/open-state";
import { closedConsultationMessage } from "@/lib/contributions/open-state";
import type { QuestionSpec } from "@/lib/contributions/schema";

// What the contribution rules need to know about a consultation, read in the
// same shape by the form's page, the submission and the edit.

export const consultationForContributionSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  participationRules: true,
  status: true,
  opensAt: true,
  closesAt: true,
  conference: { select: { slug: true, title: true, timeZone: true, startsAt: true, endsAt: true } },
  questions: {
    orderBy: { position: "asc" },
    select: { id: true, kind: true, prompt: true, helpText: true, required: true, options: true },
  },
} satisfies Prisma.ConsultationSelect;

type Row = Prisma.ConsultationGetPayload<{ select: typeof consultationForContributionSelect }>;

export type ContributionQuestion = QuestionSpec & { helpText: string | null };

export type ConsultationForContribution = Omit<Row, "questions"> & {
  status: ConsultationStatus;
  questions: ContributionQuestion[];
  /** The conference's time zone, else UTC: dates on the form are shown in it. */
  timeZone: string;
};

export function toConsultationForContribution(row: Row): ConsultationForContribution {
  return { ...row, timeZone: row.conference?.timeZone ?? "UTC" };
}

export type Openness = { state: OpenState; message: string | null };

/** Whether it takes contributions at `now` (the server's clock), and if not, why in words. */
export function opennessAt(consultation: ConsultationForContribution, now: Date): Openness {
  const state = consultationOpenState(consultation, now);
  return { state, message: state.open ? null : closedConsultationMessage(state.reason, consultation, now) };
}
