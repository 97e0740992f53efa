import Link from "next/link";
import { findUpcomingConferences } from "@/lib/conferences/find-upcoming-conferences";
import { findOpenConsultations } from "@/lib/consultations/find-open-consultations";
import { ConferenceCardList } from "@/components/conferences/conference-card";
import { ConsultationCardList } from "@/components/consultations/consultation-card";

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
        <ConsultationCardList consultations={consultations} empty="No consultation is open right now. Upcoming conferences are listed below." />
      </section>

      <section aria-labelledby="upcoming-conferences">
        <h2 id="upcoming-conferences" className="text-2xl font-bold">
          Upcoming and current conferences
        </h2>
        <ConferenceCardList conferences={conferences} empty="No conference is planned at the moment." />
      </section>
    </div>
  );
}
