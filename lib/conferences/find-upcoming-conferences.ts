import "server-only";
import { db } from "@/lib/db";

export type ConferenceCard = {
  slug: string;
  title: string;
  venue: string | null;
  isOnline: boolean;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
};

/** Conferences running now or still to come, soonest first. Public. */
export async function findUpcomingConferences(options: { now?: Date; take?: number } = {}): Promise<ConferenceCard[]> {
  const now = options.now ?? new Date();
  return db.conference.findMany({
    where: { endsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    take: options.take ?? 6,
    select: { slug: true, title: true, venue: true, isOnline: true, timeZone: true, startsAt: true, endsAt: true },
  });
}
