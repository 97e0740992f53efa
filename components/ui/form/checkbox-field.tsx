import type { ComponentProps } from "react";
import { checkboxClass, controlAttributes, FieldError, FieldHint, type FieldFrame } from "@/components/ui/form/field";

type Props = Omit<FieldFrame, "required"> & Omit<ComponentProps<"input">, "id" | "type">;

/** A check box with its label after it, then its hint and error. */
export function CheckboxField({ id, label, hint, error, describedBy, ...input }: Props) {
  return (
    <div>
      <div className="flex items-start gap-3">
        <input {...controlAttributes(id, { hint, error, describedBy })} type="checkbox" className={checkboxClass} {...input} />
        <label htmlFor={id} className="text-slate-900">
          {label}
        </label>
      </div>
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldError id={id} message={error} />
    </div>
  );
}
