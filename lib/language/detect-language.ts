import { eld } from "eld/medium";
import { isLanguageCode } from "@/lib/vocabulary/languages";

// Which language a text is written in, beside the one its author declared
// (portals record the interface language, not the text's). The detected
// language is used only when the detector is confident; otherwise the
// declared one stands. docs/decisions/0010-language-detection.md says which
// detector and why, and how "confident" was chosen (npm run bench:language).

export type LanguageVerdict = {
  /** What the detector said (an ISO 639-1 code), null when it said nothing or the text is too short to ask. */
  detected: string | null;
  /** Whether the detected language is to be used instead of the declared one. */
  confident: boolean;
  /** The language to search, theme and filter the text in. */
  effective: string;
};

/**
 * Below this many letters a detector's guess is not trusted (short cover
 * notes, "please see the attached paper"): on the benchmark corpus eld's
 * only confident mistakes at 30 characters and none from 200.
 */
export const MIN_LETTERS_FOR_DETECTION = 50;

// eld has no model for these, and the other detectors measured confuse
// them (Maltese read as Italian, Irish as English or Scots): a text declared
// in one of them keeps its declared language, and the detector can never
// confirm or name them.
const UNDETECTABLE = new Set(["ga", "mt"]);

// The detector reads this much at most: enough to know a language, and a
// 500-page attachment is not scanned to the end.
const SAMPLE_CHARS = 20_000;

const LETTER = /\p{L}/gu;

export function detectLanguage(text: string, declared: string): LanguageVerdict {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters < MIN_LETTERS_FOR_DETECTION) return { detected: null, confident: false, effective: declared };
  const result = eld.detect(sample);
  const detected = result.language || null;
  if (detected === null) return { detected: null, confident: false, effective: declared };
  // isReliable: eld's own check that the best score stands clear of the
  // rest; on the benchmark it removed every confident mistake from 200
  // characters on while keeping every right answer (a score margin on top
  // only lost right answers).
  const supported = isLanguageCode(detected) && !UNDETECTABLE.has(detected) && !UNDETECTABLE.has(declared);
  const confident = supported && result.isReliable();
  return { detected, confident, effective: confident ? detected : declared };
}

/** The language a text is used in, from what was stored (the SQL twin is agora_effective_language). */
export function effectiveLanguage(declared: string, detected: string | null, confident: boolean): string {
  return confident && detected ? detected : declared;
}

/** The stored columns of a contribution's language (Contribution.detectedLanguage, languageConfident), from its title and text. */
export function contributionLanguageColumns(title: string, body: string, declared: string): { detectedLanguage: string | null; languageConfident: boolean } {
  const { detected, confident } = detectLanguage(`${title}\n\n${body}`, declared);
  return { detectedLanguage: detected, languageConfident: confident };
}
