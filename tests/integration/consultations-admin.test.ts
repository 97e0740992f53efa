import { randomBytes } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createConferenceAction, updateConferenceAction } from "@/lib/conferences/actions";
import { createConference } from "@/lib/conferences/create-conference";
import { findConferencesForAdmin } from "@/lib/conferences/find-conferences-for-admin";
import { getConferenceForEdit } from "@/lib/conferences/get-conference-for-edit";
import { updateConference } from "@/lib/conferences/update-conference";
import { changeConsultationStatusAction, createConsultationAction, updateConsultationAction } from "@/lib/consultations/actions";
import { changeConsultationStatus } from "@/lib/consultations/change-consultation-status";
import { getContributionCounts } from "@/lib/consultations/count-contributions";
import { createConsultation } from "@/lib/consultations/create-consultation";
import { findConsultationFilterOptions } from "@/lib/consultations/find-consultation-filter-options";
import { findConsultations } from "@/lib/consultations/find-consultations";
import { findConsultationsForAdmin } from "@/lib/consultations/find-consultations-for-admin";
import { findOpenConsultations } from "@/lib/consultations/find-open-consultations";
import { getConsultationForEdit } from "@/lib/consultations/get-consultation-for-edit";
import type { ConsultationInput } from "@/lib/consultations/schema";
import { updateConsultation } from "@/lib/consultations/update-consultation";
import { db } from "@/lib/db";
import type { ContributionStatus, Phase, Role } from "@/lib/generated/prisma/enums";
import { createTestConference, createTestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

const DAY = 24 * 60 * 60 * 1000;
const unique = () => randomBytes(4).toString("hex");

let admin: TestUser;
let participant: TestUser;

beforeAll(async () => {
  admin = await createTestUser({ role: "ADMIN" });
  participant = await createTestUser();
});

beforeEach(() => signOut());

const conferenceInput = (overrides: Record<string, unknown> = {}) => ({
  title: "Policy workshop on human-centric AI",
  slug: `policy-workshop-${unique()}`,
  description: "Two days on human oversight in public services.",
  venue: "Brussels",
  isOnline: false,
  timeZone: "Europe/Brussels",
  startsAt: "2026-12-01T09:00",
  endsAt: "2026-12-02T17:30",
  ...overrides,
});

const consultationInput = (overrides: Partial<ConsultationInput> = {}): ConsultationInput => ({
  title: "Skills for the AI age",
  slug: `ai-skills-${unique()}`,
  summary: "Which skills do workers and public servants need?",
  body: "## Background\n\nText.",
  participationRules: "Anyone may take part.",
  topics: "Skills, AI Act",
  conferenceId: "",
  timeZone: "Asia/Tokyo",
  opensAt: "2026-11-01T09:00",
  closesAt: "2099-12-31T18:00",
  questions: [
    { id: "", kind: "SINGLE_CHOICE", prompt: "Which sector are you in?", helpText: "", options: "Public\nPrivate\nNon-profit", required: true },
    { id: "", kind: "SCALE", prompt: "How ready are you?", helpText: "1 = not at all, 5 = fully", options: "", required: false },
  ],
  ...overrides,
});

async function createTestContribution(consultationId: string, options: { status?: ContributionStatus; phase?: Phase } = {}) {
  return db.contribution.create({
    data: {
      reference: `AGR-TEST-${unique()}`,
      consultationId,
      authorId: participant.id,
      phase: options.phase ?? "DURING",
      title: "A contribution",
      body: "What I think.",
      language: "en",
      publication: "PUBLIC",
      status: options.status ?? "APPROVED",
    },
    select: { id: true },
  });
}

/** Everything the admin functions could write, for "nothing changed" checks. */
async function snapshot() {
  const [conferences, consultations, questions] = await Promise.all([
    db.conference.findMany({ orderBy: { id: "asc" } }),
    db.consultation.findMany({ orderBy: { id: "asc" } }),
    db.question.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { conferences, consultations, questions };
}

describe.each<{ name: string; role: Role | null; status: number; code: string; message: string }>([
  { name: "an anonymous visitor", role: null, status: 401, code: "UNAUTHENTICATED", message: "Please sign in to continue." },
  { name: "a participant", role: "PARTICIPANT", status: 403, code: "FORBIDDEN", message: "You do not have permission to do this." },
  { name: "a moderator", role: "MODERATOR", status: 403, code: "FORBIDDEN", message: "You do not have permission to do this." },
])("refusals: $name", ({ role, status, code, message }) => {
  let conferenceId: string;
  let consultationId: string;

  beforeEach(async () => {
    conferenceId = (await createTestConference()).id;
    consultationId = (await createTestConsultation({ status: "DRAFT" })).id;
    if (role) await signInAs((await createTestUser({ role })).id);
  });

  it("cannot create or update a conference, and nothing changes", async () => {
    const before = await snapshot();
    await expect(createConference(conferenceInput())).rejects.toMatchObject({ status, code });
    await expect(updateConference({ ...conferenceInput(), id: conferenceId })).rejects.toMatchObject({ status, code });
    // Refused before the input is even read: a bad input gets the same answer.
    await expect(createConference({})).rejects.toMatchObject({ status, code });
    expect(await createConferenceAction(conferenceInput())).toEqual({ ok: false, message });
    expect(await updateConferenceAction({ ...conferenceInput(), id: conferenceId })).toEqual({ ok: false, message });
    expect(await snapshot()).toEqual(before);
  });

  it("cannot create, update, open or archive a consultation, and nothing changes", async () => {
    const before = await snapshot();
    await expect(createConsultation(consultationInput())).rejects.toMatchObject({ status, code });
    await expect(updateConsultation({ ...consultationInput(), id: consultationId })).rejects.toMatchObject({ status, code });
    await expect(changeConsultationStatus({ id: consultationId, status: "OPEN" })).rejects.toMatchObject({ status, code });
    expect(await createConsultationAction(consultationInput())).toEqual({ ok: false, message });
    expect(await updateConsultationAction({ ...consultationInput(), id: consultationId })).toEqual({ ok: false, message });
    expect(await changeConsultationStatusAction({ id: consultationId, status: "OPEN" })).toEqual({ ok: false, message });
    expect(await snapshot()).toEqual(before);
  });

  it("cannot read the admin lists or edit forms", async () => {
    await expect(findConferencesForAdmin()).rejects.toMatchObject({ status, code });
    await expect(getConferenceForEdit(conferenceId)).rejects.toMatchObject({ status, code });
    await expect(findConsultationsForAdmin()).rejects.toMatchObject({ status, code });
    await expect(getConsultationForEdit(consultationId)).rejects.toMatchObject({ status, code });
  });
});

describe("conferences (as an administrator)", () => {
  beforeEach(() => signInAs(admin.id));

  it("creates a conference, storing local times in its zone as UTC", async () => {
    const input = conferenceInput({ timeZone: "Asia/Tokyo", startsAt: "2026-12-01T09:00", endsAt: "2026-12-01T18:00", venue: "", isOnline: true });
    const saved = await createConference(input);
    const row = await db.conference.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row).toMatchObject({
      slug: input.slug,
      timeZone: "Asia/Tokyo",
      venue: null,
      isOnline: true,
      startsAt: new Date("2026-12-01T00:00:00Z"),
      endsAt: new Date("2026-12-01T09:00:00Z"),
    });
    // The edit form shows the same local times back.
    expect((await getConferenceForEdit(saved.id))?.values).toMatchObject({ startsAt: "2026-12-01T09:00", endsAt: "2026-12-01T18:00", venue: "" });
  });

  it("converts with the daylight-saving offset of each date", async () => {
    const saved = await createConference(conferenceInput({ startsAt: "2026-03-28T09:00", endsAt: "2026-03-30T09:00" }));
    const row = await db.conference.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row.startsAt.toISOString()).toBe("2026-03-28T08:00:00.000Z");
    expect(row.endsAt.toISOString()).toBe("2026-03-30T07:00:00.000Z");
  });

  it("updates a conference and refuses a duplicate slug with 409 on the slug field", async () => {
    const first = await createConference(conferenceInput());
    const second = await createConference(conferenceInput());
    const updated = await updateConference({ ...conferenceInput({ slug: "renamed-workshop", title: "Renamed" }), id: second.id });
    expect(updated).toEqual({ id: second.id, slug: "renamed-workshop", previousSlug: expect.any(String) });

    const before = await snapshot();
    const taken = { code: "CONFLICT", status: 409, userMessage: "This slug is already used", fieldErrors: { slug: ["This slug is already used"] } };
    await expect(createConference(conferenceInput({ slug: first.slug }))).rejects.toMatchObject(taken);
    await expect(updateConference({ ...conferenceInput({ slug: first.slug.toUpperCase() }), id: second.id })).rejects.toMatchObject(taken);
    expect(await updateConferenceAction({ ...conferenceInput({ slug: first.slug }), id: second.id })).toEqual({
      ok: false,
      message: "This slug is already used",
      fieldErrors: { slug: ["This slug is already used"] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses bad input with field messages and writes nothing", async () => {
    const before = await snapshot();
    await expect(createConference(conferenceInput({ endsAt: "2026-11-30T09:00", timeZone: "Europe/Brussels", slug: "Bad Slug" }))).rejects.toMatchObject({
      status: 422,
      fieldErrors: {
        slug: ["Use lower-case letters a–z, digits and single hyphens, for example ai-act-2026."],
        endsAt: ["The conference must end after it starts."],
      },
    });
    await expect(updateConference({ ...conferenceInput(), id: "no-such-conference" })).rejects.toMatchObject({ status: 404 });
    expect(await snapshot()).toEqual(before);
  });

  it("redirects to the edit page after creating through the action", async () => {
    await expect(createConferenceAction(conferenceInput())).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/admin\/conferences\/\w+\/edit\?saved=created/) });
  });
});

describe("consultations (as an administrator)", () => {
  beforeEach(() => signInAs(admin.id));

  it("creates a draft with its questions in order, dates in UTC", async () => {
    const conference = await createTestConference({ timeZone: "Asia/Tokyo" });
    const saved = await createConsultation(consultationInput({ conferenceId: conference.id, opensAt: "2026-11-01T09:00" }));
    const row = await db.consultation.findUniqueOrThrow({
      where: { id: saved.id },
      include: { questions: { orderBy: { position: "asc" } } },
    });
    expect(row).toMatchObject({
      status: "DRAFT",
      topics: ["Skills", "AI Act"],
      conferenceId: conference.id,
      participationRules: "Anyone may take part.",
      opensAt: new Date("2026-11-01T00:00:00Z"),
    });
    expect(row.questions.map((question) => [question.position, question.kind, question.prompt, question.required, question.options, question.helpText])).toEqual([
      [0, "SINGLE_CHOICE", "Which sector are you in?", true, ["Public", "Private", "Non-profit"], null],
      [1, "SCALE", "How ready are you?", false, [], "1 = not at all, 5 = fully"],
    ]);
    const edit = await getConsultationForEdit(saved.id);
    expect(edit).toMatchObject({ status: "DRAFT", transitions: ["OPEN"], contributionCount: 0 });
    expect(edit?.values).toMatchObject({ timeZone: "Asia/Tokyo", opensAt: "2026-11-01T09:00", topics: "Skills, AI Act" });
    expect(edit?.values.questions[0]).toMatchObject({ id: row.questions[0]?.id, options: "Public\nPrivate\nNon-profit" });
  });

  it("refuses a duplicate slug with 409, an unknown conference and bad questions, writing nothing", async () => {
    const existing = await createTestConsultation();
    const other = await createConsultation(consultationInput());
    const before = await snapshot();
    const taken = { status: 409, userMessage: "This slug is already used", fieldErrors: { slug: ["This slug is already used"] } };
    await expect(createConsultation(consultationInput({ slug: existing.slug }))).rejects.toMatchObject(taken);
    await expect(updateConsultation({ ...consultationInput({ slug: existing.slug }), id: other.id })).rejects.toMatchObject(taken);
    await expect(createConsultation(consultationInput({ conferenceId: "forged-id" }))).rejects.toMatchObject({
      status: 422,
      fieldErrors: { conferenceId: ["Choose a conference from the list."] },
    });
    await expect(
      createConsultation(consultationInput({ questions: [{ id: "", kind: "MULTIPLE_CHOICE", prompt: "Pick", helpText: "", options: "Only one", required: false }] })),
    ).rejects.toMatchObject({ status: 422, fieldErrors: { "questions.0.options": ["Give at least two choices, one a line."] } });
    expect(await snapshot()).toEqual(before);
  });

  it("adds, removes and reorders questions while there are no contributions, keeping the ids of kept questions", async () => {
    const saved = await createConsultation(consultationInput());
    const edit = await getConsultationForEdit(saved.id);
    const [choice, scale] = edit?.values.questions ?? [];
    if (!choice || !scale) throw new Error("questions missing");
    const result = await updateConsultation({
      ...consultationInput({ slug: saved.slug, title: "Renamed" }),
      id: saved.id,
      questions: [{ ...scale, required: true }, { id: "", kind: "FREE_TEXT", prompt: "Anything else?", helpText: "", options: "", required: false }],
    });
    const questions = await db.question.findMany({ where: { consultationId: saved.id }, orderBy: { position: "asc" } });
    expect(questions.map((question) => [question.id === scale.id, question.position, question.prompt, question.required])).toEqual([
      [true, 0, "How ready are you?", true],
      [false, 1, "Anything else?", false],
    ]);
    expect(result.questionIds).toEqual(questions.map((question) => question.id));
    expect(await db.question.count({ where: { id: choice.id } })).toBe(0);
  });

  it("refuses question ids that belong to another consultation", async () => {
    const mine = await createConsultation(consultationInput());
    const theirs = await createConsultation(consultationInput());
    const foreign = (await getConsultationForEdit(theirs.id))?.values.questions[0];
    if (!foreign) throw new Error("question missing");
    const before = await snapshot();
    await expect(updateConsultation({ ...consultationInput({ slug: mine.slug }), id: mine.id, questions: [foreign] })).rejects.toMatchObject({
      status: 422,
      fieldErrors: { questions: [expect.stringContaining("no longer match")] },
    });
    expect(await snapshot()).toEqual(before);
  });

  describe("once there are contributions", () => {
    let id: string;
    let values: ConsultationInput;

    beforeEach(async () => {
      const saved = await createConsultation(consultationInput());
      id = saved.id;
      // Even a withdrawn contribution holds answers to these questions.
      await createTestContribution(id, { status: "WITHDRAWN" });
      const edit = await getConsultationForEdit(id);
      if (!edit) throw new Error("consultation missing");
      expect(edit.contributionCount).toBe(1);
      values = edit.values;
    });

    const [first, second] = [0, 1];
    const changes: [string, (questions: ConsultationInput["questions"]) => ConsultationInput["questions"]][] = [
      ["adding a question", (questions) => [...questions, { id: "", kind: "FREE_TEXT", prompt: "New one", helpText: "", options: "", required: false }]],
      ["removing a question", (questions) => questions.slice(0, 1)],
      ["reordering the questions", (questions) => [...questions].reverse()],
      ["changing a kind", (questions) => questions.map((question, index) => (index === first ? { ...question, kind: "MULTIPLE_CHOICE" } : question))],
      ["changing the choices", (questions) => questions.map((question, index) => (index === first ? { ...question, options: "Public\nPrivate" } : question))],
      ["changing whether an answer is required", (questions) => questions.map((question, index) => (index === second ? { ...question, required: true } : question))],
    ];

    it.each(changes)("refuses %s with a clear message, and nothing changes", async (_, change) => {
      const before = await snapshot();
      const input = { ...values, title: "Not saved either", id, questions: change(values.questions) };
      await expect(updateConsultation(input)).rejects.toMatchObject({
        code: "INVALID_STATE",
        status: 409,
        userMessage: expect.stringContaining("already received one contribution, so its questions can no longer be added, removed, reordered"),
      });
      const result = await updateConsultationAction(input);
      expect(result).toMatchObject({ ok: false, message: expect.stringContaining("You can still edit the wording") });
      expect(await snapshot()).toEqual(before);
    });

    it("still saves new wording and help text, and the rest of the consultation", async () => {
      const questions = values.questions.map((question, index) => (index === first ? { ...question, prompt: "Which sector do you work in?", helpText: "Pick the closest." } : question));
      const result = await updateConsultation({ ...values, title: "Retitled", id, questions });
      const stored = await db.question.findMany({ where: { consultationId: id }, orderBy: { position: "asc" } });
      expect(stored.map((question) => [question.id, question.prompt, question.helpText])).toEqual([
        [values.questions[0]?.id, "Which sector do you work in?", "Pick the closest."],
        [values.questions[1]?.id, "How ready are you?", "1 = not at all, 5 = fully"],
      ]);
      expect(result.questionIds).toEqual(stored.map((question) => question.id));
      expect((await db.consultation.findUniqueOrThrow({ where: { id } })).title).toBe("Retitled");
    });
  });

  it("keeps a summary on a published consultation", async () => {
    const open = await createTestConsultation({ status: "OPEN" });
    const edit = await getConsultationForEdit(open.id);
    if (!edit) throw new Error("missing");
    await expect(updateConsultation({ ...edit.values, summary: " ", id: open.id })).rejects.toMatchObject({
      status: 422,
      fieldErrors: { summary: ["A published consultation needs a summary: it is shown in every list."] },
    });
  });
});

describe("status changes (as an administrator)", () => {
  beforeEach(() => signInAs(admin.id));

  const statusOf = async (id: string) => (await db.consultation.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

  it("goes draft → open → closed → open again → closed → archived", async () => {
    const { id } = await createConsultation(consultationInput());
    for (const [to, from] of [["OPEN", "DRAFT"], ["CLOSED", "OPEN"], ["OPEN", "CLOSED"], ["CLOSED", "OPEN"], ["ARCHIVED", "CLOSED"]] as const) {
      expect(await changeConsultationStatus({ id, status: to })).toMatchObject({ previousStatus: from, status: to, changed: true });
      expect(await statusOf(id)).toBe(to);
    }
    expect(await changeConsultationStatusAction({ id, status: "ARCHIVED" })).toMatchObject({ ok: true, message: "Nothing to change: the consultation is already archived." });
  });

  it.each([
    ["DRAFT", "CLOSED", "You cannot close a consultation that is draft. A draft can only be opened."],
    ["DRAFT", "ARCHIVED", "You cannot archive a consultation that is draft. A draft can only be opened."],
    ["OPEN", "ARCHIVED", "You cannot archive a consultation that is open. An open consultation can only be closed."],
    ["OPEN", "DRAFT", "You cannot turn back into a draft a consultation that is open. An open consultation can only be closed."],
    ["ARCHIVED", "OPEN", "You cannot open a consultation that is archived. Archiving is final."],
    ["CLOSED", "DRAFT", "You cannot turn back into a draft a consultation that is closed. A closed consultation can be archived, or reopened."],
  ] as const)("refuses %s → %s", async (from, to, message) => {
    const { id } = await createTestConsultation({ status: from });
    const before = await snapshot();
    await expect(changeConsultationStatus({ id, status: to })).rejects.toMatchObject({ code: "INVALID_STATE", status: 409, userMessage: message });
    expect(await changeConsultationStatusAction({ id, status: to })).toEqual({ ok: false, message });
    expect(await snapshot()).toEqual(before);
  });

  it("opens only with a summary and a closing date ahead", async () => {
    const { id } = await createConsultation(consultationInput({ summary: "", closesAt: "2026-01-01T00:00", opensAt: "2025-12-01T00:00" }));
    const before = await snapshot();
    await expect(changeConsultationStatus({ id, status: "OPEN" })).rejects.toMatchObject({
      status: 409,
      userMessage: "This consultation cannot be opened yet. Write a summary first: it is shown in every list. Its closing date has passed: move it later first.",
    });
    expect(await snapshot()).toEqual(before);
    await updateConsultation({ ...consultationInput({ slug: (await db.consultation.findUniqueOrThrow({ where: { id } })).slug }), id });
    expect(await changeConsultationStatus({ id, status: "OPEN" })).toMatchObject({ status: "OPEN", changed: true });
  });

  it("answers 404 for an unknown consultation and 422 for an unknown status", async () => {
    await expect(changeConsultationStatus({ id: "nope", status: "OPEN" })).rejects.toMatchObject({ status: 404 });
    await expect(changeConsultationStatus({ id: "nope", status: "PUBLISHED" })).rejects.toMatchObject({ status: 422 });
  });
});

describe("the public list: filters, search, counts", () => {
  const now = new Date();
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const topic = `Topic ${unique()}`;
  let c: Record<"before" | "during" | "after" | "noConference" | "notYetOpen" | "closed" | "draft" | "wildcard", string>;
  let running: { id: string; slug: string };

  const slugs = async (filter: Record<string, string | number>) => (await findConsultations({ topic, ...filter }, { now })).consultations.map((item) => item.slug);
  const slugOf = async (id: string) => (await db.consultation.findUniqueOrThrow({ where: { id } })).slug;

  beforeAll(async () => {
    running = await createTestConference({ title: "Running", startsAt: at(-1), endsAt: at(1) });
    const upcoming = await createTestConference({ title: "Upcoming", startsAt: at(10), endsAt: at(11) });
    const past = await createTestConference({ title: "Past", startsAt: at(-10), endsAt: at(-9) });
    const make = (title: string, options: Parameters<typeof createTestConsultation>[0] = {}) =>
      createTestConsultation({ title, topics: [topic, "Shared"], opensAt: at(-20), closesAt: at(20), ...options }).then((row) => row.id);
    c = {
      before: await make("Upcoming summit input", { conferenceId: upcoming.id }),
      during: await make("Workshop live input", { conferenceId: running.id }),
      after: await make("Follow-up input", { conferenceId: past.id }),
      noConference: await make("Standalone call"),
      notYetOpen: await make("Later call", { conferenceId: running.id, opensAt: at(2) }),
      closed: await make("Closed call", { conferenceId: running.id, status: "CLOSED" }),
      draft: await make("Draft call", { conferenceId: running.id, status: "DRAFT" }),
      wildcard: await make("Growth of 50% in 2_0 years", { topics: [topic, "Economy"] }),
    };
  });

  it("finds, in the phase filter, only consultations open now whose conference is in that phase now", async () => {
    expect(await slugs({ phase: "BEFORE" })).toEqual([await slugOf(c.before)]);
    // Without a conference a contribution counts as "during" (phaseAt), so the standalone one is there too.
    expect(new Set(await slugs({ phase: "DURING" }))).toEqual(new Set([await slugOf(c.during), await slugOf(c.noConference), await slugOf(c.wildcard)]));
    expect(await slugs({ phase: "AFTER" })).toEqual([await slugOf(c.after)]);
    expect(await slugs({ phase: "DURING", conference: running.slug })).toEqual([await slugOf(c.during)]);
  });

  it("filters by phase exactly at the conference's start", async () => {
    const conference = await db.conference.findUniqueOrThrow({ where: { id: running.id } });
    const second = 1000;
    const phaseSlugs = async (when: Date, phase: string) =>
      (await findConsultations({ topic, conference: running.slug, phase }, { now: when })).consultations.map((item) => item.slug);
    expect(await phaseSlugs(new Date(conference.startsAt.getTime() - second), "BEFORE")).toEqual([await slugOf(c.during)]);
    expect(await phaseSlugs(new Date(conference.startsAt.getTime() - second), "DURING")).toEqual([]);
    expect(await phaseSlugs(conference.startsAt, "DURING")).toEqual([await slugOf(c.during)]);
    expect(await phaseSlugs(conference.endsAt, "AFTER")).toEqual([await slugOf(c.during)]);
  });

  it("filters by status, topic and conference, and hides drafts from visitors only", async () => {
    expect(await slugs({ status: "CLOSED" })).toEqual([await slugOf(c.closed)]);
    // Open ones first (same closing date: by title), then closed ones.
    expect(await slugs({ conference: running.slug })).toEqual([await slugOf(c.notYetOpen), await slugOf(c.during), await slugOf(c.closed)]);
    expect(await slugs({ status: "DRAFT" })).toEqual([]);
    await signInAs(participant.id);
    expect(await slugs({ status: "DRAFT" })).toEqual([]);
    await signInAs(admin.id);
    expect(await slugs({ status: "DRAFT" })).toEqual([await slugOf(c.draft)]);
    expect((await slugs({})).at(-1)).toBe(await slugOf(c.draft));
  });

  it("searches titles, summaries and topics, every word, case-insensitively, with % and _ taken literally", async () => {
    expect(await slugs({ query: "WORKSHOP live" })).toEqual([await slugOf(c.during)]);
    expect(await slugs({ query: "summary of standalone" })).toEqual([await slugOf(c.noConference)]);
    expect(await slugs({ query: "econ" })).toEqual([await slugOf(c.wildcard)]);
    expect(await slugs({ query: "50%" })).toEqual([await slugOf(c.wildcard)]);
    expect(await slugs({ query: "2_0" })).toEqual([await slugOf(c.wildcard)]);
    expect(await slugs({ query: "%" })).toEqual([await slugOf(c.wildcard)]);
    expect(await slugs({ query: "_" })).toEqual([await slugOf(c.wildcard)]);
    expect(await slugs({ query: "5_%" })).toEqual([]);
    expect(await slugs({ query: "workshop nonexistentword" })).toEqual([]);
  });

  it("pages through the results 12 at a time", async () => {
    const pageTopic = `Paged ${unique()}`;
    for (let index = 0; index < 13; index += 1) await createTestConsultation({ title: `Paged ${String(index).padStart(2, "0")}`, topics: [pageTopic], closesAt: at(30 + index) });
    const first = await findConsultations({ topic: pageTopic }, { now });
    const second = await findConsultations({ topic: pageTopic, page: "2" }, { now });
    expect([first.total, first.pageCount, first.consultations.length, second.consultations.length]).toEqual([13, 2, 12, 1]);
    expect(second.consultations[0]?.title).toBe("Paged 12");
    expect((await findConsultations({ topic: pageTopic, page: "3" }, { now })).consultations).toEqual([]);
  });

  it("offers the topics and conferences in use as filter choices", async () => {
    const options = await findConsultationFilterOptions();
    expect(options.topics).toEqual(expect.arrayContaining([topic, "Shared", "Economy"]));
    expect(options.conferences.map((conference) => conference.slug)).toContain(running.slug);
    expect(options.includeDrafts).toBe(false);
  });

  it("counts approved contributions per card in one grouped query, and by phase on the page", async () => {
    const countTopic = `Counted ${unique()}`;
    const [first, second] = await Promise.all([
      createTestConsultation({ title: "Counted A", topics: [countTopic], closesAt: at(5) }),
      createTestConsultation({ title: "Counted B", topics: [countTopic], closesAt: at(6) }),
    ]);
    for (const [status, phase] of [["APPROVED", "BEFORE"], ["APPROVED", "BEFORE"], ["APPROVED", "AFTER"], ["PENDING", "DURING"], ["REJECTED", "DURING"], ["HIDDEN", "DURING"], ["WITHDRAWN", "AFTER"]] as const) {
      await createTestContribution(first.id, { status, phase });
    }
    await createTestContribution(second.id, { status: "PENDING" });

    // One grouped query for the whole page, not one count per card.
    const delegate = db.contribution;
    const groupBy = vi.spyOn(delegate, "groupBy");
    const count = vi.spyOn(delegate, "count");
    const list = await findConsultations({ topic: countTopic }, { now });
    expect(list.consultations.map((item) => [item.title, item.approvedCount])).toEqual([
      ["Counted A", 3],
      ["Counted B", 0],
    ]);
    expect(groupBy).toHaveBeenCalledTimes(1);
    expect(count).not.toHaveBeenCalled();
    groupBy.mockRestore();
    count.mockRestore();

    expect((await findOpenConsultations({ now })).find((item) => item.slug === first.slug)?.approvedCount).toBe(3);

    // Visitors and participants see published figures only; moderators and administrators the backlog too.
    const publicCounts = { approved: 3, approvedByPhase: { BEFORE: 2, DURING: 0, AFTER: 1 }, pending: null };
    expect(await getContributionCounts(first.id)).toEqual(publicCounts);
    await signInAs(participant.id);
    expect(await getContributionCounts(first.id)).toEqual(publicCounts);
    await signInAs((await createTestUser({ role: "MODERATOR" })).id);
    expect(await getContributionCounts(first.id)).toEqual({ ...publicCounts, pending: 1 });
    await signInAs(admin.id);
    expect(await getContributionCounts(second.id)).toEqual({ approved: 0, approvedByPhase: { BEFORE: 0, DURING: 0, AFTER: 0 }, pending: 1 });
    const adminList = await findConsultationsForAdmin({});
    expect(adminList.consultations.find((row) => row.id === first.id)?.contributions).toEqual({ total: 7, pending: 1 });
  });
});
