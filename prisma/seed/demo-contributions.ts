import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ContributionStatus, FlagReason, ModerationAction, Phase, PublicationPreference } from "@/lib/generated/prisma/enums";
import { composeAnswers, composeText, pickLanguage, timeBetween, type Answers } from "@/prisma/seed/compose-contribution";
import type { SeededConsultation } from "@/prisma/seed/demo-consultations";
import { contributionLanguageColumns } from "@/lib/language/detect-language";
import { phaseAt } from "@/lib/vocabulary/phases";
import { formatContributionReference } from "@/lib/contributions/reference";
import { REJECTED_TEXTS, type DemoLanguage } from "@/prisma/seed/demo-texts";
import { createRandom, type Random } from "@/prisma/seed/random";
import { DEFAULT_REJECTION_REASONS } from "@/prisma/seed/rejection-reasons";

// The demo's few hundred contributions, with the moderation history and the
// flags that explain their status.
//
// References: the demo's contributions carry the reference numbers 1..N,
// written explicitly, with reference AGR-<year of submission>-<number>. The
// number is the natural key that makes the seed idempotent (a number that is
// already there is skipped), and afterwards the sequence behind
// Contribution.referenceNumber is moved past them, so contributions made in
// the app continue at N+1 and never reuse a number.

export const DEMO_CONTRIBUTION_COUNT = 300;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export type DemoAuthor = { id: string; languages: readonly DemoLanguage[]; publicationPreference: PublicationPreference };

type PlannedContribution = {
  referenceNumber: number;
  reference: string;
  consultationId: string;
  authorId: string;
  phase: Phase;
  title: string;
  body: string;
  answers: Answers;
  language: string;
  detectedLanguage: string | null;
  languageConfident: boolean;
  publication: PublicationPreference;
  status: ContributionStatus;
  rejectionReason: string | null;
  openFlagCount: number;
  awaitingSince: Date | null;
  submittedAt: Date;
  decidedAt: Date | null;
  updatedAt: Date;
};

type PlannedEvent = {
  referenceNumber: number;
  actorId: string;
  action: ModerationAction;
  fromStatus: ContributionStatus | null;
  toStatus: ContributionStatus | null;
  reason: string | null;
  note: string | null;
  createdAt: Date;
};

type PlannedFlag = {
  referenceNumber: number;
  userId: string;
  reason: FlagReason;
  comment: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
};

export type DemoContributionPlan = { contributions: PlannedContribution[]; events: PlannedEvent[]; flags: PlannedFlag[] };

const STATUS_WEIGHTS: Record<"OPEN" | "CLOSED", ReadonlyArray<readonly [ContributionStatus, number]>> = {
  OPEN: [
    ["APPROVED", 64],
    ["PENDING", 20],
    ["REJECTED", 6],
    ["HIDDEN", 4],
    ["WITHDRAWN", 6],
  ],
  // A closed consultation has been moderated to the end.
  CLOSED: [
    ["APPROVED", 80],
    ["REJECTED", 8],
    ["HIDDEN", 5],
    ["WITHDRAWN", 7],
  ],
};

const HIDE_REASONS = ["Contains personal data", "Offensive or abusive language"] as const;

const OPEN_FLAGS: ReadonlyArray<readonly [FlagReason, string]> = [
  ["OFF_TOPIC", "This is about a different consultation."],
  ["SPAM", "Looks like a copy of a position paper posted several times."],
  ["OTHER", "The figures quoted here seem wrong."],
  ["OFF_TOPIC", "Not related to the questions asked."],
  ["OTHER", "Possibly written on behalf of a company without saying so."],
];

const HIDE_FLAGS: Record<(typeof HIDE_REASONS)[number], ReadonlyArray<readonly [FlagReason, string]>> = {
  "Contains personal data": [
    ["PERSONAL_DATA", "This names a private person and gives her phone number."],
    ["PERSONAL_DATA", "Contains someone's home address."],
  ],
  "Offensive or abusive language": [
    ["OFFENSIVE", "Insulting towards the organisers."],
    ["OFFENSIVE", "Abusive tone."],
  ],
};

/**
 * The demo's contributions, the same on every call for the same consultations,
 * authors and day: one PRNG stream, consumed in a fixed order.
 */
