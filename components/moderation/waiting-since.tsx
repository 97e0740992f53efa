import { formatDateTime } from "@/lib/format";
import { formatWaiting } from "@/lib/moderation/waiting-time";

/** "Waiting 3 h 20 min", with the exact time it started. */
export function WaitingSince({ since, now }: { since: Date; now: Date }) {
  return (
    <>
      <span className="block font-medium">Waiting {formatWaiting(since, now)}</span>
      <span className="block text-sm text-slate-700">
        since <time dateTime={since.toISOString()}>{formatDateTime(since)}</time>
      </span>
    </>
  );
}
