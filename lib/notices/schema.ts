import { z } from "zod";

// Marking notices read: one by its id, or all of the signed-in user's at once.
// An empty request marks nothing: "all" has to be asked for.

const noticeId = z.string("Choose a notice.").trim().min(1, "Choose a notice.").max(64, "This notice id is not valid.");

export const markNoticesReadSchema = z.union([z.strictObject({ noticeId }), z.strictObject({ all: z.literal(true) })], "Choose a notice, or all of them.");

export type MarkNoticesReadInput = z.input<typeof markNoticesReadSchema>;
