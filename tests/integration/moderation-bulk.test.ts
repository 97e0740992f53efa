import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withdrawContribution } from "@/lib/contributions/withdraw-contribution";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import { bulkDecideAction } from "@/lib/moderation/actions";
import { bulkDecide } from "@/lib/moderation/bulk-decide";
import { decideContribution } from "@/lib/moderation/decide-contribution";
import { BULK_LIMIT } from "@/lib/moderation/schema";
import { isPostgresRun } from "../helpers/empty-database";
import { runAs, sessionCookieOf } from "../helpers/concurrent-sessions";
import { createTestContribution, type TestContribution } from "../helpers/contribution-factory";
import { createTestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { createRejectionReason, moderationSnapshot, writtenAbout } from "../helpers/moderation-fixtures";
import { signInAs, signOut } from "../helpers/session";

let consultationId: string;
let authors: TestUser[];
let moderator: TestUser;
let otherModerator: TestUser;
let duplicate: { id: string; label: string };

beforeAll(async () => {
  consultationId = (await createTestConsultation()).id;
  authors = [await createTestUser(), await createTestUser()];
  moderator = await createTestUser({ role: "MODERATOR" });
  otherModerator = await createTestUser({ role: "MODERATOR" });
  duplicate = await createRejectionReason({ label: "Duplicate (bulk tests)" });
});

beforeEach(async () => {
  signOut();
  await signInAs(moderator.id);
});

async function several(count: number, status: ContributionStatus = "PENDING"): Promise<TestContribution[]> {
  const made: TestContribution[] = [];
  for (let index = 0; index < count; index += 1) {
    made.push(await createTestContribution({ authorId: authors[index % authors.length]?.id ?? "", consultationId, status, title: `Bulk item ${index + 1}` }));
  }
  return made;
}

const displayName = (user: TestUser) => `Test ${user.email.split("@")[0]}`;

const itemsOf = (contributions: TestContribution[], version = 1) => contributions.map((contribution) => ({ contributionId: contribution.id, version }));

describe("bulkDecide", () => {
  it("approves a selection in one go: each gets its event, notice and e-mail", async () => {
    const selection = await several(3);
    const result = await bulkDecide({ decision: "APPROVE", items: itemsOf(selection), note: "Batch from the morning queue" });
    expect(result).toEqual({ count: 3, references: selection.map((contribution) => contribution.reference) });
    for (const contribution of selection) {
      const { row, events, notices, emails } = await writtenAbout(contribution);
      expect(row).toMatchObject({ status: "APPROVED", version: 2, awaitingSince: null, decidedAt: expect.any(Date) });
      expect(events).toEqual([
        expect.objectContaining({
          action: "APPROVE",
          actorId: moderator.id,
          subjectUserId: contribution.authorId,
          fromStatus: "PENDING",
          toStatus: "APPROVED",
          note: "Batch from the morning queue",
        }),
      ]);
      expect(notices).toEqual([expect.objectContaining({ userId: contribution.authorId, link: `/contributions/${contribution.reference}` })]);
      expect(emails).toEqual([expect.objectContaining({ dedupeKey: `moderation:${events[0]?.id}`, subject: `Your contribution ${contribution.reference} is published` })]);
      expect(`${notices[0]?.message} ${emails[0]?.text}`).not.toContain("Batch from the morning queue");
    }
  });

  it("rejects a selection with one reason for all, which each author reads", async () => {
    const selection = await several(2);
    await bulkDecide({ decision: "REJECT", items: itemsOf(selection), reasonId: duplicate.id, reasonText: "Already sent." });
    for (const contribution of selection) {
      const { row, events, notices, emails } = await writtenAbout(contribution);
      const reason = `${duplicate.label}: Already sent.`;
      expect(row).toMatchObject({ status: "REJECTED", rejectionReason: reason });
      expect(events).toEqual([expect.objectContaining({ action: "REJECT", reason })]);
      expect(notices[0]?.message).toContain(`Reason: ${reason}`);
      expect(emails[0]?.text).toContain(`Reason: ${reason}`);
    }
  });

  it("reconsiders rejected contributions along with pending ones", async () => {
    const [pending] = await several(1);
    const [rejected] = await several(1, "REJECTED");
    const selection = [pending, rejected].filter((contribution): contribution is TestContribution => contribution !== undefined);
    await expect(bulkDecide({ decision: "APPROVE", items: itemsOf(selection) })).resolves.toMatchObject({ count: 2 });
  });

  it("decides nothing when one contribution is in a state the decision does not apply to, and names it", async () => {
    const pending = await several(2);
    const [published] = await several(1, "APPROVED");
    const [withdrawn] = await several(1, "WITHDRAWN");
    const selection = [...pending, published, withdrawn].filter((contribution): contribution is TestContribution => contribution !== undefined);
    const before = await moderationSnapshot();
    const refusal = bulkDecide({ decision: "REJECT", items: itemsOf(selection), reasonText: "Off topic" });
    await expect(refusal).rejects.toMatchObject({ status: 409, code: "CONFLICT" });
    const message = ((await refusal.catch((error: unknown) => error)) as { userMessage: string }).userMessage;
    expect(message).toMatch(/^Nothing was decided: .+\. Reload the queue and try again\.$/);
    expect(message).toContain(`${published?.reference} is published`);
    expect(message).toContain(`${withdrawn?.reference} was withdrawn by its author`);
    for (const contribution of pending) expect(message).not.toContain(contribution.reference);
    expect(await moderationSnapshot()).toEqual(before);
  });

  it("decides nothing when another moderator decided one of them since the queue was loaded, and says who and when", async () => {
    const selection = await several(3);
    await signInAs(otherModerator.id);
    await decideContribution({ contributionId: selection[1]?.id, version: 1, decision: "APPROVE" });
    await signInAs(moderator.id);
    const decided = await db.moderationEvent.findFirstOrThrow({ where: { contributionId: selection[1]?.id, action: "APPROVE" } });
    const before = await moderationSnapshot();
    await expect(bulkDecide({ decision: "REJECT", items: itemsOf(selection), reasonId: duplicate.id })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage:
        `Nothing was decided: ${selection[1]?.reference} was already decided by ${displayName(otherModerator)} at ${formatDateTime(decided.createdAt)} ` +
        "(approved and published). Reload the queue and try again.",
    });
    expect(await moderationSnapshot()).toEqual(before);
  });

  it("decides nothing when an author withdrew or edited one since the queue was loaded, and says when", async () => {
    const selection = await several(3);
    const [withdrawn, edited] = [selection[0]!, selection[2]!];
    await signInAs(withdrawn.authorId);
    await withdrawContribution({ reference: withdrawn.reference });
    // An edit as the author's form makes it: a new version and an EDIT event.
    const editedAt = new Date();
    await db.contribution.update({ where: { id: edited.id }, data: { title: "Edited since", version: 2 } });
    await db.moderationEvent.create({ data: { contributionId: edited.id, actorId: edited.authorId, action: "EDIT", fromStatus: "PENDING", toStatus: "PENDING", createdAt: editedAt } });
    await signInAs(moderator.id);
    const withdrawal = await db.moderationEvent.findFirstOrThrow({ where: { contributionId: withdrawn.id, action: "WITHDRAW" } });
    const before = await moderationSnapshot();
    await expect(bulkDecide({ decision: "APPROVE", items: itemsOf(selection) })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage:
        `Nothing was decided: ${withdrawn.reference} was withdrawn by its author at ${formatDateTime(withdrawal.createdAt)}; ` +
        `${edited.reference} was edited by its author at ${formatDateTime(editedAt)}. Reload the queue and try again.`,
    });
    expect(await moderationSnapshot()).toEqual(before);
  });

  it("undoes the items already written when a later one fails", async () => {
    // A trigger makes the outbox refuse one address: the second author's
    // e-mail fails after the first contribution was written in the transaction.
    const unlucky = await createTestUser({ email: "bulk-refuses-mail@example.org" });
    await db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_bulk_test_mail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."to" = '${unlucky.email}' THEN RAISE EXCEPTION 'outbox refused for the test'; END IF;
        RETURN NEW;
      END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_bulk_test_mail BEFORE INSERT ON "EmailOutbox" FOR EACH ROW EXECUTE FUNCTION refuse_bulk_test_mail()`);
    try {
      const selection = [...(await several(2)), await createTestContribution({ authorId: unlucky.id, consultationId, status: "PENDING" })];
      const before = await moderationSnapshot();
      await expect(bulkDecide({ decision: "APPROVE", items: itemsOf(selection) })).rejects.toThrow(/outbox refused/);
      expect(await moderationSnapshot()).toEqual(before);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_bulk_test_mail ON "EmailOutbox"`);
    }
  });

  it("answers a repeated click the same and writes nothing more", async () => {
    const selection = await several(2);
    const input = { decision: "APPROVE", items: itemsOf(selection) } as const;
    const first = await bulkDecide(input);
    const after = await moderationSnapshot();
    await expect(bulkDecide(input)).resolves.toEqual(first);
    expect(await moderationSnapshot()).toEqual(after);
  });

  it("decides nothing when the selection holds the moderator's own contributions, and names them", async () => {
    const [pending] = await several(1);
    const own = [
      await createTestContribution({ authorId: moderator.id, consultationId, status: "PENDING" }),
      await createTestContribution({ authorId: moderator.id, consultationId, status: "PENDING" }),
    ];
    const before = await moderationSnapshot();
    await expect(bulkDecide({ decision: "APPROVE", items: itemsOf([pending!, own[0]!]) })).rejects.toMatchObject({
      status: 403,
      code: "FORBIDDEN",
      userMessage: `Nothing was decided: ${own[0]?.reference} is your own contribution. Another moderator must decide on your own contribution.`,
    });
    await expect(bulkDecide({ decision: "REJECT", items: itemsOf(own), reasonText: "Duplicate" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      userMessage: `Nothing was decided: ${own[0]?.reference}, ${own[1]?.reference} are your own contributions. Another moderator must decide on your own contribution.`,
    });
    expect(await moderationSnapshot()).toEqual(before);

    await signInAs(otherModerator.id);
    await expect(bulkDecide({ decision: "APPROVE", items: itemsOf([pending!, ...own]) })).resolves.toMatchObject({ count: 3 });
  });

  it("refuses an unknown contribution in the selection, and nothing changes", async () => {
    const selection = await several(1);
    const before = await moderationSnapshot();
    await expect(bulkDecide({ decision: "APPROVE", items: [...itemsOf(selection), { contributionId: "cl0000000000000000000000", version: 1 }] })).rejects.toMatchObject({
      status: 404,
      userMessage: "One selected contribution could not be found. Nothing was decided; reload the queue and try again.",
    });
    expect(await moderationSnapshot()).toEqual(before);
  });

  it("refuses a malformed selection with a message per field", async () => {
    const [one] = await several(1);
    const item = { contributionId: one?.id ?? "", version: 1 };
    await expect(bulkDecide({ decision: "HIDE", items: [item], reasonText: "x" })).rejects.toMatchObject({ fieldErrors: { decision: ["Choose approve or reject."] } });
    await expect(bulkDecide({ decision: "APPROVE", items: [] })).rejects.toMatchObject({ fieldErrors: { items: ["Select at least one contribution."] } });
    await expect(bulkDecide({ decision: "APPROVE", items: [item, item] })).rejects.toMatchObject({ fieldErrors: { items: ["A contribution is selected twice."] } });
    await expect(bulkDecide({ decision: "REJECT", items: [item] })).rejects.toMatchObject({
      fieldErrors: { reasonId: ["Choose a reason from the list or explain the decision to the author."] },
    });
    const tooMany = Array.from({ length: BULK_LIMIT + 1 }, (_, index) => ({ contributionId: `c${index}`, version: 1 }));
    await expect(bulkDecide({ decision: "APPROVE", items: tooMany })).rejects.toMatchObject({ fieldErrors: { items: [`Select at most ${BULK_LIMIT} contributions at a time.`] } });
    const retired = await createRejectionReason({ active: false });
    await expect(bulkDecide({ decision: "REJECT", items: [item], reasonId: retired.id })).rejects.toMatchObject({
      fieldErrors: { reasonId: ["This reason is no longer offered. Choose another one or explain in your own words."] },
    });
  });

  it("reports through the server action with a count", async () => {
    const selection = await several(2);
    await expect(bulkDecideAction({ decision: "REJECT", items: itemsOf(selection), reasonId: duplicate.id })).resolves.toEqual({
      ok: true,
      data: { count: 2 },
      message: "Rejected 2 contributions.",
    });
    const [one] = await several(1);
    await expect(bulkDecideAction({ decision: "APPROVE", items: itemsOf(one ? [one] : []) })).resolves.toMatchObject({ message: "Approved 1 contribution." });
    const rejected = selection.map((contribution) => `${contribution.reference} is rejected`);
    await expect(bulkDecideAction({ decision: "REJECT", items: itemsOf(selection, 2), reasonText: "Again" })).resolves.toEqual({
      ok: false,
      message: `Nothing was decided: ${rejected.join("; ")}. Reload the queue and try again.`,
    });
  });

  it.runIf(isPostgresRun)("lets one of two overlapping bulk decisions at the same moment through, whole, and refuses the other, whole", async () => {
    const selection = await several(6);
    const [first, second] = [await sessionCookieOf(moderator.id), await sessionCookieOf(otherModerator.id)];
    signOut();
    const results = await Promise.allSettled([
      runAs(first, () => bulkDecide({ decision: "APPROVE", items: itemsOf(selection.slice(0, 4)) })),
      runAs(second, () => bulkDecide({ decision: "REJECT", items: itemsOf(selection.slice(2)).toReversed(), reasonId: duplicate.id })),
    ]);
    const won = results.findIndex((result) => result.status === "fulfilled");
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const winner = won === 0 ? moderator : otherModerator;
    expect(results.find((result) => result.status === "rejected")).toMatchObject({
      reason: { code: "CONFLICT", userMessage: expect.stringContaining(`was already decided by ${displayName(winner)} at `) },
    });
    const decided = won === 0 ? selection.slice(0, 4) : selection.slice(2);
    const untouched = selection.filter((contribution) => !decided.includes(contribution));
    const events = await db.moderationEvent.findMany({ where: { contributionId: { in: selection.map((contribution) => contribution.id) }, action: { not: "SUBMIT" } } });
    expect(events.map((event) => event.contributionId).toSorted()).toEqual(decided.map((contribution) => contribution.id).toSorted());
    expect(new Set(events.map((event) => event.action))).toEqual(new Set([won === 0 ? "APPROVE" : "REJECT"]));
    for (const contribution of untouched) expect((await writtenAbout(contribution)).row).toMatchObject({ status: "PENDING", version: 1 });
    expect(await db.notice.count({ where: { OR: selection.map((contribution) => ({ message: { contains: contribution.reference } })) } })).toBe(4);
  });
});
