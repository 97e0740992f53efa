import { z } from "zod";

// Record ids are cuids: short, and made of letters and digits only.
export const RECORD_ID_PATTERN = /^[a-z0-9]{8,40}$/i;
export const recordIdSchema = z.string("This item could not be found.").regex(RECORD_ID_PATTERN, "This item could not be found.");
