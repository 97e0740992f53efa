import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { conferenceData } from "@/lib/conferences/conference-data";
import type { SavedConference } from "@/lib/conferences/create-conference";
import { updateConferenceSchema } from "@/lib/conferences/schema";
import { withUniqueSlug } from "@/lib/unique-slug";
import { db } from "@/lib/db";
import { notFound, parseInput } from "@/lib/errors";

export type UpdatedConference = SavedConference & { previousSlug: string };

/**
 * Administrators only. Contributions already made keep the phase they were
 * given when submitted: moving the conference's dates does not rewrite them.
 */
export async function updateConference(input: unknown): Promise<UpdatedConference> {
  await requireRole("ADMIN");
  const { id, ...values } = parseInput(updateConferenceSchema, input);
  return withUniqueSlug(() =>
    db.$transaction(async (tx) => {
      const current = await tx.conference.findUnique({ where: { id }, select: { slug: true } });
      if (!current) throw notFound("This conference");
      const saved = await tx.conference.update({ where: { id }, data: conferenceData(values), select: { id: true, slug: true } });
      return { ...saved, previousSlug: current.slug };
    }),
  );
}
