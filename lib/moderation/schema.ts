import { z } from "zod";
import { needsReason } from "@/lib/contributions/lifecycle/transitions";

// What a moderator sends. The contribution's version is the one the
// moderator saw: a decision made on an older version is refused with
// "already decided by X at T" instead of overwriting someone else's.
// Who decides, when, and the status before and after never come from here.

export const DECISIONS = ["APPROVE", "REJECT", "HIDE", "RESTORE"] as const;
export type Decision = (typeof DECISIONS)[number];

export const BULK_DECISIONS = ["APPROVE", "REJECT"] as const;
export type BulkDecision = (typeof BULK_DECISIONS)[number];

/** At most this many contributions in one bulk decision (one transaction). */
export const BULK_LIMIT = 100;

export const REASON_TEXT_MAX = 1000;
export const NOTE_MAX = 2000;

const contributionId = z.string("Choose a contribution.").trim().min(1, "Choose a contribution.").max(64, "This contribution id is not valid.");
const version = z.coerce
  .number("The version must be a number.")
  .int("The version must be a whole number.")
  .min(1, "The version must be 1 or more.");
const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const reasonId = z.preprocess(emptyToUndefined, z.string().trim().max(64, "This reason is not valid.").optional());
const reasonText = z.preprocess(
  emptyToUndefined,
  z.string().trim().max(REASON_TEXT_MAX, `Keep the explanation under ${REASON_TEXT_MAX} characters.`).optional(),
);
const note = z.preprocess(emptyToUndefined, z.string().trim().max(NOTE_MAX, `Keep the note under ${NOTE_MAX} characters.`).optional());

export const REASON_REQUIRED_MESSAGE = "Choose a reason from the list or explain the decision to the author.";

/** A decision that tells the author why (the lifecycle's table says which) needs a listed reason, free text, or both. */
function requireReason(value: { decision: Decision; reasonId?: string; reasonText?: string }, context: z.RefinementCtx): void {
  if (needsReason(value.decision) && !value.reasonId && !value.reasonText) {
    context.addIssue({ code: "custom", path: ["reasonId"], message: REASON_REQUIRED_MESSAGE });
  }
}

export const decideContributionSchema = z
  .object({
    contributionId,
    version,
    decision: z.enum(DECISIONS, "Choose a decision."),
    // A RejectionReason id (the list administrators edit) …
    reasonId,
    // … and/or free text; the author sees both.
    reasonText,
    // Internal: never shown to the author.
    note,
  })
  .superRefine(requireReason);
export type DecideContributionInput = z.input<typeof decideContributionSchema>;

export const bulkDecideSchema = z
  .object({
    decision: z.enum(BULK_DECISIONS, "Choose approve or reject."),
    items: z
      .array(z.object({ contributionId, version }), "Select at least one contribution.")
      .min(1, "Select at least one contribution.")
      .max(BULK_LIMIT, `Select at most ${BULK_LIMIT} contributions at a time.`),
    reasonId,
    reasonText,
    note,
  })
  .superRefine((value, context) => {
    requireReason(value, context);
    const ids = value.items.map((item) => item.contributionId);
    if (new Set(ids).size !== ids.length) {
      context.addIssue({ code: "custom", path: ["items"], message: "A contribution is selected twice." });
    }
  });
export type BulkDecideInput = z.input<typeof bulkDecideSchema>;

export const addModeratorNoteSchema = z.object({
  contributionId,
  note: z.string("Write the note.").trim().min(1, "Write the note.").max(NOTE_MAX, `Keep the note under ${NOTE_MAX} characters.`),
});
export type AddModeratorNoteInput = z.input<typeof addModeratorNoteSchema>;

/** The reports were looked at and the contribution stays published. */
export const dismissFlagsSchema = z.object({
  contributionId,
  version,
  note,
  // How many open reports the moderator read. Reporting does not move the
  // version on, so this is what keeps a report that arrived meanwhile from
  // being dismissed unread.
  openFlagCount: z.coerce.number("The number of reports must be a number.").int("The number of reports must be a whole number.").min(0).optional(),
});
export type DismissFlagsInput = z.input<typeof dismissFlagsSchema>;
