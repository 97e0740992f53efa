import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { canAdminister } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type {
  ContributionStatus,
  FlagReason,
  ModerationAction,
  Phase,
  PublicationPreference,
  Role,
  StakeholderType,
} from "@/lib/generated/prisma/enums";
import { toContributionAnswers } from "@/lib/contributions/contribution-answers";
import type { ContributionAnswer } from "@/lib/contributions/contribution-answers";
import type { ContributionAttachment } from "@/lib/contributions/get-contribution";
import { referenceSchema } from "@/lib/contributions/schema";
import { queueFilterSchema, type QueueFilter } from "@/lib/moderation/queue-filter";
import { languageDifference } from "@/lib/language/language-line";
import { afterPositionSql, isWaiting, queueSql, type QueuePosition } from "@/lib/moderation/queue-sql";
import { waitingReason, type WaitingReason } from "@/lib/moderation/waiting-reason";

// One contribution as a moderator reviews it: everything its author wrote,
// who the author really is (whatever they chose to publish), every report
// with who made it, and the whole moderation log with the internal notes.
// None of this may reach anyone but moderators. A moderator's own
// contribution comes without its reporters: an author never learns who
// reported them.

export type ModerationPerson = { id: string; displayName: string | null; role: Role };

export type ModerationReport = {
  id: string;
  reason: FlagReason;
  comment: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
  /** Null on the moderator's own contribution. */
  reporter: ModerationPerson | null;
};

export type ModerationHistoryEntry = {
  id: string;
  action: ModerationAction;
  fromStatus: ContributionStatus | null;
  toStatus: ContributionStatus | null;
  /** Given to the author (rejection, hiding). */
  reason: string | null;
  /** Internal: moderators only. */
  note: string | null;
  createdAt: Date;
  /** Null when the account was deleted since. */
  actor: ModerationPerson | null;
};

export type ModerationItemAuthor = ModerationPerson & {
  organisationName: string | null;
  stakeholderType: StakeholderType | null;
  country: string | null;
  suspendedAt: Date | null;
  suspendedReason: string | null;
  /** As lib/users/set-user-suspended.ts allows: never oneself; moderators suspend participants only. */
  canBeSuspended: boolean;
};

export type QueueNeighbour = { id: string; reference: string; title: string };

export type ModerationItem = {
  id: string;
  reference: string;
  /** The version a decision names (optimistic concurrency). */
  version: number;
  title: string;
  /** Markdown written by a participant: render it without raw HTML. */
  body: string;
  language: string;
  /** "Declared: English · Detected: French" when the detector disagrees with the author. */
  languageDifference: string | null;
  phase: Phase;
  status: ContributionStatus;
  publication: PublicationPreference;
  rejectionReason: string | null;
  submittedAt: Date;
  decidedAt: Date | null;
  /** Set while it waits for a moderator. */
  awaitingSince: Date | null;
  /** Waiting for a moderator: set to wait, and not pending by a suspended author. */
  inQueue: boolean;
  /** Written by the moderator reading it: another moderator decides on it. */
  own: boolean;
  waitingReason: WaitingReason | null;
  openFlagCount: number;
  consultation: { slug: string; title: string };
  answers: ContributionAnswer[];
  attachments: ContributionAttachment[];
  author: ModerationItemAuthor;
  /** Open reports first, then past ones; newest first within each. */
  reports: ModerationReport[];
  /** Oldest first. */
  history: ModerationHistoryEntry[];
  /** The next contribution in the queue with the same filters and order, after this one (or the first, at the end). */
  next: QueueNeighbour | null;
  filters: QueueFilter;
};

const person = { select: { id: true, role: true, profile: { select: { displayName: true } } } } as const;

function toPerson(user: { id: string; role: Role; profile: { displayName: string } | null }): ModerationPerson {
  return { id: user.id, role: user.role, displayName: user.profile?.displayName ?? null };
}

/**
 * Moderators only. Null when there is no contribution with this reference.
 * `filters` are the queue's (from the review page's address): they decide
 * which item comes next.
 */
