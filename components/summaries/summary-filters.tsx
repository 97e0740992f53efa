import Link from "next/link";
import type { SummaryFilters as Filters } from "@/lib/summaries/filter-schema";

export type FilterOption = { value: string; label: string; count: number };

type Props = {
  /** The page's address without filters (the view or version it shows). */
  clearHref: string;
  /** Kept through the GET form so that filtering stays on the same view or version. */
  hidden: Record<string, string>;
  filters: Filters;
  options: { type: FilterOption[]; country: FilterOption[]; phase: FilterOption[] };
  /** Problems with the filters from the address, one per field. */
  errors: Partial<Record<keyof Filters, string>>;
};

const fieldClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2";

const FIELDS = [
  { name: "type", label: "Stakeholder type", any: "Any type" },
  { name: "country", label: "Country", any: "Any country" },
  { name: "phase", label: "Phase", any: "Any phase" },
] as const;

/**
 * A GET form: a filtered summary has an address to share. Each filter offers
 * the values given in `options` (those present among the summary's
 * contributions, with their counts).
 */
export function SummaryFilters({ clearHref, hidden, filters, options, errors }: Props) {
  const active = Boolean(filters.type || filters.country || filters.phase);
  return (
    <form
      key={`${filters.type ?? ""}:${filters.country ?? ""}:${filters.phase ?? ""}`}
      method="get"
      role="search"
      aria-label="Filter the summary"
      className="no-print space-y-4 rounded-lg bg-slate-50 p-4"
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p className="text-sm text-slate-700">Every figure and theme below is computed again for the contributions you pick.</p>
      <div className="grid gap-4 sm:grid-cols-3">
        {FIELDS.map((field) => {
          const id = `summary-filter-${field.name}`;
          const value = filters[field.name];
          const error = errors[field.name];
          return (
            <div key={field.name}>
              <label htmlFor={id} className="block text-sm font-medium">
                {field.label}
              </label>
              <select
                id={id}
                name={field.name}
                defaultValue={value ?? ""}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                className={fieldClass}
              >
                <option value="">{field.any}</option>
                {options[field.name].map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label} ({option.count})
                  </option>
                ))}
              </select>
              {error ? (
                <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
                  {error} All values are counted.
                </p>
              ) : null}
            </div>
          );
        })}
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
