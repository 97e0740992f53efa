import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getCurrentUser, requireRole, requireUser } from "@/lib/auth/current-user";
import { getAuthOptions } from "@/lib/auth/options";
import { createTestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

async function bumpSessionVersion(userId: string) {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

describe("sessions", () => {
  it("resolves the signed-in user from a real session JWT", async () => {
    const user = await createTestUser();
    await signInAs(user.id);
    await expect(getCurrentUser()).resolves.toMatchObject({ id: user.id, email: user.email, role: "PARTICIPANT" });
    signOut();
    await expect(getCurrentUser()).resolves.toBeNull();
    await expect(requireUser()).rejects.toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
  });

  it("refuses a token whose session version moved on (sign-out, password or role change)", async () => {
    const user = await createTestUser();
    await signInAs(user.id);
    await bumpSessionVersion(user.id);
    await expect(getCurrentUser()).resolves.toBeNull();
  });

  it("refuses the token of a suspended account at once", async () => {
    const user = await createTestUser();
    await signInAs(user.id);
    await db.user.update({ where: { id: user.id }, data: { suspendedAt: new Date() } });
    await expect(getCurrentUser()).resolves.toBeNull();
  });

  it("takes the role from the database, not from the token", async () => {
    const user = await createTestUser({ role: "ADMIN" });
    await signInAs(user.id);
    await db.user.update({ where: { id: user.id }, data: { role: "PARTICIPANT" } });
    await expect(requireRole("ADMIN")).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
  });

  it("empties the next-auth token in the jwt callback once revoked", async () => {
    const user = await createTestUser();
    const jwt = getAuthOptions().callbacks?.jwt;
    if (!jwt) throw new Error("jwt callback missing");
    const token = { sub: user.id, sv: 0, role: "PARTICIPANT" as const };
    await expect(jwt({ token } as Parameters<typeof jwt>[0])).resolves.toMatchObject({ sub: user.id });
    await bumpSessionVersion(user.id);
    await expect(jwt({ token } as Parameters<typeof jwt>[0])).resolves.toEqual({});
  });

  it("bumps the session version on sign-out, killing copies of the token", async () => {
    const user = await createTestUser();
    await signInAs(user.id);
    await getAuthOptions().events?.signOut?.({ token: { sub: user.id, sv: 0 }, session: null as never });
    await expect(getCurrentUser()).resolves.toBeNull();
  });
});
