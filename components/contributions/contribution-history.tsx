import { HISTORY_LABELS, type HistoryEntry } from "@/lib/contributions/author-view";
import { formatDateTime } from "@/lib/format";

/** What happened to a contribution, oldest first, as its author may read it. */
export function ContributionHistory({ history }: { history: HistoryEntry[] }) {
  if (history.length === 0) return <p className="mt-3 text-slate-700">Nothing has happened to this contribution yet.</p>;
  return (
    <ol className="mt-4 max-w-3xl border-l-2 border-slate-300 pl-6">
      {history.map((entry) => (
        <li key={entry.id} className="relative pb-6 last:pb-0">
          <span aria-hidden="true" className="absolute top-1.5 -left-[1.95rem] h-3 w-3 rounded-full border-2 border-white bg-brand-600" />
          <p className="font-semibold">{HISTORY_LABELS[entry.action]}</p>
          <p className="text-sm text-slate-700">
            <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>
          </p>
          {entry.reason ? <p className="mt-1">Reason: {entry.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}
