import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { authenticate } from "@/lib/auth/authenticate";
import { getCurrentUser } from "@/lib/auth/current-user";
import { hashToken } from "@/lib/accounts/auth-tokens";
import { changeMyPassword } from "@/lib/accounts/change-my-password";
import { getMyProfile } from "@/lib/accounts/get-my-profile";
import { registerUser, REGISTRATION_MESSAGE } from "@/lib/accounts/register-user";
import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { resendVerification } from "@/lib/accounts/resend-verification";
import { resetPassword } from "@/lib/accounts/reset-password";
import { updateMyProfile } from "@/lib/accounts/update-my-profile";
import { verifyEmail } from "@/lib/accounts/verify-email";
import { ngoRegistration as registration, profileOf, STRONG_PASSWORD } from "../fixtures/registrations";
import { createTestUser, TEST_PASSWORD } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

const PASSWORD = STRONG_PASSWORD;
const NEW_PASSWORD = "amber-falcon-tundra-97";

let sequence = 0;
function uniqueEmail(): string {
  sequence += 1;
  return `stakeholder${sequence}-${Date.now()}@example.org`;
}

function ngoRegistration(email = uniqueEmail()) {
  return registration(email);
}

/** Row counts of everything an account flow may write. */
async function snapshot() {
  const [users, profiles, tokens, emails] = await Promise.all([db.user.count(), db.stakeholderProfile.count(), db.authToken.count(), db.emailOutbox.count()]);
  return { users, profiles, tokens, emails };
}

async function latestEmailTo(to: string) {
  return db.emailOutbox.findFirst({ where: { to }, orderBy: { createdAt: "desc" } });
}

async function linkTokenFor(to: string, pathName: string): Promise<string> {
  const email = await latestEmailTo(to);
  const match = email?.text.match(new RegExp(`${getEnv().appUrl}${pathName}\\?token=([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no ${pathName} link in the last e-mail to ${to}`);
  return match[1];
}

async function userRow(email: string) {
  return db.user.findUniqueOrThrow({ where: { email }, select: { id: true, passwordHash: true, sessionVersion: true, emailVerified: true } });
}

beforeEach(() => {
  // The file transport logs one line per e-mail; keep the test output readable.
  vi.spyOn(console, "info").mockImplementation(() => {});
  signOut();
});

describe("registerUser", () => {
  it("creates the account and profile, stores only the token's hash and delivers the verification e-mail", async () => {
    const input = ngoRegistration();
    await expect(registerUser({ ...input, email: `  ${input.email.toUpperCase()} ` })).resolves.toEqual({ message: REGISTRATION_MESSAGE });

    const user = await db.user.findUniqueOrThrow({
      where: { email: input.email },
      select: { id: true, role: true, emailVerified: true, passwordHash: true, profile: true, authTokens: { select: { kind: true, tokenHash: true, expiresAt: true, usedAt: true } } },
    });
    expect(user).toMatchObject({ role: "PARTICIPANT", emailVerified: null });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.profile).toMatchObject(profileOf(input));

    const email = await latestEmailTo(input.email);
    expect(email).toMatchObject({ subject: "Confirm your e-mail address for Agora", status: "SENT", attempts: 1 });
    const token = await linkTokenFor(input.email, "/verify-email");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = user.authTokens;
    expect(user.authTokens).toHaveLength(1);
    expect(stored).toMatchObject({ kind: "EMAIL_VERIFICATION", usedAt: null, tokenHash: hashToken(token) });
    expect(stored?.tokenHash).not.toContain(token);
    const hoursValid = ((stored?.expiresAt.getTime() ?? 0) - Date.now()) / 3_600_000;
    expect(hoursValid).toBeGreaterThan(47.9);
    expect(hoursValid).toBeLessThanOrEqual(48);

    // Delivered without SMTP_URL: an .eml file under DATA_DIR/mail holds the link.
    const mailDir = path.join(getEnv().dataDir, "mail");
    const mails = await Promise.all(fs.readdirSync(mailDir).map((name) => simpleParser(fs.readFileSync(path.join(mailDir, name)))));
    const written = mails.find((mail) => mail.text?.includes(`${getEnv().appUrl}/verify-email?token=${token}`));
    expect(written?.to).toMatchObject({ text: input.email });
  });

  it("answers a duplicate e-mail address exactly like a new one and writes no user", async () => {
    const input = ngoRegistration();
    const first = await registerUser(input);
    const before = await snapshot();
    const original = await db.user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true, passwordHash: true, updatedAt: true, profile: true } });

    const second = await registerUser({ ...ngoRegistration(input.email.toUpperCase()), password: NEW_PASSWORD, displayName: "Someone Else", country: "FR" });
    expect(second).toEqual(first);

    const after = await snapshot();
    expect(after).toEqual({ ...before, emails: before.emails + 1 });
    expect(await db.user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true, passwordHash: true, updatedAt: true, profile: true } })).toEqual(original);
    const notice = await latestEmailTo(input.email);
    expect(notice).toMatchObject({ subject: "Someone tried to register with your e-mail address", status: "SENT" });
    expect(notice?.text).toContain(`${getEnv().appUrl}/forgot-password`);
  });

  it.each([
    ["a weak password", { password: "password1234" }, "password", /too easy to guess/],
    ["a short password", { password: "Ab1!Ab1!" }, "password", /at least 10 characters/],
    ["a bad country code", { country: "XX" }, "country", /Choose a country from the list/],
    ["a malformed transparency register number", { transparencyRegisterNumber: "12345-6" }, "transparencyRegisterNumber", /for example 123456789012-34/],
    ["an organisation without a name", { organisationName: "" }, "organisationName", /name of the organisation/],
    ["a malformed e-mail address", { email: "kenji@" }, "email", /e-mail address like name@example.org/],
    ["terms not accepted", { acceptTerms: false }, "acceptTerms", /Accept the terms/],
    ["an unknown stakeholder type", { stakeholderType: "ROBOT" }, "stakeholderType", /kind of stakeholder/],
  ])("refuses %s with a message for that field and writes nothing", async (_case, change, field, message) => {
    const before = await snapshot();
    const error = await registerUser({ ...ngoRegistration(), ...change }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "VALIDATION", status: 422 });
    expect((error as { fieldErrors: Record<string, string[]> }).fieldErrors[field]?.[0]).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });
});

