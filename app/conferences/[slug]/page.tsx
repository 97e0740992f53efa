import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConferenceDates, venueLabel } from "@/components/conferences/conference-card";
import { ConsultationCardList } from "@/components/consultations/consultation-card";
import { PageSection } from "@/components/ui/page-section";
import { CONFERENCE_PHASE_LABELS, conferencePhase } from "@/lib/conferences/conference-card";
import { getConference } from "@/lib/conferences/get-conference";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const conference = await getConference((await params).slug);
  if (!conference) return { title: "Conference not found" };
  return { title: conference.title };
}

export default async function ConferencePage({ params }: Props) {
  const conference = await getConference((await params).slug);
  if (!conference) notFound();
  const phase = conferencePhase(conference, new Date());

  return (
    <article className="space-y-8">
      <PageHeader back={{ href: "/conferences", label: "All conferences" }} title={conference.title}>
        <p className="mt-3">
          <span className="inline-block rounded-full bg-brand-50 px-3 py-0.5 text-xs font-semibold text-brand-800">{CONFERENCE_PHASE_LABELS[phase]}</span>
        </p>
        <dl className="mt-4 grid max-w-3xl gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">When</dt>
          <dd>
            <ConferenceDates conference={conference} />
          </dd>
          <dt className="font-semibold">Where</dt>
          <dd>{venueLabel(conference)}</dd>
        </dl>
      </PageHeader>

      <PageSection id="description" title="About the conference">
        <div className="mt-3 max-w-3xl space-y-3 text-slate-800">
          {conference.description.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </div>
      </PageSection>

      <PageSection id="consultations" title="Consultations">
        <ConsultationCardList
          consultations={conference.consultations}
          empty="No consultation has been published for this conference yet."
          showConference={false}
          showStatus
        />
      </PageSection>
    </article>
  );
}
