import "server-only";
import { visibleConsultationsWhere } from "@/lib/consultations/visibility";
import type { Prisma } from "@/lib/generated/prisma/client";
import { consultationLinks, siteUrl } from "@/lib/open-data/links";
import type { OpenConsultationItem } from "@/lib/open-data/records";

// The open data shows what a visitor sees, whoever asks: an administrator
// reading the API gets no drafts either (lib/consultations/visibility.ts).
export const publishedConsultationsWhere: Prisma.ConsultationWhereInput = visibleConsultationsWhere(false);

export const consultationItemSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  status: true,
  topics: true,
  opensAt: true,
  closesAt: true,
  conference: { select: { slug: true, title: true, startsAt: true, endsAt: true, timeZone: true } },
} satisfies Prisma.ConsultationSelect;

type ConsultationItemRow = Prisma.ConsultationGetPayload<{ select: typeof consultationItemSelect }>;

export function toOpenConsultationItem(row: ConsultationItemRow, approvedContributions: number): OpenConsultationItem {
  // The where clause above keeps drafts out; the type cannot know it.
  if (row.status === "DRAFT") throw new Error(`Draft consultation ${row.slug} reached the open data`);
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    status: row.status,
    topics: row.topics,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    conference: row.conference
      ? {
          slug: row.conference.slug,
          title: row.conference.title,
          url: siteUrl(`/conferences/${row.conference.slug}`),
          startsAt: row.conference.startsAt.toISOString(),
          endsAt: row.conference.endsAt.toISOString(),
          timeZone: row.conference.timeZone,
        }
      : null,
    url: siteUrl(`/consultations/${row.slug}`),
    approvedContributions,
    links: consultationLinks(row.slug),
  };
}
