import { beforeEach, describe, expect, it } from "vitest";
import { getCurrentUser } from "@/lib/auth/current-user";
import { sessionCookieName } from "@/lib/auth/options";
import { db } from "@/lib/db";
import type { ActionResult } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { changeUserRoleAction, setUserSuspendedAction } from "@/lib/users/actions";
import { changeUserRole } from "@/lib/users/change-user-role";
import { findUsers } from "@/lib/users/find-users";
import { setUserSuspended } from "@/lib/users/set-user-suspended";
import { authenticate } from "@/lib/auth/authenticate";
import { submitContribution } from "@/lib/contributions/submit-contribution";
import { createTestConsultation } from "../helpers/content-factories";
import { createTestUser, TEST_PASSWORD, type TestUser } from "../helpers/factories";
import { cookieJar, signInAs, signOut } from "../helpers/session";

let admin: TestUser;
let target: TestUser;

beforeEach(async () => {
  signOut();
  admin = await createTestUser({ role: "ADMIN" });
  target = await createTestUser();
});

/** Everything the three functions could change, for "nothing changed" checks. */
async function snapshot() {
  const [users, events] = await Promise.all([
    db.user.findMany({
      orderBy: { id: "asc" },
      select: { id: true, role: true, sessionVersion: true, suspendedAt: true, suspendedReason: true, updatedAt: true },
    }),
    db.moderationEvent.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { users, events };
}

/** The session cookie `userId` would hold now, to replay it later. */
async function sessionOf(userId: string): Promise<string> {
  await signInAs(userId);
  const value = cookieJar.get(sessionCookieName())?.value;
  if (!value) throw new Error("no session cookie");
  return value;
}

function useSession(cookie: string) {
  signOut();
  cookieJar.set(sessionCookieName(), cookie);
}

// Moderators may suspend and reinstate participants (tested below), nothing else here.
const callers: { name: string; role: Role | null; status: number; code: string; maySuspend: boolean }[] = [
  { name: "an anonymous visitor", role: null, status: 401, code: "UNAUTHENTICATED", maySuspend: false },
  { name: "a participant", role: "PARTICIPANT", status: 403, code: "FORBIDDEN", maySuspend: false },
  { name: "a moderator", role: "MODERATOR", status: 403, code: "FORBIDDEN", maySuspend: true },
];

describe.each(callers)("refusals: $name", ({ role, status, code, maySuspend }) => {
  beforeEach(async () => {
    if (role) await signInAs((await createTestUser({ role })).id);
  });

  it("cannot list users", async () => {
    await expect(findUsers({})).rejects.toMatchObject({ status, code });
  });

  it("cannot change a role, and nothing changes", async () => {
    const before = await snapshot();
    await expect(changeUserRole({ userId: target.id, role: "ADMIN" })).rejects.toMatchObject({ status, code });
    // Not even to the caller's own account.
    const self = await getCurrentUser();
    if (self) await expect(changeUserRole({ userId: self.id, role: "ADMIN" })).rejects.toMatchObject({ status, code });
    expect(await snapshot()).toEqual(before);
  });

  it.skipIf(maySuspend)("cannot suspend or reinstate, and nothing changes", async () => {
    const suspended = await createTestUser({ suspended: true });
    const before = await snapshot();
    await expect(setUserSuspended({ userId: target.id, suspended: true, reason: "Spam everywhere" })).rejects.toMatchObject({ status, code });
    await expect(setUserSuspended({ userId: suspended.id, suspended: false })).rejects.toMatchObject({ status, code });
    expect(await snapshot()).toEqual(before);
  });

  it("gets a refusal from the server actions, and nothing changes", async () => {
    const before = await snapshot();
    const results: ActionResult<unknown>[] = [await changeUserRoleAction({ userId: target.id, role: "ADMIN" })];
    if (!maySuspend) results.push(await setUserSuspendedAction({ userId: target.id, suspended: true, reason: "Spam everywhere" }));
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, message: role ? "You do not have permission to do this." : "Please sign in to continue." });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("findUsers (as an administrator)", () => {
  beforeEach(async () => {
    await signInAs(admin.id);
  });

  it("returns the fields the admin table shows, and no secrets", async () => {
    const unverified = await createTestUser({ verified: false, suspended: true, stakeholderType: "NGO", country: "JP" });
    const { users } = await findUsers({ query: unverified.email });
    expect(users).toEqual([
      {
        id: unverified.id,
        email: unverified.email,
        displayName: `Test ${unverified.email.split("@")[0]}`,
        stakeholderType: "NGO",
        country: "JP",
        role: "PARTICIPANT",
        verified: false,
        suspended: true,
        createdAt: expect.any(Date),
      },
    ]);
  });

  it("searches e-mail and display name, case-insensitively", async () => {
    const alice = await createTestUser({ email: "alice.kowalska@ngo.example" });
    await db.stakeholderProfile.update({ where: { userId: alice.id }, data: { displayName: "Zofia Wiśniewska" } });
    expect((await findUsers({ query: "ALICE.KOWALSKA" })).users.map((user) => user.id)).toEqual([alice.id]);
    expect((await findUsers({ query: "wiśniew" })).users.map((user) => user.id)).toEqual([alice.id]);
    expect((await findUsers({ query: "nobody-has-this" })).total).toBe(0);
  });

  it("treats % and _ in a search as ordinary characters", async () => {
    const underscore = await createTestUser({ email: "first_last@example.org" });
    expect((await findUsers({ query: "_" })).users.map((user) => user.id)).toEqual([underscore.id]);
    expect((await findUsers({ query: "%" })).total).toBe(0);
    const backslash = await createTestUser({ email: "back\\slash@example.org" });
    expect((await findUsers({ query: "k\\s" })).users.map((user) => user.id)).toEqual([backslash.id]);
  });

  it("filters by role", async () => {
    const moderator = await createTestUser({ role: "MODERATOR" });
    const { users } = await findUsers({ role: "MODERATOR" });
    expect(users.every((user) => user.role === "MODERATOR")).toBe(true);
    expect(users.map((user) => user.id)).toContain(moderator.id);
    expect(users.map((user) => user.id)).not.toContain(target.id);
  });

  it("pages through the users 25 at a time, newest first", async () => {
    const domain = `page-${Date.now()}.example`;
    const made: string[] = [];
    for (let index = 0; index < 27; index += 1) {
      made.push((await createTestUser({ email: `u${index}@${domain}` })).id);
    }
    const first = await findUsers({ query: domain });
    const second = await findUsers({ query: domain, page: "2" });
    expect(first).toMatchObject({ total: 27, page: 1, pageCount: 2, pageSize: 25 });
    expect(first.users).toHaveLength(25);
    expect(second.users).toHaveLength(2);
    const seen = [...first.users, ...second.users].map((user) => user.id);
    expect(new Set(seen).size).toBe(27);
    expect(seen.toSorted()).toEqual(made.toSorted());
    expect((await findUsers({ query: domain, page: 3 })).users).toEqual([]);
  });

  it("refuses malformed filters with a message per field", async () => {
    await expect(findUsers({ role: "OWNER", page: "zero" })).rejects.toMatchObject({
      status: 422,
      fieldErrors: { role: ["Choose a role from the list."], page: ["The page must be a number."] },
    });
    await expect(findUsers({ page: 0 })).rejects.toMatchObject({ fieldErrors: { page: ["The page must be 1 or more."] } });
    await expect(findUsers({ query: "x".repeat(201) })).rejects.toMatchObject({ fieldErrors: { query: ["Search for at most 200 characters."] } });
  });
});

describe("changeUserRole (as an administrator)", () => {
  it("changes the role, ends the user's sessions and logs the change, in one go", async () => {
    const targetSession = await sessionOf(target.id);
    await signInAs(admin.id);

    await expect(changeUserRole({ userId: target.id, role: "MODERATOR" })).resolves.toEqual({
      userId: target.id,
      previousRole: "PARTICIPANT",
      role: "MODERATOR",
      changed: true,
    });

    expect(await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { role: true, sessionVersion: true } })).toEqual({
      role: "MODERATOR",
      sessionVersion: 1,
    });
    expect(await db.moderationEvent.findMany({ where: { subjectUserId: target.id } })).toEqual([
      expect.objectContaining({ action: "CHANGE_ROLE", actorId: admin.id, subjectUserId: target.id, note: "PARTICIPANT → MODERATOR", contributionId: null }),
    ]);

    // The target's old session no longer works: they must sign in again.
    useSession(targetSession);
    await expect(getCurrentUser()).resolves.toBeNull();
    await signInAs(target.id);
    await expect(getCurrentUser()).resolves.toMatchObject({ id: target.id, role: "MODERATOR" });
  });

  it("reports through the server action with a confirmation", async () => {
    await signInAs(admin.id);
    await expect(changeUserRoleAction({ userId: target.id, role: "ADMIN" })).resolves.toMatchObject({
      ok: true,
      data: { role: "ADMIN", previousRole: "PARTICIPANT", changed: true },
      message: "Role changed from Participant to Administrator. They have been signed out everywhere.",
    });
  });

  it("does nothing when the role is already the one asked for", async () => {
    await signInAs(admin.id);
    const before = await snapshot();
    await expect(changeUserRole({ userId: target.id, role: "PARTICIPANT" })).resolves.toMatchObject({ changed: false });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to change the caller's own role, and nothing changes", async () => {
    await signInAs(admin.id);
    const before = await snapshot();
    await expect(changeUserRole({ userId: admin.id, role: "PARTICIPANT" })).rejects.toMatchObject({
      status: 403,
      userMessage: "You cannot change your own role. Ask another administrator to do it.",
    });
    expect(await snapshot()).toEqual(before);
    await expect(getCurrentUser()).resolves.toMatchObject({ id: admin.id, role: "ADMIN" });
  });

  it("answers 404 for an unknown user, and nothing changes", async () => {
    await signInAs(admin.id);
    const before = await snapshot();
    await expect(changeUserRole({ userId: "cl0000000000000000000000", role: "ADMIN" })).rejects.toMatchObject({
      status: 404,
      code: "NOT_FOUND",
      userMessage: "This user could not be found.",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an unknown role with a message", async () => {
    await signInAs(admin.id);
    const before = await snapshot();
    await expect(changeUserRoleAction({ userId: target.id, role: "SUPERUSER" })).resolves.toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { role: ["Choose a role from the list."] },
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("setUserSuspended (as an administrator)", () => {
  it("suspends with a reason: sessions end, sign-in is blocked, the event is logged", async () => {
    const targetSession = await sessionOf(target.id);
    await signInAs(admin.id);

    await expect(setUserSuspended({ userId: target.id, suspended: true, reason: "  Posts spam links  " })).resolves.toEqual({
      userId: target.id,
      suspended: true,
      changed: true,
    });
    const stored = await db.user.findUniqueOrThrow({ where: { id: target.id }, select: { suspendedAt: true, suspendedReason: true, sessionVersion: true } });
    expect(stored).toEqual({ suspendedAt: expect.any(Date), suspendedReason: "Posts spam links", sessionVersion: 1 });
    expect(await db.moderationEvent.findMany({ where: { subjectUserId: target.id } })).toEqual([
      expect.objectContaining({ action: "SUSPEND_USER", actorId: admin.id, reason: "Posts spam links" }),
    ]);
    useSession(targetSession);
    await expect(getCurrentUser()).resolves.toBeNull();
  });

  it("lifts a suspension and logs it", async () => {
    const suspended = await createTestUser({ suspended: true });
    await signInAs(admin.id);
    await expect(setUserSuspendedAction({ userId: suspended.id, suspended: false })).resolves.toMatchObject({
      ok: true,
      message: "Suspension lifted. They can sign in again.",
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: suspended.id }, select: { suspendedAt: true, suspendedReason: true } })).toEqual({
      suspendedAt: null,
      suspendedReason: null,
    });
    expect(await db.moderationEvent.findMany({ where: { subjectUserId: suspended.id } })).toEqual([
      expect.objectContaining({ action: "UNSUSPEND_USER", actorId: admin.id }),
    ]);
    await signInAs(suspended.id);
    await expect(getCurrentUser()).resolves.toMatchObject({ id: suspended.id });
  });

  it("asks for a reason before suspending, and nothing changes", async () => {
    await signInAs(admin.id);
    const before = await snapshot();
    await expect(setUserSuspendedAction({ userId: target.id, suspended: true, reason: " " })).resolves.toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { reason: ["Say why you are suspending this account (at least 5 characters)."] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("does nothing when the account is already in the state asked for", async () => {
    await signInAs(admin.id);
    const before = await snapshot();
    await expect(setUserSuspended({ userId: target.id, suspended: false })).resolves.toMatchObject({ changed: false });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to suspend the caller's own account, and nothing changes", async () => {
    await signInAs(admin.id);
    const before = await snapshot();
    await expect(setUserSuspended({ userId: admin.id, suspended: true, reason: "Testing myself" })).rejects.toMatchObject({
      status: 403,
      userMessage: "You cannot suspend or reinstate your own account.",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("answers 404 for an unknown user, and nothing changes", async () => {
    await signInAs(admin.id);
    const before = await snapshot();
    await expect(setUserSuspended({ userId: "cl0000000000000000000000", suspended: true, reason: "Does not exist" })).rejects.toMatchObject({
      status: 404,
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("setUserSuspended (as a moderator)", () => {
  let moderator: TestUser;

  beforeEach(async () => {
    moderator = await createTestUser({ role: "MODERATOR" });
    await signInAs(moderator.id);
  });

  it("suspends a participant: sessions end, contributing is refused, the event is logged", async () => {
    const targetSession = await sessionOf(target.id);
    const consultation = await createTestConsultation();
    await signInAs(moderator.id);

    await expect(setUserSuspended({ userId: target.id, suspended: true, reason: "Posts the same advert everywhere" })).resolves.toEqual({
      userId: target.id,
      suspended: true,
      changed: true,
    });
    expect(await db.moderationEvent.findMany({ where: { subjectUserId: target.id } })).toEqual([
      expect.objectContaining({ action: "SUSPEND_USER", actorId: moderator.id, reason: "Posts the same advert everywhere" }),
    ]);

    useSession(targetSession);
    await expect(getCurrentUser()).resolves.toBeNull();
    const contributions = await db.contribution.count();
    await expect(
      submitContribution({ consultationId: consultation.id, submissionKey: "after-suspension", title: "One more advert", body: "Buy now.", language: "en", publication: "PUBLIC" }),
    ).rejects.toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    expect(await db.contribution.count()).toBe(contributions);
    await expect(authenticate({ email: target.email, password: TEST_PASSWORD }, "198.51.100.20")).resolves.toEqual({ ok: false, reason: "SUSPENDED" });
  });

  it("reinstates a participant", async () => {
    const suspended = await createTestUser({ suspended: true });
    await expect(setUserSuspendedAction({ userId: suspended.id, suspended: false })).resolves.toMatchObject({
      ok: true,
      message: "Suspension lifted. They can sign in again.",
    });
    expect(await db.moderationEvent.findMany({ where: { subjectUserId: suspended.id } })).toEqual([
      expect.objectContaining({ action: "UNSUSPEND_USER", actorId: moderator.id }),
    ]);
  });

  it.each(["MODERATOR", "ADMIN"] as const)("cannot suspend or reinstate an account with the role %s, and nothing changes", async (role) => {
    const colleague = await createTestUser({ role });
    const suspendedColleague = await createTestUser({ role, suspended: true });
    const before = await snapshot();
    const refusal = {
      status: 403,
      code: "FORBIDDEN",
      userMessage: "Moderators can suspend or reinstate participants only. Ask an administrator about this account.",
    };
    await expect(setUserSuspended({ userId: colleague.id, suspended: true, reason: "Disagrees with me" })).rejects.toMatchObject(refusal);
    await expect(setUserSuspended({ userId: suspendedColleague.id, suspended: false })).rejects.toMatchObject(refusal);
    // Even when there would be nothing to change.
    await expect(setUserSuspended({ userId: colleague.id, suspended: false })).rejects.toMatchObject(refusal);
    await expect(setUserSuspendedAction({ userId: colleague.id, suspended: true, reason: "Disagrees with me" })).resolves.toEqual({
      ok: false,
      message: refusal.userMessage,
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to suspend the moderator's own account, and nothing changes", async () => {
    const before = await snapshot();
    await expect(setUserSuspended({ userId: moderator.id, suspended: true, reason: "Testing myself" })).rejects.toMatchObject({
      status: 403,
      userMessage: "You cannot suspend or reinstate your own account.",
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("setUserSuspended (as an administrator), other roles", () => {
  it("suspends a moderator and an administrator, as before", async () => {
    await signInAs(admin.id);
    for (const role of ["MODERATOR", "ADMIN"] as const) {
      const colleague = await createTestUser({ role });
      await expect(setUserSuspended({ userId: colleague.id, suspended: true, reason: "Account compromised" })).resolves.toMatchObject({ changed: true });
    }
  });
});
