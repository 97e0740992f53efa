import type { Metadata } from "next";
import { ConferenceForm } from "@/components/conferences/conference-form";
import { requireRoleForPage } from "@/lib/auth/current-user";
import { createConferenceAction } from "@/lib/conferences/actions";
import { timeZoneOptions } from "@/lib/vocabulary/time-zones";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "New conference · Administration" };

export default async function NewConferencePage() {
  await requireRoleForPage("ADMIN", "/admin/conferences/new");
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/admin/conferences", label: "All conferences" }} title="New conference" />
      <ConferenceForm
        defaultValues={{ title: "", slug: "", description: "", venue: "", isOnline: false, timeZone: "Europe/Brussels", startsAt: "", endsAt: "" }}
        timeZones={timeZoneOptions()}
        action={createConferenceAction}
        submitLabel="Create conference"
      />
    </div>
  );
}
