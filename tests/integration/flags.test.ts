import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getContribution } from "@/lib/contributions/get-contribution";
import { withdrawContribution } from "@/lib/contributions/withdraw-contribution";
import { flagContributionAction } from "@/lib/flags/actions";
import { flagContribution } from "@/lib/flags/flag-contribution";
import { decideContribution } from "@/lib/moderation/decide-contribution";
import { dismissFlags } from "@/lib/moderation/dismiss-flags";
import { runAs, sessionCookieOf } from "../helpers/concurrent-sessions";
import { createTestContribution, type TestContribution } from "../helpers/contribution-factory";
import { createTestConsultation } from "../helpers/content-factories";
import { isPostgresRun } from "../helpers/empty-database";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

let author: TestUser;
let reader: TestUser;
let moderator: TestUser;
let consultationId: string;

beforeAll(async () => {
  consultationId = (await createTestConsultation()).id;
  author = await createTestUser();
  reader = await createTestUser();
  moderator = await createTestUser({ role: "MODERATOR" });
});

beforeEach(() => signOut());

const contribution = (status: "APPROVED" | "PENDING" | "REJECTED" | "HIDDEN" | "WITHDRAWN" = "APPROVED") =>
  createTestContribution({ authorId: author.id, consultationId, status });

/** Everything flagging could change. */
async function snapshot() {
  const [flags, contributions] = await Promise.all([
    db.flag.findMany({ orderBy: { id: "asc" } }),
    db.contribution.findMany({ orderBy: { id: "asc" }, select: { id: true, openFlagCount: true, status: true, version: true, updatedAt: true } }),
  ]);
  return { flags, contributions };
}

const openFlagCount = async (target: TestContribution) =>
  (await db.contribution.findUniqueOrThrow({ where: { id: target.id }, select: { openFlagCount: true } })).openFlagCount;

