import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getNewContributionForm, getContributionEditForm } from "@/lib/contributions/get-contribution-form";
import { discardDraft } from "@/lib/contributions/discard-draft";
import { getMyContribution } from "@/lib/contributions/get-my-contribution";
import { saveDraft } from "@/lib/contributions/save-draft";
import { submitContribution } from "@/lib/contributions/submit-contribution";
import { updateContribution } from "@/lib/contributions/update-contribution";
import type { QuestionKind } from "@/lib/generated/prisma/enums";
import { runDueJobs } from "@/lib/jobs/run-due-jobs";
import { effectiveLanguage } from "@/lib/language/detect-language";
import { jobHandlers } from "@/lib/worker/job-handlers";
import { docxDocument, odtDocument, pdfDocument } from "../fixtures/documents";
import { uploadOk } from "../helpers/attachment-uploads";
import { createTestConference, createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

const DAY = 24 * 60 * 60 * 1000;
const QUESTIONS: { kind: QuestionKind; prompt: string; required: boolean; options?: string[] }[] = [
  { kind: "SINGLE_CHOICE", prompt: "Which part of the AI Act matters most?", required: true, options: ["Risk classification", "Documentation", "Human oversight"] },
  { kind: "SCALE", prompt: "How prepared are you?", required: true },
  { kind: "MULTIPLE_CHOICE", prompt: "Which support would help?", required: false, options: ["Templates", "Helpdesk", "Sandbox"] },
  { kind: "FREE_TEXT", prompt: "One change?", required: false },
];

let participant: TestUser;
let stranger: TestUser;
let moderator: TestUser;
let admin: TestUser;
let before: TestConsultation;
let questionIds: string[];
let sequence = 0;

/** Consultations in each state, around conferences placed for each phase. */
async function consultationAround(conference: "upcoming" | "running" | "past" | "none", options: Parameters<typeof createTestConsultation>[0] = {}) {
  const now = Date.now();
  const dates = {
    upcoming: { startsAt: new Date(now + 10 * DAY), endsAt: new Date(now + 11 * DAY) },
    running: { startsAt: new Date(now - DAY), endsAt: new Date(now + DAY) },
    past: { startsAt: new Date(now - 5 * DAY), endsAt: new Date(now - 4 * DAY) },
  };
  const conferenceId = conference === "none" ? null : (await createTestConference(dates[conference])).id;
  return createTestConsultation({ conferenceId, questions: QUESTIONS, ...options });
}

async function questionsOf(consultationId: string) {
  return (await db.question.findMany({ where: { consultationId }, orderBy: { position: "asc" }, select: { id: true } })).map((question) => question.id);
}

function validInput(consultationId: string, ids: string[] = questionIds, extra: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    consultationId,
    submissionKey: randomUUID(),
    title: `Support for small providers ${sequence}`,
    body: "Small providers need templates and a helpdesk to apply the AI Act in practice.",
    answers: { [ids[0] ?? ""]: "Human oversight", [ids[1] ?? ""]: "4", [ids[2] ?? ""]: ["Sandbox", "Templates"], [ids[3] ?? ""]: "" },
    language: "en",
    publication: "PUBLIC",
    attachmentIds: [],
    ...extra,
  };
}

