import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { getCurrentUser } from "@/lib/auth/current-user";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/users/create-user";
import { createTestUser, TEST_PASSWORD } from "../helpers/factories";
import { signInAs } from "../helpers/session";

// npm run user:create, through the function the script calls.

const STRONG = "granite lantern orbit mosaic 42";

async function userState(email: string) {
  return db.user.findUnique({
    where: { email },
    select: { role: true, sessionVersion: true, passwordHash: true, emailVerified: true, profile: { select: { displayName: true, country: true } } },
  });
}

async function databaseState() {
  const [users, profiles, events] = await Promise.all([
    db.user.findMany({ orderBy: { email: "asc" }, select: { email: true, role: true, sessionVersion: true, passwordHash: true, updatedAt: true } }),
    db.stakeholderProfile.count(),
    db.moderationEvent.count(),
  ]);
  return { users, profiles, events };
}

/** Expects a VALIDATION error naming `field`, and nothing written. */
async function expectRefused(input: Record<string, unknown>, field: string, message: RegExp) {
  const before = await databaseState();
  const error = await createUser(db, input).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: "VALIDATION" });
  expect((error as AppError).fieldErrors[field]?.join(" ")).toMatch(message);
  expect(await databaseState()).toEqual(before);
}

describe("createUser (npm run user:create)", () => {
  it("creates a verified administrator with a minimal profile", async () => {
    const result = await createUser(db, { email: "  First.Admin@Example.ORG ", role: "admin", password: STRONG });
    expect(result).toMatchObject({ created: true, email: "first.admin@example.org", role: "ADMIN" });
    const user = await userState("first.admin@example.org");
    expect(user).toMatchObject({ role: "ADMIN", sessionVersion: 0, profile: { displayName: "first.admin", country: "BE" } });
    expect(user?.emailVerified).not.toBeNull();
    await expect(verifyPassword(user?.passwordHash ?? "", STRONG)).resolves.toBe(true);
  });

  it("takes the name and country given", async () => {
    await createUser(db, { email: "kenji@example.jp", role: "Moderator", password: STRONG, name: "Kenji Sato", country: "jp" });
    expect(await userState("kenji@example.jp")).toMatchObject({ role: "MODERATOR", profile: { displayName: "Kenji Sato", country: "JP" } });
  });

  it("promotes an existing user, keeps their password and ends their sessions", async () => {
    const existing = await createTestUser({ role: "PARTICIPANT", verified: false });
    await signInAs(existing.id);
    await expect(getCurrentUser()).resolves.toMatchObject({ id: existing.id });

    const result = await createUser(db, { email: existing.email, role: "admin" });
    expect(result).toEqual({ created: false, id: existing.id, email: existing.email, role: "ADMIN", previousRole: "PARTICIPANT", passwordChanged: false });

    const user = await userState(existing.email);
    expect(user).toMatchObject({ role: "ADMIN", sessionVersion: 1 });
    expect(user?.emailVerified).not.toBeNull();
    await expect(verifyPassword(user?.passwordHash ?? "", TEST_PASSWORD)).resolves.toBe(true);
    await expect(getCurrentUser()).resolves.toBeNull();
    await expect(db.moderationEvent.findFirst({ where: { subjectUserId: existing.id }, select: { action: true, actorId: true, note: true } })).resolves.toEqual({
      action: "CHANGE_ROLE",
      actorId: null,
      note: "PARTICIPANT → ADMIN (npm run user:create)",
    });
  });

  it("sets a new password on an existing account when one is given", async () => {
    const existing = await createTestUser({ role: "MODERATOR" });
    const result = await createUser(db, { email: existing.email, role: "moderator", password: STRONG });
    expect(result).toMatchObject({ created: false, previousRole: "MODERATOR", role: "MODERATOR", passwordChanged: true });
    const user = await userState(existing.email);
    expect(user?.sessionVersion).toBe(1);
    await expect(verifyPassword(user?.passwordHash ?? "", STRONG)).resolves.toBe(true);
    // The role did not change: nothing to log.
    await expect(db.moderationEvent.count({ where: { subjectUserId: existing.id } })).resolves.toBe(0);
  });

  it("refuses bad input and writes nothing", async () => {
    const existing = await createTestUser({ role: "PARTICIPANT" });
    await expectRefused({ email: "not-an-address", role: "admin", password: STRONG }, "email", /e-mail address/);
    await expectRefused({ email: "new@example.org", role: "superuser", password: STRONG }, "role", /admin, moderator or participant/);
    await expectRefused({ email: "new@example.org", role: "admin", password: "short" }, "password", /at least 10 characters/);
    await expectRefused({ email: "new@example.org", role: "admin", password: "password1234" }, "password", /too easy to guess/);
    await expectRefused({ email: "new@example.org", role: "admin", password: STRONG, country: "XX" }, "country", /ISO 3166-1/);
    await expectRefused({ email: "new@example.org", role: "admin" }, "password", /AGORA_PASSWORD/);
    // A weak password for an existing account changes neither its role nor its password.
    await expectRefused({ email: existing.email, role: "admin", password: "short" }, "password", /at least 10 characters/);
    expect(await userState("new@example.org")).toBeNull();
  });
});

describe("the user:create command line", () => {
  const run = promisify(execFile);
  // No database is opened: the arguments are checked before the password is asked for.
  it("exits with a clear message on bad arguments", async () => {
    const result = run("npx", ["tsx", "--conditions=react-server", "scripts/create-user.ts", "--email", "a@b.org", "--role", "boss"]);
    await expect(result).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("--role: Give a role: admin, moderator or participant.") as string });
  });
});
