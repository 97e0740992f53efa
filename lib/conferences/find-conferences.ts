import "server-only";
import { db } from "@/lib/db";
import { conferenceCardSelect, conferencePhase, type ConferenceCard } from "@/lib/conferences/conference-card";
import { canSeeDraftConsultations, visibleConsultationsWhere } from "@/lib/consultations/visibility";

export type ConferenceListItem = ConferenceCard & {
  description: string;
  /** Consultations the caller may see (drafts only for administrators). */
  consultationCount: number;
};

export type ConferencesByPhase = { running: ConferenceListItem[]; upcoming: ConferenceListItem[]; past: ConferenceListItem[] };

/**
 * Every conference, split into running now (ending soonest first), upcoming
 * (starting soonest first) and past (most recent first). Public.
 */
export async function findConferences(options: { now?: Date } = {}): Promise<ConferencesByPhase> {
  const now = options.now ?? new Date();
  const includeDrafts = await canSeeDraftConsultations();
  const rows = await db.conference.findMany({
    orderBy: [{ startsAt: "asc" }, { title: "asc" }],
    select: {
      ...conferenceCardSelect,
      description: true,
      _count: { select: { consultations: { where: visibleConsultationsWhere(includeDrafts) } } },
    },
  });
  const result: ConferencesByPhase = { running: [], upcoming: [], past: [] };
  for (const { _count, ...conference } of rows) {
    const item = { ...conference, consultationCount: _count.consultations };
    const phase = conferencePhase(conference, now);
    if (phase === "RUNNING") result.running.push(item);
    else if (phase === "UPCOMING") result.upcoming.push(item);
    else result.past.push(item);
  }
  result.running.sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime());
  result.past.reverse();
  return result;
}
