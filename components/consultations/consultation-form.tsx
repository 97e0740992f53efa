"use client";

import { useState } from "react";
import { useFieldArray, useWatch, type Path } from "react-hook-form";
import { slugFollowingTitle, TitleSlugFields } from "@/components/admin/title-slug-fields";
import { ZonedDateRangeFields } from "@/components/conferences/zoned-date-range-fields";
import { QuestionFields } from "@/components/consultations/question-fields";
import { controlClass, FieldError } from "@/components/ui/form/field";
import { FormOutcome } from "@/components/ui/form/form-outcome";
import { SelectField } from "@/components/ui/form/select-field";
import { SubmitButton } from "@/components/ui/form/submit-button";
import { TextareaField } from "@/components/ui/form/textarea-field";
import { TextField } from "@/components/ui/form/text-field";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { CONSULTATION_FIELDS, consultationSchema, isChoiceKind, MAX_QUESTIONS, type ConsultationInput } from "@/lib/consultations/schema";
import type { ActionResult } from "@/lib/errors";
import type { QuestionKind } from "@/lib/generated/prisma/enums";

export type ConferenceOption = { id: string; title: string; timeZone: string };

type Saved = { id: string; questionIds?: string[] };

type Props = {
  /** Absent for a new consultation. */
  id?: string;
  defaultValues: ConsultationInput;
  conferences: ConferenceOption[];
  timeZones: string[];
  /** Contributions received so far: with any, the questions keep their structure. */
  contributionCount: number;
  action: (input: ConsultationInput & { id?: string }) => Promise<ActionResult<Saved>>;
  submitLabel: string;
};

const MARKDOWN_HINT = "Markdown: ## for a heading, - for a list item, **bold**, [text](https://…) for a link. HTML is not shown.";
const QUESTION_PATH = /^questions\.(\d+)\.(\w+)$/;
const QUESTION_FIELDS = ["kind", "prompt", "helpText", "options", "required"] as const;

/** The field a server error key is about: one of the form's, or a part of a question (questions.2.prompt). */
function consultationField(key: string): Path<ConsultationInput> | undefined {
  const [, index, name] = QUESTION_PATH.exec(key) ?? [];
  const part = QUESTION_FIELDS.find((field) => field === name);
  if (index !== undefined && part) return `questions.${Number(index)}.${part}`;
  return CONSULTATION_FIELDS.find((field) => field === key && field !== "questions");
}
const smallButton = "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-50";

const newQuestion = () => ({ id: "", kind: "FREE_TEXT" as QuestionKind, prompt: "", helpText: "", options: "", required: false });

