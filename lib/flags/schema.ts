import { z } from "zod";
import { FlagReason } from "@/lib/generated/prisma/enums";
import { referenceSchema } from "@/lib/contributions/schema";

// Reporting a published contribution to the moderators: the report form
// (zodResolver) and the server action parse with this schema.

export const FLAG_REASON_LABELS: Record<FlagReason, string> = {
  SPAM: "Spam or advertising",
  OFFENSIVE: "Offensive or abusive",
  OFF_TOPIC: "Off topic",
  PERSONAL_DATA: "Contains personal data",
  OTHER: "Something else",
};

export const FLAG_COMMENT_MAX_LENGTH = 1000;

export const flagContributionSchema = z
  .object({
    reference: referenceSchema,
    reason: z.enum(FlagReason, "Choose why you are reporting this contribution."),
    comment: z
      .string()
      .trim()
      .max(FLAG_COMMENT_MAX_LENGTH, `Keep the comment under ${FLAG_COMMENT_MAX_LENGTH.toLocaleString("en")} characters.`)
      .optional()
      .transform((value) => (value ? value : undefined)),
  })
  // "Something else" tells the moderators nothing without a word of explanation.
  .refine((input) => input.reason !== "OTHER" || input.comment !== undefined, {
    path: ["comment"],
    message: "Say what is wrong with this contribution.",
  });

export type FlagContributionInput = z.input<typeof flagContributionSchema>;

export const ALREADY_REPORTED_MESSAGE = "You have already reported this contribution.";
