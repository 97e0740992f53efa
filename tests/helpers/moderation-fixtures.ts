import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { flagContribution } from "@/lib/flags/flag-contribution";
import type { FlagReason } from "@/lib/generated/prisma/enums";
import { signInAs, signOut } from "./session";

// Data and checks shared by the moderation tests.

/** Everything a moderation decision, note, dismissal or suspension could change. */
export async function moderationSnapshot() {
  const [contributions, events, notices, emails, flags, users] = await Promise.all([
    db.contribution.findMany({
      orderBy: { id: "asc" },
      select: { id: true, status: true, version: true, openFlagCount: true, rejectionReason: true, decidedAt: true, awaitingSince: true, updatedAt: true },
    }),
    db.moderationEvent.findMany({ orderBy: { id: "asc" } }),
    db.notice.findMany({ orderBy: { id: "asc" } }),
    db.emailOutbox.findMany({ orderBy: { id: "asc" }, select: { id: true, dedupeKey: true, to: true, subject: true, text: true } }),
    db.flag.findMany({ orderBy: { id: "asc" } }),
    db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, suspendedAt: true, sessionVersion: true } }),
  ]);
  return { contributions, events, notices, emails, flags, users };
}

export async function createRejectionReason(options: { label?: string; active?: boolean } = {}): Promise<{ id: string; label: string }> {
  return db.rejectionReason.create({
    data: { label: options.label ?? `Reason ${randomBytes(4).toString("hex")}`, active: options.active ?? true },
    select: { id: true, label: true },
  });
}

/** Each reporter reports the published contribution through the app, then nobody is signed in. */
export async function reportAs(reference: string, reporterIds: string[], reason: FlagReason = "OFFENSIVE"): Promise<void> {
  for (const reporterId of reporterIds) {
    await signInAs(reporterId);
    await flagContribution({ reference, reason });
  }
  signOut();
}

/** What a decision wrote about one contribution: its log, and the author's notices and e-mails. */
export async function writtenAbout(contribution: { id: string; reference: string; authorId: string }) {
  const [row, events, notices, emails] = await Promise.all([
    db.contribution.findUniqueOrThrow({
      where: { id: contribution.id },
      select: { status: true, version: true, openFlagCount: true, rejectionReason: true, decidedAt: true, awaitingSince: true },
    }),
    db.moderationEvent.findMany({ where: { contributionId: contribution.id, action: { not: "SUBMIT" } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.notice.findMany({ where: { userId: contribution.authorId, message: { contains: contribution.reference } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.emailOutbox.findMany({ where: { subject: { contains: contribution.reference } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  return { row, events, notices, emails };
}
