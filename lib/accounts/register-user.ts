import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { parseInputAsync } from "@/lib/errors";
import { registrationSchema, type Registration } from "@/lib/accounts/schema";
import { issueAuthToken } from "@/lib/accounts/auth-tokens";
import { registrationAttemptEmail, verificationEmail } from "@/lib/accounts/account-emails";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { deliverPendingEmailsAfterCommit } from "@/lib/mail/deliver-pending-emails";

export const REGISTRATION_MESSAGE =
  "Thank you. We have sent an e-mail to the address you gave. Open the link in it to confirm your address and activate your account.";

export type RegistrationResult = { message: string };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

// Registering with an address that already has an account gives exactly the
// same answer as a new registration, and takes about as long (the password
// is hashed either way, one e-mail is sent either way): the form must not
// tell a stranger who has an account. The owner of the address is told by
// e-mail instead, and nothing else is written.
async function register(data: Registration, passwordHash: string): Promise<string> {
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
    if (existing) {
      const email = registrationAttemptEmail(data.email, existing.id, new Date());
      await enqueueEmail(tx, email);
      return email.dedupeKey;
    }
    const user = await tx.user.create({
      data: {
        email: data.email,
        passwordHash,
        profile: {
          create: {
            displayName: data.displayName,
            stakeholderType: data.stakeholderType,
            organisationName: data.organisationName,
            organisationSize: data.organisationSize,
            country: data.country,
            transparencyRegisterNumber: data.transparencyRegisterNumber,
            publicationPreference: data.publicationPreference,
          },
        },
      },
      select: { id: true },
    });
    const { id, token } = await issueAuthToken(tx, user.id, "EMAIL_VERIFICATION");
    const email = verificationEmail(data.email, id, token);
    await enqueueEmail(tx, email);
    return email.dedupeKey;
  });
}

export async function registerUser(input: unknown): Promise<RegistrationResult> {
  const data = await parseInputAsync(registrationSchema, input);
  const passwordHash = await hashPassword(data.password);
  let dedupeKey: string;
  try {
    dedupeKey = await register(data, passwordHash);
  } catch (error) {
    // Two registrations of one new address at the same moment: the loser
    // takes the "address already registered" path like any later attempt.
    if (!isUniqueViolation(error)) throw error;
    dedupeKey = await register(data, passwordHash);
  }
  await deliverPendingEmailsAfterCommit([dedupeKey]);
  return { message: REGISTRATION_MESSAGE };
}
