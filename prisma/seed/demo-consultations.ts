import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ConsultationStatus, QuestionKind } from "@/lib/generated/prisma/enums";
import type { DemoConferenceKey, SeededConference } from "@/prisma/seed/demo-conferences";
import type { DemoTopic } from "@/prisma/seed/demo-texts";

// The demo's consultations: two open around the upcoming and the running
// conference, one closed after the past one, one still in draft. Their
// windows are placed relative to the stored conference dates, so a
// consultation re-created later still frames its conference.

const DAY = 24 * 60 * 60 * 1000;

export type DemoQuestion = { kind: QuestionKind; prompt: string; helpText?: string; required: boolean; options?: string[] };

type ConsultationDefinition = {
  slug: string;
  title: string;
  summary: string;
  body: string;
  topics: string[];
  /** What the demo's contributions to it talk about (prisma/seed/demo-texts.ts). */
  themes: DemoTopic[];
  conference: DemoConferenceKey;
  status: ConsultationStatus;
  /** Days before the conference starts and after it ends. */
  opensDaysBefore: number;
  closesDaysAfter: number;
  questions: DemoQuestion[];
};

const SUPPORT_OPTIONS = [
  "Templates and checklists",
  "Helpdesk with named contacts",
  "Access to a regulatory sandbox",
  "Funding for compliance costs",
  "Training for staff",
];

export const DEMO_CONSULTATIONS: readonly ConsultationDefinition[] = [
  {
    slug: "ai-act-implementation-stakeholder-needs",
    title: "Putting the AI Act into practice: what do stakeholders need?",
    summary:
      "Tell us which parts of the AI Act are hardest to apply, what support would help, and what the high-level conference should commit to.",
    body: `## Background

The AI Act entered into force with obligations that apply in stages. Providers and deployers of AI systems, from start-ups to public administrations, now have to translate its requirements into everyday practice: risk management, data governance, technical documentation, human oversight and transparency towards the people affected.

## What we would like to know

- which obligations are the most difficult to apply in your situation, and why;
- what support (guidance, templates, sandboxes, funding) would make the biggest difference;
- where you see a risk that the rules protect people less well than intended.

## How your contribution is used

Contributions submitted **before** the conference are summarised for the speakers of the high-level conference *From Ambition to Action*. Contributions made **during** and **after** the conference feed into the follow-up report. Approved contributions are published under your name or anonymously, as you choose.`,
    topics: ["AI Act", "SMEs", "Transparency", "Research", "Skills"],
    themes: ["sme", "transparency", "research", "skills"],
    conference: "upcoming",
    status: "OPEN",
    opensDaysBefore: 35,
    closesDaysAfter: 28,
    questions: [
      {
        kind: "SINGLE_CHOICE",
        prompt: "Which part of the AI Act matters most to your organisation right now?",
        required: true,
        options: [
          "Risk classification of AI systems",
          "Technical documentation and record-keeping",
          "Transparency towards affected people",
          "Human oversight",
          "General-purpose AI models",
        ],
      },
      {
        kind: "SCALE",
        prompt: "How prepared do you feel for the obligations that apply to you?",
        helpText: "1 = not prepared at all, 5 = fully prepared",
        required: true,
      },
      {
        kind: "MULTIPLE_CHOICE",
        prompt: "Which kinds of support would help you most?",
        helpText: "Choose all that apply.",
        required: false,
        options: SUPPORT_OPTIONS,
      },
      {
        kind: "FREE_TEXT",
        prompt: "What one change would make compliance easier for small organisations?",
        required: false,
      },
    ],
  },
  {
    slug: "human-centric-ai-public-services",
    title: "Human-centric AI in public services",
    summary:
      "How should public administrations keep people in charge when they use AI for benefits, permits, health and education? Share your experience during the policy workshop.",
    body: `## Background

Public administrations increasingly use AI to sort applications, detect errors, answer questions and support caseworkers. Done well, this shortens waiting times; done badly, it can deny people what they are entitled to without anyone noticing.

## Questions for this consultation

1. Where have you seen AI used in a public service, and did you know it at the time?
2. What does meaningful **human oversight** look like for a caseworker with fifty files a day?
3. What must a public body publish before it deploys an AI system?

## During the workshop

The *Policy Workshop on Human-Centric AI* is running now. You can contribute while it takes place: contributions made during the workshop are shared with the rapporteurs each evening.`,
    topics: ["Public services", "Human oversight", "Health data", "Skills"],
    themes: ["publicServices", "health", "skills", "transparency"],
    conference: "running",
    status: "OPEN",
    opensDaysBefore: 19,
    closesDaysAfter: 21,
    questions: [
      {
        kind: "SCALE",
        prompt: "How much do you trust public administrations to use AI responsibly?",
        helpText: "1 = no trust at all, 5 = full trust",
        required: true,
      },
      {
        kind: "MULTIPLE_CHOICE",
        prompt: "In which public services should AI be used with particular care?",
        helpText: "Choose all that apply.",
        required: true,
        options: ["Social benefits", "Health care", "Education", "Migration and asylum", "Policing and justice", "Tax administration"],
      },
      {
        kind: "SINGLE_CHOICE",
        prompt: "Who should be able to review an automated decision about you?",
        required: false,
        options: ["A caseworker of the same administration", "An independent ombudsperson", "A court", "All of the above"],
      },
      {
        kind: "FREE_TEXT",
        prompt: "Describe a safeguard that works well in a public service you know.",
        required: false,
      },
    ],
  },
  {
    slug: "international-cooperation-trustworthy-ai",
    title: "International cooperation on trustworthy AI",
    summary:
      "Which priorities should the European Union bring to its dialogue with Japan, Canada, Australia and the United States? This consultation is closed: read the summary of what stakeholders said.",
    body: `## Background

Trustworthy AI does not stop at borders. Companies that sell in several markets face several sets of rules; researchers evaluate models built elsewhere; incidents in one country can reveal risks everywhere.

## Scope

This consultation accompanied the *Dialogue with Like-Minded Partners* held in Tokyo. It asked stakeholders which topics deserve priority:

- mutual recognition of conformity assessments;
- common approaches to international **standards**;
- shared incident reporting;
- joint research on the evaluation of advanced models.

## Status

The consultation is **closed**. Thank you to everyone who took part.`,
    topics: ["International cooperation", "Standards", "Research", "Transparency"],
    themes: ["cooperation", "research", "transparency", "sme"],
    conference: "past",
    status: "CLOSED",
    opensDaysBefore: 30,
    closesDaysAfter: 14,
    questions: [
      {
        kind: "SINGLE_CHOICE",
        prompt: "Which topic should be the first priority of the dialogue?",
        required: true,
        options: ["Mutual recognition of conformity assessments", "International standards", "Shared incident reporting", "Joint research on model evaluation"],
      },
      {
        kind: "SCALE",
        prompt: "How important is regulatory alignment with partner countries for you?",
        helpText: "1 = not important, 5 = essential",
        required: true,
      },
      {
        kind: "FREE_TEXT",
        prompt: "What should the partners agree on within the next two years?",
        required: true,
      },
    ],
  },
  {
    slug: "ai-skills-workforce",
    title: "Skills and the workforce in the age of AI",
    summary:
      "A forthcoming consultation on AI literacy, reskilling and the role of social partners when AI tools enter the workplace.",
    body: `## Background

The AI Act asks providers and deployers to ensure a sufficient level of AI literacy among their staff. Workers, teachers and public servants need more than a one-off training session.

## What we will ask

- which occupations need support first;
- who should pay for training, and in which languages it must be available;
- how workers and their representatives are involved before AI tools are introduced.

*This consultation is in preparation and not yet open.*`,
    topics: ["Skills", "Workforce", "Education"],
    themes: ["skills"],
    conference: "upcoming",
    status: "DRAFT",
    opensDaysBefore: -7,
    closesDaysAfter: 70,
    questions: [
      {
        kind: "MULTIPLE_CHOICE",
        prompt: "Which groups need AI training most urgently?",
        required: true,
        options: ["Public servants", "Teachers", "Health professionals", "Workers in small companies", "Job seekers"],
      },
      {
        kind: "SCALE",
        prompt: "How well does current training meet the needs of your sector?",
        helpText: "1 = not at all, 5 = fully",
        required: false,
      },
      {
        kind: "FREE_TEXT",
        prompt: "Which training has worked well in your organisation?",
        required: false,
      },
    ],
  },
];

