import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { conferenceSchema } from "@/lib/conferences/schema";
import { slugField, slugify } from "@/lib/vocabulary/admin-fields";
import { canChangeStatus, consultationFilterSchema, consultationSchema, questionSchema, STATUS_TRANSITIONS, transitionLabel } from "@/lib/consultations/schema";
import { ConsultationStatus } from "@/lib/generated/prisma/enums";

/** The messages of a failed parse, by field path. */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.join(".")] ??= []).push(issue.message);
  return errors;
}

const conference = {
  title: "Policy workshop",
  slug: "policy-workshop",
  description: "Two days on human oversight.",
  venue: "Brussels",
  isOnline: false,
  timeZone: "Europe/Brussels",
  startsAt: "2026-12-01T09:00",
  endsAt: "2026-12-02T17:30",
};

describe("slugs", () => {
  it("accepts lower-case words joined by single hyphens, lower-casing and trimming first", () => {
    expect(slugField.parse("ai-act-2026")).toBe("ai-act-2026");
    expect(slugField.parse("  AI-Act  ")).toBe("ai-act");
  });

  it.each(["ai act", "ai_act", "-ai", "ai-", "ai--act", "é-act", "ab", "a".repeat(81)])("refuses %j", (slug) => {
    expect(slugField.safeParse(slug).success).toBe(false);
  });

  it("suggests a slug from a title", () => {
    expect(slugify("  Putting the AI Act into practice: what do stakeholders need?  ")).toBe("putting-the-ai-act-into-practice-what-do-stakeholders-need");
    expect(slugify("Société & Résilience 2026")).toBe("societe-resilience-2026");
    expect(slugField.safeParse(slugify(`${"word ".repeat(30)}end`)).success).toBe(true);
  });
});

describe("conferenceSchema", () => {
  it("accepts a conference and keeps its local times as typed", () => {
    expect(conferenceSchema.parse(conference)).toEqual(conference);
  });

  it("needs a venue unless the conference is online", () => {
    expect(errorsOf(conferenceSchema, { ...conference, venue: "" })).toEqual({ venue: ["Give the venue, or tick “Online” for an online conference."] });
    expect(conferenceSchema.safeParse({ ...conference, venue: " ", isOnline: true }).success).toBe(true);
  });

  it("needs the end after the start, compared as instants in the conference's zone", () => {
    expect(errorsOf(conferenceSchema, { ...conference, endsAt: "2026-12-01T09:00" })).toEqual({ endsAt: ["The conference must end after it starts."] });
    expect(errorsOf(conferenceSchema, { ...conference, endsAt: "2026-11-30T17:00" })).toEqual({ endsAt: ["The conference must end after it starts."] });
    // 02:30 then 02:10 on the night the clocks go back: the second 02:10 is after the first 02:30, but
    // a calendar reads 02:10 as the first one, so it is before.
    expect(errorsOf(conferenceSchema, { ...conference, startsAt: "2026-10-25T02:30", endsAt: "2026-10-25T02:10" })).toHaveProperty("endsAt");
  });

  it("names a time the clocks skip, and refuses unknown zones and bad dates", () => {
    expect(errorsOf(conferenceSchema, { ...conference, startsAt: "2026-03-29T02:30", endsAt: "2026-03-29T17:00" })).toEqual({
      startsAt: ["This time does not exist in Europe/Brussels: the clocks go forward then. Choose a time an hour later."],
    });
    expect(errorsOf(conferenceSchema, { ...conference, timeZone: "Europe/Atlantis" })).toEqual({
      timeZone: ["Choose a time zone from the list (an IANA name such as Europe/Brussels)."],
    });
    expect(errorsOf(conferenceSchema, { ...conference, startsAt: "2026-02-30T09:00" })).toEqual({ startsAt: ["Enter a valid date and time."] });
    expect(errorsOf(conferenceSchema, { ...conference, startsAt: "" })).toEqual({ startsAt: ["Enter a date and time."] });
  });
});

const question = { id: "", kind: "FREE_TEXT", prompt: "What would help you most?", helpText: "", options: "", required: false } as const;

