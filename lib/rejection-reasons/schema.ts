import { z } from "zod";

// The list of reasons moderators pick from when rejecting or hiding a
// contribution. A decision stores the reason's text, not a link to the row,
// so renaming or deactivating a reason never rewrites what an author was told.

export const REJECTION_REASON_LABEL_MAX = 120;
export const DUPLICATE_REASON_MESSAGE = "This reason already exists.";

const reasonId = z.string("Choose a reason.").trim().min(1, "Choose a reason.").max(64, "This reason id is not valid.");

// Runs of spaces collapse to one, so "Off  topic" is the same reason as "Off topic".
const label = z
  .string("Write the reason.")
  .transform((value) => value.trim().replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(3, "Write the reason (at least 3 characters).")
      .max(REJECTION_REASON_LABEL_MAX, `Keep the reason under ${REJECTION_REASON_LABEL_MAX} characters.`),
  );

export const createRejectionReasonSchema = z.object({ label });
export type CreateRejectionReasonInput = z.input<typeof createRejectionReasonSchema>;

/** A new label, a new state, or both; what is left out stays as it is. */
export const updateRejectionReasonSchema = z
  .object({
    id: reasonId,
    label: label.optional(),
    active: z.boolean("Say whether moderators can use this reason.").optional(),
  })
  .refine((value) => value.label !== undefined || value.active !== undefined, {
    path: ["label"],
    message: "Change the reason or whether it is active.",
  });
export type UpdateRejectionReasonInput = z.input<typeof updateRejectionReasonSchema>;

export const MOVE_DIRECTIONS = ["UP", "DOWN"] as const;
export type MoveDirection = (typeof MOVE_DIRECTIONS)[number];

export const moveRejectionReasonSchema = z.object({
  id: reasonId,
  direction: z.enum(MOVE_DIRECTIONS, "Choose up or down."),
});
export type MoveRejectionReasonInput = z.input<typeof moveRejectionReasonSchema>;
