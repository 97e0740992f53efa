import { personName } from "@/components/moderation/moderation-history";
import { formatDateTime } from "@/lib/format";
import { FLAG_REASON_LABELS } from "@/lib/flags/schema";
import type { ModerationReport } from "@/lib/moderation/get-moderation-item";

/**
 * Reports against a contribution, open ones first; who reported is for
 * moderators' eyes only, and never for the author's (a moderator reading
 * their own contribution gets no reporter).
 */
export function ReportList({ reports }: { reports: ModerationReport[] }) {
  if (reports.length === 0) return <p className="mt-3 text-slate-700">Nobody has reported this contribution.</p>;
  return (
    <ul className="mt-4 space-y-3">
      {reports.map((report) => (
        <li key={report.id} className={`rounded-md border p-3 ${report.resolvedAt ? "border-slate-200" : "border-amber-400 bg-amber-50"}`}>
          <p className="font-semibold">
            {FLAG_REASON_LABELS[report.reason]}
            <span className="font-normal text-slate-700"> · {report.resolvedAt ? "dealt with" : "open"}</span>
          </p>
          {report.comment ? <p className="mt-1 whitespace-pre-line">{report.comment}</p> : null}
          <p className="mt-1 text-sm text-slate-700">
            {report.reporter ? `By ${personName(report.reporter)}, ` : "Reported "}
            <time dateTime={report.createdAt.toISOString()}>{formatDateTime(report.createdAt)}</time>
            {report.resolvedAt ? (
              <>
                ; dealt with <time dateTime={report.resolvedAt.toISOString()}>{formatDateTime(report.resolvedAt)}</time>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
