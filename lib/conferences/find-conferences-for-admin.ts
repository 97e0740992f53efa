import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { conferenceCardSelect, type ConferenceCard } from "@/lib/conferences/conference-card";
import { db } from "@/lib/db";

export type AdminConferenceRow = ConferenceCard & { id: string; consultationCount: number };

/** Administrators only: every conference, latest first, with how many consultations (drafts included) it has. */
export async function findConferencesForAdmin(): Promise<AdminConferenceRow[]> {
  await requireRole("ADMIN");
  const rows = await db.conference.findMany({
    orderBy: [{ startsAt: "desc" }, { title: "asc" }],
    select: { id: true, ...conferenceCardSelect, _count: { select: { consultations: true } } },
  });
  return rows.map(({ _count, ...conference }) => ({ ...conference, consultationCount: _count.consultations }));
}
