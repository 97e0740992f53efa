import type { UseFormRegisterReturn } from "react-hook-form";
import { applyServerErrors, controlAttributes, controlClass, ErrorText, Field, HintText } from "@/components/admin/form-fields";
import type { ActionResult } from "@/lib/errors";
import { NOTE_MAX, REASON_TEXT_MAX } from "@/lib/moderation/schema";
import type { RejectionReasonOption } from "@/lib/rejection-reasons/find-active-rejection-reasons";

type Registered = { field: UseFormRegisterReturn; error?: string };

const EXPLANATION_HINT = `In your own words, at most ${REASON_TEXT_MAX.toLocaleString("en")} characters.`;

type Props = {
  idPrefix: string;
  reasons: RejectionReasonOption[];
  reasonId: Registered;
  reasonText: Registered;
  note: Registered;
};

/**
 * Why a contribution is rejected or hidden, as its author will read it (a
 * reason from the administrators' list, own words, or both), and a note
 * only moderators read.
 */
export function ReasonFields({ idPrefix, reasons, reasonId, reasonText, note }: Props) {
  // Either field is enough, so neither is required on its own: the group says
  // that one of the two is needed (and the error, if neither is given, sits
  // under the first).
  const listed = controlAttributes(`${idPrefix}-reason`, { error: reasonId.error });
  const explained = controlAttributes(`${idPrefix}-reason-text`, { hint: EXPLANATION_HINT, error: reasonText.error });
  return (
    <div className="space-y-4">
      <fieldset className="space-y-4">
        <legend className="font-medium text-slate-900">
          What the author is told: a reason from the list, an explanation, or both. One of the two is needed.
        </legend>
        <div>
          <label htmlFor={listed.id} className="block font-medium text-slate-900">
            Reason
          </label>
          <select {...listed} {...reasonId.field} className={controlClass}>
            <option value="">No reason from the list</option>
            {reasons.map((reason) => (
              <option key={reason.id} value={reason.id}>
                {reason.label}
              </option>
            ))}
          </select>
          <ErrorText id={listed.id} error={reasonId.error} />
        </div>
        <div>
          <label htmlFor={explained.id} className="block font-medium text-slate-900">
            Explanation for the author
          </label>
          <HintText id={explained.id} hint={EXPLANATION_HINT} />
          <textarea {...explained} {...reasonText.field} rows={3} maxLength={REASON_TEXT_MAX} className={controlClass} />
          <ErrorText id={explained.id} error={reasonText.error} />
        </div>
      </fieldset>
      <Field id={`${idPrefix}-note`} label="Internal note" hint="Only moderators read it." error={note.error}>
        {(control) => <textarea {...control} {...note.field} rows={2} maxLength={NOTE_MAX} className={controlClass} />}
      </Field>
    </div>
  );
}

const REASON_FIELD_NAMES = ["reasonId", "reasonText", "note"] as const;
type ReasonFieldName = (typeof REASON_FIELD_NAMES)[number];

/** Puts a refused decision's field errors on these fields; returns the rest of the message. */
export function applyReasonErrors(
  result: ActionResult<unknown>,
  setError: (name: ReasonFieldName, error: { message: string }, options: { shouldFocus: boolean }) => void,
): string {
  return applyServerErrors(
    result,
    (name) => (REASON_FIELD_NAMES as readonly string[]).includes(name),
    (name, message, focus) => setError(name as ReasonFieldName, { message }, { shouldFocus: focus }),
  );
}

/** Send and Cancel of a form with reasons. */
export function ReasonFormButtons({ label, busyLabel, submitting, onCancel }: { label: string; busyLabel: string; submitting: boolean; onCancel: () => void }) {
  return (
    <div className="flex flex-wrap gap-3">
      <button type="submit" disabled={submitting} className="rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60">
        {submitting ? busyLabel : label}
      </button>
      <button type="button" onClick={onCancel} className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium hover:bg-slate-100">
        Cancel
      </button>
    </div>
  );
}
