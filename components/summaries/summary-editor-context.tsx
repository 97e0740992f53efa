"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { HIGHLIGHTS_MAX } from "@/lib/summaries/schema";

// The highlights a moderator pins while reading the live summary. The
// provider wraps the whole page, so a Pin button beside any quote adds to the
// list the synthesis editor saves.

export type PinnedContribution = {
  reference: string;
  /** What the moderator saw when pinning (a title or a quote); empty when pinned by reference. */
  title: string;
};

type PinnedHighlights = {
  pinned: PinnedContribution[];
  isPinned: (reference: string) => boolean;
  /** False, with the reason announced, when the list is full. */
  pin: (contribution: PinnedContribution) => boolean;
  unpin: (reference: string) => void;
  move: (reference: string, by: -1 | 1) => void;
  /** Said politely to screen readers: what the last action did. */
  announce: (message: string) => void;
};

const PinnedHighlightsContext = createContext<PinnedHighlights | null>(null);

export function usePinnedHighlights(): PinnedHighlights {
  const context = useContext(PinnedHighlightsContext);
  if (!context) throw new Error("usePinnedHighlights needs a SummaryEditorProvider around it");
  return context;
}

export function SummaryEditorProvider({ initial, children }: { initial: PinnedContribution[]; children: ReactNode }) {
  const [pinned, setPinned] = useState<PinnedContribution[]>(initial);
  const [announcement, setAnnouncement] = useState("");

  const pin = useCallback(
    (contribution: PinnedContribution) => {
      if (pinned.some((entry) => entry.reference === contribution.reference)) return true;
      if (pinned.length >= HIGHLIGHTS_MAX) {
        setAnnouncement(`You can pin at most ${HIGHLIGHTS_MAX} contributions: remove one before pinning ${contribution.reference}.`);
        return false;
      }
      setPinned([...pinned, contribution]);
      setAnnouncement(`${contribution.reference} pinned as highlight ${pinned.length + 1} of at most ${HIGHLIGHTS_MAX}.`);
      return true;
    },
    [pinned],
  );

  const unpin = useCallback((reference: string) => {
    setPinned((current) => current.filter((entry) => entry.reference !== reference));
    setAnnouncement(`${reference} is no longer pinned.`);
  }, []);

  const move = useCallback(
    (reference: string, by: -1 | 1) => {
      const from = pinned.findIndex((entry) => entry.reference === reference);
      const to = from + by;
      if (from < 0 || to < 0 || to >= pinned.length) return;
      const next = [...pinned];
      const [moved] = next.splice(from, 1);
      if (moved) next.splice(to, 0, moved);
      setPinned(next);
      setAnnouncement(`${reference} moved to position ${to + 1} of ${next.length}.`);
    },
    [pinned],
  );

  const value = useMemo<PinnedHighlights>(
    () => ({ pinned, isPinned: (reference) => pinned.some((entry) => entry.reference === reference), pin, unpin, move, announce: setAnnouncement }),
    [pinned, pin, unpin, move],
  );

  return (
    <PinnedHighlightsContext.Provider value={value}>
      {children}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </PinnedHighlightsContext.Provider>
  );
}

/** A toggle beside a quote or a contribution in the live view: pins it as a highlight of the synthesis, or unpins it. */
export function PinButton({ reference, title }: { reference: string; title: string }) {
  const { isPinned, pin, unpin } = usePinnedHighlights();
  const pressed = isPinned(reference);
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={() => (pressed ? unpin(reference) : pin({ reference, title }))}
      className={`no-print rounded-md border px-2 py-1 text-sm font-medium ${
        pressed ? "border-brand-700 bg-brand-700 text-white hover:bg-brand-800" : "border-brand-600 bg-white text-brand-700 hover:bg-brand-50"
      }`}
    >
      {pressed ? <span aria-hidden="true">✓ </span> : null}
      Pin<span className="sr-only"> {reference}</span> as highlight
    </button>
  );
}
