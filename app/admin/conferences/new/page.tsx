import type { Metadata } from "next";
import Link from "next/link";
import { ConferenceForm } from "@/components/conferences/conference-form";
import { requireRoleForPage } from "@/lib/auth/current-user";
import { createConferenceAction } from "@/lib/conferences/actions";
import { timeZoneOptions } from "@/lib/vocabulary/time-zones";

export const metadata: Metadata = { title: "New conference · Administration" };

export default async function NewConferencePage() {
  await requireRoleForPage("ADMIN", "/admin/conferences/new");
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm">
          <Link href="/admin/conferences">All conferences</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">New conference</h1>
      </header>
      <ConferenceForm
        defaultValues={{ title: "", slug: "", description: "", venue: "", isOnline: false, timeZone: "Europe/Brussels", startsAt: "", endsAt: "" }}
        timeZones={timeZoneOptions()}
        action={createConferenceAction}
        submitLabel="Create conference"
      />
    </div>
  );
}
