import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { canSeeDraftConsultations, visibleConsultationsWhere } from "@/lib/consultations/visibility";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { StepOutcome } from "@/lib/summaries/steering/apply-steering";
import { liveThemeStatus } from "@/lib/summaries/theme-job/theme-job";

/** What the live summary's theme panel polls while the theme job runs: plain JSON. */
export type ThemeStatusJson = {
  state: "current" | "stale" | "missing";
  computedAt: string | null;
  contributionCount: number | null;
  job: { status: "PENDING" | "RUNNING"; progress: number | null } | null;
  outcomes: StepOutcome[] | null;
};

/** Moderators only, as the live view; a consultation they cannot see is "not found". */
export async function getThemeStatus(slug: string): Promise<ThemeStatusJson> {
  await requireRole("MODERATOR");
  const consultation = await db.consultation.findFirst({
    where: { AND: [{ slug }, visibleConsultationsWhere(await canSeeDraftConsultations())] },
    select: { id: true },
  });
  if (!consultation) throw notFound("This consultation");
  const { status } = await liveThemeStatus(consultation.id);
  return { ...status, computedAt: status.computedAt?.toISOString() ?? null };
}
