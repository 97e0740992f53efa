import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The language a contribution row (aliased `alias`) is searched, themed,
 * filtered and counted in: its detected language when the detector was
 * confident, the declared one otherwise. The SQL twin of
 * effectiveLanguage(), the same function the generated search column calls.
 */
export function effectiveLanguageSql(alias = "c"): Prisma.Sql {
  return Prisma.raw(`agora_effective_language(${alias}."language", ${alias}."detectedLanguage", ${alias}."languageConfident")`);
}
