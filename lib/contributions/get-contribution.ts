import "server-only";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import type { ContributionStatus, Phase } from "@/lib/generated/prisma/enums";
import { toContributionAnswers, type ContributionAnswer } from "@/lib/contributions/contribution-answers";
import { toPublicAuthor, type PublicAuthor } from "@/lib/contributions/public-author";
import { referenceSchema } from "@/lib/contributions/schema";
import { visibleContributionsWhere } from "@/lib/contributions/visibility";

export type ContributionAttachment = { id: string; fileName: string; mediaType: string; size: number };

export type ContributionDetail = {
  reference: string;
  title: string;
  /** Markdown written by a participant: render it without raw HTML. */
  body: string;
  language: string;
  phase: Phase;
  status: ContributionStatus;
  /** Only for the author and moderators, who are the only ones to see a rejected or hidden contribution. */
  rejectionReason: string | null;
  submittedAt: Date;
  consultation: { slug: string; title: string };
  author: PublicAuthor;
  answers: ContributionAnswer[];
  attachments: ContributionAttachment[];
  viewer: {
    signedIn: boolean;
    isAuthor: boolean;
    /** Signed in, not the author, and the contribution is published. */
    canFlag: boolean;
    hasFlagged: boolean;
  };
};

/**
 * One contribution by its reference, for its permanent page, or null when the
 * caller may not see it (lib/contributions/visibility.ts): the page then
 * answers 404, exactly as for a reference that does not exist. Cached per
 * request: the page and its metadata share one query.
 */
export const getContribution = cache(async (reference: string): Promise<ContributionDetail | null> => {
  const parsed = referenceSchema.safeParse(reference);
  if (!parsed.success) return null;
  const user = await getCurrentUser();
  const contribution = await db.contribution.findFirst({
    where: { AND: [{ reference: parsed.data }, visibleContributionsWhere(user)] },
    select: {
      reference: true,
      authorId: true,
      title: true,
      body: true,
      language: true,
      phase: true,
      status: true,
      rejectionReason: true,
      submittedAt: true,
      publication: true,
      answers: true,
      consultation: {
        select: {
          slug: true,
          title: true,
          questions: { orderBy: { position: "asc" }, select: { id: true, prompt: true, kind: true } },
        },
      },
      author: { select: { profile: { select: { displayName: true, organisationName: true, stakeholderType: true, country: true } } } },
      attachments: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, mediaType: true, size: true } },
      flags: user ? { where: { userId: user.id }, select: { id: true } } : false,
    },
  });
  if (!contribution) return null;

  const answers = toContributionAnswers(contribution.answers, contribution.consultation.questions);
  const isAuthor = user?.id === contribution.authorId;
  const published = contribution.status === "APPROVED";
  return {
    reference: contribution.reference,
    title: contribution.title,
    body: contribution.body,
    language: contribution.language,
    phase: contribution.phase,
    status: contribution.status,
    // Only the author and moderators get this far with an unpublished one.
    rejectionReason: published ? null : contribution.rejectionReason,
    submittedAt: contribution.submittedAt,
    consultation: { slug: contribution.consultation.slug, title: contribution.consultation.title },
    author: toPublicAuthor(contribution.publication, contribution.author.profile),
    answers,
    attachments: contribution.attachments,
    viewer: {
      signedIn: user !== null,
      isAuthor,
      canFlag: user !== null && !isAuthor && published,
      hasFlagged: (contribution.flags?.length ?? 0) > 0,
    },
  };
});