describe("verifyEmail", () => {
  it("confirms the address once; a reused link is refused", async () => {
    const input = ngoRegistration();
    await registerUser(input);
    const token = await linkTokenFor(input.email, "/verify-email");

    await expect(verifyEmail({ token })).resolves.toEqual({ status: "VERIFIED" });
    const verifiedAt = (await userRow(input.email)).emailVerified;
    expect(verifiedAt).toBeInstanceOf(Date);

    await expect(verifyEmail({ token })).resolves.toEqual({ status: "USED" });
    expect((await userRow(input.email)).emailVerified).toEqual(verifiedAt);
  });

  it("refuses an expired link and leaves the address unconfirmed", async () => {
    const input = ngoRegistration();
    await registerUser(input);
    const token = await linkTokenFor(input.email, "/verify-email");
    await db.authToken.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });

    await expect(verifyEmail({ token })).resolves.toEqual({ status: "EXPIRED" });
    expect((await userRow(input.email)).emailVerified).toBeNull();
  });

  it("refuses unknown and malformed tokens", async () => {
    await expect(verifyEmail({ token: "A".repeat(43) })).resolves.toEqual({ status: "INVALID" });
    await expect(verifyEmail({ token: "../../etc" })).resolves.toEqual({ status: "INVALID" });
    await expect(verifyEmail({})).resolves.toEqual({ status: "INVALID" });
  });

  it("a resent link replaces the previous one; the answer is the same for unknown addresses", async () => {
    const input = ngoRegistration();
    await registerUser(input);
    const oldToken = await linkTokenFor(input.email, "/verify-email");
    // Resending is throttled to once a minute per account.
    await db.authToken.updateMany({ data: { createdAt: new Date(Date.now() - 120_000) } });

    const known = await resendVerification({ email: input.email });
    const unknown = await resendVerification({ email: uniqueEmail() });
    expect(unknown).toEqual(known);
    const newToken = await linkTokenFor(input.email, "/verify-email");
    expect(newToken).not.toBe(oldToken);

    await expect(verifyEmail({ token: oldToken })).resolves.toEqual({ status: "INVALID" });
    await expect(verifyEmail({ token: newToken })).resolves.toEqual({ status: "VERIFIED" });

    // Nothing is sent for an address that is already confirmed.
    const before = await snapshot();
    await db.authToken.updateMany({ data: { createdAt: new Date(Date.now() - 120_000) } });
    await expect(resendVerification({ email: input.email })).resolves.toEqual(known);
    expect(await snapshot()).toEqual(before);
  });
});

