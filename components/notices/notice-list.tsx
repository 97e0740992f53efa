"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";

export type NoticeItem = {
  id: string;
  message: string;
  link: string | null;
  /** ISO 8601, for <time dateTime>. */
  createdAt: string;
  /** Formatted on the server, so server and browser render the same text. */
  createdAtLabel: string;
  isRead: boolean;
};

type Outcome = { ok: boolean; message: string };

type Props = {
  notices: NoticeItem[];
  unreadCount: number;
  markOneAction: (input: { noticeId: string }) => Promise<ActionResult<unknown>>;
  markAllAction: () => Promise<ActionResult<unknown>>;
};

/**
 * The author's notices, newest first. Unread ones say "New" in words and
 * carry a bar and bold text besides. Marking one read moves the focus to that
 * notice (its button goes away); marking all moves it to the list. The
 * outcome is announced in the live region above the list.
 */
export function NoticeList({ notices, unreadCount, markOneAction, markAllAction }: Props) {
  const id = useId();
  const router = useRouter();
  const list = useRef<HTMLUListElement>(null);
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = (action: () => Promise<ActionResult<unknown>>, fallback: string, focusTarget: () => HTMLElement | null) =>
    startTransition(async () => {
      const result = await action();
      setOutcome({ ok: result.ok, message: result.message ?? fallback });
      if (result.ok) {
        router.refresh();
        focusTarget()?.focus();
      }
    });

  const unreadShown = notices.filter((notice) => !notice.isRead).length;

  return (
    <div className="mt-3 space-y-3">
      <p role="status" className={`min-h-6 font-medium ${outcome?.ok === false ? "text-red-800" : "text-green-900"}`}>
        {outcome?.message}
      </p>
      {notices.length === 0 ? (
        <p>No notices yet. When a moderator decides on one of your contributions, you will find a notice here and an e-mail in your inbox.</p>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-3">
            <p>
              {unreadCount === 0 ? "No new notices." : `${unreadCount} new ${unreadCount === 1 ? "notice" : "notices"}.`}
              {unreadCount > unreadShown ? ` The latest ${notices.length} are shown here.` : null}
            </p>
            {unreadCount > 0 ? (
              <button
                type="button"
                disabled={pending}
                onClick={() => run(markAllAction, "All notices marked as read.", () => list.current)}
                className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
              >
                Mark all as read
              </button>
            ) : null}
          </div>
          <ul ref={list} tabIndex={-1} aria-label="Your notices, newest first" className="space-y-2">
            {notices.map((notice) => {
              const messageId = `${id}-${notice.id}-message`;
              const itemId = `${id}-${notice.id}`;
              return (
                <li
                  key={notice.id}
                  id={itemId}
                  tabIndex={-1}
                  className={`rounded-md border-l-4 p-3 ${notice.isRead ? "border-slate-200 bg-white" : "border-brand-600 bg-brand-50"}`}
                >
                  <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                    {notice.isRead ? null : <span className="rounded bg-brand-700 px-2 py-0.5 text-xs font-bold text-white">New</span>}
                    <time dateTime={notice.createdAt}>{notice.createdAtLabel}</time>
                  </p>
                  <p id={messageId} className={`mt-1 ${notice.isRead ? "" : "font-semibold"}`}>
                    {notice.message}
                  </p>
                  <div className="mt-2 flex flex-wrap items-center gap-4 text-sm">
                    {notice.link ? (
                      <Link href={notice.link} aria-describedby={messageId}>
                        Open
                      </Link>
                    ) : null}
                    {notice.isRead ? null : (
                      <button
                        type="button"
                        disabled={pending}
                        aria-describedby={messageId}
                        onClick={() => run(() => markOneAction({ noticeId: notice.id }), "Notice marked as read.", () => document.getElementById(itemId))}
                        className="rounded-md border border-slate-400 px-3 py-1 font-medium hover:bg-slate-100 disabled:opacity-60"
                      >
                        Mark as read
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
