import { db } from "@/lib/db";
import type { Phase, PublicationPreference, StakeholderType } from "@/lib/generated/prisma/enums";
import { threeSubjectDocuments } from "./three-subjects";

// The consultation the version-1 frozen summary fixture was published from
// (tests/fixtures/frozen-summary-v1/README.md), with fixed ids, references
// and dates: the frozen JSON names its consultation, questions and
// contributions by id, so a test that reads the fixture builds the same
// rows again before putting the stored summary next to them.

export const FROZEN_WORLD = {
  consultationId: "cfrozenv1consultation",
  slug: "frozen-summary-v1",
  moderatorId: "cfrozenv1moderator",
  questionIds: { single: "cfrozenv1qsingle", multiple: "cfrozenv1qmultiple", scale: "cfrozenv1qscale", free: "cfrozenv1qfree" },
} as const;

const CONFERENCE_STARTS = new Date("2026-03-09T08:00:00.000Z");
const CONFERENCE_ENDS = new Date("2026-03-10T17:00:00.000Z");
const FIRST_SUBMISSION = Date.parse("2026-03-02T07:30:00.000Z");
const HOUR = 60 * 60 * 1000;
// Far above what the reference sequence gives the other contributions of a test file.
const FIRST_NUMBER = 900_001;

type Author = { id: string; profile: { displayName: string; stakeholderType: StakeholderType; country: string; organisationName?: string } | null; publication: PublicationPreference };

// Every kind of author the figures tell apart, and one without a profile
// (accounts made before profiles were required): "Not stated" in the figures.
const AUTHORS: Author[] = [
  { id: "cfrozenv1ngo", profile: { displayName: "Claire Martin", stakeholderType: "NGO", country: "FR", organisationName: "Vélo Cité" }, publication: "PUBLIC" },
  { id: "cfrozenv1company", profile: { displayName: "Jonas Weber", stakeholderType: "COMPANY", country: "DE", organisationName: "Datenwerk GmbH" }, publication: "PUBLIC" },
  { id: "cfrozenv1citizen", profile: { displayName: "Lotte Peeters", stakeholderType: "EU_CITIZEN", country: "BE" }, publication: "PUBLIC" },
  { id: "cfrozenv1authority", profile: { displayName: "Giulia Romano", stakeholderType: "PUBLIC_AUTHORITY", country: "IT", organisationName: "Comune di Bologna" }, publication: "PUBLIC" },
  { id: "cfrozenv1academic", profile: { displayName: "Lucía Gómez", stakeholderType: "ACADEMIC", country: "ES", organisationName: "Universidad de Sevilla" }, publication: "PUBLIC" },
  { id: "cfrozenv1union", profile: { displayName: "Hidden Person", stakeholderType: "TRADE_UNION", country: "PL", organisationName: "Hidden Union" }, publication: "ANONYMOUS" },
  { id: "cfrozenv1noprofile", profile: null, publication: "PUBLIC" },
];

// Enough German texts on two subjects for themes of their own; the French
// ones of three-subjects.ts are too few to group.
const GERMAN = [
  "Die Stadt braucht sichere Radwege auf allen Hauptstraßen, damit mehr Menschen mit dem Fahrrad zur Arbeit fahren.",
  "Getrennte Radwege und sichere Fahrradparkplätze an jedem Bahnhof würden den Radverkehr verdoppeln.",
  "Kinder sollen sicher mit dem Fahrrad zur Schule fahren können: Radwege vor Schulen sind dringend.",
  "Radwege ohne Bordstein sind gefährlich, weil Autos darauf parken und Radfahrer auf die Straße ausweichen müssen.",
  "Persönliche Daten dürfen ohne ausdrückliche Einwilligung nicht an Werbefirmen verkauft werden.",
  "Datenschutzbehörden brauchen mehr Personal, um den Datenschutz gegen große Plattformen durchzusetzen.",
  "Jeder soll seine persönlichen Daten mit einem Klick löschen und zu einem anderen Dienst mitnehmen können.",
  "Gesundheitsdaten und andere sensible persönliche Daten müssen verschlüsselt und streng geschützt werden.",
];

const SUBJECTS = ["Cycling", "Privacy", "Farming"] as const;
const TOOLS = ["Funding", "Regulation", "Information campaigns"] as const;

type WorldContribution = {
  id: string;
  referenceNumber: number;
  reference: string;
  authorId: string;
  publication: PublicationPreference;
  phase: Phase;
  title: string;
  body: string;
  language: string;
  answers: Record<string, string | string[] | number>;
  status: "APPROVED" | "PENDING" | "REJECTED";
  submittedAt: Date;
};

function phaseAt(at: Date): Phase {
  return at < CONFERENCE_STARTS ? "BEFORE" : at <= CONFERENCE_ENDS ? "DURING" : "AFTER";
}

