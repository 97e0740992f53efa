"use client";

import { useFormContext, type Path } from "react-hook-form";
import { FieldError, inputClass } from "@/components/accounts/form-controls";
import { FREE_TEXT_ANSWER_MAX_LENGTH, SCALE_MAX, SCALE_MIN, type ContributionFormInput, type QuestionSpec } from "@/lib/contributions/schema";

export type FormQuestion = QuestionSpec & { helpText: string | null };

const SCALE_VALUES = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, index) => String(SCALE_MIN + index));

/** The id of a question's first input: where the error summary's link takes the reader. */
export function questionInputId(question: Pick<QuestionSpec, "id" | "kind">): string {
  return question.kind === "FREE_TEXT" ? `question-${question.id}` : `question-${question.id}-0`;
}

function Optional({ required }: { required: boolean }) {
  return required ? null : <span className="font-normal text-slate-700"> (optional)</span>;
}

/**
 * One of the consultation's questions, rendered by its kind: a text area for
 * free text, radio buttons for a single choice or a scale, check boxes for a
 * multiple choice; every group a fieldset named by its legend.
 */
export function QuestionField({ question, number }: { question: FormQuestion; number: number }) {
  const {
    register,
    formState: { errors },
  } = useFormContext<ContributionFormInput>();
  const id = `question-${question.id}`;
  const name = `answers.${question.id}` as Path<ContributionFormInput>;
  const error = errors.answers?.[question.id]?.message;
  const message = typeof error === "string" ? error : undefined;
  const hintId = question.helpText ? `${id}-hint` : null;
  const describedBy = [hintId, message ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const prompt = (
    <>
      <span className="sr-only">Question {number}: </span>
      {question.prompt}
      <Optional required={question.required} />
    </>
  );
  const hint = question.helpText ? (
    <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
      {question.helpText}
    </p>
  ) : null;

  if (question.kind === "FREE_TEXT") {
    return (
      <div>
        <label htmlFor={id} className="block font-medium text-slate-900">
          {prompt}
        </label>
        {hint}
        <textarea
          id={id}
          rows={4}
          maxLength={FREE_TEXT_ANSWER_MAX_LENGTH * 2}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy}
          aria-required={question.required || undefined}
          className={inputClass}
          {...register(name)}
        />
        <FieldError id={id} message={message} />
      </div>
    );
  }

  const multiple = question.kind === "MULTIPLE_CHOICE";
  const choices = question.kind === "SCALE" ? SCALE_VALUES.map((value) => ({ value, label: value })) : question.options.map((option) => ({ value: option, label: option }));
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="font-medium text-slate-900">{prompt}</legend>
      {hint}
      <div className={question.kind === "SCALE" ? "mt-2 flex flex-wrap gap-x-6 gap-y-2" : "mt-2 space-y-2"}>
        {choices.map((choice, index) => (
          <div key={choice.value} className="flex items-center gap-2">
            <input
              id={`${id}-${index}`}
              type={multiple ? "checkbox" : "radio"}
              value={choice.value}
              className="h-5 w-5 shrink-0 accent-brand-600"
              {...register(name)}
            />
            <label htmlFor={`${id}-${index}`}>{choice.label}</label>
          </div>
        ))}
      </div>
      <FieldError id={id} message={message} />
    </fieldset>
  );
}
