import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findMyContributions } from "@/lib/contributions/find-my-contributions";
import { getMyContribution } from "@/lib/contributions/get-my-contribution";
import { withdrawContribution } from "@/lib/contributions/withdraw-contribution";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import { addModeratorNote } from "@/lib/moderation/add-moderator-note";
import { decideContribution } from "@/lib/moderation/decide-contribution";
import { decisionRefusal, TRANSITIONS } from "@/lib/contributions/lifecycle/transitions";
import { dismissFlags } from "@/lib/moderation/dismiss-flags";
import { DECISIONS } from "@/lib/moderation/schema";
import { isPostgresRun } from "../helpers/empty-database";
import { runAs, sessionCookieOf } from "../helpers/concurrent-sessions";
import { createTestContribution, type TestContribution } from "../helpers/contribution-factory";
import { createTestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { createRejectionReason, moderationSnapshot, reportAs, writtenAbout } from "../helpers/moderation-fixtures";
import { signInAs, signOut } from "../helpers/session";

const NOTE = "Internal: checked the sources with the policy team";

let consultationTitle: string;
let consultationId: string;
let author: TestUser;
let reporters: TestUser[];
let moderator: TestUser;
let otherModerator: TestUser;
let offTopic: { id: string; label: string };

beforeAll(async () => {
  ({ id: consultationId, title: consultationTitle } = await createTestConsultation({ title: "Trustworthy AI in public services" }));
  author = await createTestUser();
  reporters = [await createTestUser(), await createTestUser()];
  moderator = await createTestUser({ role: "MODERATOR" });
  otherModerator = await createTestUser({ role: "MODERATOR" });
  offTopic = await createRejectionReason({ label: "Off topic (moderation tests)" });
});

beforeEach(async () => {
  signOut();
  await signInAs(moderator.id);
});

const displayName = (user: TestUser) => `Test ${user.email.split("@")[0]}`;

const contribution = (status: ContributionStatus, title = `Contribution in state ${status}`) =>
  createTestContribution({ authorId: author.id, consultationId, status, title, rejectionReason: status === "REJECTED" || status === "HIDDEN" ? "Earlier reason" : null });

/** Nothing the author receives may name the moderator or carry the internal note. */
function expectNothingInternal(text: string) {
  expect(text).not.toContain(NOTE);
  expect(text).not.toContain(displayName(moderator));
  expect(text).not.toContain(displayName(otherModerator));
  expect(text).not.toContain(moderator.email);
}

describe("decideContribution: the allowed transitions", () => {
  it("approves a pending contribution: status, version, log, notice and e-mail together", async () => {
    const pending = await contribution("PENDING", "Explainability for benefit decisions");
    const result = await decideContribution({ contributionId: pending.id, version: 1, decision: "APPROVE", note: NOTE });
    expect(result).toEqual({ contributionId: pending.id, reference: pending.reference, status: "APPROVED", version: 2 });

    const { row, events, notices, emails } = await writtenAbout(pending);
    expect(row).toEqual({ status: "APPROVED", version: 2, openFlagCount: 0, rejectionReason: null, decidedAt: expect.any(Date), awaitingSince: null });
    expect(events).toEqual([
      {
        id: expect.any(String),
        contributionId: pending.id,
        actorId: moderator.id,
        subjectUserId: author.id,
        action: "APPROVE",
        fromStatus: "PENDING",
        toStatus: "APPROVED",
        reason: null,
        note: NOTE,
        createdAt: row.decidedAt,
      },
    ]);
    expect(notices).toEqual([
      expect.objectContaining({
        userId: author.id,
        message: `Your contribution "Explainability for benefit decisions" (${pending.reference}) has been approved and is now published.`,
        link: `/contributions/${pending.reference}`,
        readAt: null,
      }),
    ]);
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email).toMatchObject({ dedupeKey: `moderation:${events[0]?.id}`, to: author.email, subject: `Your contribution ${pending.reference} is published` });
    expect(email?.text).toContain(`Your contribution "Explainability for benefit decisions" (${pending.reference}) to the consultation "${consultationTitle}"`);
    expect(email?.text).toContain("published with your name, as you chose");
    expect(email?.text).toContain(`http://localhost:3000/contributions/${pending.reference}`);
    for (const text of [notices[0]?.message ?? "", email?.subject ?? "", email?.text ?? ""]) expectNothingInternal(text);
  });

  it("rejects a pending contribution with a listed reason and the moderator's words; the author reads both", async () => {
    const pending = await contribution("PENDING", "Ban all chatbots");
    const result = await decideContribution({
      contributionId: pending.id,
      version: 1,
      decision: "REJECT",
      reasonId: offTopic.id,
      reasonText: "  This consultation is about public services, not chatbots in general.  ",
      note: NOTE,
    });
    expect(result).toMatchObject({ status: "REJECTED", version: 2 });
    const reason = `${offTopic.label}: This consultation is about public services, not chatbots in general.`;
    const { row, events, notices, emails } = await writtenAbout(pending);
    expect(row).toMatchObject({ status: "REJECTED", rejectionReason: reason, awaitingSince: null, decidedAt: expect.any(Date) });
    expect(events).toEqual([expect.objectContaining({ action: "REJECT", fromStatus: "PENDING", toStatus: "REJECTED", reason, note: NOTE, actorId: moderator.id })]);
    expect(notices).toEqual([
      expect.objectContaining({
        message: `Your contribution "Ban all chatbots" (${pending.reference}) was not approved for publication. Reason: ${reason}`,
        link: `/my-contributions/${pending.reference}`,
      }),
    ]);
    expect(emails).toEqual([expect.objectContaining({ subject: `Your contribution ${pending.reference} was not approved`, text: expect.stringContaining(`Reason: ${reason}`) })]);
    expectNothingInternal(`${notices[0]?.message} ${emails[0]?.text}`);
  });

  it("takes a listed reason alone, or the moderator's words alone", async () => {
    const listed = await contribution("PENDING");
    await decideContribution({ contributionId: listed.id, version: 1, decision: "REJECT", reasonId: offTopic.id });
    expect((await writtenAbout(listed)).row.rejectionReason).toBe(offTopic.label);

    const written = await contribution("PENDING");
    await decideContribution({ contributionId: written.id, version: "1", decision: "REJECT", reasonId: "", reasonText: "Duplicate of your earlier contribution." });
    expect((await writtenAbout(written)).row.rejectionReason).toBe("Duplicate of your earlier contribution.");
  });

  it("approves a rejected contribution on reconsideration, and the old reason goes", async () => {
    const rejected = await contribution("REJECTED");
    await expect(decideContribution({ contributionId: rejected.id, version: 1, decision: "APPROVE" })).resolves.toMatchObject({ status: "APPROVED", version: 2 });
    const { row, events } = await writtenAbout(rejected);
    expect(row).toMatchObject({ status: "APPROVED", rejectionReason: null });
    expect(events).toEqual([expect.objectContaining({ action: "APPROVE", fromStatus: "REJECTED", toStatus: "APPROVED" })]);
  });

  it("hides a reported contribution with a reason and acts on the reports: all resolved, out of the queue", async () => {
    const published = await contribution("APPROVED", "A post with a phone number");
    await reportAs(published.reference, reporters.map((reporter) => reporter.id), "PERSONAL_DATA");
    await signInAs(moderator.id);
    expect((await writtenAbout(published)).row).toMatchObject({ openFlagCount: 2, awaitingSince: expect.any(Date) });

    await decideContribution({ contributionId: published.id, version: 1, decision: "HIDE", reasonText: "It contains someone's phone number.", note: NOTE });
    const { row, events, notices, emails } = await writtenAbout(published);
    expect(row).toMatchObject({ status: "HIDDEN", version: 2, openFlagCount: 0, awaitingSince: null, rejectionReason: "It contains someone's phone number." });
    const flags = await db.flag.findMany({ where: { contributionId: published.id } });
    expect(flags).toHaveLength(2);
    expect(flags.every((flag) => flag.resolvedAt?.getTime() === events[0]?.createdAt.getTime())).toBe(true);
    expect(events).toEqual([expect.objectContaining({ action: "HIDE", fromStatus: "APPROVED", toStatus: "HIDDEN", reason: "It contains someone's phone number.", note: NOTE })]);
    expect(notices.map((notice) => notice.message)).toEqual([
      `Your contribution "A post with a phone number" (${published.reference}) has been hidden from the public by the moderators. Reason: It contains someone's phone number.`,
    ]);
    expect(emails.map((email) => email.subject)).toEqual([`Your contribution ${published.reference} has been hidden`]);
    // The reporters are told nothing.
    expect(await db.notice.count({ where: { userId: { in: reporters.map((reporter) => reporter.id) } } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { to: { in: reporters.map((reporter) => reporter.email) } } })).toBe(0);
  });

  it("restores a hidden contribution: published again, the reason cleared", async () => {
    const hidden = await contribution("HIDDEN", "Restored after review");
    await expect(decideContribution({ contributionId: hidden.id, version: 1, decision: "RESTORE" })).resolves.toMatchObject({ status: "APPROVED", version: 2 });
    const { row, events, notices, emails } = await writtenAbout(hidden);
    expect(row).toMatchObject({ status: "APPROVED", rejectionReason: null });
    expect(events).toEqual([expect.objectContaining({ action: "RESTORE", fromStatus: "HIDDEN", toStatus: "APPROVED", reason: null })]);
    expect(notices).toEqual([
      expect.objectContaining({ message: `Your contribution "Restored after review" (${hidden.reference}) has been restored and is published again.`, link: `/contributions/${hidden.reference}` }),
    ]);
    expect(emails.map((email) => email.subject)).toEqual([`Your contribution ${hidden.reference} is published again`]);
  });

  it("keeps the time of approval, which open data publishes, through hiding and restoring", async () => {
    const pending = await contribution("PENDING");
    await decideContribution({ contributionId: pending.id, version: 1, decision: "APPROVE" });
    const approvedAt = (await writtenAbout(pending)).events[0]?.createdAt;
    expect((await writtenAbout(pending)).row.decidedAt).toEqual(approvedAt);
    await decideContribution({ contributionId: pending.id, version: 2, decision: "HIDE", reasonText: "Reported, under review." });
    expect((await writtenAbout(pending)).row).toMatchObject({ status: "HIDDEN", decidedAt: approvedAt });
    await decideContribution({ contributionId: pending.id, version: 3, decision: "RESTORE" });
    const { row, events } = await writtenAbout(pending);
    expect(row).toMatchObject({ status: "APPROVED", decidedAt: approvedAt });
    expect(events.map((event) => event.action)).toEqual(["APPROVE", "HIDE", "RESTORE"]);
  });

  it("does not keep a reason sent with an approval: the author is told none", async () => {
    const pending = await contribution("PENDING");
    await decideContribution({ contributionId: pending.id, version: 1, decision: "APPROVE", reasonId: offTopic.id, reasonText: "Nothing to say" });
    const { row, events, notices } = await writtenAbout(pending);
    expect(row.rejectionReason).toBeNull();
    expect(events[0]?.reason).toBeNull();
    expect(notices[0]?.message).not.toContain("Nothing to say");
  });
});

