import { countryName } from "@/lib/vocabulary/countries";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";
import { PHASE_LABELS } from "@/lib/vocabulary/phases";
import { languageName } from "@/lib/vocabulary/languages";
import { FilterSelect, type FilterSelectOption } from "@/components/ui/filter-select";
import type { QueueFacets } from "@/lib/moderation/find-moderation-queue";
import { FilterActions } from "@/components/ui/filter-actions";
import {
  isQueueFiltered,
  QUEUE_REPORTS,
  QUEUE_REPORTS_LABELS,
  QUEUE_SORT_LABELS,
  QUEUE_SORTS,
  QUEUE_STATUS_LABELS,
  queueFilterQuery,
  type QueueFilter,
  type QueueFilterKey,
} from "@/lib/moderation/queue-filter";

type Option = FilterSelectOption;

type Props = {
  filters: QueueFilter;
  facets: QueueFacets;
  /** Problems with the filters from the address, one per field. */
  errors: Partial<Record<QueueFilterKey, string>>;
};

type SelectName = Exclude<QueueFilterKey, "page">;

const counted = <T extends string>(facets: { value: T; count: number }[], labelOf: (value: T) => string): Option[] =>
  facets.map((facet) => ({ value: facet.value, label: `${labelOf(facet.value)} (${facet.count})` }));

/** A GET form: a filtered queue has an address, and the review pages keep it for "next". */
export function QueueFilters({ filters, facets, errors }: Props) {
  const selects: { name: SelectName; label: string; anyLabel?: string; options: Option[] }[] = [
    {
      name: "consultation",
      label: "Consultation",
      anyLabel: "Any consultation",
      options: facets.consultations.map((facet) => ({ value: facet.value, label: `${facet.title} (${facet.count})` })),
    },
    { name: "status", label: "Status", anyLabel: "Any status", options: counted(facets.statuses, (value) => QUEUE_STATUS_LABELS[value]) },
    {
      name: "reports",
      label: "Reports",
      anyLabel: "With or without reports",
      options: QUEUE_REPORTS.map((value) => ({ value, label: QUEUE_REPORTS_LABELS[value] })),
    },
    { name: "phase", label: "Phase", anyLabel: "Any phase", options: counted(facets.phases, (value) => PHASE_LABELS[value]) },
    { name: "type", label: "Stakeholder type", anyLabel: "Any type", options: counted(facets.stakeholderTypes, (value) => STAKEHOLDER_TYPE_LABELS[value]) },
    { name: "country", label: "Country", anyLabel: "Any country", options: counted(facets.countries, countryName) },
    { name: "language", label: "Language", anyLabel: "Any language", options: counted(facets.languages, languageName) },
    { name: "sort", label: "Order", options: QUEUE_SORTS.map((value) => ({ value, label: QUEUE_SORT_LABELS[value] })) },
  ];
  return (
    <form
      // Uncontrolled fields: a new key when the address changes makes them show the new values.
      key={queueFilterQuery(filters, 1)}
      method="get"
      action="/moderation"
      aria-label="Filter the queue"
      className="space-y-4 rounded-lg bg-slate-50 p-4"
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {selects.map((select) => (
          // A value from an old link that nothing in the queue has any more stays selectable.
          <FilterSelect
            key={select.name}
            id={`queue-${select.name}`}
            {...select}
            value={filters[select.name]}
            missingLabel={(value) => `${value} (0)`}
            error={errors[select.name]}
            errorOutcome={select.anyLabel ? "All values are shown." : undefined}
          />
        ))}
      </div>
      <FilterActions
        submitLabel="Apply filters"
        clear={isQueueFiltered(filters) || filters.sort !== "oldest" ? { href: "/moderation", label: "Clear filters" } : null}
        pageError={errors.page}
      />
    </form>
  );
}
