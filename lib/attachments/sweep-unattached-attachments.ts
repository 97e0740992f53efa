import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { storagePath, tempUploadsDir, uploadsDir } from "@/lib/attachments/storage";

const DAY_MS = 24 * 60 * 60 * 1000;

export type SweepReport = { attachments: number; files: number; tempFiles: number };

/**
 * Clears what uploads leave behind; safe to run at any time and repeatedly
 * (a maintenance job can call it daily):
 * - attachments never attached to a contribution and older than `maxAgeMs`,
 *   unless a draft still lists them (a contribution written over several
 *   days keeps its files);
 * - stored files no attachment points to any more (also those of a crashed
 *   upload), once they are older than `maxAgeMs`: an upload moves its file
 *   into place before it records the attachment, so a young file may be
 *   about to get one;
 * - temporary files of uploads that never finished.
 */
export async function sweepUnattachedAttachments(options: { now?: Date; maxAgeMs?: number } = {}): Promise<SweepReport> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.maxAgeMs ?? DAY_MS));
  const attachments = await deleteStaleAttachments(cutoff);
  const files = await deleteUnreferencedFiles(cutoff);
  const tempFiles = await deleteOldFiles(tempUploadsDir(), cutoff);
  return { attachments, files, tempFiles };
}

async function deleteStaleAttachments(cutoff: Date): Promise<number> {
  const stale = await db.attachment.findMany({
    where: { contributionId: null, createdAt: { lt: cutoff } },
    select: { id: true, uploaderId: true },
  });
  if (stale.length === 0) return 0;
  const drafts = await db.contributionDraft.findMany({
    where: { userId: { in: [...new Set(stale.map((attachment) => attachment.uploaderId))] } },
    select: { userId: true, data: true },
  });
  const kept = new Set(drafts.flatMap((draft) => draftAttachmentIds(draft.data).map((id) => `${draft.userId}:${id}`)));
  const ids = stale.filter((attachment) => !kept.has(`${attachment.uploaderId}:${attachment.id}`)).map((attachment) => attachment.id);
  if (ids.length === 0) return 0;
  // contributionId: null again, so an attachment linked meanwhile stays.
  const { count } = await db.attachment.deleteMany({ where: { id: { in: ids }, contributionId: null } });
  return count;
}

function draftAttachmentIds(data: unknown): string[] {
  if (typeof data !== "object" || data === null || !("attachmentIds" in data) || !Array.isArray(data.attachmentIds)) return [];
  return data.attachmentIds.filter((id): id is string => typeof id === "string");
}

async function deleteUnreferencedFiles(cutoff: Date): Promise<number> {
  let deleted = 0;
  for (const prefix of await listDir(uploadsDir())) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    const names = (await listDir(path.join(uploadsDir(), prefix))).filter((name) => /^[0-9a-f]{64}$/.test(name));
    if (names.length === 0) continue;
    const keys = names.map((name) => `${prefix}/${name}`);
    const used = await db.attachment.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true }, distinct: ["storageKey"] });
    const inUse = new Set(used.map((row) => row.storageKey));
    for (const key of keys) {
      if (inUse.has(key)) continue;
      if (await removeIfOlder(storagePath(key), cutoff)) deleted += 1;
    }
  }
  return deleted;
}

async function deleteOldFiles(dir: string, cutoff: Date): Promise<number> {
  let deleted = 0;
  for (const name of await listDir(dir)) {
    if (await removeIfOlder(path.join(dir, name), cutoff)) deleted += 1;
  }
  return deleted;
}

async function removeIfOlder(filePath: string, cutoff: Date): Promise<boolean> {
  const stat = await fs.stat(filePath).catch(() => null);
  if (!stat?.isFile() || stat.mtime >= cutoff) return false;
  await fs.rm(filePath, { force: true });
  return true;
}

async function listDir(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
}
