import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { markAllNoticesReadAction, markNoticeReadAction } from "@/lib/notices/actions";
import { countMyUnreadNotices } from "@/lib/notices/count-my-unread-notices";
import { findMyNotices, NOTICES_SHOWN } from "@/lib/notices/find-my-notices";
import { markNoticesRead } from "@/lib/notices/mark-notices-read";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

// Notices tell authors what happened to their contributions (written by the
// moderation decisions); here they are made directly, as the decisions do.

const MINUTE = 60_000;
const start = Date.now() - 24 * 60 * MINUTE;
const minutes = (n: number) => new Date(start + n * MINUTE);

let author: TestUser;
let stranger: TestUser;

async function notice(userId: string, at: number, options: { read?: boolean; link?: string | null; message?: string } = {}) {
  return db.notice.create({
    data: {
      userId,
      message: options.message ?? `Notice at minute ${at}`,
      link: options.link === undefined ? "/my-contributions/AGR-2026-000001" : options.link,
      createdAt: minutes(at),
      readAt: options.read ? minutes(at + 1) : null,
    },
    select: { id: true, readAt: true },
  });
}

/** Every notice, for "nothing changed" checks. */
const snapshot = () => db.notice.findMany({ orderBy: { id: "asc" }, select: { id: true, userId: true, readAt: true } });

beforeAll(async () => {
  author = await createTestUser();
  stranger = await createTestUser();
});

beforeEach(async () => {
  signOut();
  await db.notice.deleteMany();
});

describe("findMyNotices", () => {
  it("refuses a visitor", async () => {
    await expect(findMyNotices()).rejects.toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    await expect(countMyUnreadNotices()).rejects.toMatchObject({ status: 401 });
  });

  it("lists my latest notices newest first with the unread count over all of them, and nobody else's", async () => {
    for (let at = 0; at < NOTICES_SHOWN + 5; at += 1) await notice(author.id, at * 10, { read: at >= 3 && at < 20 });
    await notice(stranger.id, 5000, { message: "Not mine" });

    await signInAs(author.id);
    const { notices, unreadCount } = await findMyNotices();

    expect(notices).toHaveLength(NOTICES_SHOWN);
    expect(notices.map((item) => item.createdAt)).toEqual(Array.from({ length: NOTICES_SHOWN }, (_, index) => minutes((NOTICES_SHOWN + 4 - index) * 10)));
    expect(notices.some((item) => item.message === "Not mine")).toBe(false);
    // Unread: the 5 newest (20 to 24) and the 3 oldest (0 to 2), which the list does not show.
    expect(unreadCount).toBe(8);
    expect(await countMyUnreadNotices()).toBe(8);
    expect(notices.filter((item) => !item.isRead)).toHaveLength(5);
    expect(notices[0]).toEqual({
      id: expect.any(String),
      message: `Notice at minute ${(NOTICES_SHOWN + 4) * 10}`,
      link: "/my-contributions/AGR-2026-000001",
      createdAt: minutes((NOTICES_SHOWN + 4) * 10),
      isRead: false,
    });

    await signInAs(stranger.id);
    expect(await findMyNotices()).toMatchObject({ unreadCount: 1, notices: [{ message: "Not mine" }] });
  });

  it("gives only links to pages of this site", async () => {
    const links = ["/contributions/AGR-2026-000002", "https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", null];
    for (const [index, link] of links.entries()) await notice(author.id, index, { link, message: `Link ${index}` });
    await signInAs(author.id);
    const { notices } = await findMyNotices();
    expect(notices.map((item) => [item.message, item.link])).toEqual([
      ["Link 5", null],
      ["Link 4", null],
      ["Link 3", null],
      ["Link 2", null],
      ["Link 1", null],
      ["Link 0", "/contributions/AGR-2026-000002"],
    ]);
  });

  it("is empty for someone without notices", async () => {
    await signInAs(author.id);
    expect(await findMyNotices()).toEqual({ notices: [], unreadCount: 0 });
    expect(await countMyUnreadNotices()).toBe(0);
  });
});

