import "server-only";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DUPLICATE_REASON_MESSAGE } from "@/lib/rejection-reasons/schema";

const duplicateLabel = () => new AppError("CONFLICT", DUPLICATE_REASON_MESSAGE, { label: [DUPLICATE_REASON_MESSAGE] });

/**
 * The unique index compares labels exactly; moderators would not tell "Off
 * topic" from "off topic" in the list, so a label that differs only in case
 * counts as taken too.
 */
export async function assertLabelFree(tx: Prisma.TransactionClient, label: string, exceptId?: string): Promise<void> {
  const taken = await tx.rejectionReason.findFirst({
    where: { label: { equals: label, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) throw duplicateLabel();
}

/**
 * Runs a write and turns a duplicate label into a 409 with the message on the
 * label field: two administrators adding the same label at once both pass
 * the check above, and the unique index refuses the second. The label is the
 * table's only unique column a write can collide on (ids are generated).
 */
export async function withUniqueLabel<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateLabel();
    throw error;
  }
}
