import { z } from "zod";
import type { QuestionKind } from "@/lib/generated/prisma/enums";
import { attachmentMessages, MAX_ATTACHMENTS } from "@/lib/attachments/rules";
import { LANGUAGE_CODES } from "@/lib/vocabulary/languages";
import { RECORD_ID_PATTERN, recordIdSchema } from "@/lib/vocabulary/record-ids";

// Isomorphic: the contribution form validates with these schemas in the
// browser (zodResolver) and the server parses the request with the same ones,
// built from the consultation's questions as stored on the server. z.object
// strips keys it does not know, so whatever else a request carries (an author
// id, a phase, a status, timestamps) never reaches the database. Every message
// here is read by the person filling in the form.

export const TITLE_MIN_LENGTH = 5;
export const TITLE_MAX_LENGTH = 200;
export const BODY_MIN_LENGTH = 20;
export const BODY_MAX_LENGTH = 5_000;
export const FREE_TEXT_ANSWER_MAX_LENGTH = 2_000;
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

const numberFormat = new Intl.NumberFormat("en-GB");

/**
 * Characters as a reader counts them: one per Unicode code point, so an
 * emoji or a rare kanji counts once. The live counter uses the same function.
 */
export function countCharacters(text: string): number {
  return text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
}

// Textareas submit CRLF in some browsers; count and store one newline.
const normaliseText = (text: string) => text.replace(/\r\n?/g, "\n").trim();

// ---------------------------------------------------------------------------
// Answers to the consultation's questions

/** What the schema needs to know about a question; the form gets the same plain objects. */
export type QuestionSpec = {
  id: string;
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  options: string[];
};

export type AnswerValue = string | string[] | number;
export type Answers = Record<string, AnswerValue>;

/** An answer as the form holds it: radios give a string (or null before a choice), checkboxes an array. */
export type FormAnswerValue = string | string[] | number | boolean | null;
export type FormAnswers = Record<string, FormAnswerValue | undefined>;

const isBlank = (value: unknown) =>
  value === undefined || value === null || value === false || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);

/** The message for a missing answer, or for one of the wrong type (a forged request). */
const answerError = (requiredMessage: string, typeMessage: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? requiredMessage : typeMessage),
});

/** Blank answers count as not given, so an optional question can be left empty. */
function answerField(schema: z.ZodType<AnswerValue>, required: boolean): z.ZodType<AnswerValue | undefined> {
  return z.preprocess((value) => (isBlank(value) ? undefined : value), required ? schema : schema.optional());
}

