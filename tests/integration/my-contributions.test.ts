import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findMyContributions } from "@/lib/contributions/find-my-contributions";
import { getContribution } from "@/lib/contributions/get-contribution";
import { getMyContribution } from "@/lib/contributions/get-my-contribution";
import { withdrawContributionAction } from "@/lib/contributions/actions";
import { withdrawContribution } from "@/lib/contributions/withdraw-contribution";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import { createTestContribution, type TestContribution, type TestContributionOptions } from "../helpers/contribution-factory";
import { createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

const MINUTE = 60_000;
const start = Date.now() - 60 * MINUTE;
const minutes = (n: number) => new Date(start + n * MINUTE);

let consultation: TestConsultation;
let other: TestConsultation;
let author: TestUser;
let stranger: TestUser;
let moderator: TestUser;

beforeAll(async () => {
  consultation = await createTestConsultation({ title: "Trustworthy AI" });
  other = await createTestConsultation({ title: "AI skills" });
  author = await createTestUser();
  stranger = await createTestUser();
  moderator = await createTestUser({ role: "MODERATOR" });
});

beforeEach(() => signOut());

/** Everything a withdrawal could change, for "nothing changed" checks. */
async function snapshot() {
  const [contributions, events] = await Promise.all([
    db.contribution.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, version: true, updatedAt: true, decidedAt: true } }),
    db.moderationEvent.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { contributions, events };
}

const mine = (status: ContributionStatus, extra: Partial<TestContributionOptions> = {}) =>
  createTestContribution({ authorId: author.id, consultationId: consultation.id, status, ...extra });

describe("findMyContributions", () => {
  it("refuses a visitor", async () => {
    await expect(findMyContributions()).rejects.toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });

  it("lists every contribution of mine in every state, newest first, and nobody else's", async () => {
    const user = await createTestUser();
    const create = (status: ContributionStatus, at: number, consultationId = consultation.id, rejectionReason: string | null = null) =>
      createTestContribution({ authorId: user.id, consultationId, status, submittedAt: minutes(at), rejectionReason, title: `Mine ${status}` });
    const pending = await create("PENDING", 5);
    const approved = await create("APPROVED", 4, other.id);
    const rejected = await create("REJECTED", 3, consultation.id, "Off topic");
    const hidden = await create("HIDDEN", 2, consultation.id, "Contains personal data");
    const withdrawn = await create("WITHDRAWN", 1);
    await createTestContribution({ authorId: stranger.id, consultationId: consultation.id, status: "PENDING", title: "Not mine" });

    await signInAs(user.id);
    const list = await findMyContributions();
    expect(list.map((row) => row.reference)).toEqual([pending, approved, rejected, hidden, withdrawn].map((row) => row.reference));
    expect(list[0]).toEqual({
      reference: pending.reference,
      title: "Mine PENDING",
      status: "PENDING",
      reason: null,
      submittedAt: minutes(5),
      consultation: { slug: consultation.slug, title: consultation.title },
      canEdit: true,
    });
    expect(list.map((row) => row.canEdit)).toEqual([true, false, false, false, false]);
    expect(list[1]?.consultation).toEqual({ slug: other.slug, title: other.title });
    expect(list.map((row) => row.reason)).toEqual([null, null, "Off topic", "Contains personal data", null]);
  });

  it("is empty for someone who has not contributed", async () => {
    await signInAs((await createTestUser()).id);
    expect(await findMyContributions()).toEqual([]);
  });
});

