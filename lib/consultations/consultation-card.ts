import type { ConsultationStatus } from "@/lib/generated/prisma/enums";

// What a consultation card shows, wherever consultations are listed (home
// page, consultation list, conference page): one select, one shape.

export const consultationCardSelect = {
  slug: true,
  title: true,
  summary: true,
  topics: true,
  status: true,
  opensAt: true,
  closesAt: true,
  conference: { select: { slug: true, title: true, timeZone: true } },
} as const;

export type ConsultationCard = {
  slug: string;
  title: string;
  summary: string;
  topics: string[];
  status: ConsultationStatus;
  opensAt: Date;
  closesAt: Date;
  conference: { slug: string; title: string; timeZone: string } | null;
};

// Open first (closing soonest on top), then closed and archived (most recently
// closed on top), drafts last: the order a reader scans a list in.
const STATUS_ORDER: Record<ConsultationStatus, number> = { OPEN: 0, CLOSED: 1, ARCHIVED: 2, DRAFT: 3 };

export function sortConsultationCards<T extends Pick<ConsultationCard, "status" | "closesAt" | "title">>(cards: T[]): T[] {
  return [...cards].sort((a, b) => {
    const byStatus = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    if (byStatus !== 0) return byStatus;
    const byClose = a.closesAt.getTime() - b.closesAt.getTime();
    const newestFirst = a.status === "CLOSED" || a.status === "ARCHIVED";
    if (byClose !== 0) return newestFirst ? -byClose : byClose;
    return a.title.localeCompare(b.title, "en");
  });
}
