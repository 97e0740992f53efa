import { describe, expect, it } from "vitest";
import {
  boilerplateThemes,
  hardAssignment,
  languageThemes,
  measureThemeQuality,
  normalisedMutualInformation,
  purity,
  recoveredIssues,
  themeMajority,
} from "@/lib/summaries/themes/quality-metrics";

// The measures of the theme evaluation on examples small enough to work
// out by hand; each expected value is derived in the comment above it.

const map = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe("normalised mutual information and purity", () => {
  it("are 1 for a clustering that matches the labels, whatever the cluster names", () => {
    const labels = map({ d1: "a", d2: "a", d3: "a", d4: "b", d5: "b", d6: "b" });
    const clusters = map({ d1: "x", d2: "x", d3: "x", d4: "y", d5: "y", d6: "y" });
    expect(normalisedMutualInformation(clusters, labels)).toBeCloseTo(1, 12);
    expect(purity(clusters, labels)).toBe(1);
  });

  it("match the hand computation on a 2 × 2 table", () => {
    // Clusters {a, a, b} and {a, b, b}: n = 6, cells 2 1 / 1 2, every margin 3.
    // I = 2·(2/6)·ln((2·6)/(3·3)) + 2·(1/6)·ln((1·6)/(3·3)) = (2/3)·ln(4/3) + (1/3)·ln(2/3) = 0.0566330…
    // H(U) = H(V) = ln 2, so NMI = 0.0566330 / ln 2 = 0.0817042; purity = (2 + 2) / 6.
    const labels = map({ d1: "a", d2: "a", d3: "b", d4: "a", d5: "b", d6: "b" });
    const clusters = map({ d1: "x", d2: "x", d3: "x", d4: "y", d5: "y", d6: "y" });
    expect(normalisedMutualInformation(clusters, labels)).toBeCloseTo(0.0817042, 6);
    expect(purity(clusters, labels)).toBeCloseTo(4 / 6, 12);
  });

  it("normalise by the arithmetic mean of the entropies (3 classes, 2 clusters)", () => {
    // X = {a, a, b}, Y = {b, c, c, c}: n = 7.
    // I = 2/7·ln(14/6) + 1/7·ln(7/6) + 1/7·ln(7/8) + 3/7·ln(21/12) = 0.4848661
    // H(clusters) = −(3/7·ln 3/7 + 4/7·ln 4/7) = 0.6829081; H(classes) = −(2·2/7·ln 2/7 + 3/7·ln 3/7) = 1.0789922
    // arithmetic: 0.4848661 / 0.8809502 = 0.5503899 (geometric would give 0.5648479, max 0.4493694).
    // purity = (2 + 3) / 7.
    const labels = map({ d1: "a", d2: "a", d3: "b", d4: "b", d5: "c", d6: "c", d7: "c" });
    const clusters = map({ d1: "X", d2: "X", d3: "X", d4: "Y", d5: "Y", d6: "Y", d7: "Y" });
    expect(normalisedMutualInformation(clusters, labels)).toBeCloseTo(0.5503899, 6);
    expect(purity(clusters, labels)).toBeCloseTo(5 / 7, 12);
  });

  it("are 0 for clusters independent of the labels, and count only documents both clustered and labelled", () => {
    // Each cluster holds one a and one b: I = 0. d5 is labelled but in no cluster, d6 clustered but unlabelled.
    const labels = map({ d1: "a", d2: "b", d3: "a", d4: "b", d5: "a" });
    const clusters = map({ d1: "x", d2: "x", d3: "y", d4: "y", d6: "y" });
    expect(normalisedMutualInformation(clusters, labels)).toBeCloseTo(0, 12);
    expect(purity(clusters, labels)).toBe(0.5);
  });

  it("give one cluster for everything no information, and a perfect score only when the labels are one class too", () => {
    const labels = map({ d1: "a", d2: "a", d3: "b", d4: "b" });
    const one = map({ d1: "x", d2: "x", d3: "x", d4: "x" });
    expect(normalisedMutualInformation(one, labels)).toBe(0);
    expect(purity(one, labels)).toBe(0.5);
    expect(normalisedMutualInformation(one, map({ d1: "a", d2: "a" }))).toBe(1);
    expect(normalisedMutualInformation(new Map(), labels)).toBe(0);
  });
});

describe("hardAssignment", () => {
  it("puts a document in several themes where it ranks highest, the first theme on a tie", () => {
    const assignment = hardAssignment([
      { key: "t1", rankedMemberIds: ["d1", "d2", "d3"] },
      { key: "t2", rankedMemberIds: ["d3", "d1"] },
      { key: "t3", rankedMemberIds: ["d4", "d2"] },
    ]);
    expect(Object.fromEntries(assignment)).toEqual({ d1: "t1", d2: "t1", d3: "t2", d4: "t3" });
  });
});

