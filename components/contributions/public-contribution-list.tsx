import Link from "next/link";
import { countryName } from "@/lib/vocabulary/countries";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";
import type { PublicContributionItem, SearchHit } from "@/lib/contributions/find-consultation-contributions";
import { PHASE_LABELS } from "@/lib/vocabulary/phases";
import { languageName } from "@/lib/vocabulary/languages";
import { formatDate } from "@/lib/format";
import { AuthorName } from "@/components/contributions/contribution-facts";
import { HighlightedText } from "@/components/search/highlighted-text";

export function PublicContributionList({ items, headingLevel = 3 }: { items: PublicContributionItem[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className="mt-4 space-y-4">
      {items.map((item) => {
        const headingId = `contribution-${item.reference}`;
        const facts = [
          item.author.stakeholderType ? STAKEHOLDER_TYPE_LABELS[item.author.stakeholderType] : null,
          item.author.country ? countryName(item.author.country) : null,
          PHASE_LABELS[item.phase],
          languageName(item.language),
        ].filter(Boolean);
        return (
          <li key={item.reference}>
            <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 p-4">
              <Heading id={headingId} lang={item.language} className="text-lg font-semibold">
                <Link href={`/contributions/${item.reference}`}>{item.title}</Link>
              </Heading>
              <p className="mt-1 text-sm">
                <span className="sr-only">Author: </span>
                <AuthorName author={item.author} />
              </p>
              {item.hit?.textExcerpt ? (
                <p lang={item.language} className="mt-2 text-slate-800">
                  <HighlightedText segments={item.hit.textExcerpt} />
                </p>
              ) : item.excerpt ? (
                <p lang={item.language} className="mt-2 text-slate-800">
                  {item.excerpt}
                </p>
              ) : null}
              {item.hit ? <HitPlaces hit={item.hit} /> : null}
              <p className="mt-2 text-sm text-slate-700">
                {facts.join(" · ")} · <time dateTime={item.submittedAt.toISOString()}>{formatDate(item.submittedAt)}</time> · {item.reference}
              </p>
            </article>
          </li>
        );
      })}
    </ol>
  );
}

// Where a search matched: the text, the best page of the attachments, or both.
function HitPlaces({ hit }: { hit: SearchHit }) {
  const places = [hit.inText ? "in the text" : null, hit.page ? `in ${hit.page.fileName}, page ${hit.page.pageNumber}` : null].filter(Boolean);
  if (places.length === 0) return null;
  return (
    <div className="mt-2 text-sm text-slate-700">
      <p>Found {places.join(" and ")}.</p>
      {hit.page?.excerpt ? (
        <blockquote lang={hit.page.language} className="mt-1 border-l-4 border-slate-300 pl-3 text-slate-800">
          <HighlightedText segments={hit.page.excerpt} />
        </blockquote>
      ) : null}
    </div>
  );
}
