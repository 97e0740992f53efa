import type { Option } from "@/lib/vocabulary/options";

/** Official languages of the EU, then those of the partner countries the conferences work with. */
const LANGUAGE_NAMES = {
  bg: "Bulgarian (български)",
  cs: "Czech (čeština)",
  da: "Danish (dansk)",
  de: "German (Deutsch)",
  el: "Greek (ελληνικά)",
  en: "English",
  es: "Spanish (español)",
  et: "Estonian (eesti)",
  fi: "Finnish (suomi)",
  fr: "French (français)",
  ga: "Irish (Gaeilge)",
  hr: "Croatian (hrvatski)",
  hu: "Hungarian (magyar)",
  it: "Italian (italiano)",
  lt: "Lithuanian (lietuvių)",
  lv: "Latvian (latviešu)",
  mt: "Maltese (Malti)",
  nl: "Dutch (Nederlands)",
  pl: "Polish (polski)",
  pt: "Portuguese (português)",
  ro: "Romanian (română)",
  sk: "Slovak (slovenčina)",
  sl: "Slovenian (slovenščina)",
  sv: "Swedish (svenska)",
  ja: "Japanese (日本語)",
  ko: "Korean (한국어)",
  zh: "Chinese (中文)",
  hi: "Hindi (हिन्दी)",
  ar: "Arabic (العربية)",
  tr: "Turkish (Türkçe)",
  uk: "Ukrainian (українська)",
  no: "Norwegian (norsk)",
  is: "Icelandic (íslenska)",
} as const;

export type LanguageCode = keyof typeof LANGUAGE_NAMES;

export const LANGUAGE_CODES = Object.keys(LANGUAGE_NAMES) as [LanguageCode, ...LanguageCode[]];

export function isLanguageCode(code: string): code is LanguageCode {
  return Object.hasOwn(LANGUAGE_NAMES, code);
}

export function languageName(code: string): string {
  return isLanguageCode(code) ? LANGUAGE_NAMES[code] : code;
}

/** For the language select, sorted by English name. */
export const languageOptions: Option<LanguageCode>[] = LANGUAGE_CODES.map((value) => ({ value, label: LANGUAGE_NAMES[value] })).sort(
  (a, b) => a.label.localeCompare(b.label, "en"),
);
