import "server-only";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { notFound, parseInput } from "@/lib/errors";
import { attachmentTargetSchema } from "@/lib/attachments/schema";

/**
 * Deletes a file the caller uploaded and has not attached to a contribution
 * (the form's "Remove" button). Files of submitted contributions change only
 * through an edit of the contribution. The stored bytes go with the next
 * sweep, once no attachment uses them.
 */
export async function deleteMyUpload(input: unknown): Promise<void> {
  const me = await requireUser();
  const { attachmentId } = parseInput(attachmentTargetSchema, input);
  const { count } = await db.attachment.deleteMany({ where: { id: attachmentId, uploaderId: me.id, contributionId: null } });
  if (count === 0) throw notFound("This file");
}
