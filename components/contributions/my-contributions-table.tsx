import Link from "next/link";
import type { MyContributionRow } from "@/lib/contributions/find-my-contributions";
import { formatDate } from "@/lib/format";
import { ContributionStatusBadge } from "@/components/contributions/contribution-status-badge";

export function MyContributionsTable({ rows }: { rows: MyContributionRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Your contributions, newest first</caption>
        <thead>
          <tr className="border-b border-slate-300 text-sm">
            <th scope="col" className="py-2 pr-4">
              Contribution
            </th>
            <th scope="col" className="py-2 pr-4">
              Consultation
            </th>
            <th scope="col" className="py-2 pr-4">
              Status
            </th>
            <th scope="col" className="py-2 pr-4">
              Submitted
            </th>
            <th scope="col" className="py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.reference} className="border-b border-slate-200 align-top">
              <td className="py-3 pr-4">
                <Link href={`/my-contributions/${row.reference}`} className="font-medium">
                  {row.title}
                </Link>
                <span className="block text-sm text-slate-700">{row.reference}</span>
              </td>
              <td className="py-3 pr-4">
                <Link href={`/consultations/${row.consultation.slug}`}>{row.consultation.title}</Link>
              </td>
              <td className="py-3 pr-4">
                <ContributionStatusBadge status={row.status} />
                {row.reason ? <span className="mt-1 block text-sm">Reason: {row.reason}</span> : null}
              </td>
              <td className="py-3 pr-4 whitespace-nowrap">
                <time dateTime={row.submittedAt.toISOString()}>{formatDate(row.submittedAt)}</time>
              </td>
              <td className="py-3">
                {row.canEdit ? (
                  <Link href={`/contributions/${row.reference}/edit`}>
                    Edit<span className="sr-only"> “{row.title}”</span>
                  </Link>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
