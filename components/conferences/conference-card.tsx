import Link from "next/link";
import type { ConferenceCard as ConferenceCardData } from "@/lib/conferences/conference-card";
import { formatDateRange } from "@/lib/format";

type Props = {
  conference: ConferenceCardData & { description?: string; consultationCount?: number };
  headingLevel?: "h2" | "h3";
};

export function ConferenceCard({ conference, headingLevel: Heading = "h3" }: Props) {
  const count = conference.consultationCount;
  return (
    <article className="h-full rounded-lg border border-slate-200 p-5">
      <Heading className="font-semibold">
        <Link href={`/conferences/${conference.slug}`}>{conference.title}</Link>
      </Heading>
      <p className="mt-2 text-sm text-slate-700">
        <ConferenceDates conference={conference} />
      </p>
      <p className="text-sm text-slate-700">{venueLabel(conference)}</p>
      {conference.description ? <p className="mt-2 line-clamp-3 text-slate-700">{conference.description}</p> : null}
      {count !== undefined ? (
        <p className="mt-2 text-sm text-slate-700">{count === 1 ? "1 consultation" : `${count} consultations`}</p>
      ) : null}
    </article>
  );
}

export function venueLabel(conference: Pick<ConferenceCardData, "venue" | "isOnline">): string {
  // Hybrid events often say so in the venue already ("Online, with a group in Brussels").
  if (conference.isOnline && conference.venue) return /online/i.test(conference.venue) ? conference.venue : `${conference.venue}, and online`;
  if (conference.isOnline) return "Online";
  return conference.venue ?? "Venue to be announced";
}

/** The dates in the conference's own time zone, and which zone that is. */
export function ConferenceDates({ conference }: { conference: Pick<ConferenceCardData, "startsAt" | "endsAt" | "timeZone"> }) {
  return (
    <>
      <time dateTime={conference.startsAt.toISOString()}>{formatDateRange(conference.startsAt, conference.endsAt, conference.timeZone)}</time>{" "}
      <span className="text-slate-700">({conference.timeZone.replaceAll("_", " ")} time)</span>
    </>
  );
}

/** A grid of conference cards, or a sentence saying there are none. */
export function ConferenceCardList({ conferences, empty }: { conferences: Props["conference"][]; empty: string }) {
  if (conferences.length === 0) return <p className="mt-4 text-slate-700">{empty}</p>;
  return (
    <ul className="mt-4 grid gap-4 md:grid-cols-2 lg:grid-cols-3">
      {conferences.map((conference) => (
        <li key={conference.slug}>
          <ConferenceCard conference={conference} />
        </li>
      ))}
    </ul>
  );
}