export async function getModerationItem(reference: string, filters: unknown = {}): Promise<ModerationItem | null> {
  const moderator = await requireRole("MODERATOR");
  const queue = parseInput(queueFilterSchema, filters);
  const parsed = referenceSchema.safeParse(reference);
  if (!parsed.success) return null;

  // One snapshot for everything shown: the text, answers and files must be
  // those of the version a decision will name (an edit moves it on). Prisma
  // reads the relations with statements of their own, hence REPEATABLE READ.
  const contribution = await db.$transaction(
    (tx) =>
      tx.contribution.findUnique({
        where: { reference: parsed.data },
        select: {
          id: true,
          reference: true,
          version: true,
          title: true,
          body: true,
          language: true,
          detectedLanguage: true,
          languageConfident: true,
          phase: true,
          status: true,
          publication: true,
          rejectionReason: true,
          submittedAt: true,
          decidedAt: true,
          awaitingSince: true,
          openFlagCount: true,
          answers: true,
          consultation: {
            select: { slug: true, title: true, questions: { orderBy: { position: "asc" }, select: { id: true, prompt: true, kind: true } } },
          },
          attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, mediaType: true, size: true } },
          author: {
            select: {
              id: true,
              role: true,
              suspendedAt: true,
              suspendedReason: true,
              profile: { select: { displayName: true, organisationName: true, stakeholderType: true, country: true } },
            },
          },
          flags: {
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            select: { id: true, reason: true, comment: true, createdAt: true, resolvedAt: true, user: person },
          },
          moderationEvents: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: { id: true, action: true, fromStatus: true, toStatus: true, reason: true, note: true, createdAt: true, actor: person },
          },
        },
      }),
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );
  if (!contribution) return null;

  const { author } = contribution;
  const own = author.id === moderator.id;
  const edited = contribution.version > 1 || contribution.moderationEvents.some((event) => event.action === "EDIT");
  const inQueue = isWaiting(contribution);
  const position = contribution.awaitingSince ? { id: contribution.id, awaitingSince: contribution.awaitingSince, openFlagCount: contribution.openFlagCount } : null;

  return {
    id: contribution.id,
    reference: contribution.reference,
    version: contribution.version,
    title: contribution.title,
    body: contribution.body,
    language: contribution.language,
    languageDifference: languageDifference(contribution),
    phase: contribution.phase,
    status: contribution.status,
    publication: contribution.publication,
    rejectionReason: contribution.rejectionReason,
    submittedAt: contribution.submittedAt,
    decidedAt: contribution.decidedAt,
    awaitingSince: contribution.awaitingSince,
    inQueue,
    own,
    waitingReason: contribution.awaitingSince ? waitingReason(contribution.status, edited) : null,
    openFlagCount: contribution.openFlagCount,
    consultation: { slug: contribution.consultation.slug, title: contribution.consultation.title },
    answers: toContributionAnswers(contribution.answers, contribution.consultation.questions),
    attachments: contribution.attachments,
    author: {
      ...toPerson(author),
      organisationName: author.profile?.organisationName ?? null,
      stakeholderType: author.profile?.stakeholderType ?? null,
      country: author.profile?.country ?? null,
      suspendedAt: author.suspendedAt,
      suspendedReason: author.suspendedReason,
      canBeSuspended: author.id !== moderator.id && (canAdminister(moderator.role) || author.role === "PARTICIPANT"),
    },
    reports: [...contribution.flags]
      .sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null))
      .map(({ user, ...flag }) => ({ ...flag, reporter: own ? null : toPerson(user) })),
    history: contribution.moderationEvents.map(({ actor, ...event }) => ({ ...event, actor: actor ? toPerson(actor) : null })),
    next: await findNextInQueue(queue, moderator.id, contribution.id, position),
    filters: queue,
  };
}

/**
 * The item after `position` in the moderator's queue, or the first one when
 * there is none after it (or this contribution is not waiting): never the
 * contribution itself, nor one of the moderator's own.
 */
async function findNextInQueue(filters: QueueFilter, moderatorId: string, currentId: string, position: QueuePosition | null): Promise<QueueNeighbour | null> {
  const { from, where, order } = queueSql(filters, moderatorId);
  const first = (after: Prisma.Sql) => db.$queryRaw<QueueNeighbour[]>`
    SELECT c."id", c."reference", c."title" ${from} ${where} AND c."id" <> ${currentId} AND ${after}
    ORDER BY ${order} LIMIT 1`;
  const [after] = position ? await first(afterPositionSql(filters, position)) : [];
  if (after) return after;
  const [wrapped] = await first(Prisma.sql`TRUE`);
  return wrapped ?? null;
}
