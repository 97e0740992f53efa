import { z } from "zod";
import { referenceSchema } from "@/lib/contributions/schema";

// The withdraw button names the contribution by its public reference.
export const withdrawContributionSchema = z.object({ reference: referenceSchema });

export type WithdrawContributionInput = z.input<typeof withdrawContributionSchema>;
