"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { ActionResult } from "@/lib/errors";
import { FlagReason } from "@/lib/generated/prisma/enums";
import { FLAG_COMMENT_MAX_LENGTH, FLAG_REASON_LABELS, flagContributionSchema, type FlagContributionInput } from "@/lib/flags/schema";

type Props = {
  reference: string;
  action: (input: FlagContributionInput) => Promise<ActionResult>;
};

type Outcome = { ok: boolean; message: string };

/** Report a contribution to the moderators: folded away until asked for. */
export function FlagForm({ reference, action }: Props) {
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(flagContributionSchema), defaultValues: { reference, comment: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setOutcome(null);
    const result = await action(values);
    if (!result.ok) {
      for (const field of ["reason", "comment"] as const) {
        const message = result.fieldErrors?.[field]?.[0];
        if (message) setError(field, { message });
      }
    }
    setOutcome({ ok: result.ok, message: result.message ?? "Thank you for your report." });
  });

  const reasonError = errors.reason?.message;
  const commentError = errors.comment?.message;
  const done = outcome?.ok === true;

  return (
    <details className="max-w-3xl rounded-lg border border-slate-300 p-4 open:bg-slate-50">
      <summary className="cursor-pointer font-medium">Report this contribution</summary>
      {done ? null : (
        <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
          <p className="text-sm text-slate-700">
            Tell the moderators if this contribution breaks the participation rules. They will review it; the author is not told who
            reported it.
          </p>
          <input type="hidden" {...register("reference")} />
          <fieldset aria-describedby={reasonError ? `${id}-reason-error` : undefined}>
            <legend className="font-medium">Why are you reporting it?</legend>
            <div className="mt-2 space-y-1">
              {Object.values(FlagReason).map((reason) => (
                <div key={reason} className="flex items-center gap-2">
                  <input
                    id={`${id}-${reason}`}
                    type="radio"
                    value={reason}
                    className="h-4 w-4"
                    {...register("reason")}
                  />
                  <label htmlFor={`${id}-${reason}`}>{FLAG_REASON_LABELS[reason]}</label>
                </div>
              ))}
            </div>
            {reasonError ? (
              <p id={`${id}-reason-error`} className="mt-1 text-sm font-medium text-red-800">
                <span className="sr-only">Error: </span>
                {reasonError}
              </p>
            ) : null}
          </fieldset>
          <div>
            <label htmlFor={`${id}-comment`} className="block font-medium">
              Comment <span className="font-normal text-slate-700">(required for “{FLAG_REASON_LABELS.OTHER}”)</span>
            </label>
            <p id={`${id}-comment-hint`} className="text-sm text-slate-700">
              What is wrong with it? At most {FLAG_COMMENT_MAX_LENGTH.toLocaleString("en")} characters.
            </p>
            <textarea
              id={`${id}-comment`}
              rows={3}
              maxLength={FLAG_COMMENT_MAX_LENGTH}
              aria-invalid={commentError ? true : undefined}
              aria-describedby={commentError ? `${id}-comment-hint ${id}-comment-error` : `${id}-comment-hint`}
              className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2"
              {...register("comment")}
            />
            {commentError ? (
              <p id={`${id}-comment-error`} className="mt-1 text-sm font-medium text-red-800">
                <span className="sr-only">Error: </span>
                {commentError}
              </p>
            ) : null}
          </div>
          <button
            type="submit"
            disabled={isSubmitting}
            className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {isSubmitting ? "Sending…" : "Send report"}
          </button>
        </form>
      )}
      <p role="status" className="mt-3 font-medium text-green-900">
        {done ? outcome.message : null}
      </p>
      {outcome && !outcome.ok ? (
        <p role="alert" className="mt-3 font-medium text-red-800">
          {outcome.message}
        </p>
      ) : null}
    </details>
  );
}
