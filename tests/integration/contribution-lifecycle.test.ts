import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { applyTransition } from "@/lib/contributions/lifecycle/apply-transition";
import { lifecycleSelect } from "@/lib/contributions/lifecycle/lifecycle-row";
import { updateContribution } from "@/lib/contributions/update-contribution";
import { withdrawContribution } from "@/lib/contributions/withdraw-contribution";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decideContribution } from "@/lib/moderation/decide-contribution";
import { bulkDecide } from "@/lib/moderation/bulk-decide";
import { dismissFlags } from "@/lib/moderation/dismiss-flags";
import { runAs, sessionCookieOf } from "../helpers/concurrent-sessions";
import { createTestContribution, type TestContribution } from "../helpers/contribution-factory";
import { createTestConsultation } from "../helpers/content-factories";
import { isPostgresRun } from "../helpers/empty-database";
import { createTestUser, type TestUser } from "../helpers/factories";
import { moderationSnapshot, writtenAbout } from "../helpers/moderation-fixtures";
import { signOut } from "../helpers/session";

// applyTransition and applyTransitionInBulk (lib/contributions/lifecycle) as
// every writer uses them: who may take a transition, what is judged before
// anything is written or asked for, the submission that creates the
// contribution, and a write that loses its race to a change committed between
// its read and its write. The domain functions' own tests (moderation-*,
// flags, contributions-submit, my-contributions) cover each transition's
// effects.

let consultationId: string;
let author: TestUser;
let stranger: TestUser;
let moderator: TestUser;
let otherModerator: TestUser;

beforeAll(async () => {
  consultationId = (await createTestConsultation()).id;
  author = await createTestUser();
  stranger = await createTestUser();
  moderator = await createTestUser({ role: "MODERATOR" });
  otherModerator = await createTestUser({ role: "MODERATOR" });
});

beforeEach(() => signOut());

const readRow = (target: { id: string }) => db.contribution.findUniqueOrThrow({ where: { id: target.id }, select: lifecycleSelect });

describe("applyTransition: who may take a transition", () => {
  it("refuses a moderator's transition to a participant, and nothing changes", async () => {
    const pending = await readRow(await createTestContribution({ authorId: author.id, consultationId, status: "PENDING" }));
    const before = await moderationSnapshot();
    for (const action of ["APPROVE", "DISMISS_FLAGS", "NOTE"] as const) {
      await expect(db.$transaction((tx) => applyTransition(tx, { action, contribution: pending, actor: { id: stranger.id, role: "PARTICIPANT" } }))).rejects.toMatchObject({ status: 403, code: "FORBIDDEN", userMessage: "You do not have permission to do this." });
    }
    expect(await moderationSnapshot()).toEqual(before);
  });

  it("answers anyone but the author that the contribution of an author's transition does not exist, moderators included", async () => {
    const pending = await readRow(await createTestContribution({ authorId: author.id, consultationId, status: "PENDING" }));
    const before = await moderationSnapshot();
    for (const actor of [{ id: stranger.id, role: "PARTICIPANT" as const }, { id: moderator.id, role: "MODERATOR" as const }]) {
      for (const action of ["WITHDRAW", "EDIT"] as const) {
        await expect(db.$transaction((tx) => applyTransition(tx, { action, contribution: pending, actor }))).rejects.toMatchObject({
          status: 404,
          userMessage: "This contribution could not be found.",
        });
      }
    }
    expect(await moderationSnapshot()).toEqual(before);
  });

  it("lets a moderator note their own contribution, and nobody report their own", async () => {
    const own = await readRow(await createTestContribution({ authorId: moderator.id, consultationId, status: "APPROVED" }));
    const actor = { id: moderator.id, role: "MODERATOR" as const };
    await expect(db.$transaction((tx) => applyTransition(tx, { action: "NOTE", contribution: own, actor, note: "Mine" }))).resolves.toMatchObject({
      written: true,
      event: { id: expect.any(String) },
    });
    await expect(db.$transaction((tx) => applyTransition(tx, { action: "REPORT", contribution: own, actor }))).rejects.toMatchObject({
      status: 403,
      userMessage: "You cannot report your own contribution.",
    });
  });
});

