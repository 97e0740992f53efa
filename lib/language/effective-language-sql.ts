import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The language a contribution (alias `c`) is searched, themed, filtered and
 * counted in: its detected language when the detector was confident, the
 * declared one otherwise. The SQL twin of effectiveLanguage(), the same
 * function the generated search column calls.
 */
export const EFFECTIVE_LANGUAGE_SQL = Prisma.sql`agora_effective_language(c."language", c."detectedLanguage", c."languageConfident")`;
