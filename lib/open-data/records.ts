import { z } from "zod";
import { ConsultationStatus, Phase, QuestionKind, StakeholderType } from "@/lib/generated/prisma/enums";

// The public records of the open data: what the API answers and the
// downloads contain, the same objects in both. One zod schema per record is
// the contract: the types below are inferred from it, the OpenAPI document
// (lib/open-data/openapi.ts) and so the /open-data page's field tables are
// generated from it, descriptions included. Dates are ISO 8601 strings in
// UTC. Nothing here identifies a user inside the application (no user id, no
// e-mail): the author is toPublicAuthor's view (lib/contributions/public-author.ts).

/** A field's words for the document and the page. */
export const described = <T extends z.ZodType>(schema: T, description: string): T => schema.meta({ description });

export const text = (description: string) => described(z.string(), description);
export const uri = (description: string) => described(z.url(), description);
export const dateTime = (description: string) => described(z.iso.datetime(), description);
export const whole = (description: string) => described(z.int(), description);
export const strings = (description: string) => described(z.array(z.string()), description);

export const authorSchema = described(
  z.object({
    anonymous: described(z.boolean(), "True when the author chose to stay anonymous: then displayName and organisationName are null."),
    displayName: described(z.string().nullable(), "The author's name; null when anonymous."),
    organisationName: described(z.string().nullable(), "The author's organisation; null when anonymous or when there is none."),
    stakeholderType: described(z.enum(StakeholderType).nullable(), "The kind of stakeholder (always published)."),
    country: described(z.string().nullable(), "The author's country, ISO 3166-1 alpha-2 (always published)."),
  }),
  "Who wrote it, as published: the name and organisation only when the author chose to publish them. Never an e-mail address.",
);

export const attachmentSchema = described(
  z.object({
    name: text("The file's name."),
    mediaType: text("Its media type, read from the file's bytes when it was uploaded."),
    size: whole("Its size in bytes."),
    url: uri("Where to download it."),
  }),
  "A file attached to the contribution.",
);

export const contributionSchema = described(
  z.object({
    reference: text("Its public reference, such as AGR-2026-000123."),
    url: uri("Its permanent page on the site."),
    consultation: text("The slug of its consultation."),
    phase: described(z.enum(Phase), "When it was submitted: before, during or after the conference."),
    language: text("The language it is written in, ISO 639-1."),
    title: text("Its title."),
    body: text("Its text, in Markdown as the author wrote it."),
    answers: described(
      z.record(z.string(), z.xor([z.string(), z.array(z.string()), z.number()])),
      "The answers to the consultation's questions, keyed by question id (see the consultation's questions): a string for free text and single choice, an array of strings for multiple choice, a number for a scale. Unanswered questions are left out.",
    ),
    submittedAt: dateTime("When it was submitted (UTC)."),
    publishedAt: described(z.iso.datetime().nullable(), "When a moderator approved it (UTC)."),
    author: authorSchema,
    attachments: described(z.array(attachmentSchema), "Its attached files, in the order they were added."),
    similarityGroupId: described(
      z.string().nullable(),
      "The group of identical or near-identical contributions it belongs to (a campaign, a joint paper, a resubmission: see how groups are made on the open-data page): the same id on each of its published members; null when no other published contribution is in its group.",
    ),
  }),
  "An approved contribution.",
);

export const questionSchema = described(
  z.object({
    id: text("Its id: the key of its answers in a contribution's answers."),
    number: whole("1, 2, 3… in the order the form asks them; the Q1, Q2, Q3… columns of the CSV."),
    kind: described(z.enum(QuestionKind), "Free text, single choice, multiple choice or a scale from 1 to 5."),
    prompt: text("The question as asked."),
    helpText: described(z.string().nullable(), "Help shown under the question, if any."),
    required: described(z.boolean(), "Whether an answer was required."),
    options: strings("The choices of a single or multiple choice question; empty otherwise."),
  }),
  "A question of the consultation's form.",
);

export const conferenceSchema = described(
  z.object({
    slug: text("Its slug."),
    title: text("Its title."),
    url: uri("Its page on the site."),
    startsAt: dateTime("When it starts (UTC)."),
    endsAt: dateTime("When it ends (UTC)."),
    timeZone: text("The IANA time zone it is held in."),
  }),
  "The conference the consultation is held around.",
);

export const consultationLinksSchema = described(
  z.object({
    self: uri("The consultation, with its questions."),
    contributions: uri("Its approved contributions, a page at a time."),
    contributionsCsv: uri("All its approved contributions as one CSV file."),
    contributionsJson: uri("All its approved contributions as one JSON file."),
    summaries: uri("The published versions of its summary, newest first."),
  }),
  "Addresses of the consultation in this API.",
);

const consultationItemShape = {
  slug: text("Its slug: the key of the consultation in every address."),
  title: text("Its title."),
  summary: text("A sentence or two about it."),
  status: described(z.enum(ConsultationStatus).exclude(["DRAFT"]), "OPEN while it takes contributions (between opensAt and closesAt), then CLOSED, later ARCHIVED."),
  topics: strings("Its topics."),
  opensAt: dateTime("When it opens for contributions (UTC)."),
  closesAt: dateTime("When it closes (UTC)."),
  conference: described(conferenceSchema.nullable(), "The conference it is held around, if any."),
  url: uri("Its page on the site."),
  approvedContributions: whole("How many of its contributions are published."),
  links: consultationLinksSchema,
};

export const consultationItemSchema = described(z.object(consultationItemShape), "A consultation (drafts are never listed).");

export const consultationSchema = described(
  z.object({
    ...consultationItemShape,
    body: text("What it is about, in Markdown."),
    participationRules: described(z.string().nullable(), "Who may take part and how the input is used, in Markdown; null when only the site's terms apply."),
    questions: described(z.array(questionSchema), "The questions of its form, in order."),
  }),
  "A consultation with its text and questions.",
);

export const pageLinksSchema = described(
  z.object({
    self: uri("This page."),
    next: described(z.url(), 'The next page; absent on the last page. Also sent as a Link header with rel="next".').optional(),
  }),
  "Where this page is and where the next one is.",
);

/** One page of a list: `links.next` is there while more pages follow, absent on the last. */
export function pageSchema<T extends z.ZodType>(item: T, description: string) {
  return described(z.object({ data: described(z.array(item), "This page's items."), links: pageLinksSchema }), description);
}

export const errorSchema = described(
  z.object({
    error: described(
      z.object({
        code: described(z.enum(["NOT_FOUND", "VALIDATION", "INTERNAL"]), "A stable code to test in a program."),
        message: text("A sentence for a person."),
        fieldErrors: described(z.record(z.string(), z.array(z.string())), "For VALIDATION: the messages for each query parameter at fault (limit, cursor).").optional(),
      }),
      "The error.",
    ),
  }),
  "What went wrong.",
);

export type OpenAuthor = z.output<typeof authorSchema>;
export type OpenAttachment = z.output<typeof attachmentSchema>;
export type OpenContribution = z.output<typeof contributionSchema>;
export type OpenQuestion = z.output<typeof questionSchema>;
export type OpenConference = z.output<typeof conferenceSchema>;
export type ConsultationLinks = z.output<typeof consultationLinksSchema>;
export type OpenConsultationItem = z.output<typeof consultationItemSchema>;
export type OpenConsultation = z.output<typeof consultationSchema>;
export type OpenDataPage<T> = { data: T[]; links: z.output<typeof pageLinksSchema> };
