import "server-only";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { visibleContributionsWhere } from "@/lib/contributions/visibility";
import { ALREADY_REPORTED_MESSAGE, flagContributionSchema } from "@/lib/flags/schema";

export type FlagResult = { reference: string };

const alreadyReported = () => new AppError("CONFLICT", ALREADY_REPORTED_MESSAGE);

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
        select: { id: true, authorId: true, status: true, awaitingSince: true },
      });
      if (!contribution) throw notFound("This contribution");
      if (contribution.authorId === user.id) throw new AppError("FORBIDDEN", "You cannot report your own contribution.");
      if (contribution.status !== "APPROVED") throw new AppError("INVALID_STATE", "Only published contributions can be reported.");
      const existing = await tx.flag.findUnique({
        where: { contributionId_userId: { contributionId: contribution.id, userId: user.id } },
        select: { id: true },
      });
      if (existing) throw alreadyReported();
      await tx.flag.create({ data: { contributionId: contribution.id, userId: user.id, reason, comment: comment ?? null } });
      // A published contribution with an open report goes back to the
      // moderation queue, waiting since its first open report.
      await tx.contribution.update({
        where: { id: contribution.id },
        data: { openFlagCount: { increment: 1 }, ...(contribution.awaitingSince ? {} : { awaitingSince: new Date() }) },
      });
      return { reference };
    });
  } catch (error) {
    // Two reports racing past the check above: the unique key lets one in.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw alreadyReported();
    throw error;
  }
}
