"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type ReactNode } from "react";
import { useWatch, type FieldValues, type Path } from "react-hook-form";
import { z } from "zod";
import { checkboxClass, controlClass, Field, FieldError } from "@/components/ui/form/field";
import { FormOutcome, type Outcome } from "@/components/ui/form/form-outcome";
import { useActionForm } from "@/components/ui/form/use-action-form";
import type { ActionResult } from "@/lib/errors";
import type { StepOutcome } from "@/lib/summaries/steering/apply-steering";
import {
  contributionReferenceSchema,
  LABEL_MAX,
  seedsSchema,
  splitPartsSchema,
  splitSeeds,
  themeLabelSchema,
  type Steering,
  type SteeringStep,
  type SteerThemesInput,
  type ThemeRef,
} from "@/lib/summaries/steering/schema";
import type { SteeredVersion } from "@/lib/summaries/theme-job/steer-themes";

/** A theme as the panel offers it: enough to name it in a step. */
export type SteerableTheme = ThemeRef & { subthemes: ThemeRef[] };

type Action = (slug: string, input: SteerThemesInput) => Promise<ActionResult<SteeredVersion>>;

type Props = {
  slug: string;
  consultationId: string;
  themes: SteerableTheme[];
  /** The working copy of the steps and its version (0: none yet). */
  steering: { version: number; steps: Steering };
  /** What became of each step, once the stored themes carry this version; null while the theme job applies it. */
  outcomes: StepOutcome[] | null;
  action: Action;
};

const button = "rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const smallButton = "rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:opacity-50";
const chosen = z.string().min(1, "Choose a theme.");

/**
 * The live view's theme steering (issue 11): the steps saved so far with
 * what became of each, a button to take one out, and a form per kind of
 * step. Each change is saved at once as a new steering version; the theme
 * job then finds the themes again with it (the status above shows its
 * progress) and publishing waits for it.
 */
