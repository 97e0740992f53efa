import "server-only";
import { db } from "@/lib/db";
import { verifyEmailSchema } from "@/lib/accounts/schema";
import { consumeAuthToken } from "@/lib/accounts/auth-tokens";

export type VerifyEmailStatus = "VERIFIED" | "USED" | "EXPIRED" | "INVALID";

/** Confirms the address behind an e-mail verification link. */
export async function verifyEmail(input: unknown): Promise<{ status: VerifyEmailStatus }> {
  const parsed = verifyEmailSchema.safeParse(input);
  if (!parsed.success) return { status: "INVALID" };
  return db.$transaction(async (tx) => {
    const consumed = await consumeAuthToken(tx, parsed.data.token, "EMAIL_VERIFICATION");
    if (!consumed.ok) return { status: consumed.reason };
    // An address confirmed earlier (through a password reset, say) keeps its date.
    await tx.user.updateMany({ where: { id: consumed.userId, emailVerified: null }, data: { emailVerified: new Date() } });
    return { status: "VERIFIED" as const };
  });
}
