import "server-only";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { applyTransition } from "@/lib/contributions/lifecycle/apply-transition";
import { lifecycleSelect } from "@/lib/contributions/lifecycle/lifecycle-row";
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
      const contribution = await tx.contribution.findFirst({ where: { AND: [{ reference }, visibleContributionsWhere(user)] }, select: lifecycleSelect });
      if (!contribution) throw notFound("This contribution");
      // What was read above may be stale by the time the count is written (a
      // moderator hid it or dismissed its reports, its author withdrew it, and
      // committed): the transition's one conditional UPDATE decides on the row
      // as it is once locked, still published or nothing, and the report is
      // then undone with the transaction. (Locking the row first with SELECT …
      // FOR UPDATE would do too, at one more statement and the lock held over
      // the checks.)
      await applyTransition(tx, {
        action: "REPORT",
        contribution,
        actor: user,
        beforeWrite: async (now) => {
          const existing = await tx.flag.findUnique({
            where: { contributionId_userId: { contributionId: contribution.id, userId: user.id } },
            select: { id: true },
          });
          if (existing) throw alreadyReported();
          await tx.flag.create({ data: { contributionId: contribution.id, userId: user.id, reason, comment: comment ?? null, createdAt: now } });
        },
      });
      return { reference };
    });
  } catch (error) {
    // Two reports racing past the check above: the unique key lets one in.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw alreadyReported();
    throw error;
  }
}
