import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContributionFilters } from "@/components/contributions/contribution-filters";
import { PublicContributionList } from "@/components/contributions/public-contribution-list";
import { Pagination } from "@/components/ui/pagination";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { findConsultationContributions } from "@/lib/contributions/find-consultation-contributions";
import { contributionFilterQuery, readContributionFilters } from "@/lib/contributions/filter-schema";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const consultation = await getConsultation((await params).slug);
  if (!consultation) return { title: "Consultation not found" };
  return { title: `Contributions to ${consultation.title}`, description: `Published contributions to the consultation “${consultation.title}”.` };
}

export default async function ConsultationContributionsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  // A hand-edited address should not break the page: each filter that does
  // not parse is reported next to its field and left out.
  const { filters, errors } = readContributionFilters({
    q: firstParam(query.q),
    type: firstParam(query.type),
    country: firstParam(query.country),
    phase: firstParam(query.phase),
    language: firstParam(query.language),
    page: firstParam(query.page),
  });
  const result = await findConsultationContributions(slug, filters);
  if (!result) notFound();

  const base = `/consultations/${result.consultation.slug}/contributions`;
  const { total, page, pageCount } = result;
  const filtered = Boolean(filters.q || filters.type || filters.country || filters.phase || filters.language);
  const noun = total === 1 ? "contribution" : "contributions";
  const summary = filtered
    ? `${total} ${noun} ${total === 1 ? "matches" : "match"} your search${filters.q ? ` for “${filters.q}”` : ""}.`
    : `${total} published ${noun}.`;

  return (
    <div className="space-y-6">
      <PageHeader back={{ href: `/consultations/${result.consultation.slug}`, label: "Back to the consultation" }} title={<>Contributions to “{result.consultation.title}”</>}>
        <p className="mt-2 max-w-3xl text-slate-700">
          Contributions appear here once a moderator has approved them. Authors who chose to stay anonymous are shown as
          “Anonymous”; e-mail addresses are never published.
        </p>
        <p className="mt-2 text-sm">
          Download all published contributions:{" "}
          <a href={`/api/v1/consultations/${result.consultation.slug}/contributions.csv`}>CSV</a>
          {" / "}
          <a href={`/api/v1/consultations/${result.consultation.slug}/contributions.json`}>JSON</a> (
          <Link href="/open-data">about the open data</Link>).
        </p>
      </PageHeader>

      <ContributionFilters action={base} filters={filters} facets={result.facets} errors={errors} />

      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="text-2xl font-bold">
          Results
        </h2>
        <p id="result-count" className="mt-1 text-slate-700">
          {summary}
          {total > 0 && pageCount > 1 ? ` Page ${page} of ${pageCount}.` : null}
        </p>
        {result.items.length > 0 ? (
          <PublicContributionList items={result.items} />
        ) : total > 0 ? (
          <p className="mt-4">
            There is nothing on page {page}. <Link href={`${base}${contributionFilterQuery(filters, pageCount)}`}>Go to the last page</Link>.
          </p>
        ) : (
          <p className="mt-4">{filtered ? "Try other words or fewer filters." : "No contribution has been published yet."}</p>
        )}
        <div className="mt-6">
          <Pagination page={page} pageCount={pageCount} hrefFor={(target) => `${base}${contributionFilterQuery(filters, target)}`} label="Pages of contributions" />
        </div>
      </section>
    </div>
  );
}
