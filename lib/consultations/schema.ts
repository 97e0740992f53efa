import { z } from "zod";
import { ConsultationStatus } from "@/lib/generated/prisma/enums";

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

// Filters of the public consultation list (a GET form: every value arrives as
// a string, "" meaning "any").
export const consultationFilterSchema = z.object({
  status: z.preprocess(emptyToUndefined, z.enum(ConsultationStatus, "Choose a status from the list.").optional()),
});

export type ConsultationFilter = z.output<typeof consultationFilterSchema>;
