import type { ComponentProps } from "react";
import { controlClass, Field, type FieldFrame } from "@/components/ui/form/field";

type Props = FieldFrame & Omit<ComponentProps<"textarea">, "id" | "required">;

/** A labelled text area with its hint and error. */
export function TextareaField({ id, label, hint, error, required, describedBy, className = controlClass, ...textarea }: Props) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} describedBy={describedBy}>
      {(control) => <textarea {...control} className={className} {...textarea} />}
    </Field>
  );
}