describe("flagContribution refusals", () => {
  let published: TestContribution;

  beforeAll(async () => {
    published = await contribution();
  });

  it("refuses a visitor, and nothing changes", async () => {
    const before = await snapshot();
    await expect(flagContribution({ reference: published.reference, reason: "SPAM" })).rejects.toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    expect(await flagContributionAction({ reference: published.reference, reason: "SPAM" })).toEqual({ ok: false, message: "Please sign in to continue." });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses the author's own contribution, and nothing changes", async () => {
    await signInAs(author.id);
    const before = await snapshot();
    await expect(flagContribution({ reference: published.reference, reason: "SPAM" })).rejects.toMatchObject({
      status: 403,
      userMessage: "You cannot report your own contribution.",
    });
    expect(await snapshot()).toEqual(before);
  });

  it.each(["PENDING", "REJECTED", "HIDDEN", "WITHDRAWN"] as const)(
    "answers a participant that a %s contribution does not exist, and nothing changes",
    async (status) => {
      const unpublished = await contribution(status);
      await signInAs(reader.id);
      const before = await snapshot();
      await expect(flagContribution({ reference: unpublished.reference, reason: "SPAM" })).rejects.toMatchObject({ status: 404, code: "NOT_FOUND" });
      expect(await snapshot()).toEqual(before);
    },
  );

  it("refuses a moderator on an unpublished contribution (they can see it, but there is nothing public to report)", async () => {
    const pending = await contribution("PENDING");
    await signInAs(moderator.id);
    const before = await snapshot();
    await expect(flagContribution({ reference: pending.reference, reason: "OFFENSIVE" })).rejects.toMatchObject({
      status: 409,
      code: "INVALID_STATE",
      userMessage: "Only published contributions can be reported.",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses bad input with a message per field, and nothing changes", async () => {
    await signInAs(reader.id);
    const before = await snapshot();
    await expect(flagContribution({ reference: published.reference, reason: "OTHER" })).rejects.toMatchObject({
      status: 422,
      fieldErrors: { comment: ["Say what is wrong with this contribution."] },
    });
    await expect(flagContribution({ reference: published.reference, reason: "OTHER", comment: "   " })).rejects.toMatchObject({ status: 422 });
    await expect(flagContribution({ reference: published.reference, reason: "BORING" })).rejects.toMatchObject({
      fieldErrors: { reason: ["Choose why you are reporting this contribution."] },
    });
    await expect(flagContribution({ reference: published.reference, reason: "SPAM", comment: "x".repeat(1001) })).rejects.toMatchObject({ status: 422 });
    await expect(flagContribution({ reference: "AGR-2026-999999", reason: "SPAM" })).rejects.toMatchObject({ status: 404 });
    await expect(flagContribution({ reference: "nonsense", reason: "SPAM" })).rejects.toMatchObject({ status: 422 });
    expect(await snapshot()).toEqual(before);
  });
});

describe("flagContribution", () => {
  it("records the report and counts it, in the same transaction", async () => {
    const published = await contribution();
    await signInAs(reader.id);
    expect(await flagContribution({ reference: published.reference, reason: "OTHER", comment: "  The figures are wrong.  " })).toEqual({
      reference: published.reference,
    });
    expect(await db.flag.findMany({ where: { contributionId: published.id } })).toEqual([
      expect.objectContaining({ userId: reader.id, reason: "OTHER", comment: "The figures are wrong.", resolvedAt: null }),
    ]);
    expect(await openFlagCount(published)).toBe(1);
    expect((await getContribution(published.reference))?.viewer).toMatchObject({ canFlag: true, hasFlagged: true });
  });

  it("takes one report per user: the second gets a clear message and changes nothing", async () => {
    const published = await contribution();
    await signInAs(reader.id);
    await flagContribution({ reference: published.reference, reason: "SPAM" });
    const before = await snapshot();
    await expect(flagContribution({ reference: published.reference, reason: "OFFENSIVE" })).rejects.toMatchObject({
      status: 409,
      userMessage: "You have already reported this contribution.",
    });
    expect(await flagContributionAction({ reference: published.reference, reason: "OFF_TOPIC" })).toEqual({
      ok: false,
      message: "You have already reported this contribution.",
    });
    expect(await snapshot()).toEqual(before);

    // Someone else may still report it.
    await signInAs(moderator.id);
    expect(await flagContributionAction({ reference: published.reference, reason: "PERSONAL_DATA" })).toMatchObject({ ok: true });
    expect(await openFlagCount(published)).toBe(2);
  });

  it("counts once when the same user's two reports arrive together", async () => {
    const published = await contribution();
    await signInAs(reader.id);
    const results = await Promise.allSettled([
      flagContribution({ reference: published.reference, reason: "SPAM" }),
      flagContribution({ reference: published.reference, reason: "SPAM" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({
      reason: { userMessage: "You have already reported this contribution." },
    });
    expect(await db.flag.count({ where: { contributionId: published.id } })).toBe(1);
    expect(await openFlagCount(published)).toBe(1);
  });
});

// A report reads the contribution, then writes. These tests stop it between
// the two: the test's own transaction holds an uncommitted report by the same
// user, so the report's insert waits on the unique key until that one is
// rolled back. Meanwhile a moderator or the author changes the contribution
// and commits. PostgreSQL only: PGlite runs one transaction at a time.
describe.runIf(isPostgresRun)("a report racing a decision or a withdrawal", () => {
  class RolledBack extends Error {}

  async function waitingForLocks(): Promise<number> {
    const [row] = await db.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS "waiting" FROM pg_stat_activity WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'`;
    return row?.waiting ?? 0;
  }

  /** `reporter` reports `target`; `meanwhile` runs and commits after the report's read and before its write. */
  async function reportAcross(target: TestContribution, reporter: TestUser, meanwhile: () => Promise<unknown>) {
    const cookie = await sessionCookieOf(reporter.id);
    signOut();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = () => {};
    const holding = new Promise<void>((resolve) => (held = resolve));
    const blocker = db
      .$transaction(
        async (tx) => {
          await tx.flag.create({ data: { contributionId: target.id, userId: reporter.id, reason: "SPAM" } });
          held();
          await released;
          throw new RolledBack();
        },
        { timeout: 60_000 },
      )
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    await holding;
    const report = runAs(cookie, () => flagContribution({ reference: target.reference, reason: "OFFENSIVE" })).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    await vi.waitFor(async () => expect(await waitingForLocks()).toBe(1), { timeout: 10_000, interval: 20 });
    await meanwhile();
    release();
    await blocker;
    return report;
  }

  const state = (target: TestContribution) =>
    db.contribution.findUniqueOrThrow({ where: { id: target.id }, select: { status: true, openFlagCount: true, awaitingSince: true } });
  const openFlags = (target: TestContribution) => db.flag.findMany({ where: { contributionId: target.id, resolvedAt: null }, select: { userId: true } });

  /** A published contribution with one report, someone about to report it too, and the moderator's session. */
  async function reportedOnce() {
    const [first, second] = [await createTestUser(), await createTestUser()];
    const published = await contribution();
    await signInAs(first.id);
    await flagContribution({ reference: published.reference, reason: "SPAM" });
    return { published, second, moderatorCookie: await sessionCookieOf(moderator.id) };
  }

  it("a second report while the moderator dismisses the first: the new one stays open and the contribution waits again", async () => {
    const { published, second, moderatorCookie } = await reportedOnce();

    const report = await reportAcross(published, second, () =>
      runAs(moderatorCookie, () => dismissFlags({ contributionId: published.id, version: 1, openFlagCount: 1 })),
    );

    expect(report).toEqual({ ok: true, value: { reference: published.reference } });
    expect(await openFlags(published)).toEqual([{ userId: second.id }]);
    expect(await state(published)).toEqual({ status: "APPROVED", openFlagCount: 1, awaitingSince: expect.any(Date) });
  });

  it("a report while the moderator hides the contribution: the report is refused and it stays out of the queue", async () => {
    const { published, second, moderatorCookie } = await reportedOnce();

    const report = await reportAcross(published, second, () =>
      runAs(moderatorCookie, () => decideContribution({ contributionId: published.id, version: 1, decision: "HIDE", reasonText: "Offensive" })),
    );

    expect(report).toMatchObject({ ok: false, error: { code: "INVALID_STATE", userMessage: "Only published contributions can be reported." } });
    expect(await openFlags(published)).toEqual([]);
    expect(await state(published)).toEqual({ status: "HIDDEN", openFlagCount: 0, awaitingSince: null });
  });

  it("a first report while the author withdraws the contribution: the report is refused and it stays out of the queue", async () => {
    const reporter = await createTestUser();
    const published = await contribution();
    const authorCookie = await sessionCookieOf(author.id);

    const report = await reportAcross(published, reporter, () => runAs(authorCookie, () => withdrawContribution({ reference: published.reference })));

    expect(report).toMatchObject({ ok: false, error: { code: "INVALID_STATE" } });
    expect(await db.flag.count({ where: { contributionId: published.id } })).toBe(0);
    expect(await state(published)).toEqual({ status: "WITHDRAWN", openFlagCount: 0, awaitingSince: null });
  });
});
