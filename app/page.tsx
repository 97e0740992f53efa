import Link from "next/link";
import { findUpcomingConferences } from "@/lib/conferences/find-upcoming-conferences";
import { findOpenConsultations } from "@/lib/consultations/find-open-consultations";
import { formatDate, formatDateRange } from "@/lib/format";

export default async function HomePage() {
  const [consultations, conferences] = await Promise.all([findOpenConsultations(), findUpcomingConferences()]);
  return (
    <div className="space-y-12">
      <section aria-labelledby="intro" className="rounded-xl bg-brand-50 p-8">
        <h1 id="intro" className="text-3xl font-bold text-brand-800 sm:text-4xl">
          Have your say on the policies shaped at our conferences
        </h1>
        <p className="mt-4 max-w-3xl text-lg text-slate-800">
          Citizens, companies, NGOs, researchers and public authorities from any country can contribute before, during and after
          each conference. Every contribution is read by a moderator, and every consultation ends with a published summary.
        </p>
        <p className="mt-6 flex flex-wrap gap-3">
          <Link href="/consultations" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white no-underline hover:bg-brand-700 hover:no-underline">
            Browse consultations
          </Link>
          <Link href="/register" className="rounded-md border border-brand-600 px-4 py-2 font-medium no-underline hover:bg-white hover:no-underline">
            Register as a stakeholder
          </Link>
        </p>
      </section>

      <section aria-labelledby="open-consultations">
        <h2 id="open-consultations" className="text-2xl font-bold">
          Open consultations
        </h2>
        {consultations.length === 0 ? (
          <p className="mt-4 text-slate-700">No consultation is open right now. Upcoming conferences are listed below.</p>
        ) : (
          <ul className="mt-4 grid gap-4 md:grid-cols-2">
            {consultations.map((consultation) => (
              <li key={consultation.slug} className="rounded-lg border border-slate-200 p-5">
                <h3 className="text-lg font-semibold">
                  <Link href={`/consultations/${consultation.slug}`}>{consultation.title}</Link>
                </h3>
                <p className="mt-2 text-slate-700">{consultation.summary}</p>
                <p className="mt-3 text-sm text-slate-700">
                  Open until <time dateTime={consultation.closesAt.toISOString()}>{formatDate(consultation.closesAt)}</time>
                  {consultation.conference ? <> · {consultation.conference.title}</> : null}
                </p>
                {consultation.topics.length > 0 ? (
                  <ul aria-label="Topics" className="mt-3 flex flex-wrap gap-2">
                    {consultation.topics.map((topic) => (
                      <li key={topic} className="rounded-full bg-slate-100 px-3 py-1 text-xs text-slate-800">
                        {topic}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="upcoming-conferences">
        <h2 id="upcoming-conferences" className="text-2xl font-bold">
          Upcoming and current conferences
        </h2>
        {conferences.length === 0 ? (
          <p className="mt-4 text-slate-700">No conference is planned at the moment.</p>
        ) : (
          <ul className="mt-4 grid gap-4 md:grid-cols-3">
            {conferences.map((conference) => (
              <li key={conference.slug} className="rounded-lg border border-slate-200 p-5">
                <h3 className="font-semibold">
                  <Link href={`/conferences/${conference.slug}`}>{conference.title}</Link>
                </h3>
                <p className="mt-2 text-sm text-slate-700">
                  {formatDateRange(conference.startsAt, conference.endsAt, conference.timeZone)}
                </p>
                <p className="text-sm text-slate-700">{conference.isOnline ? "Online" : conference.venue}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