export function ConsultationForm({ id, defaultValues, conferences, timeZones, contributionCount, action, submitLabel }: Props) {
  const [announcement, setAnnouncement] = useState("");
  const locked = contributionCount > 0;
  const { form, outcome, onSubmit } = useActionForm({
    schema: consultationSchema,
    action: (values) => action(id ? { ...values, id } : values),
    fields: consultationField,
    defaultValues,
    successMessage: "Saved.",
    // New questions got their ids on the server: keep them, or the next save would create them again.
    onSuccess: (saved, { values, form }) =>
      form.reset({ ...values, questions: values.questions.map((question, index) => ({ ...question, id: saved.questionIds?.[index] ?? question.id })) }),
  });
  const {
    control,
    register,
    setValue,
    getFieldState,
    formState: { errors, isSubmitting },
  } = form;
  const titleField = register("title", { onChange: id ? undefined : slugFollowingTitle(() => getFieldState("slug").isDirty, (slug) => setValue("slug", slug)) });
  // Questions have an `id` of their own (the stored one): the array's keys go elsewhere.
  const { fields, append, remove, move } = useFieldArray({ control, name: "questions", keyName: "key" });
  const questions = useWatch({ control, name: "questions" });

  // Focus follows the question that moved, or lands on a neighbour of the
  // one removed, once React has rendered the new order: on the first of the
  // candidates that can take it (a move button is disabled at either end).
  const focusLater = (...elementIds: string[]) =>
    requestAnimationFrame(() => {
      const target = elementIds.map((elementId) => document.getElementById(elementId)).find((element) => element && !element.hasAttribute("disabled"));
      target?.focus();
    });

  const onMove = (from: number, to: number) => {
    const key = fields[from]?.key;
    move(from, to);
    setAnnouncement(`Question ${from + 1} moved to position ${to + 1}.`);
    const [same, other] = to < from ? ["up", "down"] : ["down", "up"];
    if (key) focusLater(`question-${key}-${same}`, `question-${key}-${other}`);
  };
  const onRemove = (index: number) => {
    const neighbour = fields[index + 1]?.key ?? fields[index - 1]?.key;
    remove(index);
    setAnnouncement(`Question ${index + 1} removed.`);
    focusLater(neighbour ? `question-${neighbour}-legend` : "add-question");
  };
  const onAdd = () => {
    append(newQuestion(), { shouldFocus: true, focusName: `questions.${fields.length}.kind` });
    setAnnouncement(`Question ${fields.length + 1} added.`);
  };
  // Only choice questions have choices: switching away clears them, or the
  // hidden list would fail the check with nowhere to fix it.
  const onKindChange = (index: number, kind: QuestionKind) => {
    if (!isChoiceKind(kind)) setValue(`questions.${index}.options`, "");
  };

  const conferenceField = register("conferenceId", {
    // Dates are shown to the public in the conference's zone: enter them in it too.
    onChange: (event: { target: { value: string } }) => {
      const conference = conferences.find((item) => item.id === event.target.value);
      if (conference) setValue("timeZone", conference.timeZone);
    },
  });
  const questionsError = errors.questions?.message ?? errors.questions?.root?.message;

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-8">
      <FormOutcome outcome={outcome} />

      <fieldset className="space-y-5">
        <legend className="text-xl font-semibold">About the consultation</legend>
        <TitleSlugFields
          idPrefix="consultation"
          publicPath="/consultations"
          title={{ field: titleField, error: errors.title?.message }}
          slug={{ field: register("slug"), error: errors.slug?.message }}
        />
        <TextareaField
          id="consultation-summary"
          label="Summary"
          hint="One or two sentences, shown in every list. A draft may be saved without it; it is needed to open the consultation."
          rows={3}
          error={errors.summary?.message}
          required={false}
          {...register("summary")}
        />
        <TextField
          id="consultation-topics"
          label="Topics"
          hint="Separated by commas, for example: AI Act, SMEs, Skills."
          type="text"
          error={errors.topics?.message}
          required={false}
          {...register("topics")}
        />
        <TextareaField
          id="consultation-body"
          label="Description"
          hint={MARKDOWN_HINT}
          rows={12}
          className={`${controlClass} font-mono text-sm`}
          error={errors.body?.message}
          required={false}
          {...register("body")}
        />
        <TextareaField
          id="consultation-rules"
          label="Participation rules"
          hint={`Who may take part and how contributions are used. ${MARKDOWN_HINT}`}
          rows={6}
          className={`${controlClass} font-mono text-sm`}
          error={errors.participationRules?.message}
          required={false}
          {...register("participationRules")}
        />
      </fieldset>

      <fieldset className="space-y-5">
        <legend className="text-xl font-semibold">Conference and dates</legend>
        <SelectField
          id="consultation-conference"
          label="Conference"
          hint="Contributions are counted before, during or after it."
          placeholder="No conference"
          options={conferences.map((conference) => ({ value: conference.id, label: conference.title }))}
          error={errors.conferenceId?.message}
          required={false}
          {...conferenceField}
        />
        <ZonedDateRangeFields
          idPrefix="consultation"
          timeZones={timeZones}
          timeZone={{
            label: "Time zone of the dates",
            hint: "The dates below are local times in this zone. The public sees them in the conference's time zone (UTC without a conference).",
            error: errors.timeZone?.message,
            field: register("timeZone"),
          }}
          start={{ label: "Opens", error: errors.opensAt?.message, field: register("opensAt") }}
          end={{ label: "Closes", error: errors.closesAt?.message, field: register("closesAt") }}
        />
      </fieldset>

      <section aria-labelledby="questions-heading" className="space-y-4">
        <h2 id="questions-heading" className="text-xl font-semibold">
          Questions
        </h2>
        {locked ? (
          <p id="questions-locked" className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-4 text-amber-900">
            This consultation has {contributionCount === 1 ? "one contribution" : `${contributionCount} contributions`}: its questions can no
            longer be added, removed, reordered or changed in kind, choices or whether they are required. You can still edit their wording and
            help text.
          </p>
        ) : (
          <p className="text-slate-700">
            Optional. Participants answer them next to their contribution. Once the first contribution arrives, only their wording can change.
          </p>
        )}
        <FieldError id="questions" message={questionsError} />
        <p role="status" className="sr-only">
          {announcement}
        </p>
        {fields.length === 0 ? <p className="text-slate-700">No questions: contributions will be free text only.</p> : null}
        <ol className="space-y-4">
          {fields.map((field, index) => (
            <li key={field.key}>
              <QuestionFields
                index={index}
                count={fields.length}
                fieldKey={field.key}
                question={questions[index] ?? field}
                register={register}
                errors={errors}
                locked={locked}
                onMove={onMove}
                onRemove={onRemove}
                onKindChange={onKindChange}
              />
            </li>
          ))}
        </ol>
        {locked ? null : (
          <button type="button" id="add-question" className={smallButton} onClick={onAdd} disabled={fields.length >= MAX_QUESTIONS}>
            Add a question
          </button>
        )}
      </section>

      <SubmitButton pending={isSubmitting}>{submitLabel}</SubmitButton>
    </form>
  );
}
