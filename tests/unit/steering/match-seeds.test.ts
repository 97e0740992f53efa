import { describe, expect, it } from "vitest";
import { indexDocuments } from "@/lib/summaries/steering/index-documents";
import { seedMatcher } from "@/lib/summaries/steering/match-seeds";
import type { ThemeInput } from "@/lib/summaries/themes/engine/types";

// Seed words as a moderator types them, against texts as people write them.

const document = (text: string, language = "en"): ThemeInput => ({ id: "d1", reference: "AGR-2026-000001", stakeholderType: "NGO", groupId: null, parts: [{ text, language, source: { kind: "body" } }] });
const matcher = seedMatcher(indexDocuments([]).tools);
const mentions = (text: string, seed: string, language = "en") => matcher.mentions(document(text, language), [seed]);

describe("seed words", () => {
  it("match other forms of the same word", () => {
    expect(mentions("Biometrics should be banned.", "biometric")).toBe(true);
    expect(mentions("Ban biometric surveillance.", "Biometrics")).toBe(true);
    expect(mentions("Die Gesichtserkennungen im Bahnhof.", "Gesichtserkennung", "de")).toBe(true);
  });

  it("match a phrase written with a hyphen or in the plural, its words one after the other only", () => {
    expect(mentions("Facial-recognition cameras.", "facial recognition")).toBe(true);
    expect(mentions("No more facial recognitions in stations.", "facial recognition")).toBe(true);
    expect(mentions("Facial and vocal recognition.", "facial recognition")).toBe(false);
    expect(mentions("Recognition, facial or not.", "facial recognition")).toBe(false);
  });

  it("match whole words, accents or not", () => {
    expect(mentions("Bioethics matter.", "bio")).toBe(false);
    expect(mentions("Les données biométriques sont sensibles.", "donnees biometriques", "fr")).toBe(true);
    expect(mentions("Les donnees biometriques sont sensibles.", "données biométriques", "fr")).toBe(true);
    expect(mentions("See article 50 of the act.", "article 5")).toBe(false);
    expect(mentions("See Article 5 of the act.", "article 5")).toBe(true);
  });

  it("are looked for as written in a language without spaces", () => {
    expect(mentions("公共场所的人脸识别应当禁止。", "人脸识别", "zh")).toBe(true);
    expect(mentions("公共场所的监控应当禁止。", "人脸识别", "zh")).toBe(false);
  });

  it("are quoted in whole sentences exactly as written, readable ones first, each sentence once", () => {
    const documents: ThemeInput[] = [
      { ...document("Biometrics!"), id: "d1" },
      { ...document("First we ask for less. Biometric data of children must never be collected by schools."), id: "d2", reference: "AGR-2026-000002" },
      { ...document("Biometric data of children must never be collected by schools."), id: "d3", reference: "AGR-2026-000003" },
    ];
    const quotes = matcher.quotes(documents, ["biometric"], 3);
    expect(quotes.map((quote) => [quote.contributionId, quote.text])).toEqual([
      ["d2", "Biometric data of children must never be collected by schools."],
      ["d1", "Biometrics!"],
    ]);
  });
});
