import { describe, expect, it } from "vitest";
import type { StakeholderType } from "@/lib/generated/prisma/enums";
import { createRandom } from "@/prisma/seed/random";
import { assignThemes } from "@/lib/summaries/themes/assign-themes";
import { computeThemes } from "@/lib/summaries/themes/compute-themes";
import type { ThemeDocument } from "@/lib/summaries/themes/types";
import { threeSubjectDocuments } from "@/tests/unit/themes/three-subjects";

const fixture = threeSubjectDocuments();

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = createRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const document = (id: string, text: string, language = "en", stakeholderType: StakeholderType = "NGO"): ThemeDocument => ({
  id,
  reference: `AGR-2026-${id.padStart(6, "0")}`,
  text,
  language,
  stakeholderType,
});

describe("assignThemes on contributions about three subjects", () => {
  const result = assignThemes(fixture.documents);

  it("puts each subject in a theme of its own, with nothing else in it", () => {
    expect(result.themes).toHaveLength(3);
    const subjectsByTheme = new Map<string, Set<string>>();
    const themesBySubject = new Map<string, Set<string>>();
    for (const [id, subject] of fixture.subjectOf) {
      const key = result.themeKeyById.get(id);
      expect(key, `${id} (${subject}) is in no theme`).toBeDefined();
      subjectsByTheme.set(key as string, (subjectsByTheme.get(key as string) ?? new Set()).add(subject));
      themesBySubject.set(subject, (themesBySubject.get(subject) ?? new Set()).add(key as string));
    }
    expect([...subjectsByTheme.values()].map((subjects) => [...subjects])).toEqual([["cycling"], ["privacy"], ["farming"]]);
    expect([...themesBySubject.values()].every((keys) => keys.size === 1)).toBe(true);
    expect(result.themes.map((theme) => theme.size)).toEqual([12, 12, 12]);
  });

  it("describes each theme by readable key terms, its language and the stakeholder types in it", () => {
    const allWords = new Set(fixture.documents.flatMap((item) => item.text.match(/\p{L}+/gu) ?? []));
    const terms = result.themes.map((theme) => theme.terms);
    for (const list of terms) {
      expect(list.length).toBeGreaterThanOrEqual(3);
      // Words as written ("farmers"), never stems ("farmer" would also be a word; "subsidi" is not).
      for (const term of list) expect(allWords.has(term), term).toBe(true);
    }
    expect(terms.find((list) => list.includes("bike"))).toEqual(expect.arrayContaining(["lanes", "cycle"]));
    expect(terms.find((list) => list.includes("privacy"))).toEqual(expect.arrayContaining(["data", "personal"]));
    expect(terms.find((list) => list.includes("farmers"))).toEqual(expect.arrayContaining(["subsidies"]));
    for (const theme of result.themes) {
      expect(theme.language).toBe("en");
      expect(theme.key).toBe(`en-${theme.terms.slice(0, 3).join("-").toLowerCase()}`);
      expect(Object.values(theme.byStakeholderType).reduce((sum, count) => sum + count, 0)).toBe(theme.size);
      expect(theme.share).toBeCloseTo(theme.size / fixture.documents.length);
    }
  });

  it("quotes up to three of the theme's own contributions with a sentence of each", () => {
    for (const theme of result.themes) {
      expect(theme.quotes).toHaveLength(3);
      for (const quote of theme.quotes) {
        expect(result.themeKeyById.get(quote.contributionId)).toBe(theme.key);
        const source = fixture.documents.find((item) => item.id === quote.contributionId);
        expect(quote.reference).toBe(source?.reference);
        expect(source?.text).toContain(quote.excerpt);
        expect(quote.excerpt.length).toBeLessThanOrEqual(200);
      }
      expect(new Set(theme.quotes.map((quote) => quote.contributionId)).size).toBe(3);
    }
  });

  it("leaves the French contributions out of the English themes, too few to group on their own", () => {
    for (const id of fixture.french) expect(result.themeKeyById.has(id)).toBe(false);
    expect(result.unplaced).toMatchObject({ count: 4, byReason: { fewInLanguage: 4, noDistinctiveWords: 0, smallGroup: 0 } });
    expect(result.unplaced.share).toBeCloseTo(4 / 40);
    expect(Object.values(result.unplaced.byStakeholderType).reduce((sum, count) => sum + count, 0)).toBe(4);
    expect(result.documentCount).toBe(40);
  });
});