export type SeededQuestion = { id: string; kind: QuestionKind; required: boolean; options: string[] };
export type SeededConsultation = {
  id: string;
  slug: string;
  status: ConsultationStatus;
  opensAt: Date;
  closesAt: Date;
  themes: DemoTopic[];
  conference: SeededConference;
  questions: SeededQuestion[];
};

/** Creates the consultations (with their questions) that are missing; returns all as stored. */
export async function seedConsultations(
  db: PrismaClient,
  conferences: Record<DemoConferenceKey, SeededConference>,
): Promise<{ created: number; consultations: SeededConsultation[] }> {
  const slugs = DEMO_CONSULTATIONS.map((definition) => definition.slug);
  const existing = new Set(
    (await db.consultation.findMany({ where: { slug: { in: slugs } }, select: { slug: true } })).map((row) => row.slug),
  );
  const missing = DEMO_CONSULTATIONS.filter((definition) => !existing.has(definition.slug));
  // One transaction: a consultation never exists without its questions.
  await db.$transaction(
    missing.map((definition) => {
      const conference = conferences[definition.conference];
      return db.consultation.create({
        data: {
          slug: definition.slug,
          title: definition.title,
          summary: definition.summary,
          body: definition.body,
          topics: definition.topics,
          status: definition.status,
          opensAt: new Date(conference.startsAt.getTime() - definition.opensDaysBefore * DAY),
          closesAt: new Date(conference.endsAt.getTime() + definition.closesDaysAfter * DAY),
          conference: { connect: { id: conference.id } },
          questions: {
            create: definition.questions.map((question, index) => ({
              position: index + 1,
              kind: question.kind,
              prompt: question.prompt,
              helpText: question.helpText ?? null,
              required: question.required,
              options: question.options ?? [],
            })),
          },
        },
        select: { id: true },
      });
    }),
  );

  const stored = await db.consultation.findMany({
    where: { slug: { in: slugs } },
    select: {
      id: true,
      slug: true,
      status: true,
      opensAt: true,
      closesAt: true,
      questions: { orderBy: { position: "asc" }, select: { id: true, kind: true, required: true, options: true } },
    },
  });
  const bySlug = new Map(stored.map((row) => [row.slug, row]));
  const consultations = DEMO_CONSULTATIONS.map((definition): SeededConsultation => {
    const row = bySlug.get(definition.slug);
    if (!row) throw new Error(`Consultation ${definition.slug} is missing after seeding`);
    return { ...row, themes: definition.themes, conference: conferences[definition.conference] };
  });
  return { created: missing.length, consultations };
}
