"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { CheckboxField } from "@/components/ui/form/checkbox-field";
import { SelectField } from "@/components/ui/form/select-field";
import { TextareaField } from "@/components/ui/form/textarea-field";
import { TextField } from "@/components/ui/form/text-field";
import { QUESTION_KIND_LABELS } from "@/lib/vocabulary/statuses";
import { isChoiceKind, type ConsultationInput, type QuestionInput } from "@/lib/consultations/schema";
import { QuestionKind } from "@/lib/generated/prisma/enums";

type Props = {
  index: number;
  count: number;
  /** The field array's key for this question, stable across moves: ids of controls and buttons. */
  fieldKey: string;
  question: QuestionInput;
  register: UseFormRegister<ConsultationInput>;
  errors: FieldErrors<ConsultationInput>;
  /** Contributions exist: only the wording can change. */
  locked: boolean;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
  onKindChange: (index: number, kind: QuestionKind) => void;
};

const buttonClass = "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-50";

const KIND_OPTIONS = Object.values(QuestionKind).map((kind) => ({ value: kind, label: `${QUESTION_KIND_LABELS[kind]}${kind === "SCALE" ? " (1 to 5)" : ""}` }));

const KIND_HINTS: Record<QuestionKind, string> = {
  FREE_TEXT: "Answered in the participant's own words.",
  SINGLE_CHOICE: "One answer among the choices.",
  MULTIPLE_CHOICE: "Any number of answers among the choices.",
  SCALE: "An answer from 1 to 5.",
};

/** One question of the consultation form, with its move and remove buttons. */
export function QuestionFields({ index, count, fieldKey, question, register, errors, locked, onMove, onRemove, onKindChange }: Props) {
  const number = index + 1;
  const id = (name: string) => `question-${fieldKey}-${name}`;
  const questionErrors = errors.questions?.[index];
  const choice = isChoiceKind(question.kind);

  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-300 p-4" aria-describedby={locked ? "questions-locked" : undefined}>
      <legend id={id("legend")} tabIndex={-1} className="px-1 font-semibold">
        Question {number}
      </legend>
      {/* Kept in the form so that a saved question keeps its id. */}
      <input type="hidden" {...register(`questions.${index}.id`)} />
      {locked ? (
        <p className="text-sm text-slate-700">
          {QUESTION_KIND_LABELS[question.kind]} · {question.required ? "Answer required" : "Answer optional"}
          {choice ? ` · Choices: ${String(question.options).split(/\r?\n/).filter(Boolean).join("; ")}` : ""}
        </p>
      ) : (
        <SelectField
          id={id("kind")}
          label="Kind of question"
          hint={KIND_HINTS[question.kind]}
          options={KIND_OPTIONS}
          error={questionErrors?.kind?.message}
          required
          {...register(`questions.${index}.kind`, { onChange: (event: { target: { value: QuestionKind } }) => onKindChange(index, event.target.value) })}
        />
      )}
      <TextField id={id("prompt")} label="Question" type="text" error={questionErrors?.prompt?.message} required {...register(`questions.${index}.prompt`)} />
      <TextField
        id={id("help")}
        label="Help text"
        hint="Shown under the question, for example what the scale's ends mean."
        type="text"
        error={questionErrors?.helpText?.message}
        required={false}
        {...register(`questions.${index}.helpText`)}
      />
      {choice && !locked ? (
        <TextareaField
          id={id("options")}
          label="Choices"
          hint="One choice a line, at least two."
          rows={4}
          error={questionErrors?.options?.message}
          required
          {...register(`questions.${index}.options`)}
        />
      ) : null}
      {locked ? null : (
        <CheckboxField id={id("required")} label="An answer is required" error={questionErrors?.required?.message} {...register(`questions.${index}.required`)} />
      )}
      {locked ? null : (
        <div className="flex flex-wrap gap-2">
          <button type="button" id={id("up")} className={buttonClass} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
            Move up<span className="sr-only"> question {number}</span>
          </button>
          <button type="button" id={id("down")} className={buttonClass} disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
            Move down<span className="sr-only"> question {number}</span>
          </button>
          <button type="button" className={`${buttonClass} text-red-800`} onClick={() => onRemove(index)}>
            Remove<span className="sr-only"> question {number}</span>
          </button>
        </div>
      )}
    </fieldset>
  );
}
