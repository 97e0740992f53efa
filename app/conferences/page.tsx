import type { Metadata } from "next";
import { ConferenceCardList } from "@/components/conferences/conference-card";
import { PageSection } from "@/components/ui/page-section";
import { findConferences, type ConferenceListItem } from "@/lib/conferences/find-conferences";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Conferences" };

export default async function ConferencesPage() {
  const { running, upcoming, past } = await findConferences();
  const sections: { id: string; heading: string; empty: string; items: ConferenceListItem[] }[] = [
    { id: "running", heading: "Running now", empty: "No conference is running right now.", items: running },
    { id: "upcoming", heading: "Upcoming", empty: "No conference is planned at the moment.", items: upcoming },
    { id: "past", heading: "Past", empty: "No conference has taken place yet.", items: past },
  ];
  return (
    <div className="space-y-10">
      <PageHeader title="Conferences">
        <p className="mt-2 max-w-3xl text-slate-700">
          Consultations open around each conference: contribute before it to shape the agenda, during it to react to the debates,
          and after it to comment on the conclusions. Dates are shown in each conference&apos;s own time zone.
        </p>
      </PageHeader>
      {sections.map((section) => (
        <PageSection key={section.id} id={section.id} title={section.heading}>
          <ConferenceCardList conferences={section.items} empty={section.empty} />
        </PageSection>
      ))}
    </div>
  );
}
