import { describe, expect, it } from "vitest";
import { countTerms } from "@/lib/summaries/themes/count-terms";
import { cutOnWordBoundary, excerptOf } from "@/lib/summaries/themes/excerpt";
import { languageTools } from "@/lib/summaries/themes/language-tools";
import { tokenise } from "@/lib/summaries/themes/tokenise";

const termsOf = (text: string, language: string) => {
  const tools = languageTools(language);
  return tokenise(text, tools)
    .map((word) => tools.termOf(word))
    .filter((term) => term !== null);
};

describe("words to terms", () => {
  it("drops each language's stop words and stems the rest", () => {
    expect(termsOf("les politiques publiques", "fr")).toEqual(["polit", "publiqu"]);
    expect(termsOf("The policies of the Member States", "en")).toEqual(["polici", "member", "state"]);
    expect(termsOf("Die Landwirte brauchen die Subventionen", "de")).toEqual(["landwirt", "brauch", "subvention"]);
    expect(termsOf("las políticas públicas", "es")).toEqual(["polit", "public"]);
  });

  it("keeps the words of a language without a stemmer as they are, in lower case", () => {
    // Polish has stop words but no Snowball stemmer; Maltese has neither.
    expect(termsOf("Polityki publiczne i rolnictwo", "pl")).toEqual(["polityki", "publiczne", "rolnictwo"]);
    expect(termsOf("Il-politiki pubbliċi", "mt")).toEqual(["il", "politiki", "pubbliċi"]);
  });

  it("lowers Turkish capitals the Turkish way", () => {
    expect(languageTools("tr").lowercase("İSTANBUL")).toBe("istanbul");
    expect(languageTools("tr").lowercase("IRMAK")).toBe("ırmak");
  });

  it("drops numbers, web and e-mail addresses and one-letter words", () => {
    const tools = languageTools("en");
    expect(tokenise("See https://example.org/cycle-lanes or www.bikes.example, write to info@bikes.example: 25 km in 2026, l'avenir", tools)).toEqual([
      "See",
      "or",
      "write",
      "to",
      "km",
      "in",
      "l",
      "avenir",
    ]);
    expect(tools.termOf("l")).toBeNull();
    expect(tools.termOf("km")).toBe("km");
  });

  it("splits Japanese and Chinese by script: pairs of Han characters, katakana words whole, no hiragana", () => {
    expect(tokenise("個人情報の保護が必要です。2026年、スタートアップとAIの自治体", languageTools("ja"))).toEqual([
      "個人",
      "人情",
      "情報",
      "保護",
      "必要",
      "年",
      "スタートアップ",
      "AI",
      "自治体",
    ]);
    expect(tokenise("个人数据保护，GDPR", languageTools("zh"))).toEqual(["个人", "人数", "数据", "据保", "保护", "GDPR"]);
    expect(languageTools("ja").termOf("年")).toBe("年");
  });

  it("names each term by its commonest spelling", () => {
    const tools = languageTools("en");
    const counts = countTerms(["Cycling lanes. Cycling is safe.", "cycling and cyclists", "More cycling, the EU says", "EU lanes"], tools);
    const id = (stem: string) => counts.terms.indexOf(stem);
    // "cycling" three times against "Cycling" twice; "EU" is never written "eu".
    expect(counts.readableForms([id("cycl"), id("eu"), id("lane")])).toEqual(["cycling", "EU", "lanes"]);
    expect(counts.documentFrequency[id("cycl")]).toBe(3);
  });
});

describe("excerpts", () => {
  const sentence =
    "Municipal budgets for road maintenance should reserve a fixed share for protected cycle lanes, wide pavements, secure bicycle parking and reliable public transport in every district of the city and its suburbs.";

  it("keeps a short text whole and cuts a long one after a whole word", () => {
    expect(cutOnWordBoundary("Bike lanes now.", "en", 40)).toBe("Bike lanes now.");
    const cut = cutOnWordBoundary(sentence, "en", 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut.endsWith("…")).toBe(true);
    const kept = cut.slice(0, -1);
    expect(sentence.startsWith(kept)).toBe(true);
    expect(kept).toMatch(/\p{L}$/u);
    expect(sentence.charAt(kept.length)).toMatch(/[^\p{L}]/u);
  });

  it("cuts a word longer than the room between characters, and Japanese between words", () => {
    expect(cutOnWordBoundary("a".repeat(300), "en", 50)).toBe(`${"a".repeat(49)}…`);
    const japanese = "個人情報の保護は、すべての市民にとって基本的な権利であり、企業はその責任を果たすべきです。";
    const cut = cutOnWordBoundary(japanese, "ja", 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(japanese.startsWith(cut.slice(0, -1))).toBe(true);
  });

  it("takes the sentence that scores best, its spaces collapsed", () => {
    const text = "We thank the organisers.\n\nProtected cycle   lanes save\tlives. Parking is scarce.";
    const score = (candidate: string) => (candidate.includes("cycle") ? 2 : candidate.includes("Parking") ? 1 : 0);
    expect(excerptOf(text, "en", score, 200)).toBe("Protected cycle lanes save lives.");
    expect(excerptOf(text, "en", () => 0, 200)).toBe("We thank the organisers.");
  });
});
