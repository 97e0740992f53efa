"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type PathValue, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/admin/form-fields";
import { slugify } from "@/lib/vocabulary/admin-fields";
import type { ActionResult } from "@/lib/errors";

type Titled = FieldValues & { title: string; slug: string };

type Options<T extends Titled, R> = {
  schema: z.ZodType<unknown, T>;
  defaultValues: T;
  /** The record's id when editing; absent when creating. */
  id?: string;
  action: (input: T & { id?: string }) => Promise<ActionResult<R>>;
  /** Whether a server error key names a field of the form (else it joins the form's message). */
  isField: (name: string) => boolean;
  /** The values the form holds after a successful save (for example with ids the server gave). */
  afterSave?: (values: T, saved: R) => T;
};

/**
 * An admin form for a record with a title and a slug, checked in the browser
 * with the schema its server action parses again. The action's field errors
 * land on the fields; a new record's slug follows its title until the slug
 * is edited by hand.
 */
export function useAdminForm<T extends Titled, R>({ schema, defaultValues, id, action, isField, afterSave }: Options<T, R>) {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  // zodResolver infers its types from a concrete schema; over a generic one
  // TypeScript cannot follow, so they are stated here.
  const resolver = zodResolver(schema as z.ZodType<unknown, FieldValues>) as unknown as Resolver<T>;
  const form = useForm<T>({ resolver, defaultValues: defaultValues as DefaultValues<T> });

  const onSubmit = form.handleSubmit(async () => {
    setOutcome(null);
    // The raw values, not the parsed ones: the action parses them with the same schema.
    const values = form.getValues();
    const result = await action(id ? { ...values, id } : values);
    // A successful creation redirects to the edit page and resolves to nothing.
    if (!result) return;
    if (result.ok) {
      form.reset(afterSave ? afterSave(values, result.data) : values);
      setOutcome({ ok: true, message: result.message ?? "Saved." });
      return;
    }
    const message = applyServerErrors(result, isField, (name, text, focus) =>
      form.setError(name as Path<T>, { type: "server", message: text }, { shouldFocus: focus }),
    );
    setOutcome({ ok: false, message });
  });

  const titleField = form.register("title" as Path<T>, {
    onChange: (event: { target: { value: string } }) => {
      if (!id && !form.getFieldState("slug" as Path<T>).isDirty) {
        form.setValue("slug" as Path<T>, slugify(event.target.value) as PathValue<T, Path<T>>);
      }
    },
  });

  return { form, outcome, onSubmit, titleField };
}
