import "server-only";
import type { z } from "zod";
import type { conferenceSchema } from "@/lib/conferences/schema";
import { checkedZonedTimeToUtc } from "@/lib/vocabulary/time-zones";

/** The row a checked conference form describes: local times become UTC instants. */
export function conferenceData(values: z.output<typeof conferenceSchema>) {
  return {
    title: values.title,
    slug: values.slug,
    description: values.description,
    venue: values.venue === "" ? null : values.venue,
    isOnline: values.isOnline,
    timeZone: values.timeZone,
    startsAt: checkedZonedTimeToUtc(values.startsAt, values.timeZone),
    endsAt: checkedZonedTimeToUtc(values.endsAt, values.timeZone),
  };
}
