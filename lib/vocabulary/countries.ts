import countries from "i18n-iso-countries";
import countriesEn from "i18n-iso-countries/langs/en.json";
import type { Option } from "@/lib/vocabulary/options";

countries.registerLocale(countriesEn);

/** ISO 3166-1 alpha-2 countries with their English names, sorted by name. */
export const countryOptions: Option[] = Object.entries(countries.getNames("en", { select: "official" }))
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, "en"));

const COUNTRY_CODES: ReadonlySet<string> = new Set(countryOptions.map((option) => option.value));

/** An upper-case ISO 3166-1 alpha-2 code of a country in the list. */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

export function countryName(code: string): string {
  return countries.getName(code, "en", { select: "official" }) ?? code;
}