describe("applyTransition: what it judges before it writes", () => {
  it("answers the same actor's identical repeated request with the current state, and writes nothing", async () => {
    const pending = await createTestContribution({ authorId: author.id, consultationId, status: "PENDING" });
    const actor = { id: moderator.id, role: "MODERATOR" as const };
    const approve = async () => {
      const contribution = await readRow(pending);
      return db.$transaction((tx) => applyTransition(tx, { action: "APPROVE", contribution, actor, seenVersion: 1 }));
    };
    const first = await approve();
    expect(first).toMatchObject({ written: true, state: { status: "APPROVED", version: 2 }, event: { id: expect.any(String) }, emailKeys: [expect.any(String)] });
    const before = await moderationSnapshot();
    expect(await approve()).toEqual({ written: false, state: first.state, event: null, emailKeys: [] });
    expect(await moderationSnapshot()).toEqual(before);
  });

  it("asks for the reason and runs the caller's last step only once the transition is known to apply", async () => {
    const actor = { id: moderator.id, role: "MODERATOR" as const };
    const decidedMeanwhile = await createTestContribution({ authorId: author.id, consultationId, status: "PENDING" });
    await db.contribution.update({ where: { id: decidedMeanwhile.id }, data: { status: "APPROVED", version: 2 } });
    await db.moderationEvent.create({ data: { contributionId: decidedMeanwhile.id, actorId: otherModerator.id, action: "APPROVE", fromStatus: "PENDING", toStatus: "APPROVED" } });
    const pending = await createTestContribution({ authorId: author.id, consultationId, status: "PENDING" });
    const reason = vi.fn(async () => "Off topic");
    const beforeWrite = vi.fn(async () => {});
    const attempt = async (target: TestContribution, action: "REJECT" | "HIDE") => {
      const contribution = await readRow(target);
      return db.$transaction((tx) => applyTransition(tx, { action, contribution, actor, seenVersion: 1, reason, beforeWrite }));
    };

    await expect(attempt(decidedMeanwhile, "REJECT")).rejects.toMatchObject({ code: "CONFLICT", userMessage: expect.stringMatching(/^Already decided by Test /) });
    await expect(attempt(pending, "HIDE")).rejects.toMatchObject({ code: "INVALID_STATE", userMessage: "A pending contribution is not published yet. Reject it instead of hiding it." });
    expect([reason.mock.calls.length, beforeWrite.mock.calls.length]).toEqual([0, 0]);

    await expect(attempt(pending, "REJECT")).resolves.toMatchObject({ written: true, state: { status: "REJECTED" } });
    expect([reason.mock.calls.length, beforeWrite.mock.calls.length]).toEqual([1, 1]);
    expect(await readRow(pending)).toMatchObject({ status: "REJECTED" });
    expect((await writtenAbout(pending)).events).toMatchObject([{ action: "REJECT", reason: "Off topic" }]);
  });

  it("creates a submitted contribution with the columns the SUBMIT row gives it, logs it and records its receipt", async () => {
    const at = new Date("2026-03-02T09:30:00.000Z");
    const applied = await db.$transaction((tx) =>
      applyTransition(tx, {
        action: "SUBMIT",
        actor: { id: author.id, role: "PARTICIPANT" },
        at,
        create: async (start) => {
          expect(start).toEqual({ authorId: author.id, status: "PENDING", awaitingSince: at, submittedAt: at });
          const contribution = await tx.contribution.create({
            data: { ...start, reference: "AGR-2026-990001", consultationId, phase: "BEFORE", title: "Submitted through the applier", body: "A body.", answers: {}, language: "en", publication: "PUBLIC" },
            select: { id: true, reference: true, version: true },
          });
          return { contribution, receipt: { dedupeKey: `receipt-test:${contribution.id}`, to: "author@example.org", subject: "We received AGR-2026-990001", text: "Thank you." } };
        },
      }),
    );
    expect(applied).toMatchObject({ written: true, state: { reference: "AGR-2026-990001", status: "PENDING", version: 1 }, event: { createdAt: at } });
    expect(applied.emailKeys).toEqual([`receipt-test:${applied.state.contributionId}`]);
    const events = await db.moderationEvent.findMany({ where: { contributionId: applied.state.contributionId }, select: { action: true, actorId: true, subjectUserId: true, fromStatus: true, toStatus: true } });
    expect(events).toEqual([{ action: "SUBMIT", actorId: author.id, subjectUserId: null, fromStatus: null, toStatus: "PENDING" }]);
    expect(await db.emailOutbox.count({ where: { dedupeKey: applied.emailKeys[0] } })).toBe(1);
  });
});

