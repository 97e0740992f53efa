import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { clearFailedSignIns, isSignInBlocked, recordFailedSignIn } from "@/lib/auth/rate-limit";

export type AuthenticatedUser = { id: string; email: string; role: Role; sessionVersion: number; name: string | null };

/** Reasons a sign-in is refused; the sign-in form maps each to a message. */
export type SignInFailure = "INVALID_CREDENTIALS" | "EMAIL_NOT_VERIFIED" | "SUSPENDED" | "RATE_LIMITED";

export type AuthenticateResult = { ok: true; user: AuthenticatedUser } | { ok: false; reason: SignInFailure };

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(1024),
});

// Unknown e-mail and wrong password give the same answer in the same time:
// nothing tells a stranger whether an account exists. Only someone who knows
// the password learns that the account is unverified or suspended.
export async function authenticate(input: unknown, ip: string): Promise<AuthenticateResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "INVALID_CREDENTIALS" };
  const { email, password } = parsed.data;

  if (await isSignInBlocked(email, ip)) return { ok: false, reason: "RATE_LIMITED" };

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      role: true,
      sessionVersion: true,
      passwordHash: true,
      emailVerified: true,
      suspendedAt: true,
      profile: { select: { displayName: true } },
    },
  });
  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !passwordOk) {
    await recordFailedSignIn(email, ip);
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }
  await clearFailedSignIns(email);
  if (user.suspendedAt) return { ok: false, reason: "SUSPENDED" };
  if (!user.emailVerified) return { ok: false, reason: "EMAIL_NOT_VERIFIED" };
  return {
    ok: true,
    user: { id: user.id, email: user.email, role: user.role, sessionVersion: user.sessionVersion, name: user.profile?.displayName ?? null },
  };
}
