import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConferenceForm } from "@/components/conferences/conference-form";
import { requireRoleForPage } from "@/lib/auth/current-user";
import { updateConferenceAction } from "@/lib/conferences/actions";
import { getConferenceForEdit } from "@/lib/conferences/get-conference-for-edit";
import { timeZoneOptions } from "@/lib/vocabulary/time-zones";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Edit conference · Administration" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function EditConferencePage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireRoleForPage("ADMIN", `/admin/conferences/${id}/edit`);
  const conference = await getConferenceForEdit(id);
  if (!conference) notFound();
  const created = firstParam((await searchParams).saved) === "created";
  const zones = timeZoneOptions();
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/admin/conferences", label: "All conferences" }} title={<>Edit “{conference.title}”</>}>
        <p className="mt-2">
          <Link href={`/conferences/${conference.values.slug}`}>See the public page</Link>
        </p>
      </PageHeader>
      <ConferenceForm
        id={conference.id}
        defaultValues={conference.values}
        timeZones={zones.includes(conference.values.timeZone) ? zones : [conference.values.timeZone, ...zones]}
        action={updateConferenceAction}
        submitLabel="Save changes"
        notice={created ? "Conference created. You can go on editing it here." : undefined}
      />
    </div>
  );
}
