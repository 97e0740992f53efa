"use client";

import { checkboxClass, CheckboxField, controlClass, Field, FormOutcome, SaveButton, TitleSlugFields } from "@/components/admin/form-fields";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { ZonedDateRangeFields } from "@/components/conferences/zoned-date-range-fields";
import { CONFERENCE_FIELDS, conferenceSchema, type ConferenceInput } from "@/lib/conferences/schema";
import type { ActionResult } from "@/lib/errors";

type Props = {
  /** Absent for a new conference. */
  id?: string;
  defaultValues: ConferenceInput;
  timeZones: string[];
  action: (input: ConferenceInput & { id?: string }) => Promise<ActionResult<unknown>>;
  submitLabel: string;
};

export function ConferenceForm({ id, defaultValues, timeZones, action, submitLabel }: Props) {
  const { form, outcome, onSubmit, titleField } = useAdminForm({
    schema: conferenceSchema,
    defaultValues,
    id,
    action,
    isField: (name) => (CONFERENCE_FIELDS as string[]).includes(name),
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-6">
      <FormOutcome outcome={outcome} />
      <TitleSlugFields
        idPrefix="conference"
        publicPath="/conferences"
        title={{ field: titleField, error: errors.title?.message }}
        slug={{ field: register("slug"), error: errors.slug?.message }}
      />
      <Field id="conference-description" label="Description" hint="Plain text; leave an empty line between paragraphs." error={errors.description?.message} required>
        {(aria) => <textarea rows={6} {...aria} {...register("description")} className={controlClass} />}
      </Field>
      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 font-semibold">Where</legend>
        <Field id="conference-venue" label="Venue" hint="Required unless the conference is online only." error={errors.venue?.message}>
          {(aria) => <input type="text" {...aria} {...register("venue")} className={controlClass} />}
        </Field>
        <CheckboxField id="conference-online" label="Online (streamed, or online only)" error={errors.isOnline?.message}>
          {(aria) => <input type="checkbox" {...aria} {...register("isOnline")} className={checkboxClass} />}
        </CheckboxField>
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
      <SaveButton pending={isSubmitting}>{submitLabel}</SaveButton>
    </form>
  );
}