describe("decideContribution: refusals", () => {
  const STATUSES: ContributionStatus[] = ["PENDING", "APPROVED", "REJECTED", "HIDDEN", "WITHDRAWN"];
  const refused = STATUSES.flatMap((status) =>
    DECISIONS.filter((decision) => !TRANSITIONS[decision].from.includes(status)).map((decision) => ({ status, decision })),
  );

  it("covers every decision from every status it does not apply to", () => {
    expect(refused).toHaveLength(STATUSES.length * DECISIONS.length - 5);
  });

  it.each(refused)("refuses $decision on a $status contribution, and nothing changes", async ({ status, decision }) => {
    const target = await contribution(status);
    const before = await moderationSnapshot();
    await expect(decideContribution({ contributionId: target.id, version: 1, decision, reasonText: "A reason" })).rejects.toMatchObject({
      status: 409,
      code: "INVALID_STATE",
      userMessage: decisionRefusal(decision, { status, openFlagCount: 0 }),
    });
    expect(await moderationSnapshot()).toEqual(before);
  });

  it.each(["REJECT", "HIDE"] as const)("asks for a reason to %s, and nothing changes", async (decision) => {
    const target = await contribution(decision === "REJECT" ? "PENDING" : "APPROVED");
    const before = await moderationSnapshot();
    await expect(decideContribution({ contributionId: target.id, version: 1, decision, reasonId: " ", reasonText: "", note: NOTE })).rejects.toMatchObject({
      status: 422,
      fieldErrors: { reasonId: ["Choose a reason from the list or explain the decision to the author."] },
    });
    expect(await moderationSnapshot()).toEqual(before);
  });

  it("refuses an unknown or retired listed reason on its field, and nothing changes", async () => {
    const retired = await createRejectionReason({ label: "Retired reason (moderation tests)", active: false });
    const pending = await contribution("PENDING");
    const before = await moderationSnapshot();
    await expect(decideContribution({ contributionId: pending.id, version: 1, decision: "REJECT", reasonId: "cl0000000000000000000000" })).rejects.toMatchObject({
      status: 422,
      code: "VALIDATION",
      fieldErrors: { reasonId: ["Choose a reason from the list."] },
    });
    await expect(decideContribution({ contributionId: pending.id, version: 1, decision: "REJECT", reasonId: retired.id, reasonText: "With words" })).rejects.toMatchObject({
      status: 422,
      fieldErrors: { reasonId: ["This reason is no longer offered. Choose another one or explain in your own words."] },
    });
    expect(await moderationSnapshot()).toEqual(before);
  });

  it("refuses malformed input with a message per field", async () => {
    await expect(decideContribution({ contributionId: "", version: 0, decision: "PUBLISH" })).rejects.toMatchObject({
      status: 422,
      fieldErrors: { contributionId: ["Choose a contribution."], version: ["The version must be 1 or more."], decision: ["Choose a decision."] },
    });
  });

  it("answers 404 for a contribution that does not exist", async () => {
    await expect(decideContribution({ contributionId: "cl0000000000000000000000", version: 1, decision: "APPROVE" })).rejects.toMatchObject({
      status: 404,
      userMessage: "This contribution could not be found.",
    });
  });
});

