import { z } from "zod";
import { checkWindow, localDateTimeField, slugField, timeZoneField, titleField, type Issues } from "@/lib/vocabulary/admin-fields";

// The conference form's schema, used by the form (zodResolver) and again by
// the server action.

const conferenceFields = {
  title: titleField,
  slug: slugField,
  description: z
    .string("Describe the conference.")
    .trim()
    .min(10, "Describe the conference in at least 10 characters.")
    .max(10_000, "Keep the description to 10,000 characters or fewer."),
  venue: z.string().trim().max(200, "Keep the venue to 200 characters or fewer."),
  isOnline: z.boolean(),
  timeZone: timeZoneField,
  startsAt: localDateTimeField,
  endsAt: localDateTimeField,
};

function checkConference(values: { venue: string; isOnline: boolean } & Record<string, unknown>, ctx: Issues) {
  if (!values.isOnline && values.venue === "") {
    ctx.addIssue({ code: "custom", path: ["venue"], message: "Give the venue, or tick “Online” for an online conference." });
  }
  checkWindow(values, { start: "startsAt", end: "endsAt", timeZone: "timeZone" }, { order: "The conference must end after it starts." }, ctx);
}

export const conferenceSchema = z.object(conferenceFields).superRefine(checkConference);

export const updateConferenceSchema = z
  .object({ ...conferenceFields, id: z.string("This conference id is not valid.").trim().min(1).max(64) })
  .superRefine(checkConference);

export type ConferenceInput = z.input<typeof conferenceSchema>;
export type UpdateConferenceInput = z.input<typeof updateConferenceSchema>;

/** Field names of the conference form, to put the server's field errors back on them. */
export const CONFERENCE_FIELDS = Object.keys(conferenceFields) as (keyof ConferenceInput)[];