// Each test holds the contribution's row lock in a transaction of its own,
// lets a writer read the contribution and wait on the lock with its
// conditional write, then commits a change in the lock's transaction: the
// writer's write matches nothing and it reads the contribution again.
// PostgreSQL only: PGlite runs one transaction at a time.
describe.runIf(isPostgresRun)("a write that loses its race", () => {
  async function waitingForLocks(): Promise<number> {
    const [row] = await db.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS "waiting" FROM pg_stat_activity WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'`;
    return row?.waiting ?? 0;
  }

  type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

  /** Runs `attempt` as `user`; `meanwhile` commits after its read and before its write. */
  async function across<T>(target: TestContribution, user: TestUser, attempt: () => Promise<T>, meanwhile: (tx: Prisma.TransactionClient) => Promise<unknown>) {
    const [outcome] = await whileLocked(target, [[user, attempt]], meanwhile);
    return outcome;
  }

  /** Runs each attempt as its user while the test holds the row; `meanwhile` commits once every attempt waits on a lock. */
  async function whileLocked<T>(target: TestContribution, attempts: [TestUser, () => Promise<T>][], meanwhile: (tx: Prisma.TransactionClient) => Promise<unknown>): Promise<Outcome<T>[]> {
    const cookies: string[] = [];
    for (const [user] of attempts) cookies.push(await sessionCookieOf(user.id));
    signOut();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = () => {};
    const holding = new Promise<void>((resolve) => (held = resolve));
    const lock = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "Contribution" WHERE "id" = ${target.id} FOR UPDATE`;
        held();
        await released;
        await meanwhile(tx);
      },
      { timeout: 60_000 },
    );
    await holding;
    const outcomes = attempts.map(([, attempt], index) =>
      runAs(cookies[index] ?? "", attempt).then(
        (value): Outcome<T> => ({ ok: true, value }),
        (error: unknown): Outcome<T> => ({ ok: false, error }),
      ),
    );
    await vi.waitFor(async () => expect(await waitingForLocks()).toBe(attempts.length), { timeout: 10_000, interval: 20 });
    release();
    await lock;
    return Promise.all(outcomes);
  }

  /** A moderator's approval, as decideContribution writes it. */
  const approval = (target: TestContribution, by: TestUser = moderator, at = new Date()) => async (tx: Prisma.TransactionClient) => {
    await tx.contribution.update({ where: { id: target.id }, data: { status: "APPROVED", version: { increment: 1 }, awaitingSince: null, decidedAt: at } });
    await tx.moderationEvent.create({ data: { contributionId: target.id, actorId: by.id, action: "APPROVE", fromStatus: "PENDING", toStatus: "APPROVED", createdAt: at } });
  };

  const events = (target: TestContribution) => db.moderationEvent.findMany({ where: { contributionId: target.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { action: true } });

  it("a withdrawal after which a moderator approved: refused, and the approval stands", async () => {
    const pending = await createTestContribution({ authorId: author.id, consultationId, status: "PENDING" });
    const outcome = await across(pending, author, () => withdrawContribution({ reference: pending.reference }), approval(pending));
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", userMessage: "This contribution changed just now (a moderator may have decided on it). Reload the page and try again." },
    });
    expect(await readRow(pending)).toMatchObject({ status: "APPROVED", version: 2 });
    expect((await events(pending)).map((event) => event.action)).toEqual(["SUBMIT", "APPROVE"]);
  });

  it("a withdrawal after which its own other click withdrew: answered as withdrawn, written once", async () => {
    const pending = await createTestContribution({ authorId: author.id, consultationId, status: "PENDING" });
    const outcome = await across(pending, author, () => withdrawContribution({ reference: pending.reference }), async (tx) => {
      await tx.contribution.update({ where: { id: pending.id }, data: { status: "WITHDRAWN", version: { increment: 1 }, awaitingSince: null } });
      await tx.moderationEvent.create({ data: { contributionId: pending.id, actorId: author.id, action: "WITHDRAW", fromStatus: "PENDING", toStatus: "WITHDRAWN" } });
    });
    expect(outcome).toEqual({ ok: true, value: { reference: pending.reference, status: "WITHDRAWN" } });
    expect((await events(pending)).map((event) => event.action)).toEqual(["SUBMIT", "WITHDRAW"]);
  });

  it("an edit after which a moderator approved: refused, and neither its text nor its event is written", async () => {
    const pending = await createTestContribution({ authorId: author.id, consultationId, status: "PENDING", title: "The text the moderator read" });
    const edit = {
      reference: pending.reference,
      version: 1,
      title: "A text nobody read",
      body: "A body long enough to be a contribution.",
      answers: {},
      language: "en",
      publication: "PUBLIC",
      attachmentIds: [],
    };
    const outcome = await across(pending, author, () => updateContribution(edit), approval(pending));
    expect(outcome).toMatchObject({ ok: false, error: { code: "CONFLICT", userMessage: expect.stringMatching(/^This contribution changed since you opened it/) } });
    expect(await readRow(pending)).toMatchObject({ status: "APPROVED", version: 2, title: "The text the moderator read" });
    expect((await events(pending)).map((event) => event.action)).toEqual(["SUBMIT", "APPROVE"]);
  });

  it("a decision after which the author edited: refused, telling the moderator to read the new version", async () => {
    const pending = await createTestContribution({ authorId: author.id, consultationId, status: "PENDING" });
    const editedAt = new Date();
    const outcome = await across(pending, moderator, () => decideContribution({ contributionId: pending.id, version: 1, decision: "APPROVE" }), async (tx) => {
      await tx.contribution.update({ where: { id: pending.id }, data: { title: "Edited meanwhile", version: { increment: 1 } } });
      await tx.moderationEvent.create({ data: { contributionId: pending.id, actorId: author.id, action: "EDIT", fromStatus: "PENDING", toStatus: "PENDING", createdAt: editedAt } });
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", userMessage: `The author edited this contribution at ${formatDateTime(editedAt)}. Read the new version before deciding.` },
    });
    expect(await readRow(pending)).toMatchObject({ status: "PENDING", version: 2 });
    expect(await db.notice.count({ where: { userId: author.id, message: { contains: pending.reference } } })).toBe(0);
  });

  it("a dismissal after which a new report arrived: refused, and the new report stays open", async () => {
    const published = await createTestContribution({ authorId: author.id, consultationId, status: "APPROVED" });
    await db.flag.create({ data: { contributionId: published.id, userId: stranger.id, reason: "SPAM" } });
    await db.contribution.update({ where: { id: published.id }, data: { openFlagCount: 1, awaitingSince: new Date() } });
    const reporter = await createTestUser();
    const outcome = await across(published, moderator, () => dismissFlags({ contributionId: published.id, version: 1, openFlagCount: 1 }), async (tx) => {
      await tx.flag.create({ data: { contributionId: published.id, userId: reporter.id, reason: "OFFENSIVE" } });
      await tx.contribution.update({ where: { id: published.id }, data: { openFlagCount: { increment: 1 } } });
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", userMessage: "A new report has arrived since you opened this contribution. Nothing was dismissed; reload to read it first." },
    });
    expect(await readRow(published)).toMatchObject({ status: "APPROVED", version: 1, openFlagCount: 2 });
    expect(await db.flag.count({ where: { contributionId: published.id, resolvedAt: null } })).toBe(2);
  });

  const displayName = (user: TestUser) => `Test ${user.email.split("@")[0]}`;

  /** Two pending contributions, in the order a bulk decision locks them. */
  async function twoPendingInIdOrder(): Promise<[TestContribution, TestContribution]> {
    const one = await createTestContribution({ authorId: author.id, consultationId, status: "PENDING" });
    const other = await createTestContribution({ authorId: author.id, consultationId, status: "PENDING" });
    return one.id.localeCompare(other.id) < 0 ? [one, other] : [other, one];
  }

  it("a bulk decision after which another moderator approved one of them: refused naming it, and none is written", async () => {
    const [first, second] = await twoPendingInIdOrder();
    // The later one in id order: the first is written, and so locked, before the race is lost.
    const approvedAt = new Date();
    const outcome = await across(second, moderator, () => bulkDecide({ decision: "APPROVE", items: [first, second].map(({ id }) => ({ contributionId: id, version: 1 })) }), approval(second, otherModerator, approvedAt));
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: "CONFLICT",
        userMessage: `Nothing was decided: ${second.reference} was already decided by ${displayName(otherModerator)} at ${formatDateTime(approvedAt)} (approved and published). Reload the queue and try again.`,
      },
    });
    expect(await readRow(first)).toMatchObject({ status: "PENDING", version: 1 });
    expect(await writtenAbout(first)).toMatchObject({ events: [], notices: [], emails: [] });
    expect((await writtenAbout(second)).events).toMatchObject([{ action: "APPROVE", actorId: otherModerator.id }]);
  });

  it("two bulk decisions over one selection in opposite orders: they wait for each other, one wins and the other is told who", async () => {
    const [first, second] = await twoPendingInIdOrder();
    const items = (order: TestContribution[]) => order.map(({ id }) => ({ contributionId: id, version: 1 }));
    // Both wait on the first in id order. Written in the order each was
    // asked for, one would hold the second and wait for the first while the
    // other holds the first and waits for the second: a deadlock.
    const outcomes = await whileLocked(
      first,
      [
        [moderator, () => bulkDecide({ decision: "APPROVE", items: items([first, second]) })],
        [otherModerator, () => bulkDecide({ decision: "APPROVE", items: items([second, first]) })],
      ],
      async () => {},
    );
    const won = outcomes.findIndex((outcome) => outcome.ok);
    const winner = won === 0 ? moderator : otherModerator;
    expect(outcomes[won]).toEqual({ ok: true, value: { count: 2, references: expect.any(Array) } });
    expect(outcomes[1 - won]).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", userMessage: expect.stringMatching(new RegExp(`^Nothing was decided: ${first.reference} was already decided by ${displayName(winner)} at .*; ${second.reference} was already decided by ${displayName(winner)} at `)) },
    });
    for (const target of [first, second]) {
      expect(await readRow(target)).toMatchObject({ status: "APPROVED", version: 2 });
      expect((await writtenAbout(target)).events).toMatchObject([{ action: "APPROVE", actorId: winner.id }]);
    }
  });
});
