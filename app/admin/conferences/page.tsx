import type { Metadata } from "next";
import Link from "next/link";
import { venueLabel } from "@/components/conferences/conference-card";
import { requireRoleForPage } from "@/lib/auth/current-user";
import { findConferencesForAdmin } from "@/lib/conferences/find-conferences-for-admin";
import { formatDateRange } from "@/lib/format";
import { DataTable, tableCell } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Conferences · Administration" };

export default async function AdminConferencesPage() {
  await requireRoleForPage("ADMIN", "/admin/conferences");
  const conferences = await findConferencesForAdmin();
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Conferences</h1>
          <p className="mt-2 max-w-3xl text-slate-700">
            The events consultations are organised around. Their dates decide whether a contribution counts as before, during or after.
          </p>
        </div>
        <Link href="/admin/conferences/new" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white no-underline hover:bg-brand-700 hover:no-underline">
          New conference
        </Link>
      </header>
      {conferences.length === 0 ? (
        <p className="text-slate-700">No conference yet.</p>
      ) : (
        <DataTable caption={<>{conferences.length === 1 ? "1 conference" : `${conferences.length} conferences`}, latest first.</>} columns={["Conference", "When", "Where", "Consultations"]}>
          {conferences.map((conference) => (
            <tr key={conference.id}>
              <th scope="row" className={`${tableCell} font-normal`}>
                <Link href={`/admin/conferences/${conference.id}/edit`} className="font-semibold">
                  {conference.title}
                </Link>
                <span className="block text-slate-700">/conferences/{conference.slug}</span>
              </th>
              <td className={tableCell}>
                <time dateTime={conference.startsAt.toISOString()}>{formatDateRange(conference.startsAt, conference.endsAt, conference.timeZone)}</time>
                <span className="block text-slate-700">{conference.timeZone.replaceAll("_", " ")}</span>
              </td>
              <td className={tableCell}>{venueLabel(conference)}</td>
              <td className={tableCell}>{conference.consultationCount}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