/** The contributions: 36 English, 4 French and 8 German approved ones, with answers of every kind; one pending and one rejected. */
export function frozenWorldContributions(): WorldContribution[] {
  const { documents } = threeSubjectDocuments();
  const texts = [...documents.map((document) => ({ text: document.text, language: document.language })), ...GERMAN.map((text) => ({ text, language: "de" }))];
  const english = texts.filter((text) => text.language === "en");
  const { single, multiple, scale, free } = FROZEN_WORLD.questionIds;
  const rows: WorldContribution[] = texts.map(({ text, language }, index) => {
    const author = AUTHORS[index % AUTHORS.length]!;
    const answers: WorldContribution["answers"] = {};
    // Every fifth leaves the questions unanswered; one single choice is none
    // of the options (an option renamed since, as the figures allow).
    if (index % 5 !== 4) {
      answers[single] = index === 7 ? "Housing" : SUBJECTS[Math.floor(index / 12) % SUBJECTS.length]!;
      answers[multiple] = TOOLS.filter((_, position) => (index + position) % 3 !== 0);
      answers[scale] = (index % 5) + 1;
      // The English free-text answers repeat another contribution's text, so the question has themes of its own.
      if (language === "en") answers[free] = english[(index + 12) % english.length]!.text;
    }
    const submittedAt = new Date(FIRST_SUBMISSION + index * 7 * HOUR);
    const number = FIRST_NUMBER + index;
    return {
      id: `cfrozenv1c${String(number).padStart(3, "0")}`,
      referenceNumber: number,
      reference: `AGR-2026-${String(number).padStart(6, "0")}`,
      authorId: author.id,
      publication: author.publication,
      phase: phaseAt(submittedAt),
      title: text.split(/[.:;!?]/)[0]!.slice(0, 80),
      body: text,
      language,
      answers,
      status: "APPROVED",
      submittedAt,
    };
  });
  // Never counted: neither pending nor rejected contributions are in a summary.
  for (const [offset, status] of (["PENDING", "REJECTED"] as const).entries()) {
    const number = FIRST_NUMBER + rows.length;
    const submittedAt = new Date(FIRST_SUBMISSION + (rows.length + offset) * 7 * HOUR);
    rows.push({
      ...rows[offset]!,
      id: `cfrozenv1c${String(number).padStart(3, "0")}`,
      referenceNumber: number,
      reference: `AGR-2026-${String(number).padStart(6, "0")}`,
      title: `Not published (${status.toLowerCase()})`,
      status,
      submittedAt,
      phase: phaseAt(submittedAt),
    });
  }
  return rows;
}

/** Creates the conference, the consultation with a question of every kind, the authors, a moderator and the contributions. */
export async function createFrozenWorld(): Promise<WorldContribution[]> {
  const { consultationId, slug, moderatorId, questionIds } = FROZEN_WORLD;
  await db.conference.create({
    data: {
      id: "cfrozenv1conference",
      slug: "frozen-summary-conference",
      title: "Frozen summary conference",
      description: "The conference of the frozen summary fixture.",
      venue: "Brussels",
      timeZone: "Europe/Brussels",
      startsAt: CONFERENCE_STARTS,
      endsAt: CONFERENCE_ENDS,
    },
  });
  await db.consultation.create({
    data: {
      id: consultationId,
      slug,
      title: "Streets, data and farms (frozen fixture)",
      summary: "What should the city change first?",
      body: "## About\n\nCycling, personal data and farm subsidies.",
      topics: ["Mobility", "Privacy", "Agriculture"],
      status: "CLOSED",
      conferenceId: "cfrozenv1conference",
      opensAt: new Date("2026-03-01T08:00:00.000Z"),
      closesAt: new Date("2026-03-31T21:59:59.000Z"),
      questions: {
        create: [
          { id: questionIds.single, position: 0, kind: "SINGLE_CHOICE", prompt: "Which subject matters most to you?", required: true, options: [...SUBJECTS] },
          { id: questionIds.multiple, position: 1, kind: "MULTIPLE_CHOICE", prompt: "Which tools should the city use?", helpText: "Choose any.", options: [...TOOLS] },
          { id: questionIds.scale, position: 2, kind: "SCALE", prompt: "How urgent is it?", helpText: "1: not at all, 5: very." },
          { id: questionIds.free, position: 3, kind: "FREE_TEXT", prompt: "What should change first?" },
        ],
      },
    },
  });
  for (const author of [...AUTHORS, { id: moderatorId, profile: { displayName: "Morgan Moderator", stakeholderType: "OTHER" as const, country: "BE" }, publication: "PUBLIC" as const }]) {
    await db.user.create({
      data: {
        id: author.id,
        email: `${author.id}@example.org`,
        passwordHash: "not-a-real-hash",
        role: author.id === moderatorId ? "MODERATOR" : "PARTICIPANT",
        emailVerified: new Date("2026-02-01T00:00:00.000Z"),
        ...(author.profile ? { profile: { create: { ...author.profile, publicationPreference: author.publication } } } : {}),
      },
    });
  }
  const contributions = frozenWorldContributions();
  await db.contribution.createMany({
    data: contributions.map((contribution) => ({
      ...contribution,
      consultationId,
      decidedAt: contribution.status === "PENDING" ? null : new Date(contribution.submittedAt.getTime() + HOUR),
      awaitingSince: contribution.status === "PENDING" ? contribution.submittedAt : null,
    })),
  });
  return contributions;
}
