import { hashPassword } from "@/lib/auth/password";
import { AppError, validationError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { createUserSchema } from "@/lib/users/create-user-schema";

// npm run user:create: the first administrator of a real deployment, or a
// role change when nobody can sign in as an administrator yet. Whoever runs
// it has the server's shell, so it trusts the operator: no session needed.

/** Used when --country is not given: Belgium, where the demo's public body sits. */
export const DEFAULT_COUNTRY = "BE";

export type CreateUserResult =
  | { created: true; id: string; email: string; role: Role }
  | { created: false; id: string; email: string; role: Role; previousRole: Role; passwordChanged: boolean };

/** Checks the input without touching the database (before asking for a password). */
export async function checkCreateUserInput(input: unknown) {
  const result = await createUserSchema.safeParseAsync(input);
  if (!result.success) throw validationError(result.error, "The account details are not valid.");
  return result.data;
}

/**
 * Creates a verified account with a minimal stakeholder profile, or, when the
 * e-mail address is taken, gives that account the role (and the password, if
 * one is given), marks its address verified and ends its sessions.
 */
export async function createUser(db: PrismaClient, input: unknown): Promise<CreateUserResult> {
  const { email, role, name, country, password } = await checkCreateUserInput(input);
  const passwordHash = password === undefined ? undefined : await hashPassword(password);
  const now = new Date();

  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, select: { id: true, role: true, emailVerified: true, profile: { select: { id: true } } } });
    if (!existing) {
      if (passwordHash === undefined) {
        throw new AppError("VALIDATION", "A new account needs a password.", {
          password: ["Give a password: set AGORA_PASSWORD or type it when asked."],
        });
      }
      const user = await tx.user.create({
        data: {
          email,
          role,
          passwordHash,
          emailVerified: now,
          profile: { create: minimalProfile(email, name, country) },
        },
        select: { id: true },
      });
      return { created: true, id: user.id, email, role };
    }

    await tx.user.update({
      where: { id: existing.id },
      data: {
        role,
        ...(passwordHash === undefined ? {} : { passwordHash }),
        // The operator vouches for the address (a deployment may have no e-mail yet).
        ...(existing.emailVerified ? {} : { emailVerified: now }),
        // Sessions carry the role and were opened with the old password: end them.
        sessionVersion: { increment: 1 },
        ...profileChange(existing.profile !== null, email, name, country),
      },
    });
    if (existing.role !== role) {
      // Same log entry as a change made on the admin page, without an actor:
      // the command line has no signed-in user.
      await tx.moderationEvent.create({
        data: { action: "CHANGE_ROLE", actorId: null, subjectUserId: existing.id, note: `${existing.role} → ${role} (npm run user:create)` },
      });
    }
    return { created: false, id: existing.id, email, role, previousRole: existing.role, passwordChanged: passwordHash !== undefined };
  });
}

function minimalProfile(email: string, name: string | undefined, country: string | undefined) {
  return {
    displayName: name ?? email.split("@")[0] ?? email,
    stakeholderType: "OTHER" as const,
    country: country ?? DEFAULT_COUNTRY,
    publicationPreference: "PUBLIC" as const,
  };
}

/** Creates the missing profile, or updates the name and country given on the command line. */
function profileChange(hasProfile: boolean, email: string, name: string | undefined, country: string | undefined) {
  if (!hasProfile) return { profile: { create: minimalProfile(email, name, country) } };
  const update = { ...(name === undefined ? {} : { displayName: name }), ...(country === undefined ? {} : { country }) };
  return Object.keys(update).length > 0 ? { profile: { update } } : {};
}
