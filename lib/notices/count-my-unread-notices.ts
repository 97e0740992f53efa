import "server-only";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";

/** For the site header: how many of the signed-in user's notices are unread. */
export async function countMyUnreadNotices(): Promise<number> {
  const user = await requireUser();
  return db.notice.count({ where: { userId: user.id, readAt: null } });
}
