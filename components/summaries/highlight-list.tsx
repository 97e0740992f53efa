import Link from "next/link";
import { AuthorName } from "@/components/contributions/contribution-facts";
import type { SummaryHighlight } from "@/lib/summaries/get-summary-page";

/** The contributions the moderators pinned, in their order, each with a link to read it whole. */
export function HighlightList({ highlights }: { highlights: SummaryHighlight[] }) {
  return (
    <ol className="mt-3 space-y-4">
      {highlights.map((highlight) => (
        <li key={highlight.reference} className="summary-quote rounded-lg border border-slate-200 p-4">
          <figure>
            <figcaption>
              <p className="font-semibold">
                <Link href={`/contributions/${highlight.reference}`}>{highlight.title}</Link>
              </p>
              <p className="mt-1 text-sm text-slate-700">
                <AuthorName author={highlight.author} /> · {highlight.reference}
              </p>
            </figcaption>
            {highlight.excerpt ? (
              <blockquote cite={`/contributions/${highlight.reference}`} className="mt-2 border-l-4 border-brand-600 pl-3 text-slate-800">
                <p>{highlight.excerpt}</p>
              </blockquote>
            ) : null}
          </figure>
        </li>
      ))}
    </ol>
  );
}
