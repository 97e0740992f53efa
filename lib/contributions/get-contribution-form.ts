import "server-only";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import type { Phase, PublicationPreference } from "@/lib/generated/prisma/enums";
import type { UploadedAttachment } from "@/lib/attachments/rules";
import { canSeeDraftConsultations, visibleConsultationsWhere } from "@/lib/consultations/visibility";
import {
  consultationForContributionSelect,
  opennessAt,
  toConsultationForContribution,
  type ConsultationForContribution,
} from "@/lib/contributions/consultation-for-contribution";
import { phaseAt } from "@/lib/vocabulary/phases";
import { draftDataSchema, editTargetSchema, type ContributionFormInput, type FormAnswers } from "@/lib/contributions/schema";
import { isLanguageCode, type LanguageCode } from "@/lib/vocabulary/languages";
import { notEditableMessage } from "@/lib/contributions/lifecycle/transitions";

// What the contribution form's pages need, as plain data: the consultation
// and its questions, whether it takes contributions now (by the server's
// clock), and the values to start from: the caller's saved draft, their
// contribution being edited, or their profile's defaults.

export type ContributionFormContext = {
  consultation: ConsultationForContribution;
  open: boolean;
  /** Why no contribution can be made or changed now; null when it can. */
  closedMessage: string | null;
  /** The phase a contribution made now falls in. */
  phaseNow: Phase;
  values: ContributionFormInput;
  attachments: UploadedAttachment[];
};

export type NewContributionForm = ContributionFormContext & {
  draftSavedAt: Date | null;
  /** Where the form starts again when the draft is discarded. */
  blankValues: ContributionFormInput;
};

export type ContributionEditForm = ContributionFormContext & { reference: string; version: number };

const attachmentSelect = { id: true, fileName: true, size: true, mediaType: true } as const;

function withOpenness(consultation: ConsultationForContribution, now: Date) {
  const { state, message } = opennessAt(consultation, now);
  return { consultation, open: state.open, closedMessage: message, phaseNow: phaseAt(consultation.conference, now) };
}

async function defaultPublication(userId: string): Promise<PublicationPreference> {
  const profile = await db.stakeholderProfile.findUnique({ where: { userId }, select: { publicationPreference: true } });
  return profile?.publicationPreference ?? "PUBLIC";
}

async function defaultLanguage(userId: string): Promise<LanguageCode> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } });
  return isLanguageCode(user.locale) ? user.locale : "en";
}

/**
 * The form for a new contribution to the consultation with this slug, or
 * null when the caller may not see it (a draft consultation, to anyone but
 * an administrator, looks like no consultation at all).
 */
export async function getNewContributionForm(slug: string): Promise<NewContributionForm | null> {
  const me = await requireUser();
  const row = await db.consultation.findFirst({
    where: { AND: [{ slug }, visibleConsultationsWhere(await canSeeDraftConsultations())] },
    select: consultationForContributionSelect,
  });
  if (!row) return null;
  const consultation = toConsultationForContribution(row);

  const draft = await db.contributionDraft.findUnique({
    where: { userId_consultationId: { userId: me.id, consultationId: consultation.id } },
    select: { data: true, updatedAt: true },
  });
  const saved = draftDataSchema.safeParse(draft?.data);
  const data = saved.success ? saved.data : null;
  // Only the caller's own files still free to attach: one attached or swept
  // since the draft was saved is no longer offered.
  const attachments = data?.attachmentIds.length
    ? await db.attachment.findMany({ where: { id: { in: data.attachmentIds }, uploaderId: me.id, contributionId: null }, select: attachmentSelect })
    : [];
  const ordered = (data?.attachmentIds ?? []).flatMap((id) => attachments.filter((attachment) => attachment.id === id));

  const blankValues: ContributionFormInput = {
    title: "",
    body: "",
    answers: {},
    language: await defaultLanguage(me.id),
    publication: await defaultPublication(me.id),
    attachmentIds: [],
  };
  return {
    ...withOpenness(consultation, new Date()),
    values: data
      ? {
          title: data.title,
          body: data.body,
          answers: data.answers,
          language: isLanguageCode(data.language) ? data.language : blankValues.language,
          publication: data.publication ?? blankValues.publication,
          attachmentIds: ordered.map((attachment) => attachment.id),
        }
      : blankValues,
    blankValues,
    attachments: ordered,
    draftSavedAt: draft && data ? draft.updatedAt : null,
  };
}

/**
 * The form to edit the caller's own contribution, or null when they have
 * none with this reference (someone else's is "not found" too).
 */
export async function getContributionEditForm(reference: string): Promise<(ContributionEditForm & { notEditable: string | null }) | null> {
  const me = await requireUser();
  const target = editTargetSchema.shape.reference.safeParse(reference);
  if (!target.success) return null;
  const contribution = await db.contribution.findFirst({
    where: { reference: target.data, authorId: me.id },
    select: {
      reference: true,
      version: true,
      status: true,
      title: true,
      body: true,
      answers: true,
      language: true,
      publication: true,
      consultation: { select: consultationForContributionSelect },
      attachments: { select: attachmentSelect, orderBy: { createdAt: "asc" } },
    },
  });
  if (!contribution) return null;
  const consultation = toConsultationForContribution(contribution.consultation);
  const context = withOpenness(consultation, new Date());
  const notEditable = notEditableMessage(contribution.status) ?? (context.closedMessage ? `${context.closedMessage} Contributions to it can no longer be edited.` : null);
  return {
    ...context,
    reference: contribution.reference,
    version: contribution.version,
    notEditable,
    values: {
      title: contribution.title,
      body: contribution.body,
      answers: formAnswers(contribution.answers),
      language: isLanguageCode(contribution.language) ? contribution.language : "en",
      publication: contribution.publication,
      attachmentIds: contribution.attachments.map((attachment) => attachment.id),
    },
    attachments: contribution.attachments,
  };
}

/** Stored answers as the form holds them (a scale's radio value is a string). */
function formAnswers(stored: unknown): FormAnswers {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return {};
  const answers: FormAnswers = {};
  for (const [id, value] of Object.entries(stored)) {
    if (typeof value === "number") answers[id] = String(value);
    else if (typeof value === "string" || (Array.isArray(value) && value.every((item) => typeof item === "string"))) answers[id] = value;
  }
  return answers;
}