function answerSchema(question: QuestionSpec): z.ZodType<AnswerValue | undefined> {
  const options = new Set(question.options);
  const scaleMessage = `Please choose a value from ${SCALE_MIN} to ${SCALE_MAX}.`;
  switch (question.kind) {
    case "FREE_TEXT":
      return answerField(
        z
          .string(answerError("Please answer this question.", "Please write your answer as text."))
          .transform(normaliseText)
          .refine((text) => countCharacters(text) <= FREE_TEXT_ANSWER_MAX_LENGTH, `Keep this answer to ${numberFormat.format(FREE_TEXT_ANSWER_MAX_LENGTH)} characters at most.`),
        question.required,
      );
    case "SINGLE_CHOICE":
      return answerField(
        z
          .string(answerError("Please choose an answer.", "Please choose one of the options."))
          .refine((choice) => options.has(choice), "Please choose one of the options."),
        question.required,
      );
    case "MULTIPLE_CHOICE":
      return answerField(
        z
          // One checked box of a group reaches the form as a string.
          .preprocess(
            (value) => (typeof value === "string" ? [value] : value),
            z.array(z.string("Please choose among the options."), answerError("Please choose at least one answer.", "Please choose among the options.")),
          )
          .refine((choices) => choices.every((choice) => options.has(choice)), "Please choose among the options.")
          .transform((choices) => question.options.filter((option) => choices.includes(option))),
        question.required,
      );
    case "SCALE":
      return answerField(
        z
          .preprocess(
            (value) => (typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
            z.number(answerError("Please choose a value on the scale.", scaleMessage)),
          )
          .refine((value) => Number.isInteger(value) && value >= SCALE_MIN && value <= SCALE_MAX, scaleMessage),
        question.required,
      );
  }
}

/**
 * Answers keyed by question id, checked against these questions: required
 * ones present, choices among the options, a scale value from 1 to 5, free
 * text within its limit. Ids of other questions are dropped; blank optional
 * answers are left out.
 */
export function buildAnswersSchema(questions: readonly QuestionSpec[]): z.ZodType<Answers, FormAnswers> {
  const shape: Record<string, z.ZodType<AnswerValue | undefined>> = {};
  for (const question of questions) shape[question.id] = answerSchema(question);
  // The form always gives FormAnswers, which is what the input type says; a
  // request may carry anything, which the object schema then refuses.
  return z.preprocess(
    (value: FormAnswers) => value ?? {},
    z.object(shape, "Please answer the questions.").transform((answers): Answers => {
      const given: Answers = {};
      for (const question of questions) {
        const answer = answers[question.id];
        if (answer !== undefined) given[question.id] = answer;
      }
      return given;
    }),
  );
}

// ---------------------------------------------------------------------------
// The contribution

const titleSchema = z
  .string("Please give your contribution a title.")
  .transform(normaliseText)
  .refine((title) => title.length > 0, "Please give your contribution a title.")
  .refine((title) => title.length === 0 || countCharacters(title) >= TITLE_MIN_LENGTH, `The title needs at least ${TITLE_MIN_LENGTH} characters.`)
  .refine((title) => countCharacters(title) <= TITLE_MAX_LENGTH, `Keep the title to ${TITLE_MAX_LENGTH} characters at most.`);

const bodySchema = z
  .string("Please write your contribution.")
  .transform(normaliseText)
  .refine((body) => body.length > 0, "Please write your contribution.")
  .refine((body) => body.length === 0 || countCharacters(body) >= BODY_MIN_LENGTH, `Your contribution needs at least ${BODY_MIN_LENGTH} characters.`)
  .superRefine((body, context) => {
    const over = countCharacters(body) - BODY_MAX_LENGTH;
    if (over > 0) {
      context.addIssue({
        code: "custom",
        message: `Your contribution is ${numberFormat.format(over)} ${over === 1 ? "character" : "characters"} over the limit of ${numberFormat.format(BODY_MAX_LENGTH)}. Please shorten it, or attach a longer text as a file.`,
      });
    }
  });

const attachmentIdsSchema = z
  .array(z.string(attachmentMessages.unavailable), attachmentMessages.unavailable)
  .nullish()
  .transform((ids) => [...new Set((ids ?? []).filter((id) => id !== ""))])
  .pipe(z.array(z.string().regex(RECORD_ID_PATTERN, attachmentMessages.unavailable)).max(MAX_ATTACHMENTS, attachmentMessages.tooMany));

/** The fields of the contribution form, for a consultation with these questions. */
export function buildContributionSchema(questions: readonly QuestionSpec[]) {
  return z.object({
    title: titleSchema,
    body: bodySchema,
    answers: buildAnswersSchema(questions),
    language: z.enum(LANGUAGE_CODES, "Please choose the language your contribution is written in."),
    publication: z.enum(["PUBLIC", "ANONYMOUS"], "Please choose how your contribution is published."),
    attachmentIds: attachmentIdsSchema,
  });
}

export type ContributionFormInput = z.input<ReturnType<typeof buildContributionSchema>>;
export type ContributionFields = z.output<ReturnType<typeof buildContributionSchema>>;

const consultationIdSchema = z.string("This consultation could not be found.").trim().min(1, "This consultation could not be found.").max(64, "This consultation could not be found.");
// The form makes one key when it is opened: every retry of the same submission
// carries it, so a double submit finds the first contribution.
const submissionKeySchema = z.uuid("This form has expired. Please reload the page and submit again.");

/** What a submission names before its fields can be checked: the consultation, and its key. */
export const submissionTargetSchema = z.object({ consultationId: consultationIdSchema, submissionKey: submissionKeySchema });

export function buildSubmissionSchema(questions: readonly QuestionSpec[]) {
  return buildContributionSchema(questions).extend(submissionTargetSchema.shape);
}

export type SubmissionInput = z.input<ReturnType<typeof buildSubmissionSchema>>;

const REFERENCE_PATTERN = /^AGR-\d{4}-\d{6,}$/;

export const referenceSchema = z.string().trim().toUpperCase().regex(REFERENCE_PATTERN, "This contribution could not be found.");

/** What an edit names before its fields can be checked: the contribution, and the version the author started from. */
export const editTargetSchema = z.object({
  reference: referenceSchema,
  version: z.coerce.number().int().positive("Please reload the page and try again."),
});

export function buildEditSchema(questions: readonly QuestionSpec[]) {
  return buildContributionSchema(questions).extend(editTargetSchema.shape);
}

export type EditInput = z.input<ReturnType<typeof buildEditSchema>>;

// ---------------------------------------------------------------------------
// Drafts: saved as typed, checked only for shape and size (a half-written
// contribution is not valid yet, but must not be a way to store megabytes).

export const DRAFT_TEXT_MAX_LENGTH = 20_000;

// A text too long to keep is refused, never cut: cutting it would lose what was typed.
const draftText = (max: number) => z.string("This draft could not be saved.").max(max, "This draft is too long to be saved. Please shorten it.");

export const draftDataSchema = z.object({
  title: draftText(1_000),
  body: draftText(DRAFT_TEXT_MAX_LENGTH),
  answers: z
    .record(recordIdSchema, z.union([z.string().max(FREE_TEXT_ANSWER_MAX_LENGTH * 2), z.array(z.string().max(500)).max(50), z.number(), z.boolean(), z.null()]))
    .refine((answers) => Object.keys(answers).length <= 100)
    .catch({}),
  language: z.string().max(8).catch(""),
  publication: z.enum(["PUBLIC", "ANONYMOUS"]).optional().catch(undefined),
  attachmentIds: z.array(recordIdSchema).max(MAX_ATTACHMENTS).catch([]),
});

export type DraftData = z.output<typeof draftDataSchema>;

export const saveDraftSchema = z.object({ consultationId: consultationIdSchema, data: draftDataSchema });

export type SaveDraftInput = z.input<typeof saveDraftSchema>;