export function planDemoContributions(input: {
  consultations: readonly SeededConsultation[];
  authors: readonly DemoAuthor[];
  moderatorIds: readonly string[];
  now: Date;
  count?: number;
}): DemoContributionPlan {
  const random = createRandom(42_000_001);
  const { authors, moderatorIds, now } = input;
  const open = input.consultations.filter((consultation) => consultation.status === "OPEN" || consultation.status === "CLOSED");
  const latest = new Date(now.getTime() - HOUR / 2);
  const plan: DemoContributionPlan = { contributions: [], events: [], flags: [] };

  for (let index = 0; index < (input.count ?? DEMO_CONTRIBUTION_COUNT); index += 1) {
    const referenceNumber = index + 1;
    const consultation = random.pick(open);
    const author = random.pick(authors);
    const submittedAt = submissionTime(random, consultation, latest);
    const moderator = () => random.pick(moderatorIds);
    const event = (fields: Omit<PlannedEvent, "referenceNumber">) => plan.events.push({ referenceNumber, ...fields });
    const flag = (fields: Omit<PlannedFlag, "referenceNumber" | "userId">) =>
      plan.flags.push({ referenceNumber, userId: flagger(random, authors, author.id, plan.flags, referenceNumber), ...fields });

    let status = random.weighted(STATUS_WEIGHTS[consultation.status === "CLOSED" ? "CLOSED" : "OPEN"]);
    // Moderators answer most contributions within hours, some within two
    // days; what came in since is still waiting.
    const decidedAt = new Date(submittedAt.getTime() + moderationDelay(random));
    if (decidedAt > latest && status !== "WITHDRAWN") status = "PENDING";

    let language: DemoLanguage = pickLanguage(random, author.languages);
    const topic = random.pick(consultation.themes);
    let { title, body } = composeText(random, language, topic, consultation.themes);
    const answers = composeAnswers(random, consultation.questions, language, topic);
    let rejectionReason: string | null = null;
    let contributionDecidedAt: Date | null = null;
    let updatedAt = submittedAt;
    let openFlagCount = 0;
    let awaitingSince: Date | null = null;

    event({ actorId: author.id, action: "SUBMIT", fromStatus: null, toStatus: "PENDING", reason: null, note: null, createdAt: submittedAt });

    if (status === "APPROVED") {
      event({ actorId: moderator(), action: "APPROVE", fromStatus: "PENDING", toStatus: "APPROVED", reason: null, note: null, createdAt: decidedAt });
      contributionDecidedAt = updatedAt = decidedAt;
      if (random.chance(0.06)) {
        const [reason, comment] = random.pick(OPEN_FLAGS);
        const flaggedAt = timeBetween(random, decidedAt, latest);
        if (random.chance(0.3)) {
          // Looked at and found fine.
          const dismissedAt = timeBetween(random, flaggedAt, latest);
          flag({ reason, comment, createdAt: flaggedAt, resolvedAt: dismissedAt });
          event({ actorId: moderator(), action: "DISMISS_FLAGS", fromStatus: "APPROVED", toStatus: "APPROVED", reason: null, note: "Checked: within the rules.", createdAt: dismissedAt });
        } else {
          flag({ reason, comment, createdAt: flaggedAt, resolvedAt: null });
          openFlagCount = 1;
          awaitingSince = flaggedAt;
        }
      }
    } else if (status === "REJECTED") {
      rejectionReason = random.pick(DEFAULT_REJECTION_REASONS);
      const rejected = REJECTED_TEXTS[rejectionReason];
      if (rejected) ({ title, body, language } = { ...rejected, language: "en" });
      event({ actorId: moderator(), action: "REJECT", fromStatus: "PENDING", toStatus: "REJECTED", reason: rejectionReason, note: null, createdAt: decidedAt });
      contributionDecidedAt = updatedAt = decidedAt;
    } else if (status === "HIDDEN") {
      // Approved at first, hidden after other participants flagged it.
      rejectionReason = random.pick(HIDE_REASONS);
      ({ title, body } = REJECTED_TEXTS[rejectionReason] ?? { title, body });
      language = "en";
      const hiddenAt = new Date(Math.min(decidedAt.getTime() + random.int(6, 72) * HOUR, latest.getTime()));
      event({ actorId: moderator(), action: "APPROVE", fromStatus: "PENDING", toStatus: "APPROVED", reason: null, note: null, createdAt: decidedAt });
      for (const [reason, comment] of random.sample(HIDE_FLAGS[rejectionReason as (typeof HIDE_REASONS)[number]], random.int(1, 2))) {
        flag({ reason, comment, createdAt: timeBetween(random, decidedAt, hiddenAt), resolvedAt: hiddenAt });
      }
      event({ actorId: moderator(), action: "HIDE", fromStatus: "APPROVED", toStatus: "HIDDEN", reason: rejectionReason, note: "Hidden after reports from participants.", createdAt: hiddenAt });
      // Hiding keeps the time of the approval, as the app does: it is when the contribution was published.
      contributionDecidedAt = decidedAt;
      updatedAt = hiddenAt;
    } else if (status === "WITHDRAWN") {
      const withdrawnAt = new Date(Math.min(submittedAt.getTime() + random.int(1, 10 * 24) * HOUR, latest.getTime()));
      let from: ContributionStatus = "PENDING";
      if (decidedAt < withdrawnAt && random.chance(0.5)) {
        event({ actorId: moderator(), action: "APPROVE", fromStatus: "PENDING", toStatus: "APPROVED", reason: null, note: null, createdAt: decidedAt });
        contributionDecidedAt = decidedAt;
        from = "APPROVED";
      }
      event({ actorId: author.id, action: "WITHDRAW", fromStatus: from, toStatus: "WITHDRAWN", reason: null, note: null, createdAt: withdrawnAt });
      updatedAt = withdrawnAt;
    }

    if (status === "PENDING") awaitingSince = submittedAt;

    plan.contributions.push({
      referenceNumber,
      reference: formatContributionReference(referenceNumber, submittedAt),
      consultationId: consultation.id,
      authorId: author.id,
      phase: phaseAt(consultation.conference, submittedAt),
      title,
      body,
      answers,
      language,
      ...contributionLanguageColumns(title, body, language),
      publication: random.chance(0.9) ? author.publicationPreference : author.publicationPreference === "PUBLIC" ? "ANONYMOUS" : "PUBLIC",
      status,
      rejectionReason,
      openFlagCount,
      awaitingSince,
      submittedAt,
      decidedAt: contributionDecidedAt,
      updatedAt,
    });
  }
  return plan;
}

