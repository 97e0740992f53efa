// One select of a GET filter form (the public contribution list, the
// moderation queue, the summary): "any" first, a value from an old link that
// no option has any more still selectable so the form shows what the page is
// filtered by, and the error for the field next to it.

export const FILTER_FIELD_CLASS = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2";

export type FilterSelectOption = { value: string; label: string };

type Props = {
  id: string;
  name: string;
  label: string;
  /** The empty option's text; none without it. */
  anyLabel?: string;
  value: string | undefined;
  options: FilterSelectOption[];
  /** The option text for a value no option has; such a value is not added without it. */
  missingLabel?: (value: string) => string;
  error: string | undefined;
  /** Said after the error: what the page did instead. */
  errorOutcome?: string;
};

export function FilterSelect({ id, name, label, anyLabel, value, options, missingLabel, error, errorOutcome }: Props) {
  const all = value && missingLabel && !options.some((option) => option.value === value) ? [...options, { value, label: missingLabel(value) }] : options;
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
        className={FILTER_FIELD_CLASS}
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
          {error} {errorOutcome}
        </p>
      ) : null}
    </div>
  );
}
