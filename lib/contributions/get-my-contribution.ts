import "server-only";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import type { ContributionStatus, Phase, PublicationPreference } from "@/lib/generated/prisma/enums";
import type { UploadedAttachment } from "@/lib/attachments/rules";
import { AUTHOR_VISIBLE_ACTIONS, reasonForAuthor, toHistoryEntry, type HistoryEntry } from "@/lib/contributions/author-view";
import { isEditableByAuthor, WITHDRAWABLE_STATUSES } from "@/lib/contributions/lifecycle/transitions";
import { referenceSchema } from "@/lib/contributions/schema";

export type MyContribution = {
  reference: string;
  title: string;
  status: ContributionStatus;
  /** Given for a rejected or hidden contribution. */
  reason: string | null;
  phase: Phase;
  language: string;
  publication: PublicationPreference;
  submittedAt: Date;
  updatedAt: Date;
  consultation: { slug: string; title: string; timeZone: string };
  attachments: UploadedAttachment[];
  canEdit: boolean;
  canWithdraw: boolean;
  /** What happened to it, oldest first, as its author may read it. */
  history: HistoryEntry[];
};

/**
 * One of the caller's own contributions, for its receipt and its entry in
 * "My contributions"; null when the caller has none with this reference
 * (anyone else's is not theirs to see here, whatever their role).
 */
export async function getMyContribution(reference: string): Promise<MyContribution | null> {
  const me = await requireUser();
  const parsed = referenceSchema.safeParse(reference);
  if (!parsed.success) return null;
  const contribution = await db.contribution.findFirst({
    where: { reference: parsed.data, authorId: me.id },
    select: {
      reference: true,
      title: true,
      status: true,
      rejectionReason: true,
      phase: true,
      language: true,
      publication: true,
      submittedAt: true,
      updatedAt: true,
      consultation: { select: { slug: true, title: true, conference: { select: { timeZone: true } } } },
      attachments: { select: { id: true, fileName: true, size: true, mediaType: true }, orderBy: { createdAt: "asc" } },
      moderationEvents: {
        where: { action: { in: [...AUTHOR_VISIBLE_ACTIONS] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, action: true, toStatus: true, reason: true, createdAt: true },
      },
    },
  });
  if (!contribution) return null;
  const { rejectionReason, moderationEvents, consultation, ...rest } = contribution;
  return {
    ...rest,
    reason: reasonForAuthor(contribution.status, rejectionReason),
    consultation: { slug: consultation.slug, title: consultation.title, timeZone: consultation.conference?.timeZone ?? "UTC" },
    canEdit: isEditableByAuthor(contribution.status),
    canWithdraw: WITHDRAWABLE_STATUSES.has(contribution.status),
    history: moderationEvents.map((event) => toHistoryEntry({ ...event, action: event.action as HistoryEntry["action"] })),
  };
}
