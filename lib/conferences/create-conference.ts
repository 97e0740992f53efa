import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { conferenceData } from "@/lib/conferences/conference-data";
import { conferenceSchema } from "@/lib/conferences/schema";
import { withUniqueSlug } from "@/lib/unique-slug";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/errors";

export type SavedConference = { id: string; slug: string };

/** Administrators only. Dates arrive as local times in the conference's time zone and are stored in UTC. */
export async function createConference(input: unknown): Promise<SavedConference> {
  await requireRole("ADMIN");
  const values = parseInput(conferenceSchema, input);
  return withUniqueSlug(() => db.conference.create({ data: conferenceData(values), select: { id: true, slug: true } }));
}