export function ThemeSteering({ slug, consultationId, themes, steering, outcomes, action }: Props) {
  const id = useId();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [removal, setRemoval] = useState<Outcome | null>(null);
  const refs = new Map(themes.flatMap((theme) => [theme, ...theme.subthemes]).map((theme) => [theme.key, { key: theme.key, label: theme.label, terms: theme.terms }]));
  const ref = (key: string): ThemeRef => refs.get(key) ?? { key, label: key, terms: [] };
  const send = (step: SteeringStep) => action(slug, { change: "add", consultationId, baseVersion: steering.version, step });

  const remove = (index: number) =>
    startTransition(async () => {
      setRemoval(null);
      const result = await action(slug, { change: "remove", consultationId, baseVersion: steering.version, index });
      setRemoval(result.ok ? { ok: true, message: result.message ?? "Taken out." } : { ok: false, message: result.message });
      if (result.ok) router.refresh();
    });

  const shared = { themes, onSaved: () => router.refresh() };
  return (
    <section aria-labelledby={`${id}-title`} className="no-print mt-4 rounded-lg border border-slate-300 p-4">
      <h3 id={`${id}-title`} className="text-xl font-semibold">
        Steer the themes
      </h3>
      <p className="mt-1 max-w-3xl text-slate-700">
        Rename, merge, split or delete what the engine found, add a theme from seed words, or move a contribution. Each step is saved at once
        and applied again every time the themes are found; a published version keeps the steps it was published with.
      </p>

      <h4 className="mt-4 font-semibold">Steps in effect {steering.version > 0 ? `(steering version ${steering.version})` : null}</h4>
      {steering.steps.length === 0 ? (
        <p className="mt-1 text-slate-700">None yet: the themes are the engine&apos;s.</p>
      ) : (
        <ol className="mt-2 list-decimal space-y-2 pl-6">
          {steering.steps.map((step, index) => {
            const outcome = outcomes?.[index];
            return (
              <li key={`${index}-${step.kind}`}>
                <span>{outcome?.description ?? describeStep(step)}</span>{" "}
                <span className="text-sm text-slate-700">({outcome ? OUTCOME_LABEL[outcome.status] : "being applied"})</span>{" "}
                <button type="button" className={smallButton} disabled={pending} onClick={() => remove(index)} aria-label={`Take out step ${index + 1}`}>
                  Take out
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <div className="mt-2">
        <FormOutcome outcome={removal} />
      </div>

      <div className="mt-4 grid gap-3 lg:grid-cols-2">
        <StepForm
          title="Rename a theme"
          schema={z.object({ theme: chosen, label: themeLabelSchema })}
          defaults={{ theme: "", label: "" }}
          fields={["theme", "label"]}
          toStep={(values) => ({ kind: "rename", theme: ref(values.theme), label: values.label })}
          send={send}
          {...shared}
        >
          {(form) => (
            <>
              <ThemeSelect form={form} name="theme" label="Theme" themes={themes} withSubthemes />
              <TextField form={form} name="label" label="New name" />
            </>
          )}
        </StepForm>

        <StepForm
          title="Merge themes"
          schema={z.object({ themes: z.array(z.string()).min(2, "Choose two themes or more to merge."), label: z.union([z.literal(""), themeLabelSchema]) })}
          defaults={{ themes: [], label: "" }}
          fields={["themes", "label"]}
          toStep={(values) => ({ kind: "merge", themes: values.themes.map(ref), ...(values.label.trim() ? { label: values.label } : {}) })}
          send={send}
          {...shared}
        >
          {(form) => (
            <>
              <fieldset aria-describedby={form.errors.themes ? `${form.id}-themes-error` : undefined}>
                <legend className="font-medium text-slate-900">Themes to merge</legend>
                {themes.map((theme) => (
                  <label key={theme.key} className="mt-1 flex gap-2">
                    <input type="checkbox" value={theme.key} className={checkboxClass} {...form.register("themes")} />
                    <span>{theme.label}</span>
                  </label>
                ))}
                <FieldError id={`${form.id}-themes`} message={form.errors.themes} />
              </fieldset>
              <TextField form={form} name="label" label="Name of the merged theme" hint="Leave it empty to keep the first theme's name." optional />
            </>
          )}
        </StepForm>

        <StepForm
          title="Split a theme"
          schema={z
            .object({ theme: chosen, by: z.enum(["subthemes", "seeds"]), parts: z.string() })
            .superRefine((values, context) => {
              if (values.by !== "seeds") return;
              const parsed = splitPartsSchema.safeParse(parseParts(values.parts));
              if (!parsed.success) context.addIssue({ code: "custom", path: ["parts"], message: parsed.error.issues[0]?.message ?? "Give each part a name and seed words." });
            })}
          defaults={{ theme: "", by: "subthemes", parts: "" }}
          fields={(key) => (key.startsWith("step.by") ? "parts" : key === "step.theme" ? "theme" : undefined)}
          toStep={(values) => ({ kind: "split", theme: ref(values.theme), by: values.by === "seeds" ? { kind: "seeds", parts: parseParts(values.parts) } : { kind: "subthemes" } })}
          send={send}
          {...shared}
        >
          {(form) => <SplitFields form={form} themes={themes} />}
        </StepForm>

        <StepForm
          title="Delete a theme"
          schema={z.object({ theme: chosen })}
          defaults={{ theme: "" }}
          fields={["theme"]}
          toStep={(values) => ({ kind: "delete", theme: ref(values.theme) })}
          send={send}
          {...shared}
        >
          {(form) => (
            <>
              <ThemeSelect form={form} name="theme" label="Theme" themes={themes} />
              <p className="text-sm text-slate-700">Its contributions stay in their other themes; those in no other are set aside as not themed.</p>
            </>
          )}
        </StepForm>

        <StepForm
          title="Add a theme from seed words"
          schema={z.object({ label: themeLabelSchema, seeds: z.string().transform(splitSeeds).pipe(seedsSchema) })}
          defaults={{ label: "", seeds: "" }}
          fields={["label", "seeds"]}
          toStep={(values) => ({ kind: "add", label: values.label, seeds: splitSeeds(values.seeds) })}
          send={send}
          {...shared}
        >
          {(form) => (
            <>
              <TextField form={form} name="label" label="Name" />
              <TextField form={form} name="seeds" label="Seed words or phrases" hint="Separated by commas, such as: biometric, facial recognition, remote identification" />
            </>
          )}
        </StepForm>

        <StepForm
          title="Move a contribution"
          schema={z
            .object({ contribution: contributionReferenceSchema, from: z.string(), to: z.string() })
            .refine((values) => values.from !== values.to, { path: ["to"], message: "Choose another theme to move it into, or out of the themes." })}
          defaults={{ contribution: "", from: "", to: "" }}
          fields={(key) => (key === "step.contribution" ? "contribution" : undefined)}
          toStep={(values) => ({ kind: "move", contribution: values.contribution, from: values.from ? ref(values.from) : null, to: values.to ? ref(values.to) : null })}
          send={send}
          {...shared}
        >
          {(form) => (
            <>
              <TextField form={form} name="contribution" label="Contribution" hint="Its reference, such as AGR-2026-000123." />
              <ThemeSelect form={form} name="from" label="Out of" themes={themes} none="No theme (it is not themed now)" />
              <ThemeSelect form={form} name="to" label="Into" themes={themes} none="No theme (set it aside)" />
            </>
          )}
        </StepForm>
      </div>
    </section>
  );
}

const OUTCOME_LABEL: Record<StepOutcome["status"], string> = {
  applied: "applied",
  notFound: "its theme is no longer found",
  nothingToDo: "nothing to change",
};

/** A step as the moderator asked for it, before the theme job has applied it. */
function describeStep(step: SteeringStep): string {
  switch (step.kind) {
    case "rename":
      return `Rename “${step.theme.label}” to “${step.label}”.`;
    case "merge":
      return `Merge ${step.themes.map((theme) => `“${theme.label}”`).join(", ")}${step.label ? ` as “${step.label}”` : ""}.`;
    case "split":
      return step.by.kind === "subthemes"
        ? `Split “${step.theme.label}” into its sub-themes.`
        : `Split ${step.by.parts.map((part) => `“${part.label}”`).join(", ")} out of “${step.theme.label}”.`;
    case "delete":
      return `Delete “${step.theme.label}”.`;
    case "add":
      return `Add “${step.label}” from ${step.seeds.map((seed) => `“${seed}”`).join(", ")}.`;
    case "move":
      return `Move ${step.contribution} ${step.from ? `out of “${step.from.label}”` : ""}${step.from && step.to ? " and " : ""}${step.to ? `into “${step.to.label}”` : step.from ? "" : "nowhere"}.`;
  }
}

/** "Name: seed, seed" on each line. */
function parseParts(text: string): { label: string; seeds: string[] }[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const at = line.indexOf(":");
      return at < 0 ? { label: line, seeds: [] } : { label: line.slice(0, at).trim(), seeds: splitSeeds(line.slice(at + 1).replaceAll(";", ",")) };
    });
}

type FormBits<Values extends FieldValues> = {
  id: string;
  register: ReturnType<typeof useActionForm<Values, unknown, SteeredVersion>>["form"]["register"];
  errors: Partial<Record<Path<Values>, string>>;
  watch: Values;
};

type StepFormProps<Values extends FieldValues> = {
  title: string;
  schema: z.ZodType<unknown, Values>;
  defaults: Values;
  fields: readonly Path<Values>[] | ((key: string) => Path<Values> | undefined);
  toStep: (values: Values) => SteeringStep;
  send: (step: SteeringStep) => Promise<ActionResult<SteeredVersion>>;
  themes: SteerableTheme[];
  onSaved: () => void;
  children: (form: FormBits<Values>) => ReactNode;
};

/** One kind of step: a disclosure with its form, checked in the browser with the same rules as on the server. */
function StepForm<Values extends FieldValues>({ title, schema, defaults, fields, toStep, send, onSaved, children }: StepFormProps<Values>) {
  const id = useId();
  const serverFields = typeof fields === "function" ? fields : (key: string) => fields.find((field) => `step.${field}` === key || field === key);
  const { form, outcome, onSubmit } = useActionForm<Values, unknown, SteeredVersion>({
    schema,
    action: (values) => send(toStep(values)),
    fields: serverFields,
    defaultValues: defaults as never,
    onSuccess: (_saved, { form }) => {
      form.reset(defaults);
      onSaved();
    },
  });
  const watch = useWatch({ control: form.control }) as Values;
  const errors = Object.fromEntries(Object.entries(form.formState.errors).map(([key, error]) => [key, (error as { message?: string } | undefined)?.message])) as FormBits<Values>["errors"];
  return (
    <details className="rounded-md border border-slate-300 p-3">
      <summary className="cursor-pointer font-medium">{title}</summary>
      <form onSubmit={onSubmit} noValidate aria-label={title} className="mt-3 space-y-3">
        {children({ id, register: form.register, errors, watch })}
        <FormOutcome outcome={outcome} hasFieldErrors={Object.keys(form.formState.errors).length > 0} />
        <button type="submit" className={button} disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Saving…" : "Save this step"}
        </button>
      </form>
    </details>
  );
}

function TextField<Values extends FieldValues>({ form, name, label, hint, optional = false }: { form: FormBits<Values>; name: Path<Values>; label: string; hint?: string; optional?: boolean }) {
  return (
    <Field id={`${form.id}-${name}`} label={label} hint={hint} required={!optional} error={form.errors[name]}>
      {(control) => <input {...control} type="text" maxLength={LABEL_MAX * 2} className={controlClass} {...form.register(name)} />}
    </Field>
  );
}

function ThemeSelect<Values extends FieldValues>({
  form,
  name,
  label,
  themes,
  withSubthemes = false,
  none,
}: {
  form: FormBits<Values>;
  name: Path<Values>;
  label: string;
  themes: SteerableTheme[];
  withSubthemes?: boolean;
  /** The first choice when "no theme" is one. */
  none?: string;
}) {
  return (
    <Field id={`${form.id}-${name}`} label={label} required={none === undefined} error={form.errors[name]}>
      {(control) => (
        <select {...control} className={controlClass} {...form.register(name)}>
          <option value="">{none ?? "Choose a theme"}</option>
          {themes.map((theme) =>
            withSubthemes && theme.subthemes.length > 0 ? (
              <optgroup key={theme.key} label={theme.label}>
                <option value={theme.key}>{theme.label}</option>
                {theme.subthemes.map((sub) => (
                  <option key={sub.key} value={sub.key}>
                    {sub.label} (sub-theme)
                  </option>
                ))}
              </optgroup>
            ) : (
              <option key={theme.key} value={theme.key}>
                {theme.label}
              </option>
            ),
          )}
        </select>
      )}
    </Field>
  );
}

function SplitFields<Values extends FieldValues>({ form, themes }: { form: FormBits<Values>; themes: SteerableTheme[] }) {
  const by = (form.watch as { by?: string }).by;
  const name = (field: string) => field as Path<Values>;
  return (
    <>
      <ThemeSelect form={form} name={name("theme")} label="Theme" themes={themes} />
      <fieldset>
        <legend className="font-medium text-slate-900">Split it</legend>
        <label className="mt-1 flex gap-2">
          <input type="radio" value="subthemes" className={checkboxClass} {...form.register(name("by"))} />
          <span>into its sub-themes</span>
        </label>
        <label className="mt-1 flex gap-2">
          <input type="radio" value="seeds" className={checkboxClass} {...form.register(name("by"))} />
          <span>by seed words: each part becomes a theme, the rest stays</span>
        </label>
      </fieldset>
      {by === "seeds" ? (
        <Field id={`${form.id}-parts`} label="Parts" hint="One per line: its name, a colon, its seed words separated by commas." required error={form.errors[name("parts")]}>
          {(control) => <textarea {...control} rows={3} className={controlClass} placeholder="Facial recognition: facial recognition, face" {...form.register(name("parts"))} />}
        </Field>
      ) : null}
    </>
  );
}