describe("sign-in (authenticate)", () => {
  it("tells the owner of an unverified account to confirm it first", async () => {
    const input = ngoRegistration();
    await registerUser(input);
    await expect(authenticate({ email: input.email, password: PASSWORD }, "198.51.100.1")).resolves.toEqual({ ok: false, reason: "EMAIL_NOT_VERIFIED" });
    await verifyEmail({ token: await linkTokenFor(input.email, "/verify-email") });
    await expect(authenticate({ email: input.email, password: PASSWORD }, "198.51.100.1")).resolves.toMatchObject({ ok: true, user: { email: input.email, name: "Kenji Sato" } });
  });

  it("answers a wrong password and an unknown e-mail address the same way", async () => {
    const user = await createTestUser();
    const wrongPassword = await authenticate({ email: user.email, password: "not the password at all" }, "198.51.100.2");
    const unknownEmail = await authenticate({ email: uniqueEmail(), password: TEST_PASSWORD }, "198.51.100.2");
    expect(wrongPassword).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("blocks an account after 5 failed attempts, even with the right password", async () => {
    const user = await createTestUser();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(authenticate({ email: user.email, password: `wrong-${attempt}` }, "198.51.100.3")).resolves.toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    }
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD }, "198.51.100.4")).resolves.toEqual({ ok: false, reason: "RATE_LIMITED" });
  });

  it("refuses a suspended account", async () => {
    const user = await createTestUser({ suspended: true });
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD }, "198.51.100.5")).resolves.toEqual({ ok: false, reason: "SUSPENDED" });
  });
});

