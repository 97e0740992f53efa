"use client";

import { createContext, use, useState, type ReactNode } from "react";

// One polite live region for the moderation pages, in their layout: a
// decision moves on to the next contribution, and the layout stays while the
// page changes, so what was done ("Approved AGR-…. Next: …") is still read
// out and still on screen on the next page.

export type Announcement = { ok: boolean; message: string };

const AnnounceContext = createContext<(announcement: Announcement) => void>(() => {});

export function useAnnounce(): (announcement: Announcement) => void {
  return use(AnnounceContext);
}

export function ModerationAnnouncer({ children }: { children: ReactNode }) {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  return (
    <AnnounceContext value={setAnnouncement}>
      <p
        id="moderation-status"
        role="status"
        className={`min-h-6 font-medium ${announcement?.ok === false ? "text-red-800" : "text-green-900"}`}
      >
        {announcement?.message}
      </p>
      {children}
    </AnnounceContext>
  );
}
