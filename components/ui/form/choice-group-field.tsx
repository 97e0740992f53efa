import type { ComponentProps, ReactNode } from "react";
import { descriptionIds, FieldError, FieldHint, OptionalMarker, type FieldFrame } from "@/components/ui/form/field";

export type Choice = {
  value: string;
  label: ReactNode;
  /** The input's id; "<group id>-<value>" without it. */
  id?: string;
};

type Props = Omit<FieldFrame, "label"> &
  Omit<ComponentProps<"input">, "id" | "type" | "value" | "required"> & {
    legend: ReactNode;
    choices: readonly Choice[];
    /** Radio buttons (one answer) or check boxes (any number). */
    type?: "radio" | "checkbox";
    /** Side by side (a scale) rather than one under the other. */
    inline?: boolean;
  };

/**
 * A group of radio buttons or check boxes: a fieldset named by its legend,
 * described by its hint and its error. The registered field goes to every
 * input of the group.
 */
export function ChoiceGroupField({ id, legend, hint, error, required, describedBy, choices, type = "radio", inline = false, ...input }: Props) {
  return (
    <fieldset aria-describedby={descriptionIds(id, { hint, error, describedBy })}>
      <legend className="font-medium text-slate-900">
        {legend}
        <OptionalMarker required={required} />
      </legend>
      <FieldHint id={id}>{hint}</FieldHint>
      <div className={inline ? "mt-2 flex flex-wrap gap-x-6 gap-y-2" : "mt-2 space-y-2"}>
        {choices.map((choice) => {
          const choiceId = choice.id ?? `${id}-${choice.value}`;
          return (
            <div key={choice.value} className="flex items-start gap-3">
              <input id={choiceId} type={type} value={choice.value} className="mt-1 h-5 w-5 shrink-0 accent-brand-600" {...input} />
              <label htmlFor={choiceId}>{choice.label}</label>
            </div>
          );
        })}
      </div>
      <FieldError id={id} message={error} />
    </fieldset>
  );
}
