import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { StakeholderType } from "@/lib/generated/prisma/enums";
import { addSyntheticContributions } from "@/prisma/seed/add-synthetic-contributions";
import { phaseAt } from "@/lib/vocabulary/phases";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { DEMO_CONTRIBUTION_COUNT } from "@/prisma/seed/demo-contributions";
import { READING_CONSULTATION_SLUG } from "@/prisma/seed/demo-reading";
import {
  FORM_LETTER_ADDITIONS,
  FORM_LETTER_TITLE,
  FORM_LETTER_UNCHANGED,
  FRENCH_DECLARED_ENGLISH,
  GERMAN_STATEMENT,
  JOINT_PAPER_FILE_NAME,
  JOINT_PAPER_PAGE_2_PHRASE,
  SCANNED_LETTER,
  UNIVERSITY_RESPONSE,
} from "@/prisma/seed/demo-reading-texts";
import { seedDemo } from "@/prisma/seed/seed-demo";
import { FROZEN_FIGURES_FORMAT } from "@/lib/summaries/frozen-figures";
import { getSummaryPage } from "@/lib/summaries/get-summary-page";
import { signOut } from "../helpers/session";

// One database for the whole file: the tests run in order and build on the
// first seed, like a deployment that is seeded on every start.

const DAY = 24 * 60 * 60 * 1000;
const now = new Date();

/** Everything the seed writes, in a stable order, reduced to counts and a checksum. */
async function snapshot() {
  const [rejectionReasons, conferences, consultations, questions, users, profiles, contributions, events, flags] = await Promise.all([
    db.rejectionReason.findMany({ orderBy: { label: "asc" }, select: { label: true, position: true, active: true } }),
    db.conference.findMany({ orderBy: { slug: "asc" }, omit: { id: true } }),
    db.consultation.findMany({ orderBy: { slug: "asc" }, omit: { id: true, conferenceId: true } }),
    db.question.findMany({ orderBy: [{ consultation: { slug: "asc" } }, { position: "asc" }] }),
    db.user.findMany({ orderBy: { email: "asc" }, select: { id: true, email: true, role: true, emailVerified: true, sessionVersion: true, updatedAt: true } }),
    db.stakeholderProfile.findMany({ orderBy: { userId: "asc" } }),
    db.contribution.findMany({ orderBy: { referenceNumber: "asc" } }),
    db.moderationEvent.findMany({ orderBy: { id: "asc" } }),
    db.flag.findMany({ orderBy: { id: "asc" } }),
  ]);
  const tables = { rejectionReasons, conferences, consultations, questions, users, profiles, contributions, events, flags };
  return {
    counts: Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length])),
    checksum: createHash("sha256").update(JSON.stringify(tables)).digest("hex"),
    contributionChecksum: createHash("sha256")
      .update(contributions.map((row) => `${row.reference}|${row.status}|${row.phase}|${row.language}|${row.title}`).join("\n"))
      .digest("hex"),
  };
}

