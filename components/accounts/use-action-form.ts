"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { applyActionErrors } from "@/components/accounts/form-controls";
import type { ActionResult } from "@/lib/errors";

export type Outcome = { ok: boolean; message: string };

type Options<S extends z.ZodType<unknown, FieldValues>> = {
  schema: S;
  action: (values: z.output<S>) => Promise<ActionResult>;
  /** The form's fields: a server error for any other key is shown for the whole form. */
  fields: readonly Path<z.input<S>>[];
  defaultValues?: DefaultValues<z.input<S>>;
  onSuccess?: () => unknown;
};

/**
 * A react-hook-form form validated with the same zod schema as its server
 * action: the browser checks first, the action checks again, and the
 * action's field errors land back on the fields. `outcome` holds the
 * message for the form as a whole.
 */
export function useActionForm<S extends z.ZodType<unknown, FieldValues>>({ schema, action, fields, defaultValues, onSuccess }: Options<S>) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // zodResolver infers its types from a concrete schema; over a generic one
  // TypeScript cannot follow, so the (correct) types are stated here.
  const resolver = zodResolver(schema) as unknown as Resolver<z.input<S>, unknown, z.output<S>>;
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver, defaultValues });
  const onSubmit = form.handleSubmit(async (values) => {
    setOutcome(null);
    const result = await action(values);
    const problem = applyActionErrors(result, form.setError, fields);
    setOutcome(problem ? { ok: false, message: problem } : { ok: true, message: result.message ?? "" });
    if (!problem) await onSuccess?.();
  });
  return { form, outcome, onSubmit };
}
