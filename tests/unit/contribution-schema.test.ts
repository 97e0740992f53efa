import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { BODY_MAX_LENGTH, buildAnswersSchema, buildContributionSchema, buildEditSchema, buildSubmissionSchema, countCharacters, draftDataSchema, type QuestionSpec } from "@/lib/contributions/schema";
import { languageName, languageOptions } from "@/lib/vocabulary/languages";

const questions: QuestionSpec[] = [
  { id: "qchoice000001", kind: "SINGLE_CHOICE", prompt: "Which part matters most?", required: true, options: ["Risk", "Documentation", "Oversight"] },
  { id: "qscale0000001", kind: "SCALE", prompt: "How prepared are you?", required: true, options: [] },
  { id: "qmulti0000001", kind: "MULTIPLE_CHOICE", prompt: "Which support helps?", required: false, options: ["Templates", "Helpdesk", "Sandbox"] },
  { id: "qtext00000001", kind: "FREE_TEXT", prompt: "One change?", required: false, options: [] },
];

const answers = buildAnswersSchema(questions);

function messages(result: z.ZodSafeParseResult<unknown>): Record<string, string[]> {
  if (result.success) return {};
  const byPath: Record<string, string[]> = {};
  for (const issue of result.error.issues) (byPath[issue.path.join(".")] ??= []).push(issue.message);
  return byPath;
}

describe("buildAnswersSchema", () => {
  it("accepts complete answers, turns a scale radio's string into a number and keeps only the questions' ids", () => {
    const result = answers.parse({
      qchoice000001: "Oversight",
      qscale0000001: "4",
      qmulti0000001: ["Sandbox", "Templates"],
      qtext00000001: "  Fewer forms.  ",
      qforged000001: "an answer to a question this consultation does not have",
    });
    // Choices come back in the question's order, free text trimmed.
    expect(result).toEqual({ qchoice000001: "Oversight", qscale0000001: 4, qmulti0000001: ["Templates", "Sandbox"], qtext00000001: "Fewer forms." });
  });

  it("leaves blank optional answers out", () => {
    expect(answers.parse({ qchoice000001: "Risk", qscale0000001: 2, qmulti0000001: [], qtext00000001: "   " })).toEqual({ qchoice000001: "Risk", qscale0000001: 2 });
    // A form where no box of the group is ticked gives false.
    expect(answers.parse({ qchoice000001: "Risk", qscale0000001: 2, qmulti0000001: false })).toEqual({ qchoice000001: "Risk", qscale0000001: 2 });
  });

  it("asks for every required answer, with a message per question", () => {
    expect(messages(answers.safeParse({}))).toEqual({ qchoice000001: ["Please choose an answer."], qscale0000001: ["Please choose a value on the scale."] });
    expect(messages(answers.safeParse({ qchoice000001: null, qscale0000001: "" }))).toEqual({
      qchoice000001: ["Please choose an answer."],
      qscale0000001: ["Please choose a value on the scale."],
    });
    expect(messages(answers.safeParse(undefined))).toEqual({ qchoice000001: ["Please choose an answer."], qscale0000001: ["Please choose a value on the scale."] });
  });

  it("refuses choices that are not among the options", () => {
    expect(messages(answers.safeParse({ qchoice000001: "Something else", qscale0000001: 3 }))).toEqual({ qchoice000001: ["Please choose one of the options."] });
    expect(messages(answers.safeParse({ qchoice000001: "Risk", qscale0000001: 3, qmulti0000001: ["Templates", "Free money"] }))).toEqual({
      qmulti0000001: ["Please choose among the options."],
    });
    expect(messages(answers.safeParse({ qchoice000001: ["Risk", "Oversight"], qscale0000001: 3 }))).toEqual({ qchoice000001: ["Please choose one of the options."] });
  });

  it("takes a single ticked box as a one-element choice", () => {
    expect(answers.parse({ qchoice000001: "Risk", qscale0000001: 1, qmulti0000001: "Helpdesk" })).toMatchObject({ qmulti0000001: ["Helpdesk"] });
  });

  it("accepts whole numbers from 1 to 5 on a scale, nothing else", () => {
    for (const value of [1, 5, "3"]) expect(answers.safeParse({ qchoice000001: "Risk", qscale0000001: value }).success).toBe(true);
    for (const value of [0, 6, 2.5, "2.5", "five", -1]) {
      expect(messages(answers.safeParse({ qchoice000001: "Risk", qscale0000001: value }))).toEqual({ qscale0000001: ["Please choose a value from 1 to 5."] });
    }
  });

  it("limits free-text answers to 2,000 characters", () => {
    expect(answers.safeParse({ qchoice000001: "Risk", qscale0000001: 1, qtext00000001: "x".repeat(2000) }).success).toBe(true);
    expect(messages(answers.safeParse({ qchoice000001: "Risk", qscale0000001: 1, qtext00000001: "x".repeat(2001) }))).toEqual({
      qtext00000001: ["Keep this answer to 2,000 characters at most."],
    });
    expect(messages(answers.safeParse({ qchoice000001: "Risk", qscale0000001: 1, qtext00000001: { $gt: "" } }))).toEqual({
      qtext00000001: ["Please write your answer as text."],
    });
  });

  it("accepts anything blank for a consultation without questions", () => {
    expect(buildAnswersSchema([]).parse({ anything: "x" })).toEqual({});
  });
});

const valid = {
  title: "Support for small providers",
  body: "Small providers need templates and a helpdesk to apply the rules.",
  answers: { qchoice000001: "Risk", qscale0000001: "2" },
  language: "fr",
  publication: "ANONYMOUS",
  attachmentIds: [],
} as const;

