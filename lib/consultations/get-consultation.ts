import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConsultationStatus, QuestionKind } from "@/lib/generated/prisma/enums";
import { canSeeDraftConsultations, visibleConsultationsWhere } from "@/lib/consultations/visibility";

export type ConsultationQuestion = {
  id: string;
  position: number;
  kind: QuestionKind;
  prompt: string;
  helpText: string | null;
  required: boolean;
  options: string[];
};

export type ConsultationDetail = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  /** Markdown, written by administrators; render it without raw HTML. */
  body: string;
  /** Markdown, written by administrators; null when there are none beyond the site's terms. */
  participationRules: string | null;
  topics: string[];
  status: ConsultationStatus;
  opensAt: Date;
  closesAt: Date;
  /** The time zone its dates are shown in: the conference's, else UTC. */
  timeZone: string;
  conference: { slug: string; title: string; timeZone: string; startsAt: Date; endsAt: Date; venue: string | null; isOnline: boolean } | null;
  questions: ConsultationQuestion[];
};

/** What a consultation says of itself and when it is open: its page and its edit form read the same. */
export const consultationTextSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  body: true,
  participationRules: true,
  topics: true,
  status: true,
  opensAt: true,
  closesAt: true,
} as const satisfies Prisma.ConsultationSelect;

/**
 * One consultation by slug, or null when there is none the caller may see
 * (a draft looks exactly like a missing page to anyone but an administrator).
 * Cached per request: the page and its metadata share one query.
 */
export const getConsultation = cache(async (slug: string): Promise<ConsultationDetail | null> => {
  const includeDrafts = await canSeeDraftConsultations();
  const consultation = await db.consultation.findFirst({
    where: { AND: [{ slug }, visibleConsultationsWhere(includeDrafts)] },
    select: {
      ...consultationTextSelect,
      conference: { select: { slug: true, title: true, timeZone: true, startsAt: true, endsAt: true, venue: true, isOnline: true } },
      questions: {
        orderBy: { position: "asc" },
        select: { id: true, position: true, kind: true, prompt: true, helpText: true, required: true, options: true },
      },
    },
  });
  if (!consultation) return null;
  return { ...consultation, timeZone: consultation.conference?.timeZone ?? "UTC" };
});
