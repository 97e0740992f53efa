import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { CONSULTATION_STATUS_LABELS } from "@/lib/vocabulary/statuses";
import { canChangeStatus, changeConsultationStatusSchema } from "@/lib/consultations/schema";
import { db } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import type { ConsultationStatus } from "@/lib/generated/prisma/enums";

export type StatusChange = { id: string; slug: string; previousStatus: ConsultationStatus; status: ConsultationStatus; changed: boolean };

const VERBS: Record<ConsultationStatus, string> = { DRAFT: "turn back into a draft", OPEN: "open", CLOSED: "close", ARCHIVED: "archive" };

const WHAT_IS_ALLOWED: Record<ConsultationStatus, string> = {
  DRAFT: "A draft can only be opened.",
  OPEN: "An open consultation can only be closed.",
  CLOSED: "A closed consultation can be archived, or reopened.",
  ARCHIVED: "Archiving is final.",
};

/** Why a consultation cannot be opened (or reopened) now; empty when it can. */
function openingProblems(consultation: { summary: string; opensAt: Date; closesAt: Date }, now: Date): string[] {
  const problems: string[] = [];
  if (consultation.summary.trim() === "") problems.push("Write a summary first: it is shown in every list.");
  if (consultation.closesAt.getTime() <= consultation.opensAt.getTime()) problems.push("Its closing date must be after its opening date.");
  else if (consultation.closesAt.getTime() <= now.getTime()) problems.push("Its closing date has passed: move it later first.");
  return problems;
}

/**
 * Administrators only. Moves a consultation along draft → open → closed →
 * archived (or closed → open again, see STATUS_TRANSITIONS). Asking for the
 * status it already has changes nothing, so a double click is harmless.
 */
export async function changeConsultationStatus(input: unknown): Promise<StatusChange> {
  await requireRole("ADMIN");
  const { id, status } = parseInput(changeConsultationStatusSchema, input);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const consultation = await tx.consultation.findUnique({
      where: { id },
      select: { slug: true, status: true, summary: true, opensAt: true, closesAt: true },
    });
    if (!consultation) throw notFound("This consultation");
    const from = consultation.status;
    if (from === status) return { id, slug: consultation.slug, previousStatus: from, status, changed: false };
    if (!canChangeStatus(from, status)) {
      throw new AppError(
        "INVALID_STATE",
        `You cannot ${VERBS[status]} a consultation that is ${CONSULTATION_STATUS_LABELS[from].toLowerCase()}. ${WHAT_IS_ALLOWED[from]}`,
      );
    }
    if (status === "OPEN") {
      const problems = openingProblems(consultation, now);
      if (problems.length > 0) throw new AppError("INVALID_STATE", `This consultation cannot be opened yet. ${problems.join(" ")}`);
    }
    // Conditional on the status read above: of two administrators acting at
    // once, the second gets a message instead of a transition from a status
    // the consultation no longer has.
    const { count } = await tx.consultation.updateMany({ where: { id, status: from }, data: { status } });
    if (count !== 1) throw new AppError("CONFLICT", "Someone else changed this consultation just now. Reload the page and try again.");
    return { id, slug: consultation.slug, previousStatus: from, status, changed: true };
  });
}
