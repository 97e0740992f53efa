"use server";

import { defineAction, type RevalidateTarget } from "@/lib/actions/define-action";
import { markNoticesRead } from "@/lib/notices/mark-notices-read";

// Entry points of the notices on My contributions: markNoticesRead checks the
// caller and parses the input. The unread count is in the site header on
// every page, hence the whole layout is revalidated.

const everyPage = (): RevalidateTarget[] => [["/", "layout"]];

export const markNoticeReadAction = defineAction("markNoticeRead", (input: { noticeId: string }) => markNoticesRead({ noticeId: input?.noticeId }), {
  revalidate: everyPage,
  message: () => "Notice marked as read.",
});

export const markAllNoticesReadAction = defineAction("markAllNoticesRead", () => markNoticesRead({ all: true }), {
  revalidate: everyPage,
  message: ({ marked }) => (marked === 0 ? "There were no new notices." : "All notices marked as read."),
});
