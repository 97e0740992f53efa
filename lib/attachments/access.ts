import type { ConsultationStatus, ContributionStatus, Role } from "@/lib/generated/prisma/enums";
import { canModerate } from "@/lib/auth/roles";

// Who may download an attachment. A file is as public as its contribution:
// everyone once it is approved; before that (and after a rejection, hiding or
// withdrawal) only its author and the moderators. A file not attached yet
// belongs to a draft, and drafts are private to whoever uploaded it.

export type AttachmentViewer = { id: string; role: Role } | null;

export type AttachmentOwnership = {
  uploaderId: string;
  contribution: { authorId: string; status: ContributionStatus; consultation: { status: ConsultationStatus } } | null;
};

export function canDownloadAttachment(viewer: AttachmentViewer, attachment: AttachmentOwnership): boolean {
  if (viewer && viewer.id === attachment.uploaderId) return true;
  const { contribution } = attachment;
  if (!contribution) return false;
  // As in lib/contributions/visibility.ts: a consultation in draft keeps
  // everything it holds to the administrators.
  if (contribution.status === "APPROVED" && contribution.consultation.status !== "DRAFT") return true;
  if (!viewer) return false;
  return viewer.id === contribution.authorId || canModerate(viewer.role);
}
