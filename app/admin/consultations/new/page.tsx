import type { Metadata } from "next";
import { ConsultationForm } from "@/components/consultations/consultation-form";
import { requireRoleForPage } from "@/lib/auth/current-user";
import { findConferencesForAdmin } from "@/lib/conferences/find-conferences-for-admin";
import { timeZoneOptions } from "@/lib/vocabulary/time-zones";
import { createConsultationAction } from "@/lib/consultations/actions";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "New consultation · Administration" };

export default async function NewConsultationPage() {
  await requireRoleForPage("ADMIN", "/admin/consultations/new");
  const conferences = await findConferencesForAdmin();
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/admin/consultations", label: "All consultations" }} title="New consultation">
        <p className="mt-2 max-w-3xl text-slate-700">It is saved as a draft, visible to administrators only, until you open it.</p>
      </PageHeader>
      <ConsultationForm
        defaultValues={{
          title: "",
          slug: "",
          summary: "",
          body: "",
          participationRules: "",
          topics: "",
          conferenceId: "",
          timeZone: "UTC",
          opensAt: "",
          closesAt: "",
          questions: [],
        }}
        conferences={conferences.map(({ id, title, timeZone }) => ({ id, title, timeZone }))}
        timeZones={timeZoneOptions()}
        contributionCount={0}
        action={createConsultationAction}
        submitLabel="Create draft"
      />
    </div>
  );
}
