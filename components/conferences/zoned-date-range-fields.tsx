"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { TimeZoneSelect } from "@/components/conferences/time-zone-select";
import { Field } from "@/components/ui/form/field";
import { TextField } from "@/components/ui/form/text-field";

type DateField = { label: string; error: string | undefined; field: UseFormRegisterReturn };

type Props = {
  idPrefix: string;
  timeZones: string[];
  timeZone: DateField & { hint: string };
  start: DateField;
  end: DateField;
};

/** A time zone and two local date-times in it: the way every admin form takes a period. */
export function ZonedDateRangeFields({ idPrefix, timeZones, timeZone, start, end }: Props) {
  return (
    <>
      <Field id={`${idPrefix}-time-zone`} label={timeZone.label} hint={timeZone.hint} error={timeZone.error} required>
        {(control) => <TimeZoneSelect timeZones={timeZones} {...control} {...timeZone.field} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        {[start, end].map((date, index) => (
          <TextField
            key={date.field.name}
            id={`${idPrefix}-${index === 0 ? "start" : "end"}`}
            label={date.label}
            type="datetime-local"
            error={date.error}
            required
            {...date.field}
          />
        ))}
      </div>
    </>
  );
}
