import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import type { ConferenceInput } from "@/lib/conferences/schema";
import { utcToZonedTime } from "@/lib/vocabulary/time-zones";
import { db } from "@/lib/db";

export type ConferenceForEdit = { id: string; title: string; values: ConferenceInput };

/** Administrators only: a conference as its edit form shows it (dates in its own time zone), or null. */
export async function getConferenceForEdit(id: string): Promise<ConferenceForEdit | null> {
  await requireRole("ADMIN");
  const conference = await db.conference.findUnique({
    where: { id },
    select: { id: true, slug: true, title: true, description: true, venue: true, isOnline: true, timeZone: true, startsAt: true, endsAt: true },
  });
  if (!conference) return null;
  return {
    id: conference.id,
    title: conference.title,
    values: {
      title: conference.title,
      slug: conference.slug,
      description: conference.description,
      venue: conference.venue ?? "",
      isOnline: conference.isOnline,
      timeZone: conference.timeZone,
      startsAt: utcToZonedTime(conference.startsAt, conference.timeZone),
      endsAt: utcToZonedTime(conference.endsAt, conference.timeZone),
    },
  };
}
