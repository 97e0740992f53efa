import type { ComponentProps } from "react";
import { controlClass, Field, type FieldFrame } from "@/components/ui/form/field";

type Props = FieldFrame & Omit<ComponentProps<"input">, "id" | "required">;

/** A labelled input (text, e-mail, password, date…) with its hint and error. */
export function TextField({ id, label, hint, error, required, describedBy, ...input }: Props) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} describedBy={describedBy}>
      {(control) => <input {...control} className={controlClass} {...input} />}
    </Field>
  );
}
