"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useWatch } from "react-hook-form";
import { FormDialog } from "@/components/moderation/form-dialog";
import { usePinnedHighlights } from "@/components/summaries/summary-editor-context";
import { CharacterCount } from "@/components/ui/form/character-count";
import { controlAttributes, controlClass, Field, FieldError } from "@/components/ui/form/field";
import { FormOutcome } from "@/components/ui/form/form-outcome";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { MarkdownContent } from "@/components/ui/markdown";
import type { ActionResult } from "@/lib/errors";
import type { SavedSummary } from "@/lib/summaries/save-summary";
import { HIGHLIGHTS_MAX, saveSummarySchema, SYNTHESIS_MAX, type SaveSummaryInput } from "@/lib/summaries/schema";

type Props = {
  slug: string;
  consultationId: string;
  /** The newest version when the page was rendered (0 for none): a save on top of a newer one is refused. */
  baseVersion: number;
  synthesis: string;
  /** Contributions counted now, for the publishing dialog. */
  total: number;
  action: (slug: string, input: SaveSummaryInput) => Promise<ActionResult<SavedSummary>>;
};

const referenceSchema = saveSummarySchema.shape.highlights.unwrap().element;
const FIELDS = ["synthesis", "highlights"] as const;

const secondaryButton = "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:opacity-50";

/**
 * The synthesis editor of the live summary: markdown with a preview, the
 * pinned highlights, and two ways to save: a new draft version, or a
 * published one (after a confirmation) that freezes the figures shown now.
 */