describe("a moderator's own contribution", () => {
  const OWN = { status: 403, code: "FORBIDDEN", userMessage: "Another moderator must decide on your own contribution." };
  const own = (status: ContributionStatus) =>
    createTestContribution({ authorId: moderator.id, consultationId, status, rejectionReason: status === "HIDDEN" ? "Earlier reason" : null });

  it("cannot be decided on by its author, whatever the decision, and nothing changes", async () => {
    const [pending, published, hidden] = [await own("PENDING"), await own("APPROVED"), await own("HIDDEN")];
    const before = await moderationSnapshot();
    await expect(decideContribution({ contributionId: pending.id, version: 1, decision: "APPROVE" })).rejects.toMatchObject(OWN);
    await expect(decideContribution({ contributionId: pending.id, version: 1, decision: "REJECT", reasonText: "Not good enough" })).rejects.toMatchObject(OWN);
    await expect(decideContribution({ contributionId: published.id, version: 1, decision: "HIDE", reasonText: "Second thoughts" })).rejects.toMatchObject(OWN);
    await expect(decideContribution({ contributionId: hidden.id, version: 1, decision: "RESTORE" })).rejects.toMatchObject(OWN);
    // A stale version changes nothing to that.
    await expect(decideContribution({ contributionId: pending.id, version: 3, decision: "APPROVE" })).rejects.toMatchObject(OWN);
    expect(await moderationSnapshot()).toEqual(before);

    await signInAs(otherModerator.id);
    await expect(decideContribution({ contributionId: pending.id, version: 1, decision: "APPROVE" })).resolves.toMatchObject({ status: "APPROVED" });
  });

  it("cannot have its reports dismissed by its author, and nothing changes", async () => {
    const published = await own("APPROVED");
    await reportAs(published.reference, [reporters[0]?.id ?? ""]);
    await signInAs(moderator.id);
    const before = await moderationSnapshot();
    await expect(dismissFlags({ contributionId: published.id, version: 1, openFlagCount: 1 })).rejects.toMatchObject(OWN);
    expect(await moderationSnapshot()).toEqual(before);

    await signInAs(otherModerator.id);
    await expect(dismissFlags({ contributionId: published.id, version: 1, openFlagCount: 1 })).resolves.toMatchObject({ version: 2 });
  });
});

