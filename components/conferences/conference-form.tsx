"use client";

import { slugFollowingTitle, TitleSlugFields } from "@/components/admin/title-slug-fields";
import { ZonedDateRangeFields } from "@/components/conferences/zoned-date-range-fields";
import { CheckboxField } from "@/components/ui/form/checkbox-field";
import { FormOutcome } from "@/components/ui/form/form-outcome";
import { SubmitButton } from "@/components/ui/form/submit-button";
import { TextareaField } from "@/components/ui/form/textarea-field";
import { TextField } from "@/components/ui/form/text-field";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { CONFERENCE_FIELDS, conferenceSchema, type ConferenceInput } from "@/lib/conferences/schema";
import type { ActionResult } from "@/lib/errors";

type Props = {
  /** Absent for a new conference. */
  id?: string;
  defaultValues: ConferenceInput;
  timeZones: string[];
  action: (input: ConferenceInput & { id?: string }) => Promise<ActionResult<unknown>>;
  submitLabel: string;
  /** Said when the page opens (the conference was just created). */
  notice?: string;
};

export function ConferenceForm({ id, defaultValues, timeZones, action, submitLabel, notice }: Props) {
  const { form, outcome, onSubmit } = useActionForm({
    schema: conferenceSchema,
    action: (values) => action(id ? { ...values, id } : values),
    fields: CONFERENCE_FIELDS,
    defaultValues,
    successMessage: "Saved.",
    initialOutcome: notice ? { ok: true, message: notice } : null,
    onSuccess: (_saved, { values, form }) => form.reset(values),
  });
  const {
    register,
    getFieldState,
    setValue,
    formState: { errors, isSubmitting },
  } = form;
  const titleField = register("title", { onChange: id ? undefined : slugFollowingTitle(() => getFieldState("slug").isDirty, (slug) => setValue("slug", slug)) });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-6">
      <FormOutcome outcome={outcome} />
      <TitleSlugFields
        idPrefix="conference"
        publicPath="/conferences"
        title={{ field: titleField, error: errors.title?.message }}
        slug={{ field: register("slug"), error: errors.slug?.message }}
      />
      <TextareaField
        id="conference-description"
        label="Description"
        hint="Plain text; leave an empty line between paragraphs."
        rows={6}
        error={errors.description?.message}
        required
        {...register("description")}
      />
      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 font-semibold">Where</legend>
        <TextField
          id="conference-venue"
          label="Venue"
          hint="Required unless the conference is online only."
          type="text"
          error={errors.venue?.message}
          required={false}
          {...register("venue")}
        />
        <CheckboxField id="conference-online" label="Online (streamed, or online only)" error={errors.isOnline?.message} {...register("isOnline")} />
      </fieldset>
      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 font-semibold">When</legend>
        <ZonedDateRangeFields
          idPrefix="conference"
          timeZones={timeZones}
          timeZone={{
            label: "Time zone",
            hint: "Where the conference takes place. The dates below are local times there; they are shown to everyone in this zone.",
            error: errors.timeZone?.message,
            field: register("timeZone"),
          }}
          start={{ label: "Starts", error: errors.startsAt?.message, field: register("startsAt") }}
          end={{ label: "Ends", error: errors.endsAt?.message, field: register("endsAt") }}
        />
      </fieldset>
      <SubmitButton pending={isSubmitting}>{submitLabel}</SubmitButton>
    </form>
  );
}
