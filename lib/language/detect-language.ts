import { eld } from "eld/medium";
import { isLanguageCode } from "@/lib/vocabulary/languages";

// Which language a text is written in, beside the one its author declared
// (portals record the interface language, not the text's). The detected
// language is used only when the detector is confident; otherwise the
// declared one stands. docs/decisions/0010-language-detection.md says which
// detector and why, and how "confident" was chosen.

export type LanguageVerdict = {
  /** What the detector said (an ISO 639-1 code), null when it said nothing. */
  detected: string | null;
  /** Whether the detected language is to be used instead of the declared one. */
  confident: boolean;
  /** The language to search, theme and filter the text in. */
  effective: string;
};

/** Below this many letters a detector's guess is not trusted (short cover notes, titles). */
export const MIN_LETTERS_FOR_DETECTION = 50;

// The detector has no model for these: a text declared in one of them keeps
// its declared language (it would be mistaken for its nearest neighbour).
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
  const confident =
    detected !== null && detected !== declared && !UNDETECTABLE.has(declared) && isLanguageCode(detected) && result.isReliable();
  return { detected, confident: confident || detected === declared, effective: confident ? detected : declared };
}

/** The language a text is used in, from what was stored (the SQL twin is agora_effective_language). */
export function effectiveLanguage(declared: string, detected: string | null, confident: boolean): string {
  return confident && detected ? detected : declared;
}