describe("decideContribution: versions", () => {
  const latestEvent = (target: TestContribution) =>
    db.moderationEvent.findFirstOrThrow({ where: { contributionId: target.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });

  it("answers a repeated click with the state the first one made, and writes nothing more", async () => {
    const pending = await contribution("PENDING");
    const input = { contributionId: pending.id, version: 1, decision: "REJECT", reasonId: offTopic.id, note: NOTE } as const;
    const first = await decideContribution(input);
    const after = await moderationSnapshot();
    await expect(decideContribution(input)).resolves.toEqual(first);
    expect(await moderationSnapshot()).toEqual(after);
  });

  it("refuses a decision on a version another moderator already decided, naming them and the time; the first decision stands", async () => {
    const pending = await contribution("PENDING");
    await decideContribution({ contributionId: pending.id, version: 1, decision: "APPROVE" });
    const decided = await latestEvent(pending);
    const after = await moderationSnapshot();

    await signInAs(otherModerator.id);
    const expected = `Already decided by ${displayName(moderator)} at ${formatDateTime(decided.createdAt)} (approved and published). Your decision was not applied; reload to see the contribution as it is now.`;
    expect(expected).toMatch(/ UTC \(/);
    for (const decision of ["APPROVE", "REJECT"] as const) {
      await expect(decideContribution({ contributionId: pending.id, version: 1, decision, reasonText: "Too late" })).rejects.toMatchObject({
        status: 409,
        code: "CONFLICT",
        userMessage: expected,
      });
    }
    // The first moderator changing their mind on the old version is refused too.
    await signInAs(moderator.id);
    await expect(decideContribution({ contributionId: pending.id, version: 1, decision: "REJECT", reasonText: "Changed my mind" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await moderationSnapshot()).toEqual(after);

    // On the current version the next decision goes through.
    await signInAs(otherModerator.id);
    await expect(decideContribution({ contributionId: pending.id, version: 2, decision: "HIDE", reasonText: "Reported and checked" })).resolves.toMatchObject({ status: "HIDDEN", version: 3 });
  });

  it("names another moderator without a profile as such", async () => {
    const anonymousModerator = await createTestUser({ role: "MODERATOR" });
    await db.stakeholderProfile.delete({ where: { userId: anonymousModerator.id } });
    const pending = await contribution("PENDING");
    await signInAs(anonymousModerator.id);
    await decideContribution({ contributionId: pending.id, version: 1, decision: "APPROVE" });
    await signInAs(moderator.id);
    await expect(decideContribution({ contributionId: pending.id, version: 1, decision: "APPROVE" })).rejects.toMatchObject({
      userMessage: expect.stringMatching(/^Already decided by another moderator at .+ UTC \(approved and published\)\./),
    });
  });

  it("tells the moderator when the author withdrew it meanwhile", async () => {
    const pending = await contribution("PENDING");
    await signInAs(author.id);
    await withdrawContribution({ reference: pending.reference });
    const withdrawn = await latestEvent(pending);
    await signInAs(moderator.id);
    await expect(decideContribution({ contributionId: pending.id, version: 1, decision: "APPROVE" })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: `The author withdrew this contribution at ${formatDateTime(withdrawn.createdAt)}. Your decision was not applied; reload to see the contribution as it is now.`,
    });
  });

  it("refuses a version the contribution never had", async () => {
    const pending = await contribution("PENDING");
    await expect(decideContribution({ contributionId: pending.id, version: 7, decision: "APPROVE" })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: "This contribution changed just now. Your decision was not applied; reload to see the contribution as it is now.",
    });
  });

  it.runIf(isPostgresRun)("lets exactly one of two moderators deciding at the same moment win; the other is told who", async () => {
    const pending = await contribution("PENDING");
    const [first, second] = [await sessionCookieOf(moderator.id), await sessionCookieOf(otherModerator.id)];
    signOut();
    const results = await Promise.allSettled([
      runAs(first, () => decideContribution({ contributionId: pending.id, version: 1, decision: "APPROVE" })),
      runAs(second, () => decideContribution({ contributionId: pending.id, version: 1, decision: "REJECT", reasonId: offTopic.id })),
    ]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result) => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);

    const { row, events, notices, emails } = await writtenAbout(pending);
    expect(events).toHaveLength(1);
    expect(notices).toHaveLength(1);
    expect(emails).toHaveLength(1);
    expect(row.version).toBe(2);
    const [event] = events;
    const winner = event?.actorId === moderator.id ? moderator : otherModerator;
    expect(row.status).toBe(event?.toStatus);
    expect(won[0]).toMatchObject({ value: { status: event?.toStatus, version: 2 } });
    expect(lost[0]).toMatchObject({
      reason: { code: "CONFLICT", userMessage: expect.stringContaining(`Already decided by ${displayName(winner)} at ${formatDateTime(event?.createdAt ?? new Date())}`) },
    });
  });

  it.runIf(isPostgresRun)("decides once when the same moderator's two clicks arrive together", async () => {
    const pending = await contribution("PENDING");
    const session = await sessionCookieOf(moderator.id);
    const input = { contributionId: pending.id, version: 1, decision: "APPROVE" } as const;
    const results = await Promise.all([runAs(session, () => decideContribution(input)), runAs(session, () => decideContribution(input))]);
    expect(results).toEqual([
      { contributionId: pending.id, reference: pending.reference, status: "APPROVED", version: 2 },
      { contributionId: pending.id, reference: pending.reference, status: "APPROVED", version: 2 },
    ]);
    const { events, notices, emails } = await writtenAbout(pending);
    expect([events.length, notices.length, emails.length]).toEqual([1, 1, 1]);
  });
});

describe("decideContribution: one transaction", () => {
  // A trigger makes the outbox refuse this one address: the e-mail is the
  // last write of a decision, so everything before it must be undone too.
  const FAILING = "refuses-mail@example.org";

  beforeAll(async () => {
    await db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_test_mail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."to" = '${FAILING}' THEN RAISE EXCEPTION 'outbox refused for the test'; END IF;
        RETURN NEW;
      END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_test_mail BEFORE INSERT ON "EmailOutbox" FOR EACH ROW EXECUTE FUNCTION refuse_test_mail()`);
  });

  it("writes nothing at all when the author's e-mail cannot be recorded", async () => {
    const unlucky = await createTestUser({ email: FAILING });
    const pending = await createTestContribution({ authorId: unlucky.id, consultationId, status: "PENDING" });
    const published = await createTestContribution({ authorId: unlucky.id, consultationId, status: "APPROVED" });
    await reportAs(published.reference, [reporters[0]?.id ?? ""]);
    await signInAs(moderator.id);
    const before = await moderationSnapshot();
    await expect(decideContribution({ contributionId: pending.id, version: 1, decision: "REJECT", reasonText: "A reason" })).rejects.toThrow(/outbox refused/);
    await expect(decideContribution({ contributionId: published.id, version: 1, decision: "HIDE", reasonText: "A reason" })).rejects.toThrow(/outbox refused/);
    expect(await moderationSnapshot()).toEqual(before);
  });
});

describe("what the author reads", () => {
  it("shows the decisions and the reasons given, never notes, dismissed reports or who decided", async () => {
    const published = await contribution("APPROVED", "Audit every algorithm");
    await addModeratorNote({ contributionId: published.id, note: NOTE });
    await reportAs(published.reference, [reporters[0]?.id ?? ""]);
    await signInAs(moderator.id);
    await dismissFlags({ contributionId: published.id, version: 1, note: NOTE });
    await decideContribution({ contributionId: published.id, version: 2, decision: "HIDE", reasonId: offTopic.id, note: NOTE });
    await signInAs(otherModerator.id);
    await decideContribution({ contributionId: published.id, version: 3, decision: "RESTORE", note: NOTE });
    await decideContribution({ contributionId: published.id, version: 4, decision: "HIDE", reasonText: "Reported again, and rightly.", note: NOTE });

    await signInAs(author.id);
    const mine = await getMyContribution(published.reference);
    expect(mine?.reason).toBe("Reported again, and rightly.");
    expect(mine?.history.map(({ action, toStatus, reason }) => ({ action, toStatus, reason }))).toEqual([
      { action: "SUBMIT", toStatus: "PENDING", reason: null },
      { action: "HIDE", toStatus: "HIDDEN", reason: offTopic.label },
      { action: "RESTORE", toStatus: "APPROVED", reason: null },
      { action: "HIDE", toStatus: "HIDDEN", reason: "Reported again, and rightly." },
    ]);
    const listed = (await findMyContributions()).find((row) => row.reference === published.reference);
    expect(listed?.reason).toBe("Reported again, and rightly.");

    const everything = JSON.stringify({ mine, listed, notices: await db.notice.findMany({ where: { userId: author.id } }), emails: await db.emailOutbox.findMany({ where: { to: author.email } }) });
    expect(everything).not.toContain(moderator.id);
    expect(everything).not.toContain(otherModerator.id);
    expectNothingInternal(everything);
  });
});

describe("addModeratorNote", () => {
  it.each(["PENDING", "APPROVED", "REJECTED", "HIDDEN", "WITHDRAWN"] as const)("adds a note to a %s contribution and changes nothing else", async (status) => {
    const target = await contribution(status);
    const before = await moderationSnapshot();
    const note = await addModeratorNote({ contributionId: target.id, note: `  ${NOTE}  ` });
    expect(note).toEqual({ id: expect.any(String), contributionId: target.id, createdAt: expect.any(Date) });
    const after = await moderationSnapshot();
    expect(after.contributions).toEqual(before.contributions);
    expect(after.notices).toEqual(before.notices);
    expect(after.emails).toEqual(before.emails);
    expect(after.events).toEqual(
      [
        ...before.events,
        { id: note.id, contributionId: target.id, actorId: moderator.id, subjectUserId: author.id, action: "NOTE", fromStatus: null, toStatus: null, reason: null, note: NOTE, createdAt: note.createdAt },
      ].toSorted((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it("does not make a decision on the version the moderator saw stale", async () => {
    const pending = await contribution("PENDING");
    await signInAs(otherModerator.id);
    await addModeratorNote({ contributionId: pending.id, note: "Looks fine to me" });
    await signInAs(moderator.id);
    await expect(decideContribution({ contributionId: pending.id, version: 1, decision: "APPROVE" })).resolves.toMatchObject({ status: "APPROVED" });
  });

  it("asks for the note and refuses an unknown contribution", async () => {
    const target = await contribution("PENDING");
    await expect(addModeratorNote({ contributionId: target.id, note: "   " })).rejects.toMatchObject({ status: 422, fieldErrors: { note: ["Write the note."] } });
    await expect(addModeratorNote({ contributionId: target.id, note: "x".repeat(2001) })).rejects.toMatchObject({
      fieldErrors: { note: ["Keep the note under 2000 characters."] },
    });
    await expect(addModeratorNote({ contributionId: "cl0000000000000000000000", note: "Hello" })).rejects.toMatchObject({ status: 404 });
  });
});

describe("dismissFlags", () => {
  it("resolves every open report, takes it out of the queue, moves the version on, and tells nobody", async () => {
    const published = await contribution("APPROVED");
    await reportAs(published.reference, reporters.map((reporter) => reporter.id));
    await signInAs(moderator.id);
    const before = await moderationSnapshot();

    await expect(dismissFlags({ contributionId: published.id, version: 1, note: NOTE })).resolves.toEqual({
      contributionId: published.id,
      reference: published.reference,
      status: "APPROVED",
      version: 2,
    });
    const { row, events } = await writtenAbout(published);
    expect(row).toMatchObject({ status: "APPROVED", version: 2, openFlagCount: 0, awaitingSince: null });
    const flags = await db.flag.findMany({ where: { contributionId: published.id } });
    expect(flags.map((flag) => flag.resolvedAt)).toEqual([expect.any(Date), expect.any(Date)]);
    expect(events).toEqual([
      expect.objectContaining({ action: "DISMISS_FLAGS", actorId: moderator.id, subjectUserId: author.id, fromStatus: "APPROVED", toStatus: "APPROVED", note: NOTE, reason: null }),
    ]);
    const after = await moderationSnapshot();
    expect(after.notices).toEqual(before.notices);
    expect(after.emails).toEqual(before.emails);
  });

  it("answers a repeated click the same and refuses a stale version, naming who dismissed", async () => {
    const published = await contribution("APPROVED");
    await reportAs(published.reference, [reporters[0]?.id ?? ""]);
    await signInAs(moderator.id);
    const first = await dismissFlags({ contributionId: published.id, version: 1 });
    const after = await moderationSnapshot();
    await expect(dismissFlags({ contributionId: published.id, version: 1 })).resolves.toEqual(first);
    expect(await moderationSnapshot()).toEqual(after);

    await signInAs(otherModerator.id);
    await expect(decideContribution({ contributionId: published.id, version: 1, decision: "HIDE", reasonText: "Offensive" })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringMatching(new RegExp(`^Already decided by ${displayName(moderator)} at .+ UTC \\(reports dismissed, it stays published\\)\\.`)),
    });
    expect(await moderationSnapshot()).toEqual(after);
  });

  it("refuses to dismiss reports the moderator has not read: one that arrived after the page was opened stays open", async () => {
    const published = await contribution("APPROVED");
    await reportAs(published.reference, [reporters[0]?.id ?? ""]);
    // The moderator opens the contribution with one report; a second arrives.
    await reportAs(published.reference, [reporters[1]?.id ?? ""]);
    await signInAs(moderator.id);
    const before = await moderationSnapshot();
    await expect(dismissFlags({ contributionId: published.id, version: 1, openFlagCount: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: "A new report has arrived since you opened this contribution. Nothing was dismissed; reload to read it first.",
    });
    expect(await moderationSnapshot()).toEqual(before);
    await expect(dismissFlags({ contributionId: published.id, version: 1, openFlagCount: 2 })).resolves.toMatchObject({ version: 2 });
    expect(await db.flag.count({ where: { contributionId: published.id, resolvedAt: null } })).toBe(0);
  });

  it("refuses a contribution without open reports or not published, and nothing changes", async () => {
    const unreported = await contribution("APPROVED");
    const pending = await contribution("PENDING");
    const before = await moderationSnapshot();
    await expect(dismissFlags({ contributionId: unreported.id, version: 1 })).rejects.toMatchObject({
      code: "INVALID_STATE",
      userMessage: "This contribution has no open reports to dismiss.",
    });
    await expect(dismissFlags({ contributionId: pending.id, version: 1 })).rejects.toMatchObject({
      code: "INVALID_STATE",
      userMessage: "Only the reports on a published contribution can be dismissed.",
    });
    await expect(dismissFlags({ contributionId: "cl0000000000000000000000", version: 1 })).rejects.toMatchObject({ status: 404 });
    expect(await moderationSnapshot()).toEqual(before);
  });
});

describe("the moderation log", () => {
  it("keeps every event as written: later decisions only append", async () => {
    const pending = await contribution("PENDING");
    const log = () => db.moderationEvent.findMany({ where: { contributionId: pending.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    const seen = [await log()];
    await decideContribution({ contributionId: pending.id, version: 1, decision: "REJECT", reasonText: "Not about AI", note: "first look" });
    seen.push(await log());
    await signInAs(otherModerator.id);
    await addModeratorNote({ contributionId: pending.id, note: "second opinion: it is about AI" });
    seen.push(await log());
    await decideContribution({ contributionId: pending.id, version: 2, decision: "APPROVE", note: "reconsidered" });
    seen.push(await log());

    for (let index = 1; index < seen.length; index += 1) {
      expect(seen[index]?.slice(0, seen[index - 1]?.length)).toEqual(seen[index - 1]);
      expect(seen[index]).toHaveLength((seen[index - 1]?.length ?? 0) + 1);
    }
    expect(seen.at(-1)?.map(({ action, actorId, fromStatus, toStatus, reason, note }) => ({ action, actorId, fromStatus, toStatus, reason, note }))).toEqual([
      { action: "SUBMIT", actorId: author.id, fromStatus: null, toStatus: "PENDING", reason: null, note: null },
      { action: "REJECT", actorId: moderator.id, fromStatus: "PENDING", toStatus: "REJECTED", reason: "Not about AI", note: "first look" },
      { action: "NOTE", actorId: otherModerator.id, fromStatus: null, toStatus: null, reason: null, note: "second opinion: it is about AI" },
      { action: "APPROVE", actorId: otherModerator.id, fromStatus: "REJECTED", toStatus: "APPROVED", reason: null, note: "reconsidered" },
    ]);
    expect(seen.at(-1)?.every((event) => event.createdAt instanceof Date)).toBe(true);
  });
});
