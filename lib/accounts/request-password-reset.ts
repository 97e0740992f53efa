import "server-only";
import { parseInput } from "@/lib/errors";
import { emailOnlySchema } from "@/lib/accounts/schema";
import { passwordResetEmail } from "@/lib/accounts/account-emails";
import { mailTokenLink } from "@/lib/accounts/mail-token-link";

export const PASSWORD_RESET_REQUEST_MESSAGE =
  "If an account exists for this e-mail address, we have sent it a link to choose a new password. The link is valid for one hour.";

/** Same answer for a known and an unknown address (no enumeration). */
export async function requestPasswordReset(input: unknown): Promise<{ message: string }> {
  const { email } = parseInput(emailOnlySchema, input);
  await mailTokenLink(email, "PASSWORD_RESET", (user) => !user.suspendedAt, passwordResetEmail);
  return { message: PASSWORD_RESET_REQUEST_MESSAGE };
}