describe("computeThemes", () => {
  it("gives the same themes for the same input, in any order", () => {
    const first = computeThemes(fixture.documents);
    expect(computeThemes(fixture.documents)).toEqual(first);
    for (const seed of [1, 2, 3]) expect(computeThemes(shuffled(fixture.documents, seed))).toEqual(first);
    const assignment = (documents: ThemeDocument[]) => [...assignThemes(documents).themeKeyById].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(assignment(shuffled(fixture.documents, 4))).toEqual(assignment(fixture.documents));
  });

  it("returns plain data without the list of members", () => {
    const summary = computeThemes(fixture.documents);
    expect(Object.keys(summary).sort()).toEqual(["documentCount", "themes", "unplaced"]);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it("has no theme for no documents", () => {
    expect(computeThemes([])).toEqual({
      documentCount: 0,
      themes: [],
      unplaced: expect.objectContaining({ count: 0, share: 0, byReason: { fewInLanguage: 0, noDistinctiveWords: 0, smallGroup: 0 } }),
    });
  });

  it("makes no theme of one or two contributions but counts them as unplaced", () => {
    const one = computeThemes([document("1", "Protected cycle lanes make cycling safe.", "en", "COMPANY")]);
    expect(one.themes).toEqual([]);
    expect(one.unplaced).toMatchObject({ count: 1, share: 1, byStakeholderType: expect.objectContaining({ COMPANY: 1, NGO: 0 }) });
    const two = computeThemes([document("1", "Protected cycle lanes make cycling safe."), document("2", "Protected cycle lanes, please.")]);
    expect(two.themes).toEqual([]);
    expect(two.unplaced.count).toBe(2);
  });

  it("counts contributions sharing no word with the others apart from the themes", () => {
    const english = fixture.documents.filter((item) => fixture.subjectOf.has(item.id));
    const result = computeThemes([...english, document("900", "Yes."), document("901", "Zebra quokka!")]);
    expect(result.themes).toHaveLength(3);
    expect(result.unplaced).toMatchObject({ count: 2, byReason: { fewInLanguage: 0, noDistinctiveWords: 2, smallGroup: 0 } });
  });

  it("keeps themes within a language: the same subjects in another language make themes of their own", () => {
    const english = fixture.documents.filter((item) => fixture.subjectOf.has(item.id));
    const german = [
      "Geschützte Radwege in der Innenstadt machen das Radfahren sicher.",
      "Wir brauchen mehr Radwege und sichere Abstellplätze für Fahrräder am Bahnhof.",
      "Radwege müssen von der Straße getrennt sein, damit Kinder sicher Rad fahren.",
      "Breite Radwege und Fahrradstraßen entlasten die Innenstadt vom Autoverkehr.",
      "Personenbezogene Daten dürfen nicht ohne Einwilligung an Werbefirmen verkauft werden.",
      "Der Schutz personenbezogener Daten braucht starke Aufsichtsbehörden.",
      "Nutzer müssen ihre personenbezogenen Daten löschen lassen können.",
      "Die Einwilligung in die Verarbeitung von Daten muss freiwillig sein.",
    ].map((text, index) => document(`g${index}`, text, "de"));
    const result = assignThemes([...english, ...german]);
    const germanKeys = new Set(german.map((item) => result.themeKeyById.get(item.id)));
    expect(germanKeys.has(undefined)).toBe(false);
    for (const key of germanKeys) expect(result.themes.find((theme) => theme.key === key)?.language).toBe("de");
    expect(result.themes.filter((theme) => theme.language === "en")).toHaveLength(3);
  });

  it("refuses options out of range", () => {
    expect(() => computeThemes(fixture.documents, { maxThemesPerLanguage: 0 })).toThrow(RangeError);
    expect(() => computeThemes(fixture.documents, { excerptLength: 10 })).toThrow(RangeError);
    expect(() => computeThemes(fixture.documents, { termsPerTheme: 2.5 })).toThrow(RangeError);
  });

  it("follows the options on terms, quotes and excerpt length", () => {
    const result = computeThemes(fixture.documents, { termsPerTheme: 4, quotesPerTheme: 2, excerptLength: 60 });
    for (const theme of result.themes) {
      expect(theme.terms).toHaveLength(4);
      expect(theme.quotes).toHaveLength(2);
      for (const quote of theme.quotes) expect(quote.excerpt.length).toBeLessThanOrEqual(60);
    }
    expect(computeThemes(fixture.documents, { maxThemesPerLanguage: 1 }).themes).toHaveLength(1);
  });
});
