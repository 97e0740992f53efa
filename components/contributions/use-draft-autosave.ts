"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ContributionFormInput, DraftData, SaveDraftInput } from "@/lib/contributions/schema";
import type { ActionResult } from "@/lib/errors";

// Saves the form as a draft on the server 1.5 s after typing stops and when
// a field loses focus. One save at a time: a change made while a save is on
// its way is saved right after it. Submitting stops the saving first, so a
// late save cannot bring back the draft the submission deleted.

const DEBOUNCE_MS = 1_500;

/** The server action that keeps the draft (saveDraftAction). */
export type SaveDraft = (input: SaveDraftInput) => Promise<ActionResult<{ savedAt: string }>>;

export type DraftStatus = { kind: "saved"; at: Date; restored: boolean } | { kind: "failed"; message: string } | { kind: "discarded" } | null;

function toDraftData(values: ContributionFormInput): DraftData {
  return {
    title: values.title,
    body: values.body,
    answers: Object.fromEntries(Object.entries(values.answers ?? {}).filter((entry): entry is [string, NonNullable<(typeof entry)[1]>] => entry[1] !== undefined)),
    language: values.language,
    publication: values.publication,
    attachmentIds: values.attachmentIds ?? [],
  };
}

export function useDraftAutosave(options: {
  /** Where the draft belongs and how it is saved; null turns saving off (editing a submitted contribution). */
  draft: { consultationId: string; saveDraft: SaveDraft } | null;
  getValues: () => ContributionFormInput;
  savedAt: Date | null;
}) {
  const { getValues } = options;
  const consultationId = options.draft?.consultationId ?? null;
  const saveDraft = options.draft?.saveDraft;
  const [status, setStatus] = useState<DraftStatus>(options.savedAt ? { kind: "saved", at: options.savedAt, restored: true } : null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const dirty = useRef(false);
  const stopped = useRef(false);

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (!consultationId || !saveDraft) return;
    while (inFlight.current) await inFlight.current;
    if (!dirty.current || stopped.current) return;
    dirty.current = false;
    const request = saveDraft({ consultationId, data: toDraftData(getValues()) }).then(
      (result) => {
        if (result.ok) setStatus({ kind: "saved", at: new Date(result.data.savedAt), restored: false });
        else {
          dirty.current = true;
          setStatus({ kind: "failed", message: result.message });
        }
      },
      () => {
        dirty.current = true;
        setStatus({ kind: "failed", message: "Your draft could not be saved: the connection failed. It will be saved again when you next type." });
      },
    );
    inFlight.current = request;
    await request;
    inFlight.current = null;
  }, [consultationId, saveDraft, getValues]);

  useEffect(() => () => clearTimeout(timer.current), []);

  /** The form changed: save once typing pauses. */
  const changed = useCallback(() => {
    if (!consultationId || stopped.current) return;
    dirty.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
  }, [consultationId, save]);

  /** A field lost focus: save now if anything changed. */
  const flush = useCallback(() => void save(), [save]);

  /** Before submitting: no more saves, and the one on its way has landed. */
  const stop = useCallback(async () => {
    stopped.current = true;
    clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current;
  }, []);

  /** The submission failed: the form is still a draft, and what was not saved yet is saved soon. */
  const resume = useCallback(() => {
    stopped.current = false;
    if (dirty.current) timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
  }, [save]);

  /** The draft was thrown away: start again from a clean form. */
  const restart = useCallback(() => {
    dirty.current = false;
    stopped.current = false;
    setStatus({ kind: "discarded" });
  }, []);

  return { status, changed, flush, stop, resume, restart };
}
