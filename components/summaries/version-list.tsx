import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { SummaryVersionInfo } from "@/lib/summaries/get-summary-page";

type Props = {
  slug: string;
  versions: SummaryVersionInfo[];
  /** The published version on screen; null in the live view. */
  current: number | null;
  timeZone: string;
};

/** Every version of a summary, newest first: published ones to read, drafts (moderators only) for the record. */
export function VersionList({ slug, versions, current, timeZone }: Props) {
  if (versions.length === 0) return null;
  return (
    <nav aria-label="Versions of this summary" className="no-print mt-4">
      <p className="text-sm font-semibold">Versions</p>
      <ol className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {versions.map((version) =>
          version.status === "PUBLISHED" && version.publishedAt ? (
            <li key={version.version}>
              <Link href={`/consultations/${slug}/summary?version=${version.version}`} aria-current={version.version === current ? "page" : undefined} className={version.version === current ? "font-semibold" : undefined}>
                Version {version.version}
              </Link>{" "}
              <span className="text-slate-700">published {formatDateTime(version.publishedAt, timeZone)}</span>
            </li>
          ) : (
            <li key={version.version} className="text-slate-700">
              Version {version.version}, draft saved {formatDateTime(version.createdAt, timeZone)}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
