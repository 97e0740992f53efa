import type { PrismaClient } from "@/lib/generated/prisma/client";

// The reasons a moderator picks from when rejecting or hiding a contribution.
// Admins can edit the list; the seed only adds labels that are missing.
export const DEFAULT_REJECTION_REASONS = [
  "Off topic",
  "Offensive or abusive language",
  "Contains personal data",
  "Spam or advertising",
  "Duplicate",
] as const;

export async function seedRejectionReasons(db: PrismaClient): Promise<number> {
  const { count } = await db.rejectionReason.createMany({
    data: DEFAULT_REJECTION_REASONS.map((label, index) => ({ label, position: index + 1 })),
    skipDuplicates: true,
  });
  return count;
}
