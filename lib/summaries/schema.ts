import { z } from "zod";

// The synthesis editor: markdown written by moderators next to the live
// figures, with contributions pinned as highlights. Every save makes a new
// version; "publish" makes a published one that freezes its figures.

export const SYNTHESIS_MAX = 50_000;
export const HIGHLIGHTS_MAX = 10;

const reference = z
  .string()
  .trim()
  .regex(/^AGR-\d{4}-\d{6,}$/, "A highlight must be a contribution reference such as AGR-2026-000123.");

export const saveSummarySchema = z
  .object({
    consultationId: z.string("Choose a consultation.").trim().min(1, "Choose a consultation.").max(64, "This consultation id is not valid."),
    synthesis: z.string("Write the synthesis.").trim().max(SYNTHESIS_MAX, `Keep the synthesis under ${SYNTHESIS_MAX.toLocaleString("en")} characters.`),
    highlights: z
      .array(reference, "Highlights must be a list of contribution references.")
      .max(HIGHLIGHTS_MAX, `Pin at most ${HIGHLIGHTS_MAX} contributions.`)
      .default([]),
    // The newest version the editor was opened on (0 when there was none): a
    // save on top of someone else's newer version is refused, not merged.
    baseVersion: z.coerce.number("The version must be a number.").int("The version must be a whole number.").min(0, "The version cannot be negative."),
    publish: z.boolean().default(false),
  })
  .superRefine((value, context) => {
    if (new Set(value.highlights).size !== value.highlights.length) {
      context.addIssue({ code: "custom", path: ["highlights"], message: "A contribution is pinned twice." });
    }
    if (value.publish && value.synthesis.length === 0) {
      context.addIssue({ code: "custom", path: ["synthesis"], message: "Write the synthesis before publishing the summary." });
    }
  });

export type SaveSummaryInput = z.input<typeof saveSummarySchema>;
