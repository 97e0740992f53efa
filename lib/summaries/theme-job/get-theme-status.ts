import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { canSeeDraftConsultations, visibleConsultationsWhere } from "@/lib/consultations/visibility";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { liveThemeStatus, type ThemeStatus } from "@/lib/summaries/theme-job/theme-job";

/** What the live summary's theme panel polls while the theme job runs: plain JSON. */
export type ThemeStatusJson = Omit<ThemeStatus, "computedAt"> & { computedAt: string | null };

/** The status as the page hands it to the panel and as the panel polls it. */
export function themeStatusJson(status: ThemeStatus): ThemeStatusJson {
  return { ...status, computedAt: status.computedAt?.toISOString() ?? null };
}

/** Moderators only, as the live view; a consultation they cannot see is "not found". */
export async function getThemeStatus(slug: string): Promise<ThemeStatusJson> {
  await requireRole("MODERATOR");
  const consultation = await db.consultation.findFirst({
    where: { AND: [{ slug }, visibleConsultationsWhere(await canSeeDraftConsultations())] },
    select: { id: true },
  });
  if (!consultation) throw notFound("This consultation");
  return themeStatusJson((await liveThemeStatus(consultation.id)).status);
}
