"use client";

import { useFormContext, type Path } from "react-hook-form";
import { ChoiceGroupField } from "@/components/ui/form/choice-group-field";
import { TextareaField } from "@/components/ui/form/textarea-field";
import { FREE_TEXT_ANSWER_MAX_LENGTH, SCALE_MAX, SCALE_MIN, type ContributionFormInput, type QuestionSpec } from "@/lib/contributions/schema";

export type FormQuestion = QuestionSpec & { helpText: string | null };

const SCALE_VALUES = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, index) => String(SCALE_MIN + index));

/** The id of a question's first input: where the error summary's link takes the reader. */
export function questionInputId(question: Pick<QuestionSpec, "id" | "kind">): string {
  return question.kind === "FREE_TEXT" ? `question-${question.id}` : `question-${question.id}-0`;
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
  const name: Path<ContributionFormInput> = `answers.${question.id}`;
  const error = errors.answers?.[question.id]?.message;
  const frame = {
    id,
    hint: question.helpText,
    error: typeof error === "string" ? error : undefined,
    required: question.required,
  };
  const prompt = (
    <>
      <span className="sr-only">Question {number}: </span>
      {question.prompt}
    </>
  );

  if (question.kind === "FREE_TEXT") {
    return <TextareaField {...frame} label={prompt} rows={4} maxLength={FREE_TEXT_ANSWER_MAX_LENGTH * 2} {...register(name)} />;
  }

  const values = question.kind === "SCALE" ? SCALE_VALUES : question.options;
  return (
    <ChoiceGroupField
      {...frame}
      legend={prompt}
      // By position: the error summary links to the first.
      choices={values.map((value, index) => ({ value, label: value, id: `${id}-${index}` }))}
      type={question.kind === "MULTIPLE_CHOICE" ? "checkbox" : "radio"}
      inline={question.kind === "SCALE"}
      {...register(name)}
    />
  );
}
