import "server-only";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { WITHDRAWABLE_STATUSES } from "@/lib/contributions/author-view";
import { withdrawContributionSchema } from "@/lib/contributions/withdraw-schema";

export type WithdrawResult = { reference: string; status: "WITHDRAWN" };

/**
 * The author takes back their own contribution, pending or published: it
 * becomes WITHDRAWN, its version moves on and the log records it, in one
 * transaction. Withdrawing one that is already withdrawn (a double click, a
 * second tab) changes nothing and answers the same. Someone else's
 * contribution is "not found", as on every page.
 */
export async function withdrawContribution(input: unknown): Promise<WithdrawResult> {
  const user = await requireUser();
  const { reference } = parseInput(withdrawContributionSchema, input);
  const done: WithdrawResult = { reference, status: "WITHDRAWN" };
  return db.$transaction(async (tx) => {
    const contribution = await tx.contribution.findFirst({
      where: { reference, authorId: user.id },
      select: { id: true, status: true, version: true },
    });
    if (!contribution) throw notFound("This contribution");
    if (contribution.status === "WITHDRAWN") return done;
    if (!WITHDRAWABLE_STATUSES.has(contribution.status)) {
      throw new AppError("INVALID_STATE", "Only a contribution that is pending or published can be withdrawn.");
    }
    // Conditional on what we read: a moderator's decision or the other click
    // of a double click that got here first makes this one match nothing.
    const { count } = await tx.contribution.updateMany({
      where: { id: contribution.id, authorId: user.id, status: contribution.status, version: contribution.version },
      data: { status: "WITHDRAWN", version: { increment: 1 }, awaitingSince: null },
    });
    if (count !== 1) {
      const now = await tx.contribution.findUnique({ where: { id: contribution.id }, select: { status: true } });
      if (now?.status === "WITHDRAWN") return done;
      throw new AppError("CONFLICT", "This contribution changed just now (a moderator may have decided on it). Reload the page and try again.");
    }
    await tx.moderationEvent.create({
      data: {
        contributionId: contribution.id,
        actorId: user.id,
        subjectUserId: user.id,
        action: "WITHDRAW",
        fromStatus: contribution.status,
        toStatus: "WITHDRAWN",
      },
    });
    return done;
  });
}
