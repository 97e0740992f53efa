import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuthTokenKind } from "@/lib/generated/prisma/enums";

// Links in e-mails carry 32 random bytes; the database keeps only their
// SHA-256, so a leaked table hands out no working link. Tokens are single use
// and a new one replaces any unused one of the same kind.

export const TOKEN_LIFETIME_MS: Record<AuthTokenKind, number> = {
  EMAIL_VERIFICATION: 48 * 60 * 60_000,
  PASSWORD_RESET: 60 * 60_000,
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function issueAuthToken(tx: Prisma.TransactionClient, userId: string, kind: AuthTokenKind, now = new Date()): Promise<{ id: string; token: string }> {
  await tx.authToken.deleteMany({ where: { userId, kind, usedAt: null } });
  const token = randomBytes(32).toString("base64url");
  const { id } = await tx.authToken.create({
    data: { userId, kind, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[kind]) },
    select: { id: true },
  });
  return { id, token };
}

export type ConsumedToken = { ok: true; userId: string } | { ok: false; reason: "INVALID" | "USED" | "EXPIRED" };

/** Marks the token used, once: of two concurrent uses only one succeeds. */
export async function consumeAuthToken(tx: Prisma.TransactionClient, token: string, kind: AuthTokenKind, now = new Date()): Promise<ConsumedToken> {
  const found = await tx.authToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, kind: true, usedAt: true, expiresAt: true },
  });
  if (!found || found.kind !== kind) return { ok: false, reason: "INVALID" };
  if (found.usedAt) return { ok: false, reason: "USED" };
  if (found.expiresAt <= now) return { ok: false, reason: "EXPIRED" };
  const { count } = await tx.authToken.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
  if (count === 0) return { ok: false, reason: "USED" };
  return { ok: true, userId: found.userId };
}

/** Throttles repeat requests: true when a token of this kind was issued in the last `withinMs`. */
export async function wasTokenIssuedRecently(tx: Prisma.TransactionClient, userId: string, kind: AuthTokenKind, withinMs: number, now = new Date()): Promise<boolean> {
  const recent = await tx.authToken.findFirst({
    where: { userId, kind, createdAt: { gt: new Date(now.getTime() - withinMs) } },
    select: { id: true },
  });
  return recent !== null;
}
