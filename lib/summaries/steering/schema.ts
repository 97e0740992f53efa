import { z } from "zod";

// The moderators' steering of a consultation's themes (issue 11): a list of
// steps applied in order to what the engine found, each time the themes are
// computed again. A step names a theme by its key and keeps the label and
// terms it had, so that it still finds that theme when more contributions
// have changed its key (apply-steering.ts says how). Saved as the working
// copy (ThemeSteering), copied into each saved version.

export const STEERING_STEPS_MAX = 200;
export const LABEL_MAX = 120;
export const SEEDS_MAX = 20;
export const SEED_MAX = 80;

export const themeLabelSchema = z
  .string("Give the theme a name.")
  .trim()
  .min(2, "Give the theme a name of two characters or more.")
  .max(LABEL_MAX, `Keep the name under ${LABEL_MAX} characters.`);

/** A theme as the moderator saw it: its key, and its label and terms to find it again after a recompute. */
export const themeRefSchema = z.object({
  key: z.string().trim().min(1, "Choose a theme.").max(300),
  label: z.string().max(LABEL_MAX * 2),
  terms: z.array(z.string().max(200)).max(50).default([]),
});

/** Seed words or phrases, separated by commas in the form ("biometric, facial recognition, remote identification"). */
export const seedsSchema = z
  .array(z.string().trim().min(2, "A seed word needs two characters or more.").max(SEED_MAX, `Keep each seed under ${SEED_MAX} characters.`), "Give some seed words.")
  .min(1, "Give at least one seed word or phrase.")
  .max(SEEDS_MAX, `Give at most ${SEEDS_MAX} seed words or phrases.`);

export const contributionReferenceSchema = z.string().trim().regex(/^AGR-\d{4}-\d{6,}$/, "Name the contribution by its reference, such as AGR-2026-000123.");

/** A split by seed words: each part a new theme, the rest stays in the theme split. */
export const splitPartsSchema = z
  .array(z.object({ label: themeLabelSchema, seeds: seedsSchema }))
  .min(1, "Give the seed words of one part at least.")
  .max(8, "Split a theme into at most 8 parts at a time.");

export const steeringStepSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("rename"), theme: themeRefSchema, label: themeLabelSchema }),
  z.object({
    kind: z.literal("merge"),
    themes: z.array(themeRefSchema).min(2, "Choose two themes or more to merge.").max(12),
    label: themeLabelSchema.optional(),
  }),
  // Its sub-themes become themes of their own; or seed words make the new themes and the rest stays.
  z.object({
    kind: z.literal("split"),
    theme: themeRefSchema,
    by: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("subthemes") }),
      z.object({ kind: z.literal("seeds"), parts: splitPartsSchema }),
    ]),
  }),
  z.object({ kind: z.literal("delete"), theme: themeRefSchema }),
  z.object({ kind: z.literal("add"), label: themeLabelSchema, seeds: seedsSchema }),
  // Into a theme, out of one (to: null), or from one to another.
  z.object({ kind: z.literal("move"), contribution: contributionReferenceSchema, from: themeRefSchema.nullable(), to: themeRefSchema.nullable() }),
]);

export const steeringSchema = z.array(steeringStepSchema).max(STEERING_STEPS_MAX, `A summary can hold at most ${STEERING_STEPS_MAX} steering steps.`);

export type ThemeRef = z.output<typeof themeRefSchema>;
export type SteeringStep = z.output<typeof steeringStepSchema>;
export type Steering = z.output<typeof steeringSchema>;

/** A change to the steering: a step added at the end, or the step at `index` taken out. */
export const steerThemesSchema = z.discriminatedUnion("change", [
  z.object({ change: z.literal("add"), consultationId: z.string().min(1), baseVersion: z.number().int().min(0), step: steeringStepSchema }),
  z.object({ change: z.literal("remove"), consultationId: z.string().min(1), baseVersion: z.number().int().min(0), index: z.number().int().min(0) }),
]);

export type SteerThemesInput = z.input<typeof steerThemesSchema>;

/** Seed words as a moderator types them: separated by commas, semicolons or lines. */
export function splitSeeds(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((seed) => seed.trim())
    .filter((seed) => seed.length > 0);
}
