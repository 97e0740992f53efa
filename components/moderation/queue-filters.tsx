import Link from "next/link";
import { countryName, STAKEHOLDER_TYPE_LABELS } from "@/lib/accounts/schema";
import { PHASE_LABELS } from "@/lib/contributions/phase";
import { languageName } from "@/lib/contributions/schema";
import type { QueueFacets } from "@/lib/moderation/find-moderation-queue";
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

type Option = { value: string; label: string };

type Props = {
  filters: QueueFilter;
  facets: QueueFacets;
  /** Problems with the filters from the address, one per field. */
  errors: Partial<Record<QueueFilterKey, string>>;
};

const fieldClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2";

type SelectName = Exclude<QueueFilterKey, "page">;

type SelectProps = { name: SelectName; label: string; anyLabel?: string; value: string | undefined; options: Option[]; error: string | undefined };

function QueueSelect({ name, label, anyLabel, value, options, error }: SelectProps) {
  const id = `queue-${name}`;
  // A value from an old link that nothing in the queue has any more stays
  // selectable, so the form shows what the list is filtered by.
  const all = value && !options.some((option) => option.value === value) ? [...options, { value, label: `${value} (0)` }] : options;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={fieldClass}
      >
        {anyLabel ? <option value="">{anyLabel}</option> : null}
        {all.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error} {anyLabel ? "All values are shown." : null}
        </p>
      ) : null}
    </div>
  );
}

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
          <QueueSelect key={select.name} {...select} value={filters[select.name]} error={errors[select.name]} />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Apply filters
        </button>
        {isQueueFiltered(filters) || filters.sort !== "oldest" ? <Link href="/moderation">Clear filters</Link> : null}
        {errors.page ? (
          <p role="alert" className="w-full text-sm text-red-800">
            {errors.page} The first page is shown.
          </p>
        ) : null}
      </div>
    </form>
  );
}
