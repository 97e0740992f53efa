import "server-only";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { notFound, parseInput } from "@/lib/errors";
import { markNoticesReadSchema } from "@/lib/notices/schema";

export type MarkNoticesReadResult = { marked: number };

/**
 * Marks one of the signed-in user's notices read, or all of them. Only the
 * caller's own notices are touched (the owner is in every where clause); an
 * id that is not theirs is "not found", as one that does not exist. A notice
 * already read keeps the time it was first read, so repeating is harmless.
 */
export async function markNoticesRead(input: unknown): Promise<MarkNoticesReadResult> {
  const user = await requireUser();
  const request = parseInput(markNoticesReadSchema, input);
  const readAt = new Date();
  if ("all" in request) {
    const { count } = await db.notice.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt } });
    return { marked: count };
  }
  const { count } = await db.notice.updateMany({ where: { id: request.noticeId, userId: user.id, readAt: null }, data: { readAt } });
  if (count === 0 && (await db.notice.count({ where: { id: request.noticeId, userId: user.id } })) === 0) throw notFound("This notice");
  return { marked: count };
}