describe("buildContributionSchema", () => {
  const schema = buildContributionSchema(questions);

  it("accepts a complete contribution", () => {
    expect(schema.parse(valid)).toEqual({ ...valid, answers: { qchoice000001: "Risk", qscale0000001: 2 }, attachmentIds: [] });
  });

  it("strips keys it does not know: an author, a phase, a status, timestamps never pass", () => {
    const forged = {
      ...valid,
      authorId: "someone-else",
      phase: "AFTER",
      status: "APPROVED",
      reference: "AGR-2020-000001",
      submittedAt: "2020-01-01T00:00:00Z",
      decidedAt: "2020-01-02T00:00:00Z",
      version: 99,
      openFlagCount: -1,
    };
    const parsed = schema.parse(forged);
    expect(Object.keys(parsed).sort()).toEqual(["answers", "attachmentIds", "body", "language", "publication", "title"]);
    const submission = buildSubmissionSchema(questions).parse({ ...forged, consultationId: "c123456789", submissionKey: "0b7f2d5c-3e1a-4c6b-9d8e-2f1a0b3c4d5e" });
    expect(Object.keys(submission).sort()).toEqual(["answers", "attachmentIds", "body", "consultationId", "language", "publication", "submissionKey", "title"]);
  });

  it("measures the body in characters, 20 to 5,000, and says by how much it is over", () => {
    expect(messages(schema.safeParse({ ...valid, body: "Too short." }))).toEqual({ body: ["Your contribution needs at least 20 characters."] });
    expect(schema.safeParse({ ...valid, body: "é".repeat(BODY_MAX_LENGTH) }).success).toBe(true);
    // An emoji is one character to a reader (and two UTF-16 units to JavaScript).
    expect(schema.safeParse({ ...valid, body: "🙂".repeat(BODY_MAX_LENGTH) }).success).toBe(true);
    expect(messages(schema.safeParse({ ...valid, body: "a".repeat(BODY_MAX_LENGTH + 12) }))).toEqual({
      body: ["Your contribution is 12 characters over the limit of 5,000. Please shorten it, or attach a longer text as a file."],
    });
    expect(messages(schema.safeParse({ ...valid, body: "   " }))).toEqual({ body: ["Please write your contribution."] });
  });

  it("normalises line endings and trims, so the count matches what the reader sees", () => {
    expect(schema.parse({ ...valid, body: "  Line one of the body\r\nline two of the body  " }).body).toBe("Line one of the body\nline two of the body");
    expect(countCharacters("a\nb")).toBe(3);
    expect(countCharacters("日本語🙂")).toBe(4);
  });

  it("checks the title, the language, the publication choice and the attachments", () => {
    expect(messages(schema.safeParse({ ...valid, title: "Hi" }))).toEqual({ title: ["The title needs at least 5 characters."] });
    expect(messages(schema.safeParse({ ...valid, title: "x".repeat(201) }))).toEqual({ title: ["Keep the title to 200 characters at most."] });
    expect(messages(schema.safeParse({ ...valid, language: "xx" }))).toEqual({ language: ["Please choose the language your contribution is written in."] });
    expect(messages(schema.safeParse({ ...valid, publication: "SECRET" }))).toEqual({ publication: ["Please choose how your contribution is published."] });
    const ids = ["attach0000001", "attach0000002", "attach0000003", "attach0000004"];
    expect(messages(schema.safeParse({ ...valid, attachmentIds: ids }))).toEqual({ attachmentIds: ["You can attach at most 3 files."] });
    // The same file listed twice counts once.
    expect(schema.parse({ ...valid, attachmentIds: [ids[0], ids[0], ids[1]] }).attachmentIds).toEqual([ids[0], ids[1]]);
    expect(messages(schema.safeParse({ ...valid, attachmentIds: ["../../etc/passwd"] }))).toEqual({
      "attachmentIds.0": ["One of the attached files is no longer available. Please remove it and upload it again."],
    });
  });

  it("requires a submission key and an edit's version", () => {
    const submission = buildSubmissionSchema(questions);
    expect(messages(submission.safeParse({ ...valid, consultationId: "c123456789", submissionKey: "not-a-uuid" }))).toEqual({
      submissionKey: ["This form has expired. Please reload the page and submit again."],
    });
    const edit = buildEditSchema(questions);
    expect(edit.parse({ ...valid, reference: " agr-2026-000123 ", version: "2" })).toMatchObject({ reference: "AGR-2026-000123", version: 2 });
    expect(messages(edit.safeParse({ ...valid, reference: "AGR-2026-12", version: 1 }))).toEqual({ reference: ["This contribution could not be found."] });
  });
});

describe("languages", () => {
  it("offers the EU's official languages and the partners' (Japanese included), labelled", () => {
    const codes = languageOptions.map((option) => option.value);
    for (const code of ["bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv", "ja"]) {
      expect(codes).toContain(code);
    }
    expect(languageName("ja")).toBe("Japanese (日本語)");
    expect(languageName("xx")).toBe("xx");
  });
});

describe("draftDataSchema", () => {
  it("keeps a half-written contribution as typed", () => {
    const draft = { title: "Sup", body: "", answers: { qchoice000001: null, qmulti0000001: ["Sandbox"] }, language: "de", publication: "PUBLIC", attachmentIds: [] };
    expect(draftDataSchema.parse(draft)).toEqual(draft);
  });

  it("refuses a body too long to keep rather than cutting it, and drops malformed extras", () => {
    expect(draftDataSchema.safeParse({ title: "", body: "x".repeat(20_001) }).success).toBe(false);
    expect(draftDataSchema.parse({ title: "T", body: "B", answers: "nonsense", attachmentIds: ["../x"], publication: "SECRET", status: "APPROVED" })).toEqual({
      title: "T",
      body: "B",
      answers: {},
      language: "",
      attachmentIds: [],
    });
  });
});