describe("getMyContribution", () => {
  let rejected: TestContribution;

  beforeAll(async () => {
    rejected = await mine("REJECTED", { rejectionReason: "Not related to the consultation" });
    await db.moderationEvent.createMany({
      data: [
        { contributionId: rejected.id, actorId: author.id, action: "EDIT", fromStatus: "PENDING", toStatus: "PENDING", createdAt: new Date(Date.now() + 1_000) },
        {
          contributionId: rejected.id,
          actorId: moderator.id,
          action: "NOTE",
          note: "INTERNAL-NOTE-looks like a lobby campaign",
          createdAt: new Date(Date.now() + 2_000),
        },
        {
          contributionId: rejected.id,
          actorId: moderator.id,
          action: "REJECT",
          fromStatus: "PENDING",
          toStatus: "REJECTED",
          reason: "Not related to the consultation",
          note: "INTERNAL-NOTE-second copy of the same text",
          createdAt: new Date(Date.now() + 3_000),
        },
      ],
    });
  });

  it("refuses a visitor", async () => {
    await expect(getMyContribution(rejected.reference)).rejects.toMatchObject({ status: 401 });
  });

  it("shows the history as the author may read it: what, when and the reason, never notes or moderators", async () => {
    await signInAs(author.id);
    const detail = await getMyContribution(rejected.reference);
    expect(detail).toMatchObject({
      reference: rejected.reference,
      status: "REJECTED",
      reason: "Not related to the consultation",
      consultation: { slug: consultation.slug, title: consultation.title },
      canEdit: false,
      canWithdraw: false,
    });
    expect(detail?.history.map((entry) => [entry.action, entry.toStatus, entry.reason])).toEqual([
      ["SUBMIT", "PENDING", null],
      ["EDIT", "PENDING", null],
      ["REJECT", "REJECTED", "Not related to the consultation"],
    ]);
    for (const entry of detail?.history ?? []) expect(Object.keys(entry).sort()).toEqual(["action", "at", "id", "reason", "toStatus"]);
    const text = JSON.stringify(detail);
    expect(text).not.toContain("INTERNAL-NOTE");
    expect(text).not.toContain(moderator.id);
    expect(text).not.toContain(moderator.email);
    expect(text).not.toContain(`Test ${moderator.email.split("@")[0]}`);
  });

  it("offers editing while pending, withdrawing while pending or published", async () => {
    await signInAs(author.id);
    const states: ContributionStatus[] = ["PENDING", "APPROVED", "REJECTED", "HIDDEN", "WITHDRAWN"];
    const offers = [];
    for (const status of states) {
      const contribution = await mine(status);
      const detail = await getMyContribution(contribution.reference);
      offers.push([status, detail?.canEdit, detail?.canWithdraw]);
    }
    expect(offers).toEqual([
      ["PENDING", true, true],
      ["APPROVED", false, true],
      ["REJECTED", false, false],
      ["HIDDEN", false, false],
      ["WITHDRAWN", false, false],
    ]);
  });

  it("does not show another user's contribution, nor a malformed reference", async () => {
    await signInAs(stranger.id);
    expect(await getMyContribution(rejected.reference)).toBeNull();
    await signInAs(moderator.id);
    expect(await getMyContribution(rejected.reference)).toBeNull();
    expect(await getMyContribution("'; DROP TABLE \"Contribution\"; --")).toBeNull();
    expect(await getMyContribution("AGR-2026-999999")).toBeNull();
  });
});

