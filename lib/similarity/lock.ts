import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Grouping in one consultation is one at a time, until the transaction ends:
 * two submissions that match the same ungrouped contribution would otherwise
 * each make a group of their own around it.
 */
export async function lockConsultationGroups(tx: Prisma.TransactionClient, consultationId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`similarity:${consultationId}`}, 0))::text`;
}
