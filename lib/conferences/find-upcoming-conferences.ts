import "server-only";
import { db } from "@/lib/db";
import { conferenceCardSelect, type ConferenceCard } from "@/lib/conferences/conference-card";

export type { ConferenceCard };

/** Conferences running now or still to come, soonest first. Public. */
export async function findUpcomingConferences(options: { now?: Date; take?: number } = {}): Promise<ConferenceCard[]> {
  const now = options.now ?? new Date();
  return db.conference.findMany({
    where: { endsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    take: options.take ?? 6,
    select: conferenceCardSelect,
  });
}
