"use server";

import { revalidatePath } from "next/cache";
import { toActionError, type ActionResult } from "@/lib/errors";
import { markNoticesRead, type MarkNoticesReadResult } from "@/lib/notices/mark-notices-read";

// Thin entry points for the notices on My contributions: markNoticesRead
// checks the caller and parses the input. The unread count is in the site
// header on every page, hence the whole layout is revalidated.

export async function markNoticeReadAction(input: { noticeId: string }): Promise<ActionResult<MarkNoticesReadResult>> {
  let result: MarkNoticesReadResult;
  try {
    result = await markNoticesRead({ noticeId: input?.noticeId });
  } catch (error) {
    return toActionError(error, { action: "markNoticeRead" });
  }
  revalidatePath("/", "layout");
  return { ok: true, data: result, message: "Notice marked as read." };
}

export async function markAllNoticesReadAction(): Promise<ActionResult<MarkNoticesReadResult>> {
  let result: MarkNoticesReadResult;
  try {
    result = await markNoticesRead({ all: true });
  } catch (error) {
    return toActionError(error, { action: "markAllNoticesRead" });
  }
  revalidatePath("/", "layout");
  return { ok: true, data: result, message: result.marked === 0 ? "There were no new notices." : "All notices marked as read." };
}
