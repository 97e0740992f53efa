import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ContributionStatus, ModerationAction } from "@/lib/generated/prisma/enums";
import { DASHBOARD_DAYS, getModerationDashboard, type ModerationDashboard } from "@/lib/moderation/dashboard/get-moderation-dashboard";
import { createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestContribution } from "../helpers/contribution-factory";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

// A fixture where every figure is known. "Now" is 15 March 2026, 12:00 UTC;
// the window of 30 days runs from 14 February (00:00 UTC) to today.
const NOW = new Date("2026-03-15T12:00:00.000Z");
const HOUR = 3600;
const at = (iso: string) => new Date(`${iso}Z`);
const hoursBefore = (hours: number) => new Date(NOW.getTime() - hours * HOUR * 1000);

let moderator: TestUser;
let alpha: TestConsultation;
let beta: TestConsultation;
let quiet: TestConsultation;
let dashboard: ModerationDashboard;
let empty: ModerationDashboard;

async function contribution(consultation: TestConsultation, authorId: string, status: ContributionStatus, submittedAt: Date) {
  return createTestContribution({ authorId, consultationId: consultation.id, status, submittedAt });
}

async function event(contributionId: string, action: ModerationAction, fromStatus: ContributionStatus, toStatus: ContributionStatus, createdAt: Date) {
  await db.moderationEvent.create({ data: { contributionId, actorId: moderator.id, action, fromStatus, toStatus, createdAt } });
}

beforeAll(async () => {
  moderator = await createTestUser({ role: "MODERATOR" });
  await signInAs(moderator.id);
  empty = await getModerationDashboard({ now: NOW });
  const author = await createTestUser();
  const suspended = await createTestUser({ suspended: true });
  alpha = await createTestConsultation({ title: "Alpha" });
  beta = await createTestConsultation({ title: "Beta" });
  quiet = await createTestConsultation({ title: "Quiet" });

  // The queue. Alpha: three pending waiting 1 h, 2 h and 5 h, and one of a
  // suspended author waiting 10 h, which is not in the queue.
  for (const hours of [1, 2, 5]) await contribution(alpha, author.id, "PENDING", hoursBefore(hours));
  await contribution(alpha, suspended.id, "PENDING", hoursBefore(10));
  // Beta: a published contribution reported 30 minutes ago, and one of the
  // suspended author reported 90 minutes ago, which is in the queue: it is
  // public while it waits.
  const reported = await contribution(beta, author.id, "APPROVED", at("2026-03-01T09:00:00"));
  await db.contribution.update({ where: { id: reported.id }, data: { awaitingSince: hoursBefore(0.5), openFlagCount: 1 } });
  const reportedOfSuspended = await contribution(beta, suspended.id, "APPROVED", at("2026-03-02T09:00:00"));
  await db.contribution.update({ where: { id: reportedOfSuspended.id }, data: { awaitingSince: hoursBefore(1.5), openFlagCount: 1 } });
  // Neither waiting nor decided: a withdrawal is the author's, not a decision.
  const withdrawn = await contribution(quiet, author.id, "WITHDRAWN", at("2026-03-10T10:00:00"));
  await event(withdrawn.id, "WITHDRAW", "PENDING", "WITHDRAWN", at("2026-03-11T10:00:00"));

  // Decisions. Alpha: approved after 2 h, rejected after 4 h (and later
  // approved on reconsideration, which is not a first decision), approved
  // after 10 h before the window and then hidden and restored twice.
  const first = await contribution(alpha, author.id, "APPROVED", at("2026-03-12T12:00:00"));
  await event(first.id, "APPROVE", "PENDING", "APPROVED", at("2026-03-12T14:00:00"));
  const second = await contribution(alpha, author.id, "APPROVED", at("2026-03-13T12:00:00"));
  await event(second.id, "REJECT", "PENDING", "REJECTED", at("2026-03-13T16:00:00"));
  await event(second.id, "APPROVE", "REJECTED", "APPROVED", at("2026-03-14T12:00:00"));
  const old = await contribution(alpha, author.id, "APPROVED", at("2026-02-03T12:00:00"));
  await event(old.id, "APPROVE", "PENDING", "APPROVED", at("2026-02-03T22:00:00"));
  await event(old.id, "HIDE", "APPROVED", "HIDDEN", at("2026-02-13T23:59:59.999"));
  await event(old.id, "RESTORE", "HIDDEN", "APPROVED", at("2026-02-14T00:00:00"));
  await event(old.id, "HIDE", "APPROVED", "HIDDEN", at("2026-03-14T12:00:00"));
  await event(old.id, "RESTORE", "HIDDEN", "APPROVED", at("2026-03-14T13:00:00"));
  await db.moderationEvent.create({ data: { contributionId: old.id, actorId: moderator.id, action: "NOTE", note: "Checked twice.", createdAt: at("2026-03-14T13:30:00") } });
  // Beta: rejected after 6 h; reports on the published one dismissed at midnight.
  const fourth = await contribution(beta, author.id, "REJECTED", at("2026-03-05T12:00:00"));
  await event(fourth.id, "REJECT", "PENDING", "REJECTED", at("2026-03-05T18:00:00"));
  await event(reported.id, "DISMISS_FLAGS", "APPROVED", "APPROVED", at("2026-03-15T00:00:00"));

  dashboard = await getModerationDashboard({ now: NOW });
});

