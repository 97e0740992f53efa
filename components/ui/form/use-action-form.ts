"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors, type ServerFields } from "@/components/ui/form/apply-server-errors";
import type { Outcome } from "@/components/ui/form/form-outcome";
import type { ActionResult } from "@/lib/errors";

type Options<Input extends FieldValues, Output, Data> = {
  /** The schema the server action parses with too. */
  schema: z.ZodType<Output, Input>;
  /**
   * The server action, passed down by the page. It gets the values as they
   * are in the form: it parses them with the same schema.
   */
  action: (values: Input) => Promise<ActionResult<Data>>;
  /** The form's fields: a server error for any other key is said for the whole form. */
  fields: ServerFields<Input>;
  defaultValues?: DefaultValues<Input>;
  /** Values that follow the props (a row of a list that the page refreshes). */
  values?: Input;
  /** The confirmation when the action gives none. */
  successMessage?: string;
  /** What the form says before anything is sent (a notice after a redirect). */
  initialOutcome?: Outcome | null;
  /** After a success, once the confirmation is set: reset the form, refresh the page, move on. */
  onSuccess?: (data: Data, context: { values: Input; message: string; form: UseFormReturn<Input, unknown, Output> }) => unknown;
  /** Every outcome, also to be announced elsewhere (the live region of a list). */
  onOutcome?: (outcome: Outcome) => void;
  /** False when the form moves the focus itself (to an error summary). */
  focusErrors?: boolean;
};

/**
 * A react-hook-form form validated with the same zod schema as its server
 * action: the browser checks first, the action checks again, and the
 * action's field errors land back on the fields. `outcome` holds what the
 * form says as a whole: the confirmation, or the error.
 */
export function useActionForm<Input extends FieldValues, Output, Data>({
  schema,
  action,
  fields,
  defaultValues,
  values,
  successMessage = "",
  initialOutcome = null,
  onSuccess,
  onOutcome,
  focusErrors = true,
}: Options<Input, Output, Data>) {
  const [outcome, setOutcome] = useState<Outcome | null>(initialOutcome);
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(schema), defaultValues, values, shouldFocusError: focusErrors });

  const settle = (next: Outcome) => {
    setOutcome(next);
    onOutcome?.(next);
  };

  const onSubmit = form.handleSubmit(async () => {
    setOutcome(null);
    const sent = form.getValues();
    const result = await action(sent);
    // An action that redirects answers nothing: the next page is on its way.
    if (!result) return;
    if (!result.ok) {
      settle({ ok: false, message: applyServerErrors(result, form.setError, fields, { focus: focusErrors }) });
      return;
    }
    const message = result.message ?? successMessage;
    settle({ ok: true, message });
    await onSuccess?.(result.data, { values: sent, message, form });
  });

  return { form, outcome, setOutcome, onSubmit };
}
