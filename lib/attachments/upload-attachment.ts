import "server-only";
import { fileTypeFromFile } from "file-type";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { cleanFileName } from "@/lib/attachments/file-name";
import { receiveUpload, UPLOAD_FIELD } from "@/lib/attachments/receive-upload";
import { attachmentMessages, isAcceptedMediaType, type UploadedAttachment } from "@/lib/attachments/rules";
import { commitToStore, removeQuietly } from "@/lib/attachments/storage";
import { enqueueAttachmentText } from "@/lib/attachments/text/attachment-text-job";

// Files not yet attached to a contribution a participant may hold at once
// (drafts in several consultations, a few replaced files): enough for honest
// use, not a free file store.
export const MAX_UNATTACHED_UPLOADS = 12;

function tooManyUploads(): AppError {
  return new AppError(
    "RATE_LIMITED",
    "You have uploaded many files that are not attached to a contribution yet. Please submit your contribution, or remove files you no longer need, before uploading more.",
  );
}

/**
 * Stores the one file in a multipart request for the signed-in user and
 * records it as theirs, attached to nothing yet (submitting or editing a
 * contribution attaches it). Its type is sniffed from its bytes: only PDF,
 * ODT and DOCX are kept, whatever the name or the browser says.
 */
export async function uploadAttachment(request: Request): Promise<UploadedAttachment> {
  const me = await requireUser();
  // A cheap refusal before reading up to 10 MB; the count that counts is
  // taken again, under a lock, where the row is inserted.
  if ((await db.attachment.count({ where: { uploaderId: me.id, contributionId: null } })) >= MAX_UNATTACHED_UPLOADS) {
    throw tooManyUploads();
  }

  const upload = await receiveUpload(request);
  try {
    const sniffed = await fileTypeFromFile(upload.tempPath);
    if (!sniffed || !isAcceptedMediaType(sniffed.mime)) {
      const message = attachmentMessages.wrongType(upload.fileName);
      throw new AppError("VALIDATION", message, { [UPLOAD_FIELD]: [message] });
    }
    const mediaType = sniffed.mime;
    const storageKey = await commitToStore(upload.tempPath, upload.sha256);
    return await db.$transaction(async (tx) => {
      // Parallel uploads by one user all pass the early check: serialise
      // them here so the limit holds. A refused file stays in the
      // content-addressed store (another row may share it); the sweep
      // removes files no row points to.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`upload:${me.id}`}))`;
      const unattached = await tx.attachment.count({ where: { uploaderId: me.id, contributionId: null } });
      if (unattached >= MAX_UNATTACHED_UPLOADS) throw tooManyUploads();
      const attachment = await tx.attachment.create({
        data: {
          uploaderId: me.id,
          fileName: cleanFileName(upload.fileName, mediaType),
          mediaType,
          size: upload.size,
          sha256: upload.sha256,
          storageKey,
        },
        select: { id: true, fileName: true, size: true, mediaType: true },
      });
      // Its text is read by the background worker (lib/attachments/text).
      await enqueueAttachmentText(attachment.id, { transaction: tx });
      return attachment;
    });
  } finally {
    // Gone already when it was moved into the store.
    await removeQuietly(upload.tempPath);
  }
}
