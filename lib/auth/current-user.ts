import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { forbidden as forbiddenPage, redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { sessionCookieName } from "@/lib/auth/options";
import { hasRole } from "@/lib/auth/roles";
import { getAuthSecret } from "@/lib/auth/secret";
import { resolveSessionUser, type CurrentUser } from "@/lib/auth/session-user";
import { forbidden, unauthenticated } from "@/lib/errors";

export type { CurrentUser };

// Reads the session cookie and checks it against the database on every
// request (once per request thanks to React's cache), the same check the
// next-auth jwt callback makes: a revoked session is gone at once.
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: getAuthSecret() }).catch(() => null);
  if (!token) return null;
  return resolveSessionUser(token);
});

/** For domain functions: throws UNAUTHENTICATED (401). */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw unauthenticated();
  return user;
}

/** For domain functions: throws UNAUTHENTICATED (401) or FORBIDDEN (403). */
export async function requireRole(role: Role): Promise<CurrentUser> {
  const user = await requireUser();
  if (!hasRole(user.role, role)) throw forbidden();
  return user;
}

/** For pages: sends a visitor to sign in and back to `returnTo` afterwards. */
export async function requireUserForPage(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For pages: visitors go to sign in; a signed-in user without the role gets 403. */
export async function requireRoleForPage(role: Role, returnTo: string): Promise<CurrentUser> {
  const user = await requireUserForPage(returnTo);
  if (!hasRole(user.role, role)) forbiddenPage();
  return user;
}

/**
 * For section layouts (admin, moderation): a signed-in user without the role
 * gets 403 here, before the section's loading UI starts the response (after
 * that the status can no longer change). Visitors are left to the page, which
 * knows where to send them back after signing in. Not a gate on its own:
 * every page and domain function checks again.
 */
export async function requireRoleForSection(role: Role): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  if (user && !hasRole(user.role, role)) forbiddenPage();
  return user;
}