export function moderationDelay(random: Random): number {
  return random.chance(0.75) ? random.int(20, 6 * 60) * 60_000 : random.int(6, 48) * HOUR;
}

/**
 * A submission time inside the consultation's window and before `latest`,
 * spread over the phases the window covers so that every phase is seen.
 */
function submissionTime(random: Random, consultation: SeededConsultation, latest: Date): Date {
  const { startsAt, endsAt } = consultation.conference;
  const windowEnd = new Date(Math.min(consultation.closesAt.getTime(), latest.getTime()));
  const segments: Array<readonly [[Date, Date], number]> = [];
  const add = (from: Date, to: Date, weight: number) => {
    const start = new Date(Math.max(from.getTime(), consultation.opensAt.getTime()));
    const end = new Date(Math.min(to.getTime(), windowEnd.getTime()));
    if (end.getTime() - start.getTime() > HOUR) segments.push([[start, end], weight]);
  };
  add(consultation.opensAt, new Date(startsAt.getTime() - 1000), 5);
  add(startsAt, endsAt, 3);
  add(new Date(endsAt.getTime() + 1000), windowEnd, 3);
  if (segments.length === 0) return new Date(Math.max(consultation.opensAt.getTime(), latest.getTime() - DAY));
  const [from, to] = random.weighted(segments);
  return timeBetween(random, from, to);
}

function flagger(random: Random, authors: readonly DemoAuthor[], authorId: string, flags: readonly PlannedFlag[], referenceNumber: number): string {
  const taken = new Set(flags.filter((flag) => flag.referenceNumber === referenceNumber).map((flag) => flag.userId));
  for (;;) {
    const candidate = random.pick(authors).id;
    if (candidate !== authorId && !taken.has(candidate)) return candidate;
  }
}

/**
 * Writes the planned contributions whose reference number is not taken yet,
 * with their events and flags, in one transaction; then moves the reference
 * sequence past them. Returns how many were written.
 */
export async function insertDemoContributions(db: PrismaClient, plan: DemoContributionPlan): Promise<number> {
  const numbers = plan.contributions.map((contribution) => contribution.referenceNumber);
  const taken = new Set(
    (await db.contribution.findMany({ where: { referenceNumber: { in: numbers } }, select: { referenceNumber: true } })).map(
      (row) => row.referenceNumber,
    ),
  );
  const missing = plan.contributions.filter((contribution) => !taken.has(contribution.referenceNumber));
  if (missing.length === 0) return 0;
  const wanted = new Set(missing.map((contribution) => contribution.referenceNumber));

  await db.$transaction(
    async (tx) => {
      const created = await tx.contribution.createManyAndReturn({
        data: missing.map(
          ({ updatedAt, submittedAt, ...contribution }): Prisma.ContributionCreateManyInput => ({
            ...contribution,
            answers: contribution.answers,
            submittedAt,
            createdAt: submittedAt,
            updatedAt,
          }),
        ),
        select: { id: true, referenceNumber: true },
      });
      const idOf = new Map(created.map((row) => [row.referenceNumber, row.id]));
      const contributionId = (referenceNumber: number) => {
        const id = idOf.get(referenceNumber);
        if (!id) throw new Error(`Contribution ${referenceNumber} was not created`);
        return id;
      };
      await tx.moderationEvent.createMany({
        data: plan.events
          .filter((event) => wanted.has(event.referenceNumber))
          .map(({ referenceNumber, ...event }) => ({ ...event, contributionId: contributionId(referenceNumber) })),
      });
      await tx.flag.createMany({
        data: plan.flags
          .filter((flag) => wanted.has(flag.referenceNumber))
          .map(({ referenceNumber, ...flag }) => ({ ...flag, contributionId: contributionId(referenceNumber) })),
      });
      await advanceReferenceSequence(tx);
    },
    { timeout: 60_000 },
  );
  return missing.length;
}

type SqlRunner = Pick<PrismaClient, "$queryRaw">;

/**
 * Moves the sequence behind Contribution.referenceNumber past the highest
 * number in use, never backwards: a number is never handed out twice, even
 * after the contribution that had it was deleted.
 */
export async function advanceReferenceSequence(db: SqlRunner): Promise<void> {
  await db.$queryRaw`
    SELECT setval(
      pg_get_serial_sequence('"Contribution"', 'referenceNumber'),
      GREATEST(
        (SELECT COALESCE(MAX("referenceNumber"), 0) FROM "Contribution"),
        nextval(pg_get_serial_sequence('"Contribution"', 'referenceNumber'))
      )
    )`;
}
