import { languageName } from "@/lib/vocabulary/languages";

// What moderators read when the detector disagrees with the author's
// declared language (issue 10): both, and which one the text is searched in.

export type StoredLanguages = { language: string; detectedLanguage: string | null; languageConfident: boolean };

/** "Declared: English · Detected: French", or null when they agree or nothing was detected. */
export function languageDifference({ language, detectedLanguage, languageConfident }: StoredLanguages): string | null {
  if (!detectedLanguage || detectedLanguage === language) return null;
  const line = `Declared: ${languageName(language)} · Detected: ${languageName(detectedLanguage)}`;
  return languageConfident ? `${line}, used for search and filters` : `${line}, not certain: the declared language is used`;
}
