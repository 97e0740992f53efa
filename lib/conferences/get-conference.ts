import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { conferenceCardSelect, type ConferenceCard } from "@/lib/conferences/conference-card";
import { consultationCardSelect, sortConsultationCards, type ConsultationCard } from "@/lib/consultations/consultation-card";
import { canSeeDraftConsultations, visibleConsultationsWhere } from "@/lib/consultations/visibility";

export type ConferenceDetail = ConferenceCard & {
  description: string;
  consultations: ConsultationCard[];
};

/** One conference by slug with the consultations the caller may see, or null. Public. */
export const getConference = cache(async (slug: string): Promise<ConferenceDetail | null> => {
  const includeDrafts = await canSeeDraftConsultations();
  const conference = await db.conference.findUnique({
    where: { slug },
    select: {
      ...conferenceCardSelect,
      description: true,
      consultations: { where: visibleConsultationsWhere(includeDrafts), select: consultationCardSelect },
    },
  });
  if (!conference) return null;
  return { ...conference, consultations: sortConsultationCards(conference.consultations) };
});