describe("password reset", () => {
  it("answers the same for a known and an unknown address, and mails only the known one", async () => {
    const user = await createTestUser();
    const unknownAddress = uniqueEmail();
    const before = await snapshot();

    const known = await requestPasswordReset({ email: user.email });
    const unknown = await requestPasswordReset({ email: unknownAddress });
    expect(unknown).toEqual(known);

    expect(await snapshot()).toEqual({ ...before, tokens: before.tokens + 1, emails: before.emails + 1 });
    expect(await latestEmailTo(user.email)).toMatchObject({ subject: "Reset your Agora password", status: "SENT" });
    expect(await latestEmailTo(unknownAddress)).toBeNull();
  });

  it("sets the new password, ends every session and refuses the link a second time", async () => {
    const user = await createTestUser();
    await signInAs(user.id);
    expect(await getCurrentUser()).toMatchObject({ id: user.id });
    const { sessionVersion } = await userRow(user.email);

    await requestPasswordReset({ email: user.email });
    const token = await linkTokenFor(user.email, "/reset-password");
    await expect(resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).resolves.toMatchObject({ message: expect.stringMatching(/changed/) });

    expect((await userRow(user.email)).sessionVersion).toBe(sessionVersion + 1);
    await expect(getCurrentUser()).resolves.toBeNull();
    await expect(authenticate({ email: user.email, password: TEST_PASSWORD }, "198.51.100.6")).resolves.toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    await expect(authenticate({ email: user.email, password: NEW_PASSWORD }, "198.51.100.6")).resolves.toMatchObject({ ok: true });
    expect(await latestEmailTo(user.email)).toMatchObject({ subject: "Your Agora password was changed" });

    const hash = (await userRow(user.email)).passwordHash;
    await expect(resetPassword({ token, password: "yet-another-quiet-harbour-7", confirmPassword: "yet-another-quiet-harbour-7" })).rejects.toMatchObject({
      code: "INVALID_STATE",
      userMessage: expect.stringMatching(/already been used/),
    });
    expect((await userRow(user.email)).passwordHash).toBe(hash);
  });

  it("refuses an expired link and a weak password without changing anything", async () => {
    const user = await createTestUser();
    await requestPasswordReset({ email: user.email });
    const token = await linkTokenFor(user.email, "/reset-password");
    const before = await userRow(user.email);

    await expect(resetPassword({ token, password: "password1234", confirmPassword: "password1234" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { password: [expect.stringMatching(/too easy to guess/)] },
    });
    await db.authToken.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).rejects.toMatchObject({
      code: "INVALID_STATE",
      userMessage: expect.stringMatching(/expired/),
    });
    expect(await userRow(user.email)).toEqual(before);
  });

  it("confirms the address of an unverified account, since the link reached its inbox", async () => {
    const input = ngoRegistration();
    await registerUser(input);
    await requestPasswordReset({ email: input.email });
    await resetPassword({ token: await linkTokenFor(input.email, "/reset-password"), password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect((await userRow(input.email)).emailVerified).toBeInstanceOf(Date);
    await expect(authenticate({ email: input.email, password: NEW_PASSWORD }, "198.51.100.7")).resolves.toMatchObject({ ok: true });
  });
});

describe("getMyProfile and updateMyProfile", () => {
  const changes = {
    displayName: "Aiko Tanaka",
    stakeholderType: "ACADEMIC",
    organisationName: "University of Kyoto",
    organisationSize: "LARGE",
    country: "JP",
    transparencyRegisterNumber: "",
    publicationPreference: "ANONYMOUS",
  };

  it("refuses a visitor and changes nothing", async () => {
    const user = await createTestUser();
    const before = await db.stakeholderProfile.findUniqueOrThrow({ where: { userId: user.id } });
    await expect(getMyProfile()).rejects.toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
    await expect(updateMyProfile(changes)).rejects.toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
    expect(await db.stakeholderProfile.findUniqueOrThrow({ where: { userId: user.id } })).toEqual(before);
  });

  it("shows and updates the caller's own profile", async () => {
    const user = await createTestUser({ country: "BE" });
    await signInAs(user.id);
    await expect(getMyProfile()).resolves.toMatchObject({ email: user.email, role: "PARTICIPANT", profile: { country: "BE", stakeholderType: "EU_CITIZEN" } });

    await expect(updateMyProfile(changes)).resolves.toEqual({ message: "Your profile has been saved." });
    await expect(getMyProfile()).resolves.toMatchObject({
      profile: { displayName: "Aiko Tanaka", stakeholderType: "ACADEMIC", organisationName: "University of Kyoto", organisationSize: "LARGE", country: "JP", transparencyRegisterNumber: null, publicationPreference: "ANONYMOUS" },
    });
  });

  it("never touches another user's profile, whatever the input names (any role)", async () => {
    const other = await createTestUser();
    const otherBefore = await db.stakeholderProfile.findUniqueOrThrow({ where: { userId: other.id } });
    for (const role of ["PARTICIPANT", "MODERATOR", "ADMIN"] as const) {
      const me = await createTestUser({ role });
      await signInAs(me.id);
      await updateMyProfile({ ...changes, userId: other.id, id: otherBefore.id });
      expect((await db.stakeholderProfile.findUniqueOrThrow({ where: { userId: me.id } })).displayName).toBe("Aiko Tanaka");
    }
    expect(await db.stakeholderProfile.findUniqueOrThrow({ where: { userId: other.id } })).toEqual(otherBefore);
  });

  it("refuses invalid input with field messages and changes nothing", async () => {
    const user = await createTestUser();
    await signInAs(user.id);
    const before = await db.stakeholderProfile.findUniqueOrThrow({ where: { userId: user.id } });
    await expect(updateMyProfile({ ...changes, country: "XX", transparencyRegisterNumber: "123" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { country: ["Choose a country from the list."], transparencyRegisterNumber: [expect.stringMatching(/123456789012-34/)] },
    });
    expect(await db.stakeholderProfile.findUniqueOrThrow({ where: { userId: user.id } })).toEqual(before);
  });

  it("creates the profile of an account that has none (made with user:create)", async () => {
    const bare = await db.user.create({ data: { email: uniqueEmail(), passwordHash: "x", emailVerified: new Date() }, select: { id: true } });
    await signInAs(bare.id);
    await expect(getMyProfile()).resolves.toMatchObject({ profile: null });
    await updateMyProfile(changes);
    await expect(getMyProfile()).resolves.toMatchObject({ profile: { displayName: "Aiko Tanaka" } });
  });
});

describe("changeMyPassword", () => {
  const change = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };

  it("refuses a visitor and changes nothing", async () => {
    const user = await createTestUser();
    const before = await userRow(user.email);
    await expect(changeMyPassword(change)).rejects.toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
    expect(await userRow(user.email)).toEqual(before);
  });

  it("refuses a wrong current password with a field message and changes nothing", async () => {
    const user = await createTestUser();
    await signInAs(user.id);
    const before = await userRow(user.email);
    await expect(changeMyPassword({ ...change, currentPassword: "not my password" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { currentPassword: ["This is not your current password."] },
    });
    expect(await userRow(user.email)).toEqual(before);
    expect(await getCurrentUser()).toMatchObject({ id: user.id });
  });

  it("changes only the caller's password and ends the caller's sessions", async () => {
    const other = await createTestUser();
    const otherBefore = await userRow(other.email);
    const user = await createTestUser();
    await signInAs(user.id);
    const before = await userRow(user.email);

    await expect(changeMyPassword(change)).resolves.toMatchObject({ message: expect.stringMatching(/sign in again/) });

    const after = await userRow(user.email);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    await expect(getCurrentUser()).resolves.toBeNull();
    await expect(authenticate({ email: user.email, password: NEW_PASSWORD }, "198.51.100.8")).resolves.toMatchObject({ ok: true });
    expect(await latestEmailTo(user.email)).toMatchObject({ subject: "Your Agora password was changed", status: "SENT" });
    expect(await userRow(other.email)).toEqual(otherBefore);
  });

  it("stops guessing the current password after 5 wrong attempts", async () => {
    const user = await createTestUser();
    await signInAs(user.id);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await expect(changeMyPassword({ ...change, currentPassword: `guess-${attempt}` })).rejects.toMatchObject({ code: "VALIDATION" });
    }
    await expect(changeMyPassword(change)).rejects.toMatchObject({ code: "RATE_LIMITED", status: 429 });
    expect((await userRow(user.email)).sessionVersion).toBe(0);
  });
});