describe("known issues recovered", () => {
  const labels = map({ a1: "a", a2: "a", a3: "a", a4: "a", a5: "a", a6: "a", a7: "a", b1: "b", b2: "b", b3: "b", b4: "b", c1: "c" });

  it("needs 70 % of a theme's top min(10, size) documents, unlabelled ones counting against it", () => {
    // t1's top 10: seven a, b1, b2 and an unlabelled document: 7/10 = 70 %, recovered.
    // Its 11th member (b3) is outside the top ten and does not count.
    const t1 = { key: "t1", rankedMemberIds: ["a1", "a2", "a3", "b1", "a4", "a5", "x1", "a6", "b2", "a7", "b3"] };
    // t2: two b of three (67 %): not recovered. t3: c1 alone: 100 %.
    const t2 = { key: "t2", rankedMemberIds: ["b4", "x2", "b3"] };
    const t3 = { key: "t3", rankedMemberIds: ["c1"] };
    expect(themeMajority(t1, labels)).toEqual({ key: "t1", label: "a", share: 0.7 });
    expect(themeMajority(t2, labels).share).toBeCloseTo(2 / 3, 12);
    expect(recoveredIssues([t1, t2, t3], labels, ["a", "b", "c", "d"])).toEqual(["a", "c"]);
  });

  it("misses an issue whose theme falls just below 70 %", () => {
    // Six a of the top ten.
    const theme = { key: "t", rankedMemberIds: ["a1", "a2", "a3", "b1", "a4", "a5", "b2", "a6", "b3", "b4", "a7"] };
    expect(themeMajority(theme, labels).share).toBe(0.6);
    expect(recoveredIssues([theme], labels, ["a", "b"])).toEqual([]);
  });
});

describe("language themes", () => {
  // 10 documents: 6 en, 2 fr, 2 de.
  const languages = map({ e1: "en", e2: "en", e3: "en", e4: "en", e5: "en", e6: "en", f1: "fr", f2: "fr", g1: "de", g2: "de" });

  it("flags a theme of one minority language, not a mixed one", () => {
    const themes = [
      { key: "french", rankedMemberIds: ["f1", "f2"] },
      { key: "mixed", rankedMemberIds: ["e1", "f1", "g1"] },
      // English is 60 % of the set: an all-English theme is a subject written in it.
      { key: "english", rankedMemberIds: ["e1", "e2", "e3"] },
      { key: "german", rankedMemberIds: ["g1", "g2"] },
    ];
    expect(languageThemes(themes, languages)).toEqual(["french", "german"]);
  });

  it("uses 90 % of the members: nine of ten in one language is a language theme, eight is not", () => {
    const many = new Map([...Array.from({ length: 20 }, (_, i) => [`d${i}`, i < 9 ? "de" : "en"] as [string, string]), ["x", "fr"]]);
    const nine = { key: "nine", rankedMemberIds: ["d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "x"] };
    const eight = { key: "eight", rankedMemberIds: ["d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d10", "x"] };
    expect(languageThemes([nine, eight], many)).toEqual(["nine"]);
  });

  it("does not flag a theme of the language most documents are in", () => {
    const mostlyEnglish = new Map(Array.from({ length: 10 }, (_, i) => [`d${i}`, i === 0 ? "fr" : "en"] as [string, string]));
    expect(languageThemes([{ key: "t", rankedMemberIds: ["d1", "d2", "d3"] }], mostlyEnglish)).toEqual([]);
  });
});

describe("boilerplate themes", () => {
  it("flags a theme whose top documents are at least 60 % without substance", () => {
    const empty = new Set(["c1", "c2", "c3", "c4", "c5", "c6"]);
    const themes = [
      // 6 of the top 10 are cover notes: 60 %, flagged (the 11th, c6, is not in the top).
      { key: "cover", rankedMemberIds: ["c1", "s1", "c2", "c3", "s2", "c4", "s3", "c5", "s4", "c6", "c6"] },
      // 5 of the top 10: not flagged.
      { key: "mixed", rankedMemberIds: ["c1", "s1", "c2", "c3", "s2", "c4", "s3", "c5", "s4", "s5", "c6"] },
    ];
    expect(boilerplateThemes(themes, (id) => empty.has(id))).toEqual(["cover"]);
  });
});

describe("measureThemeQuality", () => {
  it("reports the unthemed share over all documents and the agreement over the placed labelled ones", () => {
    const report = measureThemeQuality({
      themes: [
        { key: "t1", rankedMemberIds: ["a1", "a2"] },
        { key: "t2", rankedMemberIds: ["b1", "b2"] },
      ],
      documentIds: ["a1", "a2", "b1", "b2", "a3", "x"],
      labelOf: map({ a1: "a", a2: "a", b1: "b", b2: "b", a3: "a" }),
      issues: ["a", "b"],
      languageOf: map({ a1: "en", a2: "fr", b1: "en", b2: "de", a3: "en", x: "en" }),
      isBoilerplate: (id) => id === "x",
    });
    expect(report).toEqual({ themes: 2, nmi: 1, purity: 1, unthemedShare: 2 / 6, recovered: ["a", "b"], boilerplateThemes: [], languageThemes: [] });
  });
});
