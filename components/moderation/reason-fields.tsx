import type { UseFormRegisterReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/form/select-field";
import { TextareaField } from "@/components/ui/form/textarea-field";
import { NOTE_MAX, REASON_TEXT_MAX } from "@/lib/moderation/schema";
import type { RejectionReasonOption } from "@/lib/rejection-reasons/find-active-rejection-reasons";

type Registered = { field: UseFormRegisterReturn; error?: string };

const EXPLANATION_HINT = `In your own words, at most ${REASON_TEXT_MAX.toLocaleString("en")} characters.`;

/** The fields of a form with reasons, where the action's field errors go back. */
export const REASON_FIELDS = ["reasonId", "reasonText", "note"] as const;

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
  // Either field is enough, so neither is required on its own (nor marked
  // optional): the group says that one of the two is needed (and the error,
  // if neither is given, sits under the first).
  return (
    <div className="space-y-4">
      <fieldset className="space-y-4">
        <legend className="font-medium text-slate-900">
          What the author is told: a reason from the list, an explanation, or both. One of the two is needed.
        </legend>
        <SelectField
          id={`${idPrefix}-reason`}
          label="Reason"
          placeholder="No reason from the list"
          options={reasons.map((reason) => ({ value: reason.id, label: reason.label }))}
          error={reasonId.error}
          {...reasonId.field}
        />
        <TextareaField
          id={`${idPrefix}-reason-text`}
          label="Explanation for the author"
          hint={EXPLANATION_HINT}
          rows={3}
          maxLength={REASON_TEXT_MAX}
          error={reasonText.error}
          {...reasonText.field}
        />
      </fieldset>
      <TextareaField
        id={`${idPrefix}-note`}
        label="Internal note"
        hint="Only moderators read it."
        rows={2}
        maxLength={NOTE_MAX}
        error={note.error}
        required={false}
        {...note.field}
      />
    </div>
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
