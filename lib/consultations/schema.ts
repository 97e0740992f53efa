import { z } from "zod";
import { checkWindow, localDateTimeField, slugField, timeZoneField, titleField } from "@/lib/vocabulary/admin-fields";
import { ConsultationStatus, Phase, QuestionKind } from "@/lib/generated/prisma/enums";
import { pageParamSchema } from "@/lib/search-params";

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value ? value : undefined));

export const CONSULTATIONS_PAGE_SIZE = 12;

// Filters of the public consultation list (a GET form: every value arrives as
// a string, "" meaning "any").
export const consultationFilterSchema = z.object({
  status: z.preprocess(emptyToUndefined, z.enum(ConsultationStatus, "Choose a status from the list.").optional()),
  topic: optionalText(60, "Choose a topic from the list."),
  conference: optionalText(80, "Choose a conference from the list."),
  /** Open now, and the conference is in this phase now. */
  phase: z.preprocess(emptyToUndefined, z.enum(Phase, "Choose a phase from the list.").optional()),
  query: optionalText(200, "Search for at most 200 characters."),
  page: pageParamSchema,
});

export type ConsultationFilter = z.output<typeof consultationFilterSchema>;
export type ConsultationFilterInput = z.input<typeof consultationFilterSchema>;

// The administrators' list of consultations.
export const ADMIN_CONSULTATIONS_PAGE_SIZE = 25;

export const adminConsultationFilterSchema = consultationFilterSchema.pick({ status: true, page: true });

// --- The admin form -------------------------------------------------------

export const CHOICE_KINDS: readonly QuestionKind[] = ["SINGLE_CHOICE", "MULTIPLE_CHOICE"];
export const isChoiceKind = (kind: QuestionKind) => CHOICE_KINDS.includes(kind);

export const MAX_QUESTIONS = 30;
export const MAX_OPTIONS = 20;
export const MAX_TOPICS = 10;

/** Text with one item a line (the form's textarea) or a list (a re-parse on the server): trimmed, blanks dropped. */
const lines = (separator: RegExp) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (typeof value === "string" ? value.split(separator) : value).map((item) => item.trim()).filter(Boolean));

export const questionSchema = z
  .object({
    /** The stored question's id; empty for a question added in the form. */
    id: z.string().trim().max(64).optional().transform((value) => (value ? value : undefined)),
    kind: z.enum(QuestionKind, "Choose the kind of question."),
    prompt: z
      .string("Write the question.")
      .trim()
      .min(3, "Write the question (at least 3 characters).")
      .max(500, "Keep the question to 500 characters or fewer."),
    helpText: z.string().trim().max(1000, "Keep the help text to 1,000 characters or fewer."),
    options: lines(/\r?\n/).pipe(
      z
        .array(z.string().max(200, "Keep each choice to 200 characters or fewer."))
        .max(MAX_OPTIONS, `Offer at most ${MAX_OPTIONS} choices.`),
    ),
    required: z.boolean(),
  })
  .superRefine((question, ctx) => {
    if (isChoiceKind(question.kind)) {
      if (question.options.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: "Give at least two choices, one a line." });
      const seen = new Set<string>();
      for (const option of question.options) {
        const key = option.toLocaleLowerCase("en");
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["options"], message: `Each choice must be different: “${option}” is there twice.` });
        seen.add(key);
      }
    } else if (question.options.length > 0) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "Only single and multiple choice questions have choices." });
    }
  });

export type QuestionInput = z.input<typeof questionSchema>;
export type QuestionValues = z.output<typeof questionSchema>;

const consultationFields = {
  title: titleField,
  slug: slugField,
  // A draft may be saved without them; opening it needs the summary (see
  // change-consultation-status.ts), and the body is optional markdown.
  summary: z.string().trim().max(600, "Keep the summary to 600 characters or fewer."),
  body: z.string().trim().max(50_000, "Keep the description to 50,000 characters or fewer."),
  participationRules: z.string().trim().max(10_000, "Keep the participation rules to 10,000 characters or fewer."),
  topics: lines(/,/).pipe(
    z
      .array(z.string().max(40, "Keep each topic to 40 characters or fewer."))
      .max(MAX_TOPICS, `Give at most ${MAX_TOPICS} topics.`)
      // "AI" and "ai" are one topic in the list's filter: keep the first spelling.
      .transform((topics) => topics.filter((topic, index) => topics.findIndex((other) => other.toLowerCase() === topic.toLowerCase()) === index)),
  ),
  /** "" for none. */
  conferenceId: z.string().trim().max(64, "Choose a conference from the list."),
  timeZone: timeZoneField,
  opensAt: localDateTimeField,
  closesAt: localDateTimeField,
  questions: z.array(questionSchema).max(MAX_QUESTIONS, `A consultation can have at most ${MAX_QUESTIONS} questions.`),
};

function checkConsultation(values: Record<string, unknown>, ctx: Parameters<typeof checkWindow>[3]) {
  checkWindow(values, { start: "opensAt", end: "closesAt", timeZone: "timeZone" }, { order: "The consultation must close after it opens." }, ctx);
}

export const consultationSchema = z.object(consultationFields).superRefine(checkConsultation);

export const updateConsultationSchema = z
  .object({ ...consultationFields, id: z.string("This consultation id is not valid.").trim().min(1).max(64) })
  .superRefine(checkConsultation);

export type ConsultationInput = z.input<typeof consultationSchema>;
export type ConsultationValues = z.output<typeof consultationSchema>;
export type UpdateConsultationInput = z.input<typeof updateConsultationSchema>;

export const CONSULTATION_FIELDS = Object.keys(consultationFields) as (keyof ConsultationInput)[];

// --- Status ---------------------------------------------------------------

/**
 * draft → open → closed → archived, and closed → open to reopen a
 * consultation closed too early or given more time (the dates must allow it).
 * Archived is final: it keeps the consultation readable and out of the way.
 */
export const STATUS_TRANSITIONS: Record<ConsultationStatus, readonly ConsultationStatus[]> = {
  DRAFT: ["OPEN"],
  OPEN: ["CLOSED"],
  CLOSED: ["ARCHIVED", "OPEN"],
  ARCHIVED: [],
};

export function canChangeStatus(from: ConsultationStatus, to: ConsultationStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** What the button that moves a consultation from one status to another says. */
export function transitionLabel(from: ConsultationStatus, to: ConsultationStatus): string {
  if (to === "OPEN") return from === "CLOSED" ? "Reopen" : "Open";
  if (to === "CLOSED") return "Close";
  if (to === "ARCHIVED") return "Archive";
  return "Back to draft";
}

export const changeConsultationStatusSchema = z.object({
  id: z.string("This consultation id is not valid.").trim().min(1, "This consultation id is not valid.").max(64),
  status: z.enum(ConsultationStatus, "Choose a status from the list."),
});

export type ChangeConsultationStatusInput = z.input<typeof changeConsultationStatusSchema>;