describe("withdrawContribution refusals", () => {
  it("refuses a visitor, and nothing changes", async () => {
    const pending = await mine("PENDING");
    const before = await snapshot();
    await expect(withdrawContribution({ reference: pending.reference })).rejects.toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["another participant", () => stranger],
    ["a moderator", () => moderator],
  ])("answers %s that the contribution does not exist, and nothing changes", async (_name, caller) => {
    const pending = await mine("PENDING");
    const approved = await mine("APPROVED");
    await signInAs(caller().id);
    const before = await snapshot();
    for (const contribution of [pending, approved]) {
      await expect(withdrawContribution({ reference: contribution.reference })).rejects.toMatchObject({ status: 404, code: "NOT_FOUND" });
    }
    expect(await snapshot()).toEqual(before);
  });

  it.each(["REJECTED", "HIDDEN"] as const)("refuses to withdraw a %s contribution, and nothing changes", async (status) => {
    const contribution = await mine(status, { rejectionReason: "Off topic" });
    await signInAs(author.id);
    const before = await snapshot();
    await expect(withdrawContribution({ reference: contribution.reference })).rejects.toMatchObject({
      status: 409,
      code: "INVALID_STATE",
      userMessage: "Only a contribution that is pending or published can be withdrawn.",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a malformed or unknown reference, and nothing changes", async () => {
    await signInAs(author.id);
    const before = await snapshot();
    await expect(withdrawContribution({ reference: "not-a-reference" })).rejects.toMatchObject({ status: 422, code: "VALIDATION" });
    await expect(withdrawContribution({})).rejects.toMatchObject({ status: 422 });
    await expect(withdrawContribution({ reference: "AGR-2026-999999" })).rejects.toMatchObject({ status: 404 });
    expect(await snapshot()).toEqual(before);
  });
});

describe("withdrawContribution by the author", () => {
  beforeEach(async () => {
    await signInAs(author.id);
  });

  it.each(["PENDING", "APPROVED"] as const)("withdraws a %s contribution: new status, next version, one WITHDRAW event", async (status) => {
    const contribution = await mine(status);
    const before = await db.contribution.findUniqueOrThrow({ where: { id: contribution.id }, select: { version: true } });

    expect(await withdrawContribution({ reference: contribution.reference.toLowerCase() })).toEqual({
      reference: contribution.reference,
      status: "WITHDRAWN",
    });

    const after = await db.contribution.findUniqueOrThrow({ where: { id: contribution.id }, select: { status: true, version: true } });
    expect(after).toEqual({ status: "WITHDRAWN", version: before.version + 1 });
    const events = await db.moderationEvent.findMany({ where: { contributionId: contribution.id, action: "WITHDRAW" } });
    expect(events).toEqual([
      expect.objectContaining({ actorId: author.id, fromStatus: status, toStatus: "WITHDRAWN", reason: null, note: null }),
    ]);
    expect((await getMyContribution(contribution.reference))?.history.at(-1)).toMatchObject({ action: "WITHDRAW", toStatus: "WITHDRAWN" });
  });

  it("takes a published contribution off the public page", async () => {
    const approved = await mine("APPROVED");
    signOut();
    expect(await getContribution(approved.reference)).not.toBeNull();
    await signInAs(author.id);
    await withdrawContribution({ reference: approved.reference });
    signOut();
    expect(await getContribution(approved.reference)).toBeNull();
  });

  it("answers a second withdrawal the same way and changes nothing more", async () => {
    const pending = await mine("PENDING");
    const first = await withdrawContribution({ reference: pending.reference });
    const afterFirst = await snapshot();
    const second = await withdrawContribution({ reference: pending.reference });
    expect(second).toEqual(first);
    expect(await snapshot()).toEqual(afterFirst);
  });

  it("withdraws once when two requests arrive together (a double click)", async () => {
    const pending = await mine("PENDING");
    const results = await Promise.all([
      withdrawContribution({ reference: pending.reference }),
      withdrawContribution({ reference: pending.reference }),
    ]);
    expect(results).toEqual([
      { reference: pending.reference, status: "WITHDRAWN" },
      { reference: pending.reference, status: "WITHDRAWN" },
    ]);
    const row = await db.contribution.findUniqueOrThrow({ where: { id: pending.id }, select: { version: true } });
    expect(row.version).toBe(2);
    expect(await db.moderationEvent.count({ where: { contributionId: pending.id, action: "WITHDRAW" } })).toBe(1);
  });

  it("answers through the server action with the same message on every click", async () => {
    const pending = await mine("PENDING");
    const answers = [await withdrawContributionAction({ reference: pending.reference }), await withdrawContributionAction({ reference: pending.reference })];
    expect(answers[0]).toEqual({
      ok: true,
      data: { reference: pending.reference, status: "WITHDRAWN" },
      message: "Your contribution has been withdrawn. It is no longer shown publicly.",
    });
    expect(answers[1]).toEqual(answers[0]);
  });
});

describe("withdrawContributionAction refusals", () => {
  it("tells another participant the contribution cannot be found, and nothing changes", async () => {
    const pending = await mine("PENDING");
    await signInAs(stranger.id);
    const before = await snapshot();
    expect(await withdrawContributionAction({ reference: pending.reference })).toEqual({ ok: false, message: "This contribution could not be found." });
    signOut();
    expect(await withdrawContributionAction({ reference: pending.reference })).toEqual({ ok: false, message: "Please sign in to continue." });
    expect(await snapshot()).toEqual(before);
  });
});
