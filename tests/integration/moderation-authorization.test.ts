import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addModeratorNoteAction, bulkDecideAction, decideContributionAction, dismissFlagsAction, suspendAuthorAction } from "@/lib/moderation/actions";
import { addModeratorNote } from "@/lib/moderation/add-moderator-note";
import { bulkDecide } from "@/lib/moderation/bulk-decide";
import { decideContribution } from "@/lib/moderation/decide-contribution";
import { dismissFlags } from "@/lib/moderation/dismiss-flags";
import type { DecideContributionInput } from "@/lib/moderation/schema";
import { createTestContribution, type TestContribution } from "../helpers/contribution-factory";
import { createTestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { createRejectionReason, moderationSnapshot, reportAs } from "../helpers/moderation-fixtures";
import { signInAs, signOut } from "../helpers/session";

// Every moderation entry point, domain function and server action, refuses
// a visitor (401) and a participant (403), the author of the contribution
// included, before it reads or writes anything.

let author: TestUser;
let participant: TestUser;
let reporter: TestUser;
let reasonId: string;
let pending: TestContribution;
let published: TestContribution;
let hidden: TestContribution;

beforeAll(async () => {
  const consultationId = (await createTestConsultation()).id;
  author = await createTestUser();
  participant = await createTestUser();
  reporter = await createTestUser();
  reasonId = (await createRejectionReason()).id;
  pending = await createTestContribution({ authorId: author.id, consultationId, status: "PENDING" });
  published = await createTestContribution({ authorId: author.id, consultationId, status: "APPROVED" });
  hidden = await createTestContribution({ authorId: author.id, consultationId, status: "HIDDEN", rejectionReason: "Off topic" });
  await reportAs(published.reference, [reporter.id]);
});

beforeEach(() => signOut());

const decisions = (): DecideContributionInput[] => [
  { contributionId: pending.id, version: 1, decision: "APPROVE" },
  { contributionId: pending.id, version: 1, decision: "REJECT", reasonId },
  { contributionId: published.id, version: 1, decision: "HIDE", reasonText: "Offensive" },
  { contributionId: hidden.id, version: 1, decision: "RESTORE" },
];

const callers = [
  { name: "an anonymous visitor", signIn: async () => undefined, status: 401, code: "UNAUTHENTICATED", message: "Please sign in to continue." },
  { name: "a participant", signIn: () => signInAs(participant.id), status: 403, code: "FORBIDDEN", message: "You do not have permission to do this." },
  { name: "the author", signIn: () => signInAs(author.id), status: 403, code: "FORBIDDEN", message: "You do not have permission to do this." },
];

describe.each(callers)("$name", ({ signIn, status, code, message }) => {
  beforeEach(signIn);

  it("cannot take any decision, and nothing changes", async () => {
    const before = await moderationSnapshot();
    for (const input of decisions()) await expect(decideContribution(input)).rejects.toMatchObject({ status, code });
    expect(await moderationSnapshot()).toEqual(before);
  });

  it("cannot approve or reject in bulk, add a note or dismiss reports, and nothing changes", async () => {
    const before = await moderationSnapshot();
    const items = [{ contributionId: pending.id, version: 1 }];
    await expect(bulkDecide({ decision: "APPROVE", items })).rejects.toMatchObject({ status, code });
    await expect(bulkDecide({ decision: "REJECT", items, reasonText: "Spam" })).rejects.toMatchObject({ status, code });
    await expect(addModeratorNote({ contributionId: pending.id, note: "I am a moderator, honestly" })).rejects.toMatchObject({ status, code });
    await expect(dismissFlags({ contributionId: published.id, version: 1 })).rejects.toMatchObject({ status, code });
    expect(await moderationSnapshot()).toEqual(before);
  });

  it("is refused before the input is even read", async () => {
    await expect(decideContribution({ decision: "NUKE" })).rejects.toMatchObject({ status, code });
    await expect(bulkDecide(null)).rejects.toMatchObject({ status, code });
    await expect(dismissFlags({ contributionId: "does-not-exist", version: 1 })).rejects.toMatchObject({ status, code });
    // What a hand-made request can send to a server action, whatever its type says.
    const refusal = { ok: false, message };
    for (const input of [null, undefined, "x", {}]) {
      expect(await suspendAuthorAction(input as never)).toEqual(refusal);
      expect(await decideContributionAction(input as never)).toEqual(refusal);
      expect(await bulkDecideAction(input as never)).toEqual(refusal);
      expect(await dismissFlagsAction(input as never)).toEqual(refusal);
      expect(await addModeratorNoteAction(input as never)).toEqual(refusal);
    }
  });

  it("gets a refusal from every server action, and nothing changes", async () => {
    const before = await moderationSnapshot();
    const refusal = { ok: false, message };
    for (const input of decisions()) expect(await decideContributionAction(input)).toEqual(refusal);
    const items = [{ contributionId: pending.id, version: 1 }];
    expect(await bulkDecideAction({ decision: "APPROVE", items })).toEqual(refusal);
    expect(await bulkDecideAction({ decision: "REJECT", items, reasonId })).toEqual(refusal);
    expect(await addModeratorNoteAction({ contributionId: pending.id, note: "Looks fine" })).toEqual(refusal);
    expect(await dismissFlagsAction({ contributionId: published.id, version: 1 })).toEqual(refusal);
    expect(await suspendAuthorAction({ userId: reporter.id, reason: "Reports everything" })).toEqual(refusal);
    expect(await moderationSnapshot()).toEqual(before);
  });
});

describe("a moderator whose account was suspended meanwhile", () => {
  it("is signed out: every entry point answers 401, and nothing changes", async () => {
    const moderator = await createTestUser({ role: "MODERATOR" });
    await signInAs(moderator.id);
    await db.user.update({ where: { id: moderator.id }, data: { suspendedAt: new Date() } });
    const before = await moderationSnapshot();
    await expect(decideContribution(decisions()[0])).rejects.toMatchObject({ status: 401 });
    expect(await bulkDecideAction({ decision: "APPROVE", items: [{ contributionId: pending.id, version: 1 }] })).toEqual({ ok: false, message: "Please sign in to continue." });
    expect(await moderationSnapshot()).toEqual(before);
  });
});

describe("moderators and administrators", () => {
  it("use every server action, each answering with a short confirmation", async () => {
    const consultationId = (await createTestConsultation()).id;
    const [toApprove, toReject, toBulk, reported] = [
      await createTestContribution({ authorId: author.id, consultationId, status: "PENDING" }),
      await createTestContribution({ authorId: author.id, consultationId, status: "PENDING" }),
      await createTestContribution({ authorId: author.id, consultationId, status: "PENDING" }),
      await createTestContribution({ authorId: author.id, consultationId, status: "APPROVED" }),
    ];
    await reportAs(reported.reference, [reporter.id]);
    const moderator = await createTestUser({ role: "MODERATOR" });
    const admin = await createTestUser({ role: "ADMIN" });

    await signInAs(moderator.id);
    await expect(decideContributionAction({ contributionId: toApprove.id, version: 1, decision: "APPROVE" })).resolves.toEqual({
      ok: true,
      data: { contributionId: toApprove.id, reference: toApprove.reference, status: "APPROVED", version: 2 },
      message: `Approved ${toApprove.reference}. It is published.`,
    });
    await expect(decideContributionAction({ contributionId: toApprove.id, version: 2, decision: "HIDE", reasonId })).resolves.toMatchObject({
      message: `Hid ${toApprove.reference} from the public. The author has been told why.`,
    });
    await expect(dismissFlagsAction({ contributionId: reported.id, version: 1, note: "Within the rules" })).resolves.toEqual({
      ok: true,
      data: { contributionId: reported.id, reference: reported.reference, status: "APPROVED", version: 2 },
      message: `Dismissed the reports on ${reported.reference}. It stays published.`,
    });
    await expect(addModeratorNoteAction({ contributionId: toReject.id, note: "Ask the policy team" })).resolves.toEqual({
      ok: true,
      data: undefined,
      message: "Note added. Only moderators can read it.",
    });
    await expect(suspendAuthorAction({ userId: reporter.id, reason: "Reports everything" })).resolves.toEqual({
      ok: true,
      data: undefined,
      message: "Account suspended. They have been signed out and cannot sign in or contribute.",
    });
    await expect(suspendAuthorAction({ userId: reporter.id, reason: "Reports everything" })).resolves.toMatchObject({ ok: true, message: "This account was already suspended." });
    await expect(suspendAuthorAction({ userId: admin.id, reason: "Disagrees with me" })).resolves.toEqual({
      ok: false,
      message: "Moderators can suspend or reinstate participants only. Ask an administrator about this account.",
    });
    await expect(suspendAuthorAction({ userId: author.id })).resolves.toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { reason: ["Say why you are suspending this account (at least 5 characters)."] },
    });

    await signInAs(admin.id);
    await expect(decideContributionAction({ contributionId: toReject.id, version: 1, decision: "REJECT", reasonText: "Not about AI" })).resolves.toMatchObject({
      ok: true,
      message: `Rejected ${toReject.reference}. The author has been told why.`,
    });
    await expect(decideContributionAction({ contributionId: toApprove.id, version: 3, decision: "RESTORE" })).resolves.toMatchObject({
      message: `Restored ${toApprove.reference}. It is published again.`,
    });
    await expect(bulkDecideAction({ decision: "APPROVE", items: [{ contributionId: toBulk.id, version: 1 }] })).resolves.toEqual({
      ok: true,
      data: { count: 1 },
      message: "Approved 1 contribution.",
    });
    const actors = await db.moderationEvent.findMany({ where: { actorId: { in: [moderator.id, admin.id] } }, select: { actorId: true, action: true } });
    expect(actors).toHaveLength(8);
  });
});
