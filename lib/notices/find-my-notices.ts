import "server-only";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";

/** How many notices the page shows; older ones still count as unread until marked. */
export const NOTICES_SHOWN = 20;

export type MyNotice = {
  id: string;
  message: string;
  /** A path on this site, or null. */
  link: string | null;
  createdAt: Date;
  isRead: boolean;
};

export type MyNotices = { notices: MyNotice[]; unreadCount: number };

// Notices are written by the app (moderation decisions), but a link is only
// ever rendered as a path on this site: never another origin or a script URL.
function sitePath(link: string | null): string | null {
  return link !== null && /^\/(?![/\\])/.test(link) ? link : null;
}

/** The signed-in user's latest notices, newest first, and how many of all their notices are unread. */
export async function findMyNotices(): Promise<MyNotices> {
  const user = await requireUser();
  const [rows, unreadCount] = await Promise.all([
    db.notice.findMany({
      where: { userId: user.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: NOTICES_SHOWN,
      select: { id: true, message: true, link: true, createdAt: true, readAt: true },
    }),
    db.notice.count({ where: { userId: user.id, readAt: null } }),
  ]);
  return {
    notices: rows.map(({ readAt, link, ...row }) => ({ ...row, link: sitePath(link), isRead: readAt !== null })),
    unreadCount,
  };
}
