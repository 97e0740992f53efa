import { FILTER_FIELD_CLASS, FilterSelect } from "@/components/ui/filter-select";
import { countryName } from "@/lib/vocabulary/countries";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";
import type { ContributionFacets, FacetValue } from "@/lib/contributions/find-consultation-contributions";
import { contributionFilterQuery, type ContributionFilter, type ContributionFilterKey } from "@/lib/contributions/filter-schema";
import { PHASE_LABELS } from "@/lib/vocabulary/phases";
import { languageName } from "@/lib/vocabulary/languages";
import { FilterActions } from "@/components/ui/filter-actions";

type Props = {
  action: string;
  filters: ContributionFilter;
  facets: ContributionFacets;
  /** Problems with the filters from the address, one per field. */
  errors: Partial<Record<ContributionFilterKey, string>>;
};

function FieldError({ id, message, outcome }: { id: string; message: string | undefined; outcome: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-800">
      {message} {outcome}
    </p>
  );
}

type SelectProps = {
  name: "type" | "country" | "phase" | "language";
  label: string;
  anyLabel: string;
  value: string | undefined;
  values: FacetValue[];
  labelOf: (value: string) => string;
  error: string | undefined;
};

function FacetSelect({ name, values, labelOf, ...rest }: SelectProps) {
  const optionLabel = (value: string, count: number) => `${labelOf(value)} (${count})`;
  return (
    <FilterSelect
      id={`filter-${name}`}
      name={name}
      {...rest}
      options={values.map((facet) => ({ value: facet.value, label: optionLabel(facet.value, facet.count) }))}
      // A value from an old link that no published contribution has any more stays selectable.
      missingLabel={(value) => optionLabel(value, 0)}
      errorOutcome="All values are shown."
    />
  );
}

/** A GET form: the results have an address that can be shared and bookmarked. */
export function ContributionFilters({ action, filters, facets, errors }: Props) {
  const active = Boolean(filters.q || filters.type || filters.country || filters.phase || filters.language);
  return (
    <form
      // The fields are uncontrolled: a new key when the address changes (a
      // link to other filters, "Clear") makes them show the new values.
      key={contributionFilterQuery(filters, 1)}
      method="get"
      action={action}
      role="search"
      aria-label="Search and filter contributions"
      className="space-y-4 rounded-lg bg-slate-50 p-4"
    >
      <div>
        <label htmlFor="filter-q" className="block text-sm font-medium">
          Search the contributions
        </label>
        <p id="filter-q-hint" className="text-sm text-slate-700">
          The text and the attached files are searched, each in its own language (“horses” also finds “horse”, “SME” finds
          “SMEs”). Use quotes for a phrase, “or” for either word and a minus sign to leave a word out.
        </p>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          maxLength={200}
          aria-invalid={errors.q ? true : undefined}
          aria-describedby={errors.q ? "filter-q-hint filter-q-error" : "filter-q-hint"}
          className={`${FILTER_FIELD_CLASS} max-w-xl`}
        />
        <FieldError id="filter-q-error" message={errors.q} outcome="The search was left out." />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FacetSelect
          name="type"
          label="Stakeholder type"
          anyLabel="Any type"
          value={filters.type}
          values={facets.stakeholderTypes}
          labelOf={(value) => STAKEHOLDER_TYPE_LABELS[value as keyof typeof STAKEHOLDER_TYPE_LABELS] ?? value}
          error={errors.type}
        />
        <FacetSelect name="country" label="Country" anyLabel="Any country" value={filters.country} values={facets.countries} labelOf={countryName} error={errors.country} />
        <FacetSelect
          name="phase"
          label="Phase"
          anyLabel="Any phase"
          value={filters.phase}
          values={facets.phases}
          labelOf={(value) => PHASE_LABELS[value as keyof typeof PHASE_LABELS] ?? value}
          error={errors.phase}
        />
        <FacetSelect
          name="language"
          label="Language"
          anyLabel="Any language"
          value={filters.language}
          values={facets.languages}
          labelOf={languageName}
          error={errors.language}
        />
      </div>
      <FilterActions submitLabel="Search" clear={active ? { href: action, label: "Clear search and filters" } : null} pageError={errors.page} />
    </form>
  );
}
