import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { findModerationQueue, type ModerationQueue } from "@/lib/moderation/find-moderation-queue";
import { getModerationItem } from "@/lib/moderation/get-moderation-item";
import type { QueueFilterInput } from "@/lib/moderation/queue-filter";
import { isPostgresRun } from "../helpers/empty-database";
import { createTestContribution, type TestContribution, type TestContributionOptions } from "../helpers/contribution-factory";
import { createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

const MINUTE = 60_000;
const start = Date.now() - 24 * 60 * MINUTE;
const minutes = (n: number) => new Date(start + n * MINUTE);

let alpha: TestConsultation;
let beta: TestConsultation;
let belgian: TestUser;
let japaneseNgo: TestUser;
let suspended: TestUser;
let moderator: TestUser;
let participant: TestUser;
let reporters: TestUser[];

/** In the queue, oldest first. */
let fresh: TestContribution;
let edited: TestContribution;
let reportedTwice: TestContribution;
let reportedOnce: TestContribution;
/** Not in the queue. */
let bySuspended: TestContribution;
let decided: TestContribution[];

const add = (options: Omit<TestContributionOptions, "authorId" | "consultationId"> & { author: TestUser; consultation: TestConsultation }) =>
  createTestContribution({ ...options, authorId: options.author.id, consultationId: options.consultation.id });

/** A published contribution with open reports waits since the first of them. */
async function report(target: TestContribution, by: TestUser[], firstAt: Date) {
  await db.flag.createMany({
    data: by.map((user, index) => ({
      contributionId: target.id,
      userId: user.id,
      reason: index === 0 ? ("SPAM" as const) : ("OTHER" as const),
      comment: index === 0 ? null : `Report ${index}`,
      createdAt: new Date(firstAt.getTime() + index * MINUTE),
    })),
  });
  await db.contribution.update({ where: { id: target.id }, data: { awaitingSince: firstAt, openFlagCount: by.length } });
}

beforeAll(async () => {
  alpha = await createTestConsultation({ title: "Alpha consultation" });
  beta = await createTestConsultation({ title: "Beta consultation" });
  belgian = await createTestUser({ stakeholderType: "EU_CITIZEN", country: "BE" });
  japaneseNgo = await createTestUser({ stakeholderType: "NGO", country: "JP" });
  suspended = await createTestUser({ suspended: true, stakeholderType: "COMPANY", country: "DE" });
  moderator = await createTestUser({ role: "MODERATOR" });
  participant = await createTestUser();
  reporters = await Promise.all([createTestUser(), createTestUser(), createTestUser()]);

  fresh = await add({ author: belgian, consultation: alpha, status: "PENDING", phase: "BEFORE", language: "en", submittedAt: minutes(1), title: "Fresh idea" });
  edited = await add({ author: japaneseNgo, consultation: beta, status: "PENDING", phase: "DURING", language: "fr", submittedAt: minutes(2), title: "Edited idea" });
  await db.contribution.update({ where: { id: edited.id }, data: { version: 2 } });
  await db.moderationEvent.create({
    data: { contributionId: edited.id, actorId: japaneseNgo.id, action: "EDIT", fromStatus: "PENDING", toStatus: "PENDING", createdAt: minutes(3) },
  });
  reportedTwice = await add({ author: japaneseNgo, consultation: alpha, status: "APPROVED", phase: "AFTER", language: "en", submittedAt: minutes(0), title: "Reported twice" });
  await report(reportedTwice, reporters.slice(0, 2), minutes(4));
  reportedOnce = await add({ author: belgian, consultation: beta, status: "APPROVED", phase: "DURING", language: "de", submittedAt: minutes(0), title: "Reported once" });
  await report(reportedOnce, reporters.slice(2), minutes(5));

  bySuspended = await add({ author: suspended, consultation: alpha, status: "PENDING", submittedAt: minutes(0), title: "By a suspended author" });
  decided = await Promise.all(
    (["APPROVED", "REJECTED", "HIDDEN", "WITHDRAWN"] as const).map((status) =>
      add({ author: belgian, consultation: alpha, status, submittedAt: minutes(0), title: `Decided ${status}` }),
    ),
  );
});

beforeEach(() => signOut());

const references = (queue: ModerationQueue) => queue.items.map((item) => item.reference);

async function queueAs(filters: QueueFilterInput = {}) {
  await signInAs(moderator.id);
  return findModerationQueue(filters);
}

describe("findModerationQueue", () => {
  it("refuses a visitor and a participant", async () => {
    await expect(findModerationQueue()).rejects.toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    await signInAs(participant.id);
    await expect(findModerationQueue()).rejects.toMatchObject({ status: 403, code: "FORBIDDEN" });
  });

  it("lists what waits, longest waiting first: pending and reported, not a suspended author's, not what is decided or withdrawn", async () => {
    const queue = await queueAs();
    expect(references(queue)).toEqual([fresh, edited, reportedTwice, reportedOnce].map((row) => row.reference));
    expect(queue.total).toBe(4);
    expect(queue.waiting).toBe(4);
    expect(queue.pageCount).toBe(1);
    const all = references(queue);
    for (const absent of [bySuspended, ...decided]) expect(all).not.toContain(absent.reference);
  });

  it("says why each one waits and who wrote it, with the version to decide on", async () => {
    const queue = await queueAs();
    expect(queue.items.map((item) => item.waitingReason)).toEqual(["NEW", "EDITED", "REPORTED", "REPORTED"]);
    expect(queue.items.map((item) => item.openFlagCount)).toEqual([0, 0, 2, 1]);
    expect(queue.items[1]).toMatchObject({
      id: edited.id,
      version: 2,
      title: "Edited idea",
      excerpt: "A contribution written for a test.",
      consultation: { slug: beta.slug, title: beta.title },
      phase: "DURING",
      language: "fr",
      status: "PENDING",
      awaitingSince: minutes(2),
      author: { displayName: expect.stringMatching(/^Test /), organisationName: null, stakeholderType: "NGO", country: "JP" },
    });
    expect(queue.items[2]?.awaitingSince).toEqual(minutes(4));
  });

  it("sorts by the number of open reports, then by waiting time", async () => {
    const queue = await queueAs({ sort: "flags" });
    expect(references(queue)).toEqual([reportedTwice, reportedOnce, fresh, edited].map((row) => row.reference));
  });

  it.each<[string, QueueFilterInput, () => TestContribution[]]>([
    ["phase", { phase: "DURING" }, () => [edited, reportedOnce]],
    ["stakeholder type", { type: "NGO" }, () => [edited, reportedTwice]],
    ["country", { country: "be" }, () => [fresh, reportedOnce]],
    ["language", { language: "FR" }, () => [edited]],
    ["pending status", { status: "pending" }, () => [fresh, edited]],
    ["reported status", { status: "reported" }, () => [reportedTwice, reportedOnce]],
    ["with reports", { reports: "with" }, () => [reportedTwice, reportedOnce]],
    ["without reports", { reports: "without" }, () => [fresh, edited]],
  ])("narrows by %s", async (_name, filters, expected) => {
    const queue = await queueAs(filters);
    expect(references(queue)).toEqual(expected().map((row) => row.reference));
    expect(queue.total).toBe(expected().length);
    expect(queue.waiting).toBe(4);
  });

  it("narrows by consultation, and combines filters", async () => {
    expect(references(await queueAs({ consultation: alpha.slug }))).toEqual([fresh.reference, reportedTwice.reference]);
    expect(references(await queueAs({ consultation: beta.slug, status: "reported" }))).toEqual([reportedOnce.reference]);
    const none = await queueAs({ consultation: alpha.slug, language: "fr" });
    expect(none).toMatchObject({ items: [], total: 0, pageCount: 1 });
  });

  it("offers the values present in the whole queue, with their counts", async () => {
    const { facets } = await queueAs({ consultation: alpha.slug });
    expect(facets.consultations).toEqual([
      { value: alpha.slug, title: alpha.title, count: 2 },
      { value: beta.slug, title: beta.title, count: 2 },
    ]);
    expect(facets.phases).toEqual([
      { value: "BEFORE", count: 1 },
      { value: "DURING", count: 2 },
      { value: "AFTER", count: 1 },
    ]);
    expect(facets.stakeholderTypes).toEqual([
      { value: "EU_CITIZEN", count: 2 },
      { value: "NGO", count: 2 },
    ]);
    expect(facets.countries).toEqual([
      { value: "BE", count: 2 },
      { value: "JP", count: 2 },
    ]);
    expect(facets.languages).toEqual([
      { value: "en", count: 2 },
      { value: "fr", count: 1 },
      { value: "de", count: 1 },
    ]);
    expect(facets.statuses).toEqual([
      { value: "pending", count: 2 },
      { value: "reported", count: 2 },
    ]);
  });

  it("refuses filters that are not in the lists", async () => {
    await signInAs(moderator.id);
    await expect(findModerationQueue({ phase: "SOMETIME" })).rejects.toMatchObject({ status: 422 });
    await expect(findModerationQueue({ sort: "newest" })).rejects.toMatchObject({ status: 422 });
    await expect(findModerationQueue({ consultation: "x' OR 1=1 --" })).rejects.toMatchObject({ status: 422 });
  });

  it("lets a lifted suspension bring the author's contributions back", async () => {
    await db.user.update({ where: { id: suspended.id }, data: { suspendedAt: null } });
    try {
      expect(references(await queueAs())[0]).toBe(bySuspended.reference);
    } finally {
      await db.user.update({ where: { id: suspended.id }, data: { suspendedAt: new Date() } });
    }
    expect(references(await queueAs())).not.toContain(bySuspended.reference);
  });
});

describe("getModerationItem", () => {
  beforeAll(async () => {
    await db.moderationEvent.createMany({
      data: [
        { contributionId: reportedTwice.id, actorId: moderator.id, action: "APPROVE", fromStatus: "PENDING", toStatus: "APPROVED", note: "INTERNAL-NOTE fine", createdAt: minutes(1) },
        { contributionId: reportedTwice.id, actorId: moderator.id, action: "NOTE", note: "INTERNAL-NOTE watch this one", createdAt: minutes(6) },
      ],
    });
    await db.flag.create({
      data: { contributionId: reportedTwice.id, userId: reporters[2]!.id, reason: "OFF_TOPIC", createdAt: minutes(2), resolvedAt: minutes(3) },
    });
  });

  it("refuses a visitor and a participant, the author included", async () => {
    await expect(getModerationItem(fresh.reference)).rejects.toMatchObject({ status: 401 });
    await signInAs(participant.id);
    await expect(getModerationItem(fresh.reference)).rejects.toMatchObject({ status: 403 });
    await signInAs(belgian.id);
    await expect(getModerationItem(fresh.reference)).rejects.toMatchObject({ status: 403 });
  });

  it("shows a moderator the reports with their reporters, the whole history with notes, and the author", async () => {
    await signInAs(moderator.id);
    const item = await getModerationItem(reportedTwice.reference.toLowerCase());
    expect(item).toMatchObject({
      id: reportedTwice.id,
      reference: reportedTwice.reference,
      version: 1,
      status: "APPROVED",
      inQueue: true,
      waitingReason: "REPORTED",
      openFlagCount: 2,
      awaitingSince: minutes(4),
      body: "A contribution written for a test.",
      consultation: { slug: alpha.slug, title: alpha.title },
      author: { id: japaneseNgo.id, stakeholderType: "NGO", country: "JP", suspendedAt: null, canBeSuspended: true },
    });
    // Open reports first, newest first; then the resolved one.
    expect(item?.reports.map((entry) => [entry.reason, entry.comment, entry.resolvedAt, entry.reporter?.id])).toEqual([
      ["OTHER", "Report 1", null, reporters[1]!.id],
      ["SPAM", null, null, reporters[0]!.id],
      ["OFF_TOPIC", null, minutes(3), reporters[2]!.id],
    ]);
    expect(item?.history.map((entry) => [entry.action, entry.note, entry.actor?.id])).toEqual([
      ["SUBMIT", null, japaneseNgo.id],
      ["APPROVE", "INTERNAL-NOTE fine", moderator.id],
      ["NOTE", "INTERNAL-NOTE watch this one", moderator.id],
    ]);
    expect(item?.history[1]).toMatchObject({ fromStatus: "PENDING", toStatus: "APPROVED", createdAt: minutes(1), actor: { role: "MODERATOR" } });
  });

  it("shows a suspended author's contribution with the suspension, out of the queue", async () => {
    await signInAs(moderator.id);
    const item = await getModerationItem(bySuspended.reference);
    expect(item).toMatchObject({ inQueue: false, waitingReason: "NEW", author: { id: suspended.id, suspendedAt: expect.any(Date) } });
  });

  it("offers to suspend as the suspension rules allow: never oneself, a moderator by an administrator only", async () => {
    const own = await add({ author: moderator, consultation: beta, status: "APPROVED", title: "A moderator's own" });
    const admin = await createTestUser({ role: "ADMIN" });
    await signInAs(moderator.id);
    expect((await getModerationItem(own.reference))?.author.canBeSuspended).toBe(false);
    await signInAs((await createTestUser({ role: "MODERATOR" })).id);
    expect((await getModerationItem(own.reference))?.author.canBeSuspended).toBe(false);
    await signInAs(admin.id);
    expect((await getModerationItem(own.reference))?.author.canBeSuspended).toBe(true);
  });

  it("is null for a reference that does not exist or is malformed", async () => {
    await signInAs(moderator.id);
    expect(await getModerationItem("AGR-2020-999999")).toBeNull();
    expect(await getModerationItem("nothing")).toBeNull();
  });

  it("names the next item in the same queue, after this one, back to the first at the end", async () => {
    await signInAs(moderator.id);
    const next = async (target: TestContribution, filters: QueueFilterInput = {}) => (await getModerationItem(target.reference, filters))?.next?.reference;
    expect(await next(fresh)).toBe(edited.reference);
    expect(await next(edited)).toBe(reportedTwice.reference);
    expect(await next(reportedOnce)).toBe(fresh.reference);
    expect(await next(fresh, { consultation: alpha.slug })).toBe(reportedTwice.reference);
    expect(await next(reportedTwice, { sort: "flags" })).toBe(reportedOnce.reference);
    expect(await next(reportedOnce, { sort: "flags" })).toBe(fresh.reference);
    expect(await next(edited, { sort: "flags" })).toBe(reportedTwice.reference);
    // Not waiting (decided, or its author suspended): the first of the queue.
    expect(await next(decided[0]!)).toBe(fresh.reference);
    expect(await next(bySuspended)).toBe(fresh.reference);
    // The only one left: nothing next.
    expect(await next(edited, { language: "fr" })).toBeUndefined();
  });
});

describe("a suspended author's reported contribution", () => {
  let reportedOfSuspended: TestContribution;

  beforeAll(async () => {
    reportedOfSuspended = await add({ author: suspended, consultation: beta, status: "APPROVED", submittedAt: minutes(0), title: "Published, then its author was suspended" });
    await report(reportedOfSuspended, [reporters[0]!], minutes(6));
  });

  afterAll(async () => {
    await db.contribution.update({ where: { id: reportedOfSuspended.id }, data: { status: "HIDDEN", awaitingSince: null, openFlagCount: 0 } });
  });

  it("stays in the queue and next: it is public while it waits; the author's pending one stays out", async () => {
    const queue = await queueAs();
    expect(references(queue)).toEqual([fresh, edited, reportedTwice, reportedOnce, reportedOfSuspended].map((row) => row.reference));
    expect(queue.waiting).toBe(5);
    expect(queue.facets.statuses).toEqual([
      { value: "pending", count: 2 },
      { value: "reported", count: 3 },
    ]);
    expect(await getModerationItem(reportedOfSuspended.reference)).toMatchObject({ inQueue: true, waitingReason: "REPORTED" });
    expect((await getModerationItem(reportedOnce.reference))?.next?.reference).toBe(reportedOfSuspended.reference);
    expect(await getModerationItem(bySuspended.reference)).toMatchObject({ inQueue: false });
  });
});

describe("a moderator's own contributions", () => {
  let otherModerator: TestUser;
  let mine: TestContribution;
  let mineReported: TestContribution;

  beforeAll(async () => {
    otherModerator = await createTestUser({ role: "MODERATOR" });
    // Waiting longer than anything else: first in any queue they are in.
    mine = await add({ author: moderator, consultation: alpha, status: "PENDING", submittedAt: minutes(-20), title: "A moderator's own idea" });
    mineReported = await add({ author: moderator, consultation: beta, status: "APPROVED", submittedAt: minutes(-30), title: "A moderator's own, reported" });
    await report(mineReported, [reporters[0]!], minutes(-10));
  });

  afterAll(async () => {
    // Out of every queue again for the tests below.
    await db.contribution.updateMany({ where: { id: { in: [mine.id, mineReported.id] } }, data: { status: "WITHDRAWN", awaitingSince: null } });
  });

  it("are not in their own queue, its counts or its next item, and are in another moderator's", async () => {
    const queue = await queueAs();
    expect(references(queue)).toEqual([fresh, edited, reportedTwice, reportedOnce].map((row) => row.reference));
    expect(queue.waiting).toBe(4);
    expect(queue.facets.consultations).toEqual([
      { value: alpha.slug, title: alpha.title, count: 2 },
      { value: beta.slug, title: beta.title, count: 2 },
    ]);
    expect((await getModerationItem(reportedOnce.reference))?.next?.reference).toBe(fresh.reference);
    expect((await getModerationItem(mine.reference))?.next?.reference).toBe(fresh.reference);

    await signInAs(otherModerator.id);
    const theirs = await findModerationQueue();
    expect(references(theirs)).toEqual([mine, mineReported, fresh, edited, reportedTwice, reportedOnce].map((row) => row.reference));
    expect(theirs.waiting).toBe(6);
    expect((await getModerationItem(reportedOnce.reference))?.next?.reference).toBe(mine.reference);
  });

  it("shows its author the contribution as their own, with the reports but never who made them", async () => {
    await signInAs(moderator.id);
    const item = await getModerationItem(mineReported.reference);
    expect(item).toMatchObject({ own: true, openFlagCount: 1, reports: [{ reason: "SPAM", reporter: null }] });
    expect(JSON.stringify(item)).not.toContain(reporters[0]!.id);

    await signInAs(otherModerator.id);
    const theirs = await getModerationItem(mineReported.reference);
    expect(theirs).toMatchObject({ own: false, reports: [{ reason: "SPAM", reporter: { id: reporters[0]!.id } }] });
  });
});

// The review page names the version a decision is made on: what it shows
// must be that version's. The test's transaction locks the attachments
// table, so the review's read waits on the files after it has read the rest;
// meanwhile the author's edit of the title and files commits. PostgreSQL
// only: PGlite runs one transaction at a time.
describe.runIf(isPostgresRun)("getModerationItem during an edit", () => {
  it("shows the text and files of the version it names, not a mix of two", async () => {
    const target = await add({ author: belgian, consultation: beta, status: "PENDING", title: "Version 1 title" });
    const file = await db.attachment.create({
      data: { contributionId: target.id, uploaderId: belgian.id, fileName: "version-1.pdf", mediaType: "application/pdf", size: 10, sha256: "0".repeat(64), storageKey: "test/version-1" },
      select: { id: true },
    });
    await signInAs(moderator.id);
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const locking = new Promise<void>((resolve) => (locked = resolve));
    const edit = db.$transaction(
      async (tx) => {
        await tx.$executeRaw`LOCK TABLE "Attachment" IN ACCESS EXCLUSIVE MODE`;
        locked();
        await released;
        await tx.contribution.update({ where: { id: target.id }, data: { title: "Version 2 title", version: { increment: 1 } } });
        await tx.attachment.update({ where: { id: file.id }, data: { fileName: "version-2.pdf" } });
      },
      { timeout: 60_000 },
    );
    await locking;
    const reading = getModerationItem(target.reference);
    await vi.waitFor(
      async () => {
        const [row] = await db.$queryRaw<{ waiting: number }[]>`
          SELECT count(*)::int AS "waiting" FROM pg_stat_activity WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'`;
        expect(row?.waiting).toBe(1);
      },
      { timeout: 10_000, interval: 20 },
    );
    release();
    await edit;
    const item = await reading;
    // Out of the queue again for the tests below.
    await db.contribution.update({ where: { id: target.id }, data: { status: "WITHDRAWN", awaitingSince: null } });

    const shown = { version: item?.version, title: item?.title, files: item?.attachments.map((attachment) => attachment.fileName) };
    expect([
      { version: 1, title: "Version 1 title", files: ["version-1.pdf"] },
      { version: 2, title: "Version 2 title", files: ["version-2.pdf"] },
    ]).toContainEqual(shown);
  });
});

describe("findModerationQueue pages", () => {
  it("shows 25 a page with the total", async () => {
    const gamma = await createTestConsultation({ title: "Gamma consultation" });
    const many = [];
    for (let index = 0; index < 26; index += 1) {
      many.push(await add({ author: participant, consultation: gamma, status: "PENDING", submittedAt: minutes(100 + index) }));
    }
    const first = await queueAs({ consultation: gamma.slug });
    expect(first).toMatchObject({ total: 26, page: 1, pageCount: 2, pageSize: 25 });
    expect(references(first)).toEqual(many.slice(0, 25).map((row) => row.reference));
    const second = await queueAs({ consultation: gamma.slug, page: "2" });
    expect(references(second)).toEqual([many[25]!.reference]);
    expect((await queueAs()).waiting).toBe(30);
  });
});
