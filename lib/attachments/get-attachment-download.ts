import "server-only";
import { db } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { notFound } from "@/lib/errors";
import { canDownloadAttachment } from "@/lib/attachments/access";
import { storagePath } from "@/lib/attachments/storage";
import { recordIdSchema } from "@/lib/vocabulary/record-ids";

export type AttachmentDownload = { fileName: string; mediaType: string; size: number; filePath: string };

/**
 * The file behind an attachment id, for the caller if they may read it. A
 * file they may not read is "not found", exactly like one that does not
 * exist: its id must not tell a stranger that a contribution is pending.
 */
export async function getAttachmentDownload(id: string): Promise<AttachmentDownload> {
  const missing = notFound("This file");
  if (!recordIdSchema.safeParse(id).success) throw missing;
  const [viewer, attachment] = await Promise.all([
    getCurrentUser(),
    db.attachment.findUnique({
      where: { id },
      select: {
        fileName: true,
        mediaType: true,
        size: true,
        storageKey: true,
        uploaderId: true,
        contribution: { select: { authorId: true, status: true, consultation: { select: { status: true } } } },
      },
    }),
  ]);
  if (!attachment || !canDownloadAttachment(viewer, attachment)) throw missing;
  return { fileName: attachment.fileName, mediaType: attachment.mediaType, size: attachment.size, filePath: storagePath(attachment.storageKey) };
}
