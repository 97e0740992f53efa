import "server-only";
import { parseInput } from "@/lib/errors";
import { emailOnlySchema } from "@/lib/accounts/schema";
import { verificationEmail } from "@/lib/accounts/account-emails";
import { mailTokenLink } from "@/lib/accounts/mail-token-link";

export const RESEND_VERIFICATION_MESSAGE =
  "If an account with an unconfirmed address exists for this e-mail, we have sent it a new confirmation link. The link is valid for 48 hours.";

/** Same answer whether or not the address has an account (no enumeration). */
export async function resendVerification(input: unknown): Promise<{ message: string }> {
  const { email } = parseInput(emailOnlySchema, input);
  await mailTokenLink(email, "EMAIL_VERIFICATION", (user) => !user.emailVerified && !user.suspendedAt, verificationEmail);
  return { message: RESEND_VERIFICATION_MESSAGE };
}
