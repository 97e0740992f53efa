import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConsultationForm } from "@/components/consultations/consultation-form";
import { StatusBadge } from "@/components/consultations/status-badge";
import { StatusControl } from "@/components/consultations/status-control";
import { FormMessage } from "@/components/ui/form/form-outcome";
import { PageSection } from "@/components/ui/page-section";
import { Announcer } from "@/components/ui/form/announcer";
import { requireRoleForPage } from "@/lib/auth/current-user";
import { findConferencesForAdmin } from "@/lib/conferences/find-conferences-for-admin";
import { timeZoneOptions } from "@/lib/vocabulary/time-zones";
import { changeConsultationStatusAction, updateConsultationAction } from "@/lib/consultations/actions";
import { getConsultationForEdit } from "@/lib/consultations/get-consultation-for-edit";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { PageHeader } from "@/components/ui/page-header";
import { SynonymsForm } from "@/components/search/synonyms-form";
import { updateSearchSynonymsAction } from "@/lib/search/actions";
import { getSearchSynonymsForEdit } from "@/lib/search/search-synonyms";

export const metadata: Metadata = { title: "Edit consultation · Administration" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function EditConsultationPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireRoleForPage("ADMIN", `/admin/consultations/${id}/edit`);
  const [consultation, conferences, synonyms] = await Promise.all([getConsultationForEdit(id), findConferencesForAdmin(), getSearchSynonymsForEdit(id)]);
  if (!consultation || !synonyms) notFound();
  const created = firstParam((await searchParams).saved) === "created";
  const zones = timeZoneOptions();
  const { timeZone } = consultation.values;

  return (
    <div className="space-y-8">
      <PageHeader back={{ href: "/admin/consultations", label: "All consultations" }} title={<>Edit “{consultation.title}”</>}>
        <p className="mt-2 flex flex-wrap items-center gap-3">
          <StatusBadge status={consultation.status} />
          <Link href={`/consultations/${consultation.slug}`}>{consultation.status === "DRAFT" ? "Preview the public page" : "See the public page"}</Link>
        </p>
      </PageHeader>
      {created ? <FormMessage kind="success">Draft created. Add what is missing, then open it when it is ready.</FormMessage> : null}

      <PageSection id="status" title="Status">
        <p className="mt-2 max-w-3xl text-slate-700">
          Opening needs a summary and a closing date still ahead. Contributions are accepted between the opening and the closing date
          while the consultation is open.
        </p>
        <div className="mt-3">
          <Announcer>
            <StatusControl
              id={consultation.id}
              title={consultation.title}
              status={consultation.status}
              transitions={consultation.transitions}
              action={changeConsultationStatusAction}
            />
          </Announcer>
        </div>
      </PageSection>

      <PageSection id="details" title="Details and questions">
        <div className="mt-4">
          <ConsultationForm
            id={consultation.id}
            defaultValues={consultation.values}
            conferences={conferences.map((conference) => ({ id: conference.id, title: conference.title, timeZone: conference.timeZone }))}
            timeZones={zones.includes(timeZone) ? zones : [timeZone, ...zones]}
            contributionCount={consultation.contributionCount}
            action={updateConsultationAction}
            submitLabel="Save changes"
          />
        </div>
      </PageSection>

      <PageSection id="search-synonyms-section" title="Search synonyms">
        <p className="mt-2 max-w-3xl text-slate-700">
          Terms that mean the same in this consultation, such as an acronym and its full name or the same body named in two
          languages.
        </p>
        <div className="mt-4">
          <SynonymsForm consultationId={consultation.id} synonyms={synonyms.synonyms} action={updateSearchSynonymsAction} />
        </div>
      </PageSection>
    </div>
  );
}
