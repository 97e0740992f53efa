import "server-only";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { notFound, parseInput } from "@/lib/errors";
import { applyTransition } from "@/lib/contributions/lifecycle/apply-transition";
import { lifecycleSelect } from "@/lib/contributions/lifecycle/lifecycle-row";
import { withdrawContributionSchema } from "@/lib/contributions/withdraw-schema";
import { fingerprintAndGroup } from "@/lib/similarity/fingerprint-and-group";

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
  await db.$transaction(async (tx) => {
    const contribution = await tx.contribution.findFirst({ where: { reference, authorId: user.id }, select: lifecycleSelect });
    if (!contribution) throw notFound("This contribution");
    await applyTransition(tx, { action: "WITHDRAW", contribution, actor: user });
    await fingerprintAndGroup(contribution.id, { transaction: tx });
  });
  return { reference, status: "WITHDRAWN" };
}