describe("markNoticesRead", () => {
  it("refuses a visitor and changes nothing", async () => {
    const mine = await notice(author.id, 1);
    const before = await snapshot();
    await expect(markNoticesRead({ noticeId: mine.id })).rejects.toMatchObject({ status: 401 });
    await expect(markNoticesRead({ all: true })).rejects.toMatchObject({ status: 401 });
    expect(await markNoticeReadAction({ noticeId: mine.id })).toEqual({ ok: false, message: "Please sign in to continue." });
    expect(await markAllNoticesReadAction()).toEqual({ ok: false, message: "Please sign in to continue." });
    expect(await snapshot()).toEqual(before);
  });

  it("marks one of mine read, once: a repeat keeps the first time and changes nothing", async () => {
    const first = await notice(author.id, 1);
    const second = await notice(author.id, 2);
    await signInAs(author.id);

    await expect(markNoticesRead({ noticeId: first.id })).resolves.toEqual({ marked: 1 });
    const readAt = (await db.notice.findUniqueOrThrow({ where: { id: first.id } })).readAt;
    expect(readAt).toBeInstanceOf(Date);
    expect((await db.notice.findUniqueOrThrow({ where: { id: second.id } })).readAt).toBeNull();
    expect(await countMyUnreadNotices()).toBe(1);

    const before = await snapshot();
    await expect(markNoticesRead({ noticeId: first.id })).resolves.toEqual({ marked: 0 });
    expect(await markNoticeReadAction({ noticeId: first.id })).toEqual({ ok: true, data: { marked: 0 }, message: "Notice marked as read." });
    expect(await snapshot()).toEqual(before);
    expect((await db.notice.findUniqueOrThrow({ where: { id: first.id } })).readAt).toEqual(readAt);
  });

  it("answers 404 for someone else's notice or one that does not exist, and changes nothing", async () => {
    const theirs = await notice(stranger.id, 1);
    await notice(author.id, 2);
    const before = await snapshot();
    await signInAs(author.id);

    await expect(markNoticesRead({ noticeId: theirs.id })).rejects.toMatchObject({ status: 404, code: "NOT_FOUND", userMessage: "This notice could not be found." });
    await expect(markNoticesRead({ noticeId: "no-such-notice" })).rejects.toMatchObject({ status: 404 });
    expect(await markNoticeReadAction({ noticeId: theirs.id })).toEqual({ ok: false, message: "This notice could not be found." });
    expect(await snapshot()).toEqual(before);
  });

  it("marks all of mine read and no one else's; again marks nothing", async () => {
    await notice(author.id, 1);
    await notice(author.id, 2);
    const alreadyRead = await notice(author.id, 3, { read: true });
    const theirs = await notice(stranger.id, 4);
    await signInAs(author.id);

    expect(await markAllNoticesReadAction()).toEqual({ ok: true, data: { marked: 2 }, message: "All notices marked as read." });
    expect(await countMyUnreadNotices()).toBe(0);
    expect((await db.notice.findUniqueOrThrow({ where: { id: alreadyRead.id } })).readAt).toEqual(alreadyRead.readAt);
    expect((await db.notice.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();

    const before = await snapshot();
    expect(await markAllNoticesReadAction()).toEqual({ ok: true, data: { marked: 0 }, message: "There were no new notices." });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a request that names neither one notice nor all", async () => {
    await notice(author.id, 1);
    const before = await snapshot();
    await signInAs(author.id);
    for (const input of [{}, { all: false }, { noticeId: "" }, { noticeId: "x".repeat(65) }, { noticeId: "a", all: true }, null]) {
      await expect(markNoticesRead(input)).rejects.toMatchObject({ status: 422, code: "VALIDATION" });
    }
    expect(await snapshot()).toEqual(before);
  });
});
