import type { ReactNode } from "react";
import { CONSULTATION_STATUS_LABELS } from "@/lib/vocabulary/statuses";
import { PHASE_LABELS } from "@/lib/vocabulary/phases";
import { ConsultationStatus, Phase } from "@/lib/generated/prisma/enums";
import { FilterActions } from "@/components/ui/filter-actions";

export type ConsultationFilterValues = { query: string; status: string; topic: string; conference: string; phase: string };

type Props = {
  values: ConsultationFilterValues;
  topics: string[];
  conferences: { slug: string; title: string }[];
  includeDrafts: boolean;
  /** Problems with the filters in the address, one per field. */
  errors: Partial<Record<keyof ConsultationFilterValues | "page", string>>;
};

const fieldClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2";

function Field({ id, label, error, children }: { id: string; label: string; error: string | undefined; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error} This filter is not applied.
        </p>
      ) : null}
    </div>
  );
}

const invalid = (id: string, error: string | undefined) =>
  error ? ({ "aria-invalid": true, "aria-describedby": `${id}-error` } as const) : {};

/** The list's filters: a plain GET form, so a filtered list has an address that can be shared. */
export function ConsultationFilters({ values, topics, conferences, includeDrafts, errors }: Props) {
  const statuses = Object.values(ConsultationStatus).filter((status) => status !== "DRAFT" || includeDrafts);
  // A topic from an older link may no longer be in use: keep it selectable so the form shows what is applied.
  const topicOptions = values.topic && !topics.includes(values.topic) ? [values.topic, ...topics] : topics;
  const active = Object.values(values).some(Boolean);
  return (
    <form method="get" action="/consultations" role="search" aria-label="Filter consultations" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="sm:col-span-2 lg:col-span-3">
          <Field id="filter-query" label="Search titles, summaries and topics" error={errors.query}>
            <input id="filter-query" name="query" type="search" defaultValue={values.query} maxLength={200} className={fieldClass} {...invalid("filter-query", errors.query)} />
          </Field>
        </div>
        <Field id="filter-status" label="Status" error={errors.status}>
          <select id="filter-status" name="status" defaultValue={values.status} className={fieldClass} {...invalid("filter-status", errors.status)}>
            <option value="">Any status</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {CONSULTATION_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-phase" label="Open now, in the phase" error={errors.phase}>
          <select id="filter-phase" name="phase" defaultValue={values.phase} className={fieldClass} {...invalid("filter-phase", errors.phase)}>
            <option value="">Any, open or not</option>
            {Object.values(Phase).map((phase) => (
              <option key={phase} value={phase}>
                {PHASE_LABELS[phase]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-topic" label="Topic" error={errors.topic}>
          <select id="filter-topic" name="topic" defaultValue={values.topic} className={fieldClass} {...invalid("filter-topic", errors.topic)}>
            <option value="">Any topic</option>
            {topicOptions.map((topic) => (
              <option key={topic} value={topic}>
                {topic}
              </option>
            ))}
          </select>
        </Field>
        <div className="sm:col-span-2 lg:col-span-3">
          <Field id="filter-conference" label="Conference" error={errors.conference}>
            <select id="filter-conference" name="conference" defaultValue={values.conference} className={fieldClass} {...invalid("filter-conference", errors.conference)}>
              <option value="">Any conference</option>
              {conferences.map((conference) => (
                <option key={conference.slug} value={conference.slug}>
                  {conference.title}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </div>
      <FilterActions
        className="mt-4 flex flex-wrap items-center gap-4"
        submitLabel="Apply filters"
        clear={active ? { href: "/consultations", label: "Clear filters" } : null}
        pageError={errors.page}
      />
    </form>
  );
}
