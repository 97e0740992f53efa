import "server-only";
import type { JWT } from "next-auth/jwt";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export type CurrentUser = { id: string; email: string; name: string | null; role: Role };

/**
 * The user a session token stands for, read fresh from the database, or null
 * when the token has been revoked: the account is gone or suspended, or its
 * sessionVersion moved on (sign-out, password change, role change).
 */
export async function resolveSessionUser(token: Pick<JWT, "sub" | "sv">): Promise<CurrentUser | null> {
  if (!token.sub || token.sv === undefined) return null;
  const user = await db.user.findUnique({
    where: { id: token.sub },
    select: { id: true, email: true, role: true, sessionVersion: true, suspendedAt: true, profile: { select: { displayName: true } } },
  });
  if (!user || user.suspendedAt || user.sessionVersion !== token.sv) return null;
  return { id: user.id, email: user.email, role: user.role, name: user.profile?.displayName ?? null };
}