describe("npm run db:seed", () => {
  it("fills the demo once: a second run, even weeks later, changes nothing", async () => {
    const first = await seedDemo(db, { demoAccounts: false, now });
    expect(first).toEqual({
      rejectionReasons: 5,
      conferences: 3,
      consultations: 4,
      users: expect.any(Number) as number,
      contributions: DEMO_CONTRIBUTION_COUNT,
      reading: expect.any(Number) as number,
      summaries: 1,
      demoAccounts: 0,
    });
    expect(first.reading).toBeGreaterThanOrEqual(15);
    expect(first.users).toBeGreaterThanOrEqual(60);
    const before = await snapshot();
    expect(before.counts.contributions).toBe(DEMO_CONTRIBUTION_COUNT + first.reading);

    const again = await seedDemo(db, { demoAccounts: false, now });
    const weeksLater = await seedDemo(db, { demoAccounts: false, now: new Date(now.getTime() + 40 * DAY) });
    for (const report of [again, weeksLater]) {
      expect(report).toEqual({ rejectionReasons: 0, conferences: 0, consultations: 0, users: 0, contributions: 0, reading: 0, summaries: 0, demoAccounts: 0 });
    }
    const after = await snapshot();
    expect(after).toEqual(before);
  });

  it("has one conference to come, one running now and one over, each with its consultations", async () => {
    const conferences = await db.conference.findMany({
      select: { slug: true, startsAt: true, endsAt: true, timeZone: true, consultations: { select: { status: true, opensAt: true, closesAt: true } } },
    });
    const upcoming = conferences.filter((conference) => conference.startsAt > now);
    const running = conferences.filter((conference) => conference.startsAt <= now && conference.endsAt >= now);
    const past = conferences.filter((conference) => conference.endsAt < now);
    expect([upcoming.length, running.length, past.length]).toEqual([1, 1, 1]);
    expect(upcoming[0]?.startsAt.getTime()).toBeGreaterThan(now.getTime() + 14 * DAY);
    expect(past[0]?.timeZone).toBe("Asia/Tokyo");

    // Open consultations frame their conference and are open now.
    for (const conference of [...upcoming, ...running]) {
      const open = conference.consultations.filter((consultation) => consultation.status === "OPEN");
      expect(open).toHaveLength(1);
      for (const consultation of open) {
        expect(consultation.opensAt < conference.startsAt && consultation.opensAt <= now).toBe(true);
        expect(consultation.closesAt > conference.endsAt && consultation.closesAt > now).toBe(true);
      }
    }
    expect(past[0]?.consultations.map((consultation) => consultation.status)).toEqual(["CLOSED"]);
    expect(past[0]?.consultations[0]?.closesAt.getTime()).toBeLessThan(now.getTime());
    expect(await db.consultation.count({ where: { status: "DRAFT" } })).toBe(1);
  });

  it("asks structured questions of every kind", async () => {
    const questions = await db.question.findMany({ select: { kind: true, required: true, options: true } });
    expect(new Set(questions.map((question) => question.kind))).toEqual(new Set(["FREE_TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "SCALE"]));
    expect(questions.some((question) => question.required)).toBe(true);
    for (const question of questions) {
      const hasOptions = question.kind === "SINGLE_CHOICE" || question.kind === "MULTIPLE_CHOICE";
      expect(question.options.length >= 2).toBe(hasOptions);
    }
  });

  it("has stakeholders of every type from many countries, verified", async () => {
    const profiles = await db.stakeholderProfile.findMany({ include: { user: { select: { emailVerified: true } } } });
    expect(new Set(profiles.map((profile) => profile.stakeholderType))).toEqual(new Set(Object.values(StakeholderType)));
    expect(new Set(profiles.map((profile) => profile.country)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(profiles.map((profile) => profile.publicationPreference))).toEqual(new Set(["PUBLIC", "ANONYMOUS"]));
    const registered = profiles.filter((profile) => profile.transparencyRegisterNumber !== null);
    expect(registered.length).toBeGreaterThan(5);
    for (const profile of registered) expect(profile.transparencyRegisterNumber).toMatch(/^\d{12}-\d{2}$/);
    for (const profile of profiles) {
      expect(profile.country).toMatch(/^[A-Z]{2}$/);
      expect(profile.user.emailVerified).not.toBeNull();
      if (profile.stakeholderType === "EU_CITIZEN" || profile.stakeholderType === "NON_EU_CITIZEN") expect(profile.organisationName).toBeNull();
      else if (profile.stakeholderType !== "OTHER") expect(profile.organisationName).not.toBeNull();
    }
  });

  it("writes contributions in several languages and every status, consistent with their consultation", async () => {
    const contributions = await db.contribution.findMany({
      include: {
        consultation: { select: { status: true, conference: { select: { startsAt: true, endsAt: true } }, questions: true } },
        moderationEvents: { orderBy: { createdAt: "asc" }, include: { actor: { select: { role: true } } } },
        flags: true,
      },
    });
    expect(new Set(contributions.map((contribution) => contribution.language)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(contributions.map((contribution) => contribution.status))).toEqual(new Set(["PENDING", "APPROVED", "REJECTED", "HIDDEN", "WITHDRAWN"]));
    expect(new Set(contributions.map((contribution) => contribution.phase))).toEqual(new Set(["BEFORE", "DURING", "AFTER"]));
    expect(contributions.filter((contribution) => contribution.status === "APPROVED").length).toBeGreaterThan(contributions.length / 2);

    for (const contribution of contributions) {
      const { consultation } = contribution;
      expect(consultation.status === "OPEN" || consultation.status === "CLOSED").toBe(true);
      expect(contribution.submittedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      if (!consultation.conference) throw new Error("Demo consultations all have a conference");
      expect(contribution.phase).toBe(phaseAt(consultation.conference, contribution.submittedAt));
      expect(contribution.reference).toBe(`AGR-${contribution.submittedAt.getUTCFullYear()}-${String(contribution.referenceNumber).padStart(6, "0")}`);
      expect(contribution.rejectionReason !== null).toBe(contribution.status === "REJECTED" || contribution.status === "HIDDEN");
      expect(contribution.openFlagCount).toBe(contribution.flags.filter((flag) => flag.resolvedAt === null).length);

      // Answers are keyed by this consultation's questions and fit their kind.
      const answers = contribution.answers as Record<string, unknown>;
      const questions = new Map(consultation.questions.map((question) => [question.id, question]));
      for (const question of consultation.questions) if (question.required) expect(answers).toHaveProperty(question.id);
      for (const [questionId, answer] of Object.entries(answers)) {
        const question = questions.get(questionId);
        if (!question) throw new Error(`Answer to an unknown question ${questionId}`);
        if (question.kind === "SCALE") expect([1, 2, 3, 4, 5]).toContain(answer);
        if (question.kind === "SINGLE_CHOICE") expect(question.options).toContain(answer);
        if (question.kind === "MULTIPLE_CHOICE") for (const choice of answer as string[]) expect(question.options).toContain(choice);
        if (question.kind === "FREE_TEXT") expect(typeof answer).toBe("string");
      }

      // The log tells the story of the status, decisions by moderators.
      const events = contribution.moderationEvents;
      expect(events[0]?.action).toBe("SUBMIT");
      expect(events.at(-1)?.toStatus).toBe(contribution.status);
      for (const event of events) {
        if (["APPROVE", "REJECT", "HIDE", "DISMISS_FLAGS"].includes(event.action)) expect(event.actor?.role).toBe("MODERATOR");
      }
      if (contribution.status === "APPROVED" || contribution.status === "REJECTED" || contribution.status === "HIDDEN") {
        expect(contribution.decidedAt).not.toBeNull();
      }
    }
    expect(await db.flag.count()).toBeGreaterThan(3);
  });

  it("attaches real documents whose text the seed has read: a joint paper filed three times, a scan, DOCX, ODT", async () => {
    const attachments = await db.attachment.findMany({
      where: { contribution: { consultation: { slug: READING_CONSULTATION_SLUG } } },
      include: { pages: { orderBy: { pageNumber: "asc" } }, contribution: { select: { authorId: true } } },
    });
    const byName = (fileName: string) => attachments.filter((attachment) => attachment.fileName === fileName);

    const joint = byName(JOINT_PAPER_FILE_NAME);
    expect(joint).toHaveLength(3);
    expect(new Set(joint.map((attachment) => attachment.sha256)).size).toBe(1);
    expect(new Set(joint.map((attachment) => attachment.contribution?.authorId)).size).toBe(3);
    for (const attachment of joint) {
      expect(attachment).toMatchObject({ textStatus: "EXTRACTED", pageCount: 3 });
      expect(attachment.pages[1]?.text).toContain(JOINT_PAPER_PAGE_2_PHRASE);
      expect(attachment.pages[0]?.text).not.toContain(JOINT_PAPER_PAGE_2_PHRASE);
    }
    expect(byName(SCANNED_LETTER.fileName).map((attachment) => attachment.textStatus)).toEqual(["NO_TEXT"]);
    const [docx] = byName(UNIVERSITY_RESPONSE.fileName);
    expect(docx?.textStatus).toBe("EXTRACTED");
    expect(docx?.pages.map((page) => page.text).join(" ")).toContain("standardization");
    const [odt] = byName(GERMAN_STATEMENT.fileName);
    expect(odt?.textStatus).toBe("EXTRACTED");
    expect(odt?.pages[0]?.language).toBe("de");

    // The joint paper's filings are one group (the same bytes); the form letters another.
    const jointGroups = await db.contribution.findMany({
      where: { attachments: { some: { fileName: JOINT_PAPER_FILE_NAME } } },
      select: { similarityGroup: { select: { kind: true, memberCount: true } }, similarityGroupId: true },
    });
    expect(new Set(jointGroups.map((row) => row.similarityGroupId)).size).toBe(1);
    expect(jointGroups[0]?.similarityGroup).toEqual({ kind: "EXACT", memberCount: 3 });
    const letters = await db.contribution.findMany({ where: { title: FORM_LETTER_TITLE }, select: { similarityGroupId: true } });
    expect(letters).toHaveLength(FORM_LETTER_UNCHANGED + FORM_LETTER_ADDITIONS.length);
    expect(new Set(letters.map((row) => row.similarityGroupId)).size).toBe(1);
    expect(letters[0]?.similarityGroupId).not.toBeNull();

    const french = await db.contribution.findFirstOrThrow({ where: { title: FRENCH_DECLARED_ENGLISH.title } });
    expect(french).toMatchObject({ language: "en", detectedLanguage: "fr", languageConfident: true });
  });

  it("publishes version 1 of the closed consultation's summary, once, for a visitor to read", async () => {
    const summaries = await db.consultationSummary.findMany({
      select: { version: true, status: true, synthesis: true, highlights: true, figuresFormat: true, consultation: { select: { slug: true, status: true } }, _count: { select: { contributions: true } } },
    });
    // Once: the first run published it, the two runs after it did not publish again.
    expect(summaries).toHaveLength(1);
    const [summary] = summaries;
    expect(summary).toMatchObject({ version: 1, status: "PUBLISHED", figuresFormat: FROZEN_FIGURES_FORMAT, consultation: { status: "CLOSED" } });
    expect(summary!.synthesis).toContain("## What we heard");
    const slug = summary!.consultation.slug;
    const approved = await db.contribution.count({ where: { consultation: { slug }, status: "APPROVED" } });
    expect(summary!._count.contributions).toBe(approved);

    // Highlights: real approved contributions of that consultation, of different kinds of stakeholder.
    expect(summary!.highlights).toHaveLength(3);
    const pinned = await db.contribution.findMany({
      where: { reference: { in: summary!.highlights } },
      select: { status: true, consultation: { select: { slug: true } }, author: { select: { profile: { select: { stakeholderType: true } } } } },
    });
    expect(pinned.map((row) => [row.status, row.consultation.slug])).toEqual(Array.from({ length: 3 }, () => ["APPROVED", slug]));
    expect(new Set(pinned.map((row) => row.author.profile?.stakeholderType)).size).toBe(3);

    // What a visitor reads: the synthesis, the highlights, the figures and the themes.
    signOut();
    const page = await getSummaryPage(slug);
    expect(page).toMatchObject({ view: "published", shown: { version: 1, synthesis: summary!.synthesis } });
    expect(page?.highlights.map((highlight) => highlight.reference)).toEqual(summary!.highlights);
    expect(page?.figures?.statistics.total).toBe(approved);
    expect(page?.figures?.themes.contributions.themes.length).toBeGreaterThan(0);
  });

  it("creates the demo accounts only when asked, and lists the rejection reasons", async () => {
    const emails = DEMO_ACCOUNTS.map((account) => account.email);
    expect(await db.user.count({ where: { email: { in: emails } } })).toBe(0);

    const report = await seedDemo(db, { demoAccounts: true, now });
    expect(report).toMatchObject({ contributions: 0, users: 0, demoAccounts: DEMO_ACCOUNTS.length });
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.user.findUniqueOrThrow({
        where: { email: account.email },
        select: { role: true, emailVerified: true, passwordHash: true, profile: { select: { displayName: true } } },
      });
      expect(user).toMatchObject({ role: account.role, profile: { displayName: account.displayName } });
      expect(user.emailVerified).not.toBeNull();
      await expect(verifyPassword(user.passwordHash, DEMO_PASSWORD)).resolves.toBe(true);
    }
    await expect(seedDemo(db, { demoAccounts: true, now })).resolves.toMatchObject({ demoAccounts: 0 });

    const reasons = await db.rejectionReason.findMany({ orderBy: { position: "asc" }, select: { label: true } });
    expect(reasons.map((reason) => reason.label)).toEqual(["Off topic", "Offensive or abusive language", "Contains personal data", "Spam or advertising", "Duplicate"]);
  });

  it("adds exactly N synthetic contributions on every --contributions run, leaving the demo idempotent", async () => {
    const before = await db.contribution.count();
    const lastDemoNumber = (await db.contribution.aggregate({ _max: { referenceNumber: true } }))._max.referenceNumber ?? 0;
    const progress: number[] = [];
    await expect(addSyntheticContributions(db, { count: 500, batchSize: 200, onProgress: (done) => progress.push(done) })).resolves.toBe(500);
    expect(progress).toEqual([0, 200, 400, 500]);
    expect(await db.contribution.count()).toBe(before + 500);

    const added = await db.contribution.findMany({
      where: { referenceNumber: { gt: lastDemoNumber } },
      include: { consultation: { select: { status: true, conference: { select: { startsAt: true, endsAt: true } } } }, moderationEvents: true },
    });
    expect(added).toHaveLength(500);
    expect(new Set(added.map((contribution) => contribution.status))).toEqual(new Set(["APPROVED", "PENDING"]));
    for (const contribution of added) {
      expect(contribution.consultation.status).toBe("OPEN");
      if (!contribution.consultation.conference) throw new Error("Demo consultations all have a conference");
      expect(contribution.phase).toBe(phaseAt(contribution.consultation.conference, contribution.submittedAt));
      expect(contribution.reference).toMatch(/^AGR-\d{4}-\d{6}$/);
      expect(contribution.moderationEvents.map((event) => event.action).sort()).toEqual(contribution.status === "APPROVED" ? ["APPROVE", "SUBMIT"] : ["SUBMIT"]);
    }

    await addSyntheticContributions(db, { count: 10 });
    expect(await db.contribution.count()).toBe(before + 510);
    await expect(seedDemo(db, { demoAccounts: true, now })).resolves.toMatchObject({ contributions: 0 });

    // A contribution made by the app takes the next number of the same sequence.
    const max = (await db.contribution.aggregate({ _max: { referenceNumber: true } }))._max.referenceNumber ?? 0;
    const sample = added[0];
    if (!sample) throw new Error("no contribution added");
    const next = await db.contribution.create({
      data: { reference: "AGR-TEST-next", consultationId: sample.consultationId, authorId: sample.authorId, phase: "BEFORE", title: "t", body: "b", language: "en", publication: "PUBLIC" },
      select: { referenceNumber: true },
    });
    expect(next.referenceNumber).toBeGreaterThan(max);
  });
});

describe("the db:seed command line", () => {
  const run = promisify(execFile);
  // No database is opened: the arguments are checked first.
  it("refuses a bad --contributions with the help text", async () => {
    const result = run("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts", "--contributions", "many"]);
    await expect(result).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--contributions must be a whole number[\s\S]*adds N new rows every time/) as string,
    });
  });
});
