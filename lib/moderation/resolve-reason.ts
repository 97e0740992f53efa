import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * What the author is told: the label of a listed reason, the moderator's
 * words, or both. An unknown or retired reason is refused on its field.
 */
export async function resolveReason(tx: Prisma.TransactionClient, input: { reasonId?: string; reasonText?: string }): Promise<string> {
  let label: string | undefined;
  if (input.reasonId) {
    const listed = await tx.rejectionReason.findUnique({ where: { id: input.reasonId }, select: { label: true, active: true } });
    if (!listed) throw reasonError("Choose a reason from the list.");
    if (!listed.active) throw reasonError("This reason is no longer offered. Choose another one or explain in your own words.");
    label = listed.label;
  }
  const text = input.reasonText;
  if (label && text) return `${label}: ${text}`;
  const reason = label ?? text;
  // The schemas ask for one of the two already; this keeps a caller that skips them honest.
  if (!reason) throw reasonError("Choose a reason from the list or explain the decision to the author.");
  return reason;
}

function reasonError(message: string): AppError {
  return new AppError("VALIDATION", "Please correct the highlighted fields.", { reasonId: [message] });
}
