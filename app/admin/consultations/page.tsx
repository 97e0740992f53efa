import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/consultations/status-badge";
import { StatusControl } from "@/components/consultations/status-control";
import { Pagination } from "@/components/ui/pagination";
import { Announcer } from "@/components/ui/form/announcer";
import { requireRoleForPage } from "@/lib/auth/current-user";
import { changeConsultationStatusAction } from "@/lib/consultations/actions";
import { findConsultationsForAdmin } from "@/lib/consultations/find-consultations-for-admin";
import { CONSULTATION_STATUS_LABELS } from "@/lib/vocabulary/statuses";
import { adminConsultationFilterSchema } from "@/lib/consultations/schema";
import { formatDateTime } from "@/lib/format";
import { ConsultationStatus } from "@/lib/generated/prisma/enums";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { DataTable, tableCell } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Consultations · Administration" };

export default async function AdminConsultationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRoleForPage("ADMIN", "/admin/consultations");
  const params = await searchParams;
  const { shape } = adminConsultationFilterSchema;
  const status = shape.status.safeParse(firstParam(params.status) ?? "");
  const page = shape.page.safeParse(firstParam(params.page) ?? "1");
  const filters = { status: status.success ? (status.data ?? "") : "", page: page.success ? page.data : 1 };
  const result = await findConsultationsForAdmin(filters);
  const hrefFor = (target: number) => {
    const search = new URLSearchParams();
    if (filters.status) search.set("status", filters.status);
    if (target > 1) search.set("page", String(target));
    const text = search.toString();
    return text ? `/admin/consultations?${text}` : "/admin/consultations";
  };

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Consultations</h1>
          <p className="mt-2 max-w-3xl text-slate-700">
            A consultation is created as a draft, then opened, closed and archived. A closed consultation can be reopened while its closing
            date is still ahead; archiving is final.
          </p>
        </div>
        <Link href="/admin/consultations/new" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white no-underline hover:bg-brand-700 hover:no-underline">
          New consultation
        </Link>
      </header>

      <form method="get" action="/admin/consultations" aria-label="Filter consultations" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="admin-status" className="block text-sm font-medium">
            Status
          </label>
          <select
            id="admin-status"
            name="status"
            defaultValue={filters.status}
            aria-invalid={status.success ? undefined : true}
            aria-describedby={status.success ? undefined : "admin-status-error"}
            className="mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2"
          >
            <option value="">Any status</option>
            {Object.values(ConsultationStatus).map((value) => (
              <option key={value} value={value}>
                {CONSULTATION_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
          {status.success ? null : (
            <p id="admin-status-error" className="mt-1 text-sm text-red-800">
              {status.error.issues[0]?.message} All statuses are shown.
            </p>
          )}
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Show
        </button>
      </form>

      <Announcer>
        {result.consultations.length === 0 ? (
          <p className="text-slate-700">{result.total === 0 ? "No consultation matches." : <Link href={hrefFor(result.pageCount)}>Go to the last page</Link>}</p>
        ) : (
          <DataTable caption={<>{result.total === 1 ? "1 consultation" : `${result.total} consultations`}, page {result.page} of {result.pageCount}, latest opening first.</>} columns={["Consultation", "Status", "Open from – to", "Contributions", "Change status"]}>
            {result.consultations.map((consultation) => (
              <tr key={consultation.id}>
                <th scope="row" className={`${tableCell} font-normal`}>
                  <Link href={`/admin/consultations/${consultation.id}/edit`} className="font-semibold">
                    {consultation.title}
                  </Link>
                  <span className="block text-slate-700">{consultation.conference ? consultation.conference.title : "No conference"}</span>
                  <Link href={`/consultations/${consultation.slug}`} className="block">
                    Public page<span className="sr-only"> of {consultation.title}</span>
                  </Link>
                </th>
                <td className={tableCell}>
                  <StatusBadge status={consultation.status} />
                </td>
                <td className={tableCell}>
                  <time dateTime={consultation.opensAt.toISOString()}>{formatDateTime(consultation.opensAt, consultation.timeZone)}</time>
                  <span className="block">
                    to <time dateTime={consultation.closesAt.toISOString()}>{formatDateTime(consultation.closesAt, consultation.timeZone)}</time>
                  </span>
                </td>
                <td className={tableCell}>
                  {consultation.contributions.total}
                  {consultation.contributions.pending > 0 ? <span className="block text-slate-700">{consultation.contributions.pending} pending</span> : null}
                </td>
                <td className={tableCell}>
                  <StatusControl
                    id={consultation.id}
                    title={consultation.title}
                    status={consultation.status}
                    transitions={consultation.transitions}
                    action={changeConsultationStatusAction}
                  />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Announcer>
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} label="Consultation list pages" />
    </div>
  );
}
