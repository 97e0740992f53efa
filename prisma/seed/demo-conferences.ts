import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dayInZone, zonedTime } from "@/prisma/seed/zoned-time";

// The demo's three conferences: one to come, one running, one over. Their
// dates are computed from the day of the first seed and stored; later runs
// leave existing rows alone, so the demo keeps the dates it was born with.

export type DemoConferenceKey = "upcoming" | "running" | "past";

type ConferenceDefinition = {
  key: DemoConferenceKey;
  slug: string;
  title: string;
  description: string;
  venue: string | null;
  isOnline: boolean;
  timeZone: string;
  /** Days from today (in the conference's time zone) and local wall-clock times. */
  start: { days: number; hour: number; minute: number };
  end: { days: number; hour: number; minute: number };
};

export const DEMO_CONFERENCES: readonly ConferenceDefinition[] = [
  {
    key: "upcoming",
    slug: "from-ambition-to-action",
    title: "From Ambition to Action: High-Level Conference on Trustworthy AI",
    description: [
      "Ministers, members of the European Parliament, regulators, industry leaders, researchers and civil society meet in Brussels to take stock of the first obligations of the AI Act and to agree on what must happen next.",
      "The programme follows the input gathered in the open consultation: how small companies can comply without losing their edge, how citizens learn when an AI system is involved in a decision about them, and how public research keeps access to data and computing power.",
      "Sessions are streamed with interpretation into English, French and German. Contributions submitted before the conference are summarised for the speakers; contributions made during the two days are read out in the closing panel.",
    ].join("\n\n"),
    venue: "The Square – Brussels Meeting Centre, Mont des Arts, Brussels",
    isOnline: false,
    timeZone: "Europe/Brussels",
    start: { days: 21, hour: 9, minute: 0 },
    end: { days: 22, hour: 17, minute: 30 },
  },
  {
    key: "running",
    slug: "policy-workshop-human-centric-ai",
    title: "Policy Workshop on Human-Centric AI",
    description: [
      "A three-day working session on keeping people in charge when public services use artificial intelligence: benefits, permits, health and education.",
      "Caseworkers, digital teams of public administrations, trade unions, disability organisations and researchers compare what human oversight looks like in practice, and which safeguards work for small municipalities as well as for national agencies.",
      "The workshop is hybrid: a small group meets in Brussels and everyone else joins online. The consultation stays open during the workshop, and participants are invited to add their observations as the discussions unfold.",
    ].join("\n\n"),
    venue: "Online, with a working group in Brussels",
    isOnline: true,
    timeZone: "Europe/Brussels",
    start: { days: -1, hour: 9, minute: 30 },
    end: { days: 1, hour: 16, minute: 0 },
  },
  {
    key: "past",
    slug: "dialogue-like-minded-partners",
    title: "Dialogue with Like-Minded Partners: Japan, Canada, Australia, USA",
    description: [
      "A two-day dialogue between the European Union and like-minded partners on interoperable rules for trustworthy AI, held in Tokyo.",
      "Delegations from Japan, Canada, Australia and the United States discussed mutual recognition of conformity assessments, shared incident reporting, international standards and joint research on the evaluation of advanced models.",
      "The consultation that accompanied the dialogue is now closed. Its summary reports what stakeholders asked the partners to prioritise.",
    ].join("\n\n"),
    venue: "Tokyo International Forum, Chiyoda, Tokyo",
    isOnline: false,
    timeZone: "Asia/Tokyo",
    start: { days: -31, hour: 10, minute: 0 },
    end: { days: -30, hour: 18, minute: 0 },
  },
];

export type SeededConference = { id: string; slug: string; startsAt: Date; endsAt: Date };

/** Creates the conferences that are missing; returns all of them as stored. */
export async function seedConferences(
  db: PrismaClient,
  now: Date,
): Promise<{ created: number; conferences: Record<DemoConferenceKey, SeededConference> }> {
  const { count } = await db.conference.createMany({
    data: DEMO_CONFERENCES.map((definition) => ({
      slug: definition.slug,
      title: definition.title,
      description: definition.description,
      venue: definition.venue,
      isOnline: definition.isOnline,
      timeZone: definition.timeZone,
      startsAt: localTime(now, definition.timeZone, definition.start),
      endsAt: localTime(now, definition.timeZone, definition.end),
    })),
    // Existing conferences keep their stored dates and any edits an admin made.
    skipDuplicates: true,
  });
  const stored = await db.conference.findMany({
    where: { slug: { in: DEMO_CONFERENCES.map((definition) => definition.slug) } },
    select: { id: true, slug: true, startsAt: true, endsAt: true },
  });
  const bySlug = new Map(stored.map((conference) => [conference.slug, conference]));
  const conferences = {} as Record<DemoConferenceKey, SeededConference>;
  for (const definition of DEMO_CONFERENCES) {
    const conference = bySlug.get(definition.slug);
    if (!conference) throw new Error(`Conference ${definition.slug} is missing after seeding`);
    conferences[definition.key] = conference;
  }
  return { created: count, conferences };
}

function localTime(now: Date, timeZone: string, at: { days: number; hour: number; minute: number }): Date {
  return zonedTime(dayInZone(now, timeZone, at.days), at.hour, at.minute, timeZone);
}
