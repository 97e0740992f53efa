import { describe, expect, it } from "vitest";
import { containsTerm, synonymExpansions } from "@/lib/search/synonyms";
import { splitSynonymLines, synonymProblems, synonymText, updateSearchSynonymsSchema } from "@/lib/search/synonym-schema";

const sets = [
  ["AI Board", "European Artificial Intelligence Board", "Comité européen de l'intelligence artificielle"],
  ["SME", "small and medium-sized enterprise"],
];

describe("synonymExpansions", () => {
  it("adds the other terms of a set the query names, case-insensitively", () => {
    expect(synonymExpansions("role of the ai board", sets)).toEqual(["European Artificial Intelligence Board", "Comité européen de l'intelligence artificielle"]);
    expect(synonymExpansions("COMITÉ EUROPÉEN DE L'INTELLIGENCE ARTIFICIELLE", sets)).toEqual(["AI Board", "European Artificial Intelligence Board"]);
  });

  it("matches whole words only", () => {
    expect(synonymExpansions("SMEs", sets)).toEqual([]);
    expect(synonymExpansions("FAIR Board", sets)).toEqual([]);
    expect(synonymExpansions("SME", sets)).toEqual(["small and medium-sized enterprise"]);
    expect(synonymExpansions('"SME" costs', sets)).toEqual(["small and medium-sized enterprise"]);
  });

  it("adds nothing for a query that names no term, and never a term the query already names", () => {
    expect(synonymExpansions("board", sets)).toEqual([]);
    expect(synonymExpansions("AI Board or European Artificial Intelligence Board", sets)).toEqual(["Comité européen de l'intelligence artificielle"]);
  });

  it("finds terms across white space differences", () => {
    expect(containsTerm("the  AI\tboard", "AI Board")).toBe(true);
    expect(containsTerm("", "AI Board")).toBe(false);
    expect(containsTerm("anything", "  ")).toBe(false);
  });
});

describe("the synonyms form", () => {
  const parse = (synonyms: string) => updateSearchSynonymsSchema.safeParse({ consultationId: "c1", synonyms });
  const problems = (synonyms: string) => {
    const result = parse(synonyms);
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  };

  it("reads one set per line, terms separated by =, skipping blank lines", () => {
    expect(parse("AI Board = European Artificial Intelligence Board\n\n  SME =  small   business \r\n")).toMatchObject({
      success: true,
      data: { consultationId: "c1", sets: [["AI Board", "European Artificial Intelligence Board"], ["SME", "small business"]] },
    });
    expect(parse("")).toMatchObject({ success: true, data: { sets: [] } });
    expect(synonymText([["a b", "c"], ["d", "e"]])).toBe("a b = c\nd = e");
    expect(splitSynonymLines(synonymText([["a b", "c"]]))).toEqual([{ line: 1, terms: ["a b", "c"] }]);
  });

  it("says which line has an empty term or a single one", () => {
    expect(problems("AI Board =\nok = fine")).toEqual(["Line 1 has an empty term: write a word or phrase on each side of every “=”."]);
    expect(problems("a = b\n= c")).toEqual(["Line 2 has an empty term: write a word or phrase on each side of every “=”."]);
    expect(problems("lonely")).toEqual(["Line 1 has a single term: separate two or more terms that mean the same with “=”."]);
  });

  it("refuses duplicates within a set and across sets, whatever their case", () => {
    expect(synonymProblems("AI = ai")).toEqual(["Line 1 names “ai” twice."]);
    expect(synonymProblems("SME = small business\nsme = small firm")).toEqual([
      "“sme” on line 2 is already in the set on line 1: a term belongs to one set.",
    ]);
  });

  it("refuses too many sets, terms or characters", () => {
    expect(synonymProblems(Array.from({ length: 101 }, (_, index) => `a${index} = b${index}`).join("\n"))).toEqual([
      "Write at most 100 sets (one per line); there are 101.",
    ]);
    expect(synonymProblems(Array.from({ length: 11 }, (_, index) => `t${index}`).join(" = "))).toEqual(["Line 1 has 11 terms: at most 10 per set."]);
    expect(synonymProblems(`${"x".repeat(101)} = y`)).toEqual([`Line 1: “${"x".repeat(30)}…” is longer than 100 characters.`]);
    expect(synonymProblems("!! = ??")).toEqual(["Line 1 has no letters or digits."]);
    expect(problems("a = b\n".repeat(4000))).toEqual(["Write at most 20,000 characters."]);
    expect(synonymProblems("a = b\n".repeat(8))).toEqual([
      ...[2, 2, 3, 3, 4].map((line, index) => `“${index % 2 === 0 ? "a" : "b"}” on line ${line} is already in the set on line 1: a term belongs to one set.`),
      "And 9 more.",
    ]);
  });
});
