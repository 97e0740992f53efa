import Link from "next/link";
import { FilterSelect } from "@/components/ui/filter-select";
import { checkboxClass } from "@/components/ui/form/field";
import type { SummaryFilters as Filters } from "@/lib/summaries/filter-schema";

export type FilterOption = { value: string; label: string; count: number };

type Props = {
  /** The page's address without filters (the view or version it shows). */
  clearHref: string;
  /** Kept through the GET form so that filtering stays on the same view or version. */
  hidden: Record<string, string>;
  filters: Filters;
  /** Phase is left out for a consultation without a conference (the key is absent). */
  options: { type: FilterOption[]; country: FilterOption[]; phase?: FilterOption[]; language: FilterOption[] };
  /** Problems with the filters from the address, one per field. */
  errors: Partial<Record<keyof Filters, string>>;
};

const FIELDS = [
  { name: "type", label: "Stakeholder type", any: "Any type" },
  { name: "country", label: "Country", any: "Any country" },
  { name: "phase", label: "Phase", any: "Any phase" },
  { name: "language", label: "Language", any: "Any language" },
] as const;

/**
 * A GET form: a filtered summary has an address to share. Each filter offers
 * the values given in `options` (those present among the summary's
 * contributions, with their counts).
 */
export function SummaryFilters({ clearHref, hidden, filters, options, errors }: Props) {
  const active = Boolean(filters.type || filters.country || filters.phase || filters.language || filters.groups);
  const fields = FIELDS.flatMap((field) => {
    const fieldOptions = options[field.name];
    return fieldOptions ? [{ ...field, options: fieldOptions }] : [];
  });
  return (
    <form
      key={`${filters.type ?? ""}:${filters.country ?? ""}:${filters.phase ?? ""}:${filters.language ?? ""}:${filters.groups ?? ""}`}
      method="get"
      role="search"
      aria-label="Filter the summary"
      className="no-print space-y-4 rounded-lg bg-slate-50 p-4"
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p className="text-sm text-slate-700">Every figure and theme below is computed again for the contributions you pick.</p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {fields.map((field) => (
          <FilterSelect
            key={field.name}
            id={`summary-filter-${field.name}`}
            name={field.name}
            label={field.label}
            anyLabel={field.any}
            value={filters[field.name]}
            options={field.options.map((option) => ({ value: option.value, label: `${option.label} (${option.count})` }))}
            error={errors[field.name]}
            errorOutcome="All values are counted."
          />
        ))}
      </div>
      <div className="flex items-center gap-2">
        <input id="summary-filter-groups" type="checkbox" name="groups" value="once" defaultChecked={filters.groups === "once"} className={checkboxClass} />
        <label htmlFor="summary-filter-groups">Count each group of identical or near-identical contributions once</label>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Apply filters
        </button>
        {active ? <Link href={clearHref}>Clear filters</Link> : null}
      </div>
    </form>
  );
}