describe("questionSchema", () => {
  it("reads choices one a line, trimmed, blank lines dropped", () => {
    const parsed = questionSchema.parse({ ...question, kind: "SINGLE_CHOICE", options: " Yes \r\n\n No\n" });
    expect(parsed.options).toEqual(["Yes", "No"]);
    expect(parsed.id).toBeUndefined();
    // What the form sends after its own parse parses again to the same thing.
    expect(questionSchema.parse(parsed)).toEqual(parsed);
  });

  it("needs at least two different choices for choice questions", () => {
    expect(errorsOf(questionSchema, { ...question, kind: "MULTIPLE_CHOICE", options: "Only one" })).toEqual({ options: ["Give at least two choices, one a line."] });
    expect(errorsOf(questionSchema, { ...question, kind: "SINGLE_CHOICE", options: "Yes\nyes" })).toEqual({ options: ["Each choice must be different: “yes” is there twice."] });
  });

  it.each(["FREE_TEXT", "SCALE"] as const)("refuses choices on a %s question", (kind) => {
    expect(errorsOf(questionSchema, { ...question, kind, options: "A\nB" })).toEqual({ options: ["Only single and multiple choice questions have choices."] });
    expect(questionSchema.safeParse({ ...question, kind, options: "" }).success).toBe(true);
  });

  it("refuses unknown kinds and empty prompts", () => {
    expect(errorsOf(questionSchema, { ...question, kind: "RANKING" })).toEqual({ kind: ["Choose the kind of question."] });
    expect(errorsOf(questionSchema, { ...question, prompt: "  " })).toEqual({ prompt: ["Write the question (at least 3 characters)."] });
  });
});

describe("consultationSchema", () => {
  const consultation = {
    title: "AI skills",
    slug: "ai-skills",
    summary: "",
    body: "",
    participationRules: "",
    topics: " Skills, AI Act ,skills,, SMEs ",
    conferenceId: "",
    timeZone: "Asia/Tokyo",
    opensAt: "2026-11-01T00:00",
    closesAt: "2026-12-31T23:59",
    questions: [question],
  };

  it("accepts a draft without summary or body and normalises topics", () => {
    const parsed = consultationSchema.parse(consultation);
    expect(parsed.topics).toEqual(["Skills", "AI Act", "SMEs"]);
    expect(consultationSchema.parse(parsed).topics).toEqual(["Skills", "AI Act", "SMEs"]);
  });

  it("needs the closing after the opening, reports question errors by path, and caps topics", () => {
    expect(errorsOf(consultationSchema, { ...consultation, closesAt: "2026-10-01T00:00" })).toEqual({ closesAt: ["The consultation must close after it opens."] });
    expect(errorsOf(consultationSchema, { ...consultation, questions: [question, { ...question, kind: "SCALE", options: "1\n2" }] })).toEqual({
      "questions.1.options": ["Only single and multiple choice questions have choices."],
    });
    expect(errorsOf(consultationSchema, { ...consultation, topics: Array.from({ length: 11 }, (_, index) => `T${index}`).join(",") })).toEqual({
      topics: ["Give at most 10 topics."],
    });
  });
});

describe("status transitions", () => {
  it("allow draft → open → closed → archived and closed → open, nothing else", () => {
    const allowed = Object.values(ConsultationStatus).flatMap((from) =>
      Object.values(ConsultationStatus)
        .filter((to) => canChangeStatus(from, to))
        .map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(["CLOSED→ARCHIVED", "CLOSED→OPEN", "DRAFT→OPEN", "OPEN→CLOSED"]);
    expect(STATUS_TRANSITIONS.ARCHIVED).toEqual([]);
    expect(transitionLabel("CLOSED", "OPEN")).toBe("Reopen");
    expect(transitionLabel("DRAFT", "OPEN")).toBe("Open");
  });
});

describe("consultationFilterSchema", () => {
  it("reads a GET form: empty values mean any, the page defaults to 1", () => {
    expect(consultationFilterSchema.parse({ status: "", topic: "", conference: "", phase: "", query: "  ", page: "" })).toEqual({ page: 1 });
    expect(consultationFilterSchema.parse({ status: "OPEN", phase: "DURING", query: " ai ", page: "3" })).toEqual({ status: "OPEN", phase: "DURING", query: "ai", page: 3 });
    expect(errorsOf(consultationFilterSchema, { phase: "NOW", page: "0" })).toEqual({ phase: ["Choose a phase from the list."], page: ["The page must be 1 or more."] });
  });
});
