import type { ComponentProps } from "react";
import { controlClass, Field, type FieldFrame } from "@/components/ui/form/field";

export type SelectOption = { value: string; label: string };

type Props = FieldFrame &
  Omit<ComponentProps<"select">, "id" | "required" | "children"> & {
    options: readonly SelectOption[];
    /** The text of an empty first option; none without it. */
    placeholder?: string;
  };

/** A labelled select with its hint and error. */
export function SelectField({ id, label, hint, error, required, describedBy, options, placeholder, ...select }: Props) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} describedBy={describedBy}>
      {(control) => (
        <select {...control} className={controlClass} {...select}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
