import "server-only";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { visibleContributionsWhere } from "@/lib/contributions/visibility";
import { ALREADY_REPORTED_MESSAGE, flagContributionSchema } from "@/lib/flags/schema";

export type FlagResult = { reference: string };

const alreadyReported = () => new AppError("CONFLICT", ALREADY_REPORTED_MESSAGE);

const notPublished = () => new AppError("INVALID_STATE", "Only published contributions can be reported.");

/**
 * A signed-in user reports a published contribution that is not their own,
 * once per contribution (Flag's unique key). The report and the
 * contribution's count of open reports change together.
 */
export async function flagContribution(input: unknown): Promise<FlagResult> {
  const user = await requireUser();
  const { reference, reason, comment } = parseInput(flagContributionSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const contribution = await tx.contribution.findFirst({
        where: { AND: [{ reference }, visibleContributionsWhere(user)] },
        select: { id: true, authorId: true, status: true },
      });
      if (!contribution) throw notFound("This contribution");
      if (contribution.authorId === user.id) throw new AppError("FORBIDDEN", "You cannot report your own contribution.");
      if (contribution.status !== "APPROVED") throw notPublished();
      const existing = await tx.flag.findUnique({
        where: { contributionId_userId: { contributionId: contribution.id, userId: user.id } },
        select: { id: true },
      });
      if (existing) throw alreadyReported();
      const now = new Date();
      await tx.flag.create({ data: { contributionId: contribution.id, userId: user.id, reason, comment: comment ?? null, createdAt: now } });
      // A published contribution with an open report goes back to the
      // moderation queue, waiting since its first open report. What was read
      // above may be stale by now (a moderator hid it or dismissed its
      // reports, its author withdrew it, and committed), so the write decides
      // on the row as it is once locked: still published, or nothing and the
      // report is undone with the transaction; waiting since now unless it
      // already waits. (Locking the row first with SELECT … FOR UPDATE would
      // do too, at one more statement and the lock held over the checks.)
      // Timestamps are UTC without a zone: the ISO string keeps its UTC wall time.
      const at = Prisma.sql`${now.toISOString()}::timestamp(3)`;
      const counted = await tx.$executeRaw`
        UPDATE "Contribution"
        SET "openFlagCount" = "openFlagCount" + 1, "awaitingSince" = COALESCE("awaitingSince", ${at}), "updatedAt" = ${at}
        WHERE "id" = ${contribution.id} AND "status" = 'APPROVED'::"ContributionStatus"`;
      if (counted !== 1) throw notPublished();
      return { reference };
    });
  } catch (error) {
    // Two reports racing past the check above: the unique key lets one in.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw alreadyReported();
    throw error;
  }
}
