import type { Metadata } from "next";
import Link from "next/link";
import { ConsultationCardList } from "@/components/consultations/consultation-card";
import { PageSection } from "@/components/ui/page-section";
import { canSeeDraftConsultations } from "@/lib/consultations/visibility";
import { findConsultations } from "@/lib/consultations/find-consultations";
import { CONSULTATION_STATUS_LABELS } from "@/lib/consultations/labels";
import { consultationFilterSchema } from "@/lib/consultations/schema";
import type { ConsultationStatus } from "@/lib/generated/prisma/enums";
import { firstParam, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Consultations" };

const GROUPS: { status: ConsultationStatus; heading: string; empty: string }[] = [
  { status: "OPEN", heading: "Open for contributions", empty: "No consultation is open right now." },
  { status: "CLOSED", heading: "Closed", empty: "No consultation has closed yet." },
  { status: "ARCHIVED", heading: "Archived", empty: "Nothing has been archived." },
  { status: "DRAFT", heading: "Drafts (only administrators see these)", empty: "No drafts." },
];

export default async function ConsultationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const showDrafts = await canSeeDraftConsultations();
  const filter = consultationFilterSchema.safeParse({ status: firstParam(params.status) ?? "" });
  // A visitor asking for drafts gets the whole public list, as for any unknown status.
  const status = filter.success && (filter.data.status !== "DRAFT" || showDrafts) ? filter.data.status : undefined;
  const consultations = await findConsultations({ status: status ?? "" });
  const groups = GROUPS.filter((group) => (status ? group.status === status : group.status !== "DRAFT" || showDrafts));

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">Consultations</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Each consultation asks stakeholders for their views on a policy question, before, during and after a conference.
          Open ones accept contributions; closed and archived ones keep their contributions and summaries for everyone to read.
        </p>
      </header>

      <form method="get" action="/consultations" className="flex flex-wrap items-end gap-3" aria-label="Filter consultations">
        <div>
          <label htmlFor="status" className="block text-sm font-medium">
            Status
          </label>
          <select
            id="status"
            name="status"
            defaultValue={status ?? ""}
            aria-describedby={filter.success ? undefined : "status-error"}
            aria-invalid={filter.success ? undefined : true}
            className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2"
          >
            <option value="">All</option>
            {GROUPS.filter((group) => group.status !== "DRAFT" || showDrafts).map((group) => (
              <option key={group.status} value={group.status}>
                {CONSULTATION_STATUS_LABELS[group.status]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Show
        </button>
        {status ? <Link href="/consultations">Show all</Link> : null}
        {filter.success ? null : (
          <p id="status-error" role="alert" className="w-full text-sm text-red-800">
            {filter.error.issues[0]?.message} All consultations are shown.
          </p>
        )}
      </form>

      {groups.map((group) => {
        const items = consultations.filter((consultation) => consultation.status === group.status);
        return (
          <PageSection
            key={group.status}
            id={`group-${group.status.toLowerCase()}`}
            title={
              <>
                {group.heading} <span className="text-base font-normal text-slate-700">({items.length})</span>
              </>
            }
          >
            <ConsultationCardList consultations={items} empty={group.empty} />
          </PageSection>
        );
      })}
    </div>
  );
}
