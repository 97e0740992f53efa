import type { Metadata } from "next";
import Link from "next/link";
import { ConsultationCardList } from "@/components/consultations/consultation-card";
import { ConsultationFilters, type ConsultationFilterValues } from "@/components/consultations/consultation-filters";
import { PageSection } from "@/components/ui/page-section";
import { Pagination } from "@/components/ui/pagination";
import { findConsultationFilterOptions } from "@/lib/consultations/find-consultation-filter-options";
import { findConsultations } from "@/lib/consultations/find-consultations";
import { consultationFilterSchema } from "@/lib/consultations/schema";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Consultations" };

const FILTER_KEYS = ["query", "status", "topic", "conference", "phase"] as const;

export default async function ConsultationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const options = await findConsultationFilterOptions();

  // A hand-edited address should not break the page: each filter that does
  // not parse is reported next to its field and left out.
  const { shape } = consultationFilterSchema;
  const values: ConsultationFilterValues = { query: "", status: "", topic: "", conference: "", phase: "" };
  const errors: Partial<Record<keyof ConsultationFilterValues | "page", string>> = {};
  for (const key of FILTER_KEYS) {
    const raw = firstParam(params[key]) ?? "";
    const parsed = shape[key].safeParse(raw);
    if (!parsed.success) errors[key] = parsed.error.issues[0]?.message;
    else values[key] = parsed.data ?? "";
  }
  // Drafts are not offered to visitors: asking for them is asking for nothing they can see.
  if (values.status === "DRAFT" && !options.includeDrafts) {
    errors.status = "Choose a status from the list.";
    values.status = "";
  }
  const page = shape.page.safeParse(firstParam(params.page) ?? "1");
  if (!page.success) errors.page = page.error.issues[0]?.message;

  const result = await findConsultations({ ...values, page: page.success ? page.data : 1 });
  const hrefFor = (target: number) => {
    const search = new URLSearchParams();
    for (const key of FILTER_KEYS) if (values[key]) search.set(key, values[key]);
    if (target > 1) search.set("page", String(target));
    const text = search.toString();
    return text ? `/consultations?${text}` : "/consultations";
  };
  const filtered = FILTER_KEYS.some((key) => values[key]);
  const found = result.total === 1 ? "1 consultation" : `${result.total.toLocaleString("en-GB")} consultations`;

  return (
    <div className="space-y-8">
      <PageHeader title="Consultations">
        <p className="mt-2 max-w-3xl text-slate-700">
          Each consultation asks stakeholders for their views on a policy question, before, during and after a conference. Open ones
          accept contributions; closed and archived ones keep their contributions and summaries for everyone to read.
        </p>
      </PageHeader>

      <ConsultationFilters values={values} topics={options.topics} conferences={options.conferences} includeDrafts={options.includeDrafts} errors={errors} />

      <PageSection
        id="results"
        title={
          <>
            {filtered ? "Matching consultations" : "All consultations"}{" "}
            <span className="text-base font-normal text-slate-700">
              ({found}
              {result.pageCount > 1 ? `, page ${result.page} of ${result.pageCount}` : ""})
            </span>
          </>
        }
      >
        {result.consultations.length === 0 && result.total > 0 ? (
          <p className="mt-4 text-slate-700">
            There are no consultations on page {result.page}. <Link href={hrefFor(result.pageCount)}>Go to the last page</Link>.
          </p>
        ) : (
          <ConsultationCardList
            consultations={result.consultations}
            empty={filtered ? "No consultation matches these filters." : "No consultation has been published yet."}
            showStatus
          />
        )}
        <div className="mt-6">
          <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} label="Consultation list pages" />
        </div>
      </PageSection>
    </div>
  );
}