/** Every row a submission or an edit may write. */
async function snapshot() {
  const [contributions, events, attachments, drafts, emails] = await Promise.all([
    db.contribution.findMany({ orderBy: { id: "asc" } }),
    db.moderationEvent.findMany({ orderBy: { id: "asc" } }),
    db.attachment.findMany({ orderBy: { id: "asc" } }),
    db.contributionDraft.findMany({ orderBy: { id: "asc" } }),
    db.emailOutbox.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { contributions, events, attachments, drafts, emails };
}

/** Runs `attempt` (after taking the snapshot) and checks that it failed as expected and wrote nothing. */
async function expectNothingWritten(attempt: () => Promise<unknown>, expected: Record<string, unknown>) {
  const start = await snapshot();
  await expect(attempt()).rejects.toMatchObject(expected);
  expect(await snapshot()).toEqual(start);
}

beforeAll(async () => {
  [participant, stranger, moderator, admin] = await Promise.all([
    createTestUser(),
    createTestUser(),
    createTestUser({ role: "MODERATOR" }),
    createTestUser({ role: "ADMIN" }),
  ]);
  before = await consultationAround("upcoming", { title: "Putting the AI Act into practice" });
  questionIds = await questionsOf(before.id);
});

beforeEach(() => {
  // The file mail transport logs a line per e-mail.
  vi.spyOn(console, "info").mockImplementation(() => {});
  signOut();
});

describe("submitContribution", () => {
  it("searches the text already read from its files in its own language where the detector was unsure", async () => {
    await signInAs(participant.id);
    const file = await uploadOk(pdfDocument(`Note ${Date.now()}`), "note.pdf");
    await runDueJobs({ handlers: jobHandlers });
    const pageLanguages = async () => (await db.attachmentPage.findMany({ where: { attachmentId: file } })).map((page) => page.language);
    expect(await pageLanguages()).toEqual(["und"]);

    const { reference } = await submitContribution(validInput(before.id, questionIds, { attachmentIds: [file], language: "fr" }));
    const row = await db.contribution.findUniqueOrThrow({ where: { reference } });
    expect(await pageLanguages()).toEqual([effectiveLanguage(row.language, row.detectedLanguage, row.languageConfident)]);

    const { consultationId: _consultation, submissionKey: _key, ...fields } = validInput(before.id, questionIds, { attachmentIds: [file], language: "de" });
    await updateContribution({ ...fields, reference, version: row.version });
    const edited = await db.contribution.findUniqueOrThrow({ where: { reference } });
    expect(await pageLanguages()).toEqual([effectiveLanguage(edited.language, edited.detectedLanguage, edited.languageConfident)]);
    expect(await pageLanguages()).not.toEqual(["und"]);
  });

  it("writes the contribution, links its files, logs SUBMIT, drops the draft and sends the receipt, in one go", async () => {
    await signInAs(participant.id);
    const files = [await uploadOk(pdfDocument(`submit ${Date.now()}`), "Position paper.pdf"), await uploadOk(odtDocument(`submit ${Date.now()}`), "Annex.odt")];
    await saveDraft({ consultationId: before.id, data: { title: "Half", body: "", answers: {}, language: "en", attachmentIds: files } });
    const start = await snapshot();
    const input = validInput(before.id, questionIds, { attachmentIds: files, language: "ja", publication: "ANONYMOUS" });

    const result = await submitContribution(input);
    expect(result).toEqual({ reference: expect.stringMatching(/^AGR-\d{4}-\d{6}$/), created: true });

    const after = await snapshot();
    expect(after.contributions).toHaveLength(start.contributions.length + 1);
    const contribution = await db.contribution.findUniqueOrThrow({ where: { reference: result.reference } });
    expect(contribution).toMatchObject({
      consultationId: before.id,
      authorId: participant.id,
      phase: "BEFORE",
      status: "PENDING",
      title: input.title,
      body: input.body,
      language: "ja",
      publication: "ANONYMOUS",
      version: 1,
      submissionKey: input.submissionKey,
      decidedAt: null,
      rejectionReason: null,
      answers: { [questionIds[0] ?? ""]: "Human oversight", [questionIds[1] ?? ""]: 4, [questionIds[2] ?? ""]: ["Templates", "Sandbox"] },
    });
    const { id, submittedAt, referenceNumber } = contribution;
    expect(result.reference).toBe(`AGR-${submittedAt.getUTCFullYear()}-${String(referenceNumber).padStart(6, "0")}`);
    expect(Math.abs(submittedAt.getTime() - Date.now())).toBeLessThan(60_000);

    expect(await db.attachment.findMany({ where: { id: { in: files } }, select: { contributionId: true } })).toEqual([
      { contributionId: id },
      { contributionId: id },
    ]);
    expect(after.events.length).toBe(start.events.length + 1);
    expect(await db.moderationEvent.findMany({ where: { contributionId: id } })).toEqual([
      expect.objectContaining({ action: "SUBMIT", actorId: participant.id, fromStatus: null, toStatus: "PENDING", reason: null, note: null }),
    ]);
    expect(after.drafts).toHaveLength(start.drafts.length - 1);
    expect(await db.contributionDraft.findFirst({ where: { userId: participant.id, consultationId: before.id } })).toBeNull();

    expect(after.emails).toHaveLength(start.emails.length + 1);
    const email = await db.emailOutbox.findFirstOrThrow({ where: { to: participant.email }, orderBy: { createdAt: "desc" } });
    expect(email).toMatchObject({ subject: `We received your contribution ${result.reference}`, status: "SENT" });
    expect(email.text).toContain(`Reference: ${result.reference}`);
    expect(email.text).toContain(`http://localhost:3000/contributions/${result.reference}/receipt`);
    expect(email.text).toContain("Putting the AI Act into practice");
  });

  it.each([
    ["DURING", "running"],
    ["AFTER", "past"],
    ["DURING", "none"],
  ] as const)("computes the phase %s from the server's clock (conference: %s)", async (phase, conference) => {
    const consultation = await consultationAround(conference);
    await signInAs(participant.id);
    const { reference } = await submitContribution(validInput(consultation.id, await questionsOf(consultation.id)));
    expect(await db.contribution.findUniqueOrThrow({ where: { reference }, select: { phase: true } })).toEqual({ phase });
  });

  it("ignores a forged author, phase, status, reference, version and timestamps in the request", async () => {
    await signInAs(participant.id);
    const forged = validInput(before.id, questionIds, {
      authorId: stranger.id,
      phase: "AFTER",
      status: "APPROVED",
      reference: "AGR-2020-000001",
      referenceNumber: 1,
      version: 42,
      submittedAt: "2020-01-01T00:00:00.000Z",
      decidedAt: "2020-01-02T00:00:00.000Z",
      openFlagCount: -5,
      rejectionReason: "none",
    });
    const { reference } = await submitContribution(forged);
    expect(reference).not.toBe("AGR-2020-000001");
    const stored = await db.contribution.findUniqueOrThrow({
      where: { reference },
      select: { authorId: true, phase: true, status: true, version: true, submittedAt: true, decidedAt: true, openFlagCount: true, rejectionReason: true },
    });
    expect(stored).toMatchObject({ authorId: participant.id, phase: "BEFORE", status: "PENDING", version: 1, decidedAt: null, openFlagCount: 0, rejectionReason: null });
    expect(stored.submittedAt.getUTCFullYear()).toBe(new Date().getUTCFullYear());
  });

  describe("refuses bad input with a clear message and writes nothing", () => {
    beforeEach(async () => {
      await signInAs(participant.id);
    });

    it("a missing required answer", async () => {
      const input = validInput(before.id);
      delete (input.answers as Record<string, unknown>)[questionIds[1] ?? ""];
      await expectNothingWritten(() => submitContribution(input), {
        status: 422,
        code: "VALIDATION",
        fieldErrors: { [`answers.${questionIds[1]}`]: ["Please choose a value on the scale."] },
      });
    });

    it("an answer that is not among the options, and a scale value outside 1 to 5", async () => {
      const input = validInput(before.id);
      Object.assign(input.answers, { [questionIds[0] ?? ""]: "Something else", [questionIds[1] ?? ""]: 9 });
      await expectNothingWritten(() => submitContribution(input), {
        status: 422,
        fieldErrors: { [`answers.${questionIds[0]}`]: ["Please choose one of the options."], [`answers.${questionIds[1]}`]: ["Please choose a value from 1 to 5."] },
      });
    });

    it("a body over the limit", async () => {
      await expectNothingWritten(() => submitContribution(validInput(before.id, questionIds, { body: "x".repeat(5_001) })), {
        status: 422,
        fieldErrors: { body: ["Your contribution is 1 character over the limit of 5,000. Please shorten it, or attach a longer text as a file."] },
      });
    });

    it.each([
      ["closed by an administrator", { status: "CLOSED" as const }, "This consultation is closed and no longer accepts contributions."],
      ["archived", { status: "ARCHIVED" as const }, "This consultation is closed and no longer accepts contributions."],
      ["past its closing date", { closesAt: new Date(Date.now() - 1000), opensAt: new Date(Date.now() - 10 * DAY) }, /^This consultation closed on .+ and no longer accepts contributions\.$/],
      ["not open yet", { opensAt: new Date(Date.now() + 2 * DAY) }, /^This consultation is not open yet\. You can contribute from .+\.$/],
      ["a draft", { status: "DRAFT" as const }, "This consultation has not been published yet, so it does not accept contributions."],
    ])("a consultation %s", async (_state, options, message) => {
      const consultation = await consultationAround("upcoming", options);
      const input = validInput(consultation.id, await questionsOf(consultation.id));
      await expectNothingWritten(() => submitContribution(input), {
        status: 409,
        code: "INVALID_STATE",
        userMessage: typeof message === "string" ? message : expect.stringMatching(message),
      });
    });

    it("a forged consultation id", async () => {
      for (const consultationId of ["clnotaconsultation000000", { not: null }, "", "x".repeat(500)]) {
        await expectNothingWritten(() => submitContribution(validInput(before.id, questionIds, { consultationId })), {
          status: 404,
          code: "NOT_FOUND",
          userMessage: "This consultation could not be found.",
        });
      }
    });

    it("another user's file", async () => {
      await signInAs(stranger.id);
      const theirs = await uploadOk(pdfDocument(`theirs ${Date.now()}`), "theirs.pdf");
      await signInAs(participant.id);
      await expectNothingWritten(() => submitContribution(validInput(before.id, questionIds, { attachmentIds: [theirs] })), {
        status: 422,
        fieldErrors: { attachmentIds: ["One of the attached files is no longer available. Please remove it and upload it again."] },
      });
      expect(await db.attachment.findUniqueOrThrow({ where: { id: theirs }, select: { contributionId: true, uploaderId: true } })).toEqual({
        contributionId: null,
        uploaderId: stranger.id,
      });
    });

    it("a file already attached to another contribution", async () => {
      const file = await uploadOk(pdfDocument(`once ${Date.now()}`), "once.pdf");
      await submitContribution(validInput(before.id, questionIds, { attachmentIds: [file] }));
      await expectNothingWritten(() => submitContribution(validInput(before.id, questionIds, { attachmentIds: [file] })), { status: 422 });
    });

    it("a 4th attachment", async () => {
      const files: string[] = [];
      for (let index = 0; index < 4; index += 1) files.push(await uploadOk(docxDocument(`fourth ${index} ${Date.now()}`), `file-${index}.docx`));
      await expectNothingWritten(() => submitContribution(validInput(before.id, questionIds, { attachmentIds: files })), {
        status: 422,
        fieldErrors: { attachmentIds: ["You can attach at most 3 files."] },
      });
      expect(await db.attachment.count({ where: { id: { in: files }, contributionId: { not: null } } })).toBe(0);
    });

    it("a missing or malformed submission key", async () => {
      await expectNothingWritten(() => submitContribution(validInput(before.id, questionIds, { submissionKey: "1" })), {
        status: 422,
        userMessage: "This form has expired. Please reload the page and submit again.",
      });
    });
  });

  it("refuses a visitor and a suspended participant, and writes nothing", async () => {
    await expectNothingWritten(() => submitContribution(validInput(before.id)), { status: 401, code: "UNAUTHENTICATED" });
    const suspended = await createTestUser();
    await signInAs(suspended.id);
    await db.user.update({ where: { id: suspended.id }, data: { suspendedAt: new Date() } });
    await expectNothingWritten(() => submitContribution(validInput(before.id)), { status: 401 });
  });

  it("makes exactly one contribution from a double submit, even when both calls run at once", async () => {
    await signInAs(participant.id);
    const file = await uploadOk(pdfDocument(`double ${Date.now()}`), "double.pdf");
    const input = validInput(before.id, questionIds, { attachmentIds: [file] });
    const start = await snapshot();

    const results = await Promise.all([submitContribution(input), submitContribution(input)]);
    expect(results[0]?.reference).toBe(results[1]?.reference);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    // And once more later, from a retry after a lost response.
    expect(await submitContribution(input)).toEqual({ reference: results[0]?.reference, created: false });

    const after = await snapshot();
    expect(after.contributions).toHaveLength(start.contributions.length + 1);
    expect(after.events).toHaveLength(start.events.length + 1);
    expect(after.emails).toHaveLength(start.emails.length + 1);
    expect(await db.contribution.count({ where: { submissionKey: input.submissionKey } })).toBe(1);
  });

  it("treats the same key from two authors as two submissions", async () => {
    const submissionKey = randomUUID();
    await signInAs(participant.id);
    const mine = await submitContribution(validInput(before.id, questionIds, { submissionKey }));
    await signInAs(stranger.id);
    const theirs = await submitContribution(validInput(before.id, questionIds, { submissionKey }));
    expect(theirs.created).toBe(true);
    expect(theirs.reference).not.toBe(mine.reference);
  });
});

describe("drafts", () => {
  it("saves what was typed and gives it back on the next visit, with its files", async () => {
    const consultation = await consultationAround("upcoming");
    const ids = await questionsOf(consultation.id);
    await signInAs(participant.id);
    const file = await uploadOk(pdfDocument(`draft ${Date.now()}`), "draft.pdf");
    const first = await saveDraft({ consultationId: consultation.id, data: { title: "First", body: "", answers: {}, language: "de", attachmentIds: [] } });
    const second = await saveDraft({
      consultationId: consultation.id,
      data: { title: "Half a title", body: "Half a body", answers: { [ids[0] ?? ""]: "Documentation", [ids[1] ?? ""]: "3" }, language: "fr", publication: "ANONYMOUS", attachmentIds: [file] },
    });
    expect(second.savedAt.getTime()).toBeGreaterThanOrEqual(first.savedAt.getTime());
    expect(await db.contributionDraft.count({ where: { userId: participant.id, consultationId: consultation.id } })).toBe(1);

    const form = await getNewContributionForm(consultation.slug);
    expect(form).toMatchObject({
      open: true,
      closedMessage: null,
      phaseNow: "BEFORE",
      values: { title: "Half a title", body: "Half a body", answers: { [ids[0] ?? ""]: "Documentation", [ids[1] ?? ""]: "3" }, language: "fr", publication: "ANONYMOUS", attachmentIds: [file] },
      attachments: [{ id: file, fileName: "draft.pdf", mediaType: "application/pdf", size: expect.any(Number) }],
      draftSavedAt: second.savedAt,
    });
    expect(form?.consultation.questions.map((question) => question.id)).toEqual(ids);
  });

  it("starts from the profile's publication preference when there is no draft", async () => {
    const anonymousByDefault = await createTestUser();
    await db.stakeholderProfile.update({ where: { userId: anonymousByDefault.id }, data: { publicationPreference: "ANONYMOUS" } });
    await signInAs(anonymousByDefault.id);
    const form = await getNewContributionForm(before.slug);
    expect(form).toMatchObject({ values: { title: "", body: "", answers: {}, language: "en", publication: "ANONYMOUS", attachmentIds: [] }, draftSavedAt: null, attachments: [] });
  });

  it("keeps drafts private: nobody else sees them, nor the files they list", async () => {
    const consultation = await consultationAround("upcoming");
    await signInAs(participant.id);
    const file = await uploadOk(pdfDocument(`private ${Date.now()}`), "private.pdf");
    await saveDraft({ consultationId: consultation.id, data: { title: "My secret draft", body: "", answers: {}, language: "en", attachmentIds: [file] } });

    for (const user of [stranger, moderator, admin]) {
      await signInAs(user.id);
      const form = await getNewContributionForm(consultation.slug);
      expect(form?.values.title).toBe("");
      expect(form?.attachments).toEqual([]);
      // Naming someone else's file in one's own draft does not reveal it either.
      await saveDraft({ consultationId: consultation.id, data: { title: "", body: "", answers: {}, language: "en", attachmentIds: [file] } });
      expect((await getNewContributionForm(consultation.slug))?.attachments).toEqual([]);
    }
    await signInAs(participant.id);
    expect((await getNewContributionForm(consultation.slug))?.values.title).toBe("My secret draft");
  });

  it("refuses a visitor, a closed consultation, an unknown one and a draft too long to keep, and writes nothing", async () => {
    const data = { title: "T", body: "B", answers: {}, language: "en", attachmentIds: [] };
    await expectNothingWritten(() => saveDraft({ consultationId: before.id, data }), { status: 401 });
    await signInAs(participant.id);
    const closed = await consultationAround("past", { status: "CLOSED" });
    await expectNothingWritten(() => saveDraft({ consultationId: closed.id, data }), { status: 409, userMessage: expect.stringMatching(/closed.*Your draft was not saved\.$/) });
    await expectNothingWritten(() => saveDraft({ consultationId: "clnotaconsultation000000", data }), { status: 404 });
    await expectNothingWritten(() => saveDraft({ consultationId: before.id, data: { ...data, body: "x".repeat(20_001) } }), {
      status: 422,
      fieldErrors: { "data.body": ["This draft is too long to be saved. Please shorten it."] },
    });
  });

  it("shows a draft consultation to administrators only, as not open", async () => {
    const draft = await consultationAround("upcoming", { status: "DRAFT" });
    await signInAs(participant.id);
    expect(await getNewContributionForm(draft.slug)).toBeNull();
    await signInAs(admin.id);
    expect(await getNewContributionForm(draft.slug)).toMatchObject({ open: false, closedMessage: "This consultation has not been published yet, so it does not accept contributions." });
  });

  it("refuses a visitor", async () => {
    await expect(getNewContributionForm(before.slug)).rejects.toMatchObject({ status: 401 });
  });

  it("discards the caller's draft and the files uploaded for it, and nothing of anyone else's", async () => {
    const consultation = await consultationAround("upcoming");
    await signInAs(stranger.id);
    const theirFile = await uploadOk(pdfDocument(`their draft ${Date.now()}`), "theirs.pdf");
    await saveDraft({ consultationId: consultation.id, data: { title: "Their draft", body: "", answers: {}, language: "en", attachmentIds: [theirFile] } });
    await signInAs(participant.id);
    const file = await uploadOk(pdfDocument(`discarded ${Date.now()}`), "discarded.pdf");
    const submittedFile = await uploadOk(pdfDocument(`kept ${Date.now()}`), "kept.pdf");
    await submitContribution(validInput(consultation.id, await questionsOf(consultation.id), { attachmentIds: [submittedFile] }));
    // A forged draft naming someone else's file and an attached one: neither may go.
    await saveDraft({ consultationId: consultation.id, data: { title: "Mine", body: "", answers: {}, language: "en", attachmentIds: [file, theirFile, submittedFile] } });

    signOut();
    await expectNothingWritten(() => discardDraft({ consultationId: consultation.id }), { status: 401 });
    await signInAs(participant.id);
    await discardDraft({ consultationId: consultation.id });
    expect(await db.contributionDraft.findMany({ where: { consultationId: consultation.id }, select: { userId: true } })).toEqual([{ userId: stranger.id }]);
    expect(await db.attachment.findUnique({ where: { id: file } })).toBeNull();
    expect(await db.attachment.findUnique({ where: { id: theirFile } })).not.toBeNull();
    expect(await db.attachment.findUniqueOrThrow({ where: { id: submittedFile }, select: { contributionId: true } })).toEqual({ contributionId: expect.any(String) });
    expect((await getNewContributionForm(consultation.slug))?.values.title).toBe("");
    // Again: nothing left to discard, nothing happens.
    await discardDraft({ consultationId: consultation.id });
  });
});

describe("updateContribution", () => {
  async function submitted(extra: Record<string, unknown> = {}) {
    await signInAs(participant.id);
    const input = validInput(before.id, questionIds, extra);
    const { reference } = await submitContribution(input);
    return { reference, input };
  }

  function edit(reference: string, input: Record<string, unknown>, changes: Record<string, unknown> = {}) {
    // An edit names the contribution, not the consultation or a submission key.
    const fields = Object.fromEntries(Object.entries(input).filter(([key]) => key !== "consultationId" && key !== "submissionKey"));
    return { ...fields, reference, version: 1, ...changes };
  }

  it("lets the author change a pending contribution: new text and files, next version, an EDIT event", async () => {
    await signInAs(participant.id);
    const [kept, dropped, added] = [
      await uploadOk(pdfDocument(`kept ${Date.now()}`), "kept.pdf"),
      await uploadOk(pdfDocument(`dropped ${Date.now()}`), "dropped.pdf"),
      await uploadOk(docxDocument(`added ${Date.now()}`), "added.docx"),
    ];
    const { reference, input } = await submitted({ attachmentIds: [kept, dropped] });
    const stored = await db.contribution.findUniqueOrThrow({ where: { reference }, select: { id: true, phase: true, submittedAt: true } });

    const result = await updateContribution(
      edit(reference, input, { title: "A better title", body: "A clearer body that explains the point in more words.", attachmentIds: [kept, added], status: "APPROVED", phase: "AFTER", authorId: stranger.id }),
    );
    expect(result).toEqual({ reference, version: 2 });
    const after = await db.contribution.findUniqueOrThrow({
      where: { reference },
      select: { title: true, body: true, version: true, status: true, phase: true, authorId: true, submittedAt: true },
    });
    expect(after).toEqual({ title: "A better title", body: "A clearer body that explains the point in more words.", version: 2, status: "PENDING", phase: stored.phase, authorId: participant.id, submittedAt: stored.submittedAt });
    const files = await db.attachment.findMany({ where: { id: { in: [kept, dropped, added] } }, select: { id: true, contributionId: true } });
    expect(Object.fromEntries(files.map((file) => [file.id, file.contributionId]))).toEqual({ [kept]: stored.id, [dropped]: null, [added]: stored.id });
    expect(await db.moderationEvent.findMany({ where: { contributionId: stored.id }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, fromStatus: true, toStatus: true } })).toEqual([
      { action: "SUBMIT", actorId: participant.id, fromStatus: null, toStatus: "PENDING" },
      { action: "EDIT", actorId: participant.id, fromStatus: "PENDING", toStatus: "PENDING" },
    ]);

    const form = await getContributionEditForm(reference);
    expect(form).toMatchObject({ reference, version: 2, notEditable: null, values: { title: "A better title", answers: { [questionIds[1] ?? ""]: "4" } } });
  });

  it("refuses a visitor, another participant, a moderator and an administrator, and changes nothing", async () => {
    const { reference, input } = await submitted();
    signOut();
    await expectNothingWritten(() => updateContribution(edit(reference, input, { title: "Hijacked title" })), { status: 401 });
    for (const user of [stranger, moderator, admin]) {
      await signInAs(user.id);
      await expectNothingWritten(() => updateContribution(edit(reference, input, { title: "Hijacked title" })), { status: 404, code: "NOT_FOUND", userMessage: "This contribution could not be found." });
      expect(await getContributionEditForm(reference)).toBeNull();
      expect(await getMyContribution(reference)).toBeNull();
    }
  });

  it.each([
    ["APPROVED", "This contribution has been approved and published, so it can no longer be edited."],
    ["REJECTED", "This contribution has been reviewed and rejected, so it can no longer be edited."],
    ["WITHDRAWN", "You withdrew this contribution, so it can no longer be edited."],
  ] as const)("refuses to edit a %s contribution, and changes nothing", async (status, message) => {
    const { reference, input } = await submitted();
    await db.contribution.update({ where: { reference }, data: { status } });
    await expectNothingWritten(() => updateContribution(edit(reference, input, { title: "Too late now" })), { status: 409, code: "INVALID_STATE", userMessage: message });
    expect(await getContributionEditForm(reference)).toMatchObject({ notEditable: message });
  });

  it("refuses an edit made on an older version (another window, a decision meanwhile)", async () => {
    const { reference, input } = await submitted();
    await updateContribution(edit(reference, input, { title: "First edit" }));
    await expectNothingWritten(() => updateContribution(edit(reference, input, { title: "Stale edit", version: 1 })), { status: 409, code: "CONFLICT" });
  });

  it("refuses an edit once the consultation has closed", async () => {
    const consultation = await consultationAround("upcoming");
    const ids = await questionsOf(consultation.id);
    await signInAs(participant.id);
    const input = validInput(consultation.id, ids);
    const { reference } = await submitContribution(input);
    await db.consultation.update({ where: { id: consultation.id }, data: { status: "CLOSED" } });
    await expectNothingWritten(() => updateContribution(edit(reference, input, { title: "After closing" })), {
      status: 409,
      userMessage: "This consultation is closed and no longer accepts contributions. Contributions to it can no longer be edited.",
    });
  });

  it("checks an edit like a submission, and changes nothing when it fails", async () => {
    const { reference, input } = await submitted();
    await expectNothingWritten(() => updateContribution(edit(reference, input, { body: "x".repeat(5_001) })), { status: 422 });
    await expectNothingWritten(() => updateContribution(edit(reference, input, { answers: {} })), { status: 422 });
    await signInAs(stranger.id);
    const theirs = await uploadOk(pdfDocument(`not yours ${Date.now()}`), "not-yours.pdf");
    await signInAs(participant.id);
    await expectNothingWritten(() => updateContribution(edit(reference, input, { attachmentIds: [theirs] })), { status: 422 });
    await expectNothingWritten(() => updateContribution(edit("AGR-2026-999999", input)), { status: 404 });
    await expectNothingWritten(() => updateContribution(edit("nonsense", input)), { status: 404 });
  });
});

describe("getMyContribution (the receipt)", () => {
  it("gives the author the receipt's facts", async () => {
    await signInAs(participant.id);
    const { reference } = await submitContribution(validInput(before.id));
    expect(await getMyContribution(reference.toLowerCase())).toMatchObject({
      reference,
      status: "PENDING",
      phase: "BEFORE",
      consultation: { slug: before.slug, title: before.title, timeZone: "Europe/Brussels" },
      canEdit: true,
      history: [expect.objectContaining({ action: "SUBMIT", toStatus: "PENDING" })],
    });
  });
});
