import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { ConsultationStatus, QuestionKind } from "@/lib/generated/prisma/enums";

// Conferences and consultations for tests, each call unique.

const DAY = 24 * 60 * 60 * 1000;
const unique = () => randomBytes(4).toString("hex");

export type TestConference = { id: string; slug: string; title: string };

export async function createTestConference(
  options: { title?: string; startsAt?: Date; endsAt?: Date; timeZone?: string; venue?: string | null; isOnline?: boolean } = {},
): Promise<TestConference> {
  const title = options.title ?? `Conference ${unique()}`;
  const startsAt = options.startsAt ?? new Date(Date.now() + 10 * DAY);
  return db.conference.create({
    data: {
      slug: `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${unique()}`,
      title,
      description: `About ${title}.`,
      venue: options.venue === undefined ? "Brussels" : options.venue,
      isOnline: options.isOnline ?? false,
      timeZone: options.timeZone ?? "Europe/Brussels",
      startsAt,
      endsAt: options.endsAt ?? new Date(startsAt.getTime() + DAY),
    },
    select: { id: true, slug: true, title: true },
  });
}

export type TestConsultation = { id: string; slug: string; title: string; status: ConsultationStatus };

export async function createTestConsultation(
  options: {
    title?: string;
    status?: ConsultationStatus;
    conferenceId?: string | null;
    opensAt?: Date;
    closesAt?: Date;
    body?: string;
    topics?: string[];
    questions?: { kind: QuestionKind; prompt: string; required?: boolean; options?: string[] }[];
  } = {},
): Promise<TestConsultation> {
  const title = options.title ?? `Consultation ${unique()}`;
  return db.consultation.create({
    data: {
      slug: `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${unique()}`,
      title,
      summary: `Summary of ${title}.`,
      body: options.body ?? `## About\n\n${title}.`,
      topics: options.topics ?? ["AI"],
      status: options.status ?? "OPEN",
      conferenceId: options.conferenceId ?? null,
      opensAt: options.opensAt ?? new Date(Date.now() - DAY),
      closesAt: options.closesAt ?? new Date(Date.now() + 30 * DAY),
      questions: {
        create: (options.questions ?? []).map((question, position) => ({
          position,
          kind: question.kind,
          prompt: question.prompt,
          required: question.required ?? false,
          options: question.options ?? [],
        })),
      },
    },
    select: { id: true, slug: true, title: true, status: true },
  });
}