export function SummaryEditor({ slug, consultationId, baseVersion, synthesis, total, action }: Props) {
  const id = useId();
  const router = useRouter();
  const { pinned, pin, unpin, move } = usePinnedHighlights();
  const [preview, setPreview] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [published, setPublished] = useState<number | null>(null);
  const [reference, setReference] = useState("");
  const [referenceError, setReferenceError] = useState<string | undefined>();

  const {
    form,
    outcome,
    setOutcome,
    onSubmit: save,
  } = useActionForm({
    schema: saveSummarySchema,
    action: (values) => action(slug, values),
    // The text stays in the field as typed: nothing is lost on a conflict.
    fields: FIELDS,
    defaultValues: { consultationId, synthesis, highlights: pinned.map((entry) => entry.reference), baseVersion, publish: false },
    successMessage: "Saved.",
    onOutcome: () => setConfirming(false),
    onSuccess: (saved, { form }) => {
      form.setValue("baseVersion", saved.version);
      setPublished(saved.status === "PUBLISHED" ? saved.version : null);
      router.refresh();
    },
  });
  const {
    register,
    control,
    setValue,
    formState: { errors, isSubmitting },
  } = form;
  const text = useWatch({ control, name: "synthesis" }) ?? "";

  // The pinned list lives outside the form (Pin buttons all over the page):
  // it is copied in just before the form is checked.
  const prepare = (publish: boolean) => {
    setValue("highlights", pinned.map((entry) => entry.reference));
    setValue("publish", publish);
  };

  const saveDraft = () => {
    prepare(false);
    void save();
  };

  const askToPublish = async () => {
    prepare(true);
    setOutcome(null);
    if (await form.trigger(undefined, { shouldFocus: true })) setConfirming(true);
  };

  // A highlight moved to either end disables the button just pressed: focus
  // follows the highlight to its button that still works, once React has
  // rendered the new order (as in the consultation form's questions).
  const moveButtonId = (reference: string, direction: "up" | "down") => `${id}-${reference}-${direction}`;
  const onMove = (reference: string, by: -1 | 1) => {
    move(reference, by);
    const [same, other] = by < 0 ? (["up", "down"] as const) : (["down", "up"] as const);
    requestAnimationFrame(() => {
      const buttons = [same, other].map((direction) => document.getElementById(moveButtonId(reference, direction)));
      buttons.find((button) => button && !button.hasAttribute("disabled"))?.focus();
    });
  };

  const pinByReference = () => {
    const parsed = referenceSchema.safeParse(reference.toUpperCase());
    if (!parsed.success) {
      setReferenceError(parsed.error.issues[0]?.message);
      return;
    }
    setReferenceError(undefined);
    if (pin({ reference: parsed.data, title: "" })) setReference("");
  };

  const highlightsError = errors.highlights?.message ?? (Array.isArray(errors.highlights) ? errors.highlights.find(Boolean)?.message : undefined);

  return (
    <form onSubmit={(event) => event.preventDefault()} noValidate aria-labelledby={`${id}-title`} className="space-y-5">
      <h2 id={`${id}-title`} className="text-2xl font-bold">
        Write the synthesis
      </h2>
      <input type="hidden" {...register("consultationId")} />

      <div>
        <Field
          id="synthesis"
          label="Synthesis"
          hint={
            <>
              Markdown: a blank line between paragraphs, <code>##</code> for a heading, <code>-</code> for a list item, <code>**bold**</code>.
            </>
          }
          describedBy="synthesis-count"
          error={errors.synthesis?.message}
        >
          {(control) => (
            <>
              <textarea {...control} rows={14} className={`${controlClass} font-mono text-sm`} {...register("synthesis")} />
              <CharacterCount id="synthesis-count" count={text.length} max={SYNTHESIS_MAX} />
            </>
          )}
        </Field>
        <button type="button" aria-pressed={preview} onClick={() => setPreview(!preview)} className={`${secondaryButton} mt-2`}>
          Preview
        </button>
        {preview ? (
          <section aria-label="Preview of the synthesis" className="mt-3 rounded-md border border-slate-300 bg-slate-50 p-4">
            {text.trim() ? <MarkdownContent source={text} /> : <p className="text-slate-700">Nothing written yet.</p>}
          </section>
        ) : null}
      </div>

      <fieldset aria-describedby={`${id}-pinned-hint${highlightsError ? " summary-highlights-error" : ""}`}>
        <legend className="font-medium text-slate-900">Highlights</legend>
        <p id={`${id}-pinned-hint`} className="mt-1 text-sm text-slate-700">
          {pinned.length} of at most {HIGHLIGHTS_MAX} pinned. Pin contributions with the buttons beside the quotes, or by their reference.
        </p>
        {pinned.length > 0 ? (
          <ol className="mt-2 space-y-2">
            {pinned.map((entry, index) => (
              <li key={entry.reference} className="rounded-md border border-slate-200 p-2">
                <p className="text-sm">
                  <Link href={`/contributions/${entry.reference}`}>{entry.reference}</Link>
                  {entry.title ? <span className="text-slate-700"> — {entry.title.length > 90 ? `${entry.title.slice(0, 89)}…` : entry.title}</span> : null}
                </p>
                <div className="mt-1 flex flex-wrap gap-2">
                  <button
                    type="button"
                    id={moveButtonId(entry.reference, "up")}
                    className={secondaryButton}
                    disabled={index === 0}
                    onClick={() => onMove(entry.reference, -1)}
                  >
                    Up<span className="sr-only">: move {entry.reference} up</span>
                  </button>
                  <button
                    type="button"
                    id={moveButtonId(entry.reference, "down")}
                    className={secondaryButton}
                    disabled={index === pinned.length - 1}
                    onClick={() => onMove(entry.reference, 1)}
                  >
                    Down<span className="sr-only">: move {entry.reference} down</span>
                  </button>
                  <button type="button" className={secondaryButton} onClick={() => unpin(entry.reference)}>
                    Remove<span className="sr-only"> {entry.reference}</span>
                  </button>
                </div>
              </li>
            ))}
          </ol>
        ) : null}
        <FieldError id="summary-highlights" message={highlightsError} />
        <div className="mt-3">
          <label htmlFor={`${id}-reference`} className="block text-sm font-medium text-slate-900">
            Pin by reference
          </label>
          <div className="mt-1 flex gap-2">
            <input
              value={reference}
              onChange={(event) => setReference(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  pinByReference();
                }
              }}
              placeholder="AGR-2026-000123"
              {...controlAttributes(`${id}-reference`, { error: referenceError })}
              className={`${controlClass} mt-0 max-w-56`}
            />
            <button type="button" className={secondaryButton} onClick={pinByReference}>
              Pin
            </button>
          </div>
          <FieldError id={`${id}-reference`} message={referenceError} />
        </div>
      </fieldset>

      <FormOutcome outcome={outcome} hasFieldErrors={Boolean(errors.synthesis || errors.highlights)} />
      {published !== null ? (
        <p>
          <Link href={`/consultations/${slug}/summary?version=${published}`}>Read the published version {published}</Link>
        </p>
      ) : null}

      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={saveDraft} disabled={isSubmitting} className={`${secondaryButton} px-4 py-2 text-base`}>
          {isSubmitting && !confirming ? "Saving…" : "Save version"}
        </button>
        <button
          type="button"
          onClick={() => void askToPublish()}
          disabled={isSubmitting}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Publish…
        </button>
      </div>

      <FormDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Publish this summary?"
        description={
          <p>
            Everyone will read this synthesis and its {pinned.length} {pinned.length === 1 ? "highlight" : "highlights"} with the figures and themes of
            the {total} {total === 1 ? "contribution" : "contributions"} approved now. Those figures stay as published until the summary is published
            again; earlier versions remain readable.
          </p>
        }
      >
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            onClick={() => void save()}
            disabled={isSubmitting}
            className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {isSubmitting ? "Publishing…" : "Publish now"}
          </button>
          <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-400 px-4 py-2 font-medium hover:bg-slate-100">
            Cancel
          </button>
        </div>
      </FormDialog>
    </form>
  );
}
