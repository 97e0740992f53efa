import type { ConsultationStatus, Phase, QuestionKind } from "@/lib/generated/prisma/enums";
import type { AnswerValue } from "@/lib/contributions/schema";
import type { PublicAuthor } from "@/lib/contributions/public-author";
import type { ConsultationLinks } from "@/lib/open-data/links";

// The public records of the open data: what the API answers and the
// downloads contain, the same objects in both. Dates are ISO 8601 strings in
// UTC. Nothing here identifies a user inside the application (no user id, no
// e-mail): the author is toPublicAuthor's view (lib/contributions/public-author.ts).

export type OpenAttachment = {
  name: string;
  /** Sniffed from the file's bytes when it was uploaded. */
  mediaType: string;
  /** In bytes. */
  size: number;
  url: string;
};

export type OpenContribution = {
  reference: string;
  /** Its permanent page on the site. */
  url: string;
  /** The consultation's slug. */
  consultation: string;
  phase: Phase;
  /** ISO 639-1 */
  language: string;
  title: string;
  /** Markdown, as the author wrote it. */
  body: string;
  /** Keyed by question id (the consultation's questions); unanswered questions are left out. */
  answers: Record<string, AnswerValue>;
  submittedAt: string;
  /** When a moderator approved it. */
  publishedAt: string | null;
  author: PublicAuthor;
  attachments: OpenAttachment[];
};

export type OpenQuestion = {
  id: string;
  /** 1, 2, 3… in the order the form asks them; the CSV's Q1, Q2, Q3… columns. */
  number: number;
  kind: QuestionKind;
  prompt: string;
  helpText: string | null;
  required: boolean;
  /** The choices of SINGLE_CHOICE and MULTIPLE_CHOICE questions; empty otherwise. */
  options: string[];
};

export type OpenConference = { slug: string; title: string; url: string; startsAt: string; endsAt: string; timeZone: string };

export type OpenConsultationItem = {
  slug: string;
  title: string;
  summary: string;
  status: Exclude<ConsultationStatus, "DRAFT">;
  topics: string[];
  opensAt: string;
  closesAt: string;
  conference: OpenConference | null;
  /** Its page on the site. */
  url: string;
  approvedContributions: number;
  links: ConsultationLinks;
};

export type OpenConsultation = OpenConsultationItem & {
  /** Markdown. */
  body: string;
  /** Markdown; null when the consultation has none beyond the site's terms. */
  participationRules: string | null;
  questions: OpenQuestion[];
};

/** One page of a list: `links.next` is there while more pages follow, absent on the last. */
export type OpenDataPage<T> = { data: T[]; links: { self: string; next?: string } };
