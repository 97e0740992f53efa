import { z } from "zod";
import { recordIdSchema } from "@/lib/vocabulary/record-ids";

/** An upload named by the browser (to delete it, for example): its id, checked for shape only. */
export const attachmentTargetSchema = z.object({ attachmentId: recordIdSchema });