describe("getModerationDashboard", () => {
  it("counts the queue per consultation and in all, without the suspended author's pending contribution but with their reported one", () => {
    expect(dashboard.overall).toMatchObject({ queueLength: 5, oldestWaitSeconds: 5 * HOUR, medianWaitSeconds: 1.5 * HOUR });
    const byTitle = Object.fromEntries(dashboard.consultations.map((row) => [row.title, row]));
    expect(byTitle.Alpha).toMatchObject({ id: alpha.id, slug: alpha.slug, queueLength: 3, oldestWaitSeconds: 5 * HOUR, medianWaitSeconds: 2 * HOUR });
    expect(byTitle.Beta).toMatchObject({ id: beta.id, queueLength: 2, oldestWaitSeconds: 1.5 * HOUR, medianWaitSeconds: 1 * HOUR });
  });

  it("measures the time from submission to the first decision, per consultation and in all", () => {
    expect(dashboard.overall).toMatchObject({ decidedCount: 4, medianDecisionSeconds: 5 * HOUR });
    const byTitle = Object.fromEntries(dashboard.consultations.map((row) => [row.title, row]));
    expect(byTitle.Alpha).toMatchObject({ decidedCount: 3, medianDecisionSeconds: 4 * HOUR });
    expect(byTitle.Beta).toMatchObject({ decidedCount: 1, medianDecisionSeconds: 6 * HOUR });
  });

  it("lists the consultations with something waiting or decided, most waiting first", () => {
    expect(dashboard.consultations.map((row) => row.title)).toEqual(["Alpha", "Beta"]);
    expect(dashboard.consultations.map((row) => row.id)).not.toContain(quiet.id);
  });

  it("counts decisions on each UTC day of the last 30, days without any included", () => {
    expect(dashboard.since).toBe("2026-02-14");
    expect(dashboard.days).toHaveLength(DASHBOARD_DAYS);
    expect(dashboard.days[0]?.day).toBe("2026-02-14");
    expect(dashboard.days.at(-1)?.day).toBe("2026-03-15");
    const busy = dashboard.days.filter((day) => day.total > 0);
    const zero = { approved: 0, rejected: 0, hidden: 0, restored: 0, reportsDismissed: 0 };
    expect(busy).toEqual([
      { day: "2026-02-14", ...zero, restored: 1, total: 1 },
      { day: "2026-03-05", ...zero, rejected: 1, total: 1 },
      { day: "2026-03-12", ...zero, approved: 1, total: 1 },
      { day: "2026-03-13", ...zero, rejected: 1, total: 1 },
      { day: "2026-03-14", ...zero, approved: 1, hidden: 1, restored: 1, total: 3 },
      { day: "2026-03-15", ...zero, reportsDismissed: 1, total: 1 },
    ]);
    expect(dashboard.days.filter((day) => day.total === 0)).toHaveLength(DASHBOARD_DAYS - busy.length);
  });

  it("shares first decisions between approved and rejected, in the window and ever", () => {
    expect(dashboard.share).toEqual({ recent: { approved: 1, rejected: 2 }, overall: { approved: 2, rejected: 2 } });
  });

  it("answers zeros and no medians before anything was submitted", () => {
    expect(empty.overall).toEqual({ queueLength: 0, oldestWaitSeconds: null, medianWaitSeconds: null, decidedCount: 0, medianDecisionSeconds: null });
    expect(empty.consultations).toEqual([]);
    expect(empty.days).toHaveLength(DASHBOARD_DAYS);
    expect(empty.days.every((day) => day.total === 0)).toBe(true);
    expect(empty.share).toEqual({ recent: { approved: 0, rejected: 0 }, overall: { approved: 0, rejected: 0 } });
  });
});

describe("access", () => {
  it("is refused to visitors (401) and participants (403)", async () => {
    signOut();
    await expect(getModerationDashboard({ now: NOW })).rejects.toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    await signInAs((await createTestUser()).id);
    await expect(getModerationDashboard({ now: NOW })).rejects.toMatchObject({ status: 403, code: "FORBIDDEN" });
  });

  it("is open to administrators", async () => {
    await signInAs((await createTestUser({ role: "ADMIN" })).id);
    await expect(getModerationDashboard({ now: NOW })).resolves.toMatchObject({ overall: { queueLength: 5 } });
  });
});
