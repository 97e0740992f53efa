import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eld as eldMedium } from "eld/medium";
import { eld as eldLarge } from "eld/large";
import { francAll } from "franc";
import { detectAll as tinyldAll } from "tinyld";
import { log, step } from "@/bench/output";
import { detectLanguage } from "@/lib/language/detect-language";

// Which language detector is right most often on the 24 official languages
// of the EU (issue 10, docs/decisions/0010-language-detection.md): eld
// (medium and large databases), franc and tinyld, on cuts of 30, 80, 200
// and 1,000 characters of tests/fixtures/languages/<code>.txt (the same six
// paragraphs in each language, written for this measurement). Needs no
// database:
//
//   npm run bench:language
//
// For each detector and length: accuracy (the top answer is the text's
// language), and how often it is wrong while "confident" under each rule
// considered for lib/language/detect-language.ts, with how often it is right
// and confident (what the rule keeps).

const LENGTHS = [30, 80, 200, 1000] as const;
const EU = ["bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"];
const CORPUS = path.join(process.cwd(), "tests/fixtures/languages");

// franc answers ISO 639-3; these are the EU languages' codes (and the
// macrolanguage members franc may name instead).
const ISO3_TO_1: Record<string, string> = {
  bul: "bg", ces: "cs", dan: "da", deu: "de", ell: "el", eng: "en", spa: "es", est: "et", ekk: "et", fin: "fi", fra: "fr",
  gle: "ga", hrv: "hr", hun: "hu", ita: "it", lit: "lt", lav: "lv", lvs: "lv", mlt: "mt", nld: "nl", pol: "pl", por: "pt",
  ron: "ro", slk: "sk", slv: "sl", swe: "sv", bos: "bs", srp: "sr", nob: "no", nno: "no", cat: "ca", glg: "gl", sco: "sco",
};

/** A detector's ranked guesses: [ISO 639-1 code, score] best first, scores as the detector gives them. */
type Ranking = [string, number][];
type Detector = { name: string; rank: (text: string) => Ranking; reliable?: (text: string) => boolean };

const eldRanking = (detector: typeof eldMedium) => (text: string): Ranking =>
  Object.entries(detector.detect(text).getScores()).sort((a, b) => b[1] - a[1]);

const DETECTORS: Detector[] = [
  { name: "eld medium", rank: eldRanking(eldMedium), reliable: (text) => eldMedium.detect(text).isReliable() },
  { name: "eld large", rank: eldRanking(eldLarge), reliable: (text) => eldLarge.detect(text).isReliable() },
  {
    name: "franc",
    rank: (text) => francAll(text, { minLength: 1 }).map(([code, score]) => [ISO3_TO_1[code] ?? code, score] as [string, number]),
  },
  { name: "tinyld", rank: (text) => tinyldAll(text).map(({ lang, accuracy }) => [lang, accuracy] as [string, number]) },
];

/** Cuts of about `length` characters at word boundaries, one starting at each paragraph (wrapping round for long ones). */
function cuts(text: string, length: number): string[] {
  const paragraphs = text.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s+/g, " ").trim()).filter(Boolean);
  return paragraphs.map((_, index) => {
    const from = [...paragraphs.slice(index), ...paragraphs.slice(0, index)].join(" ");
    if (from.length <= length) return from;
    const cut = from.slice(0, length + 1);
    const space = cut.lastIndexOf(" ");
    return (space > length * 0.6 ? cut.slice(0, space) : cut.slice(0, length)).trim();
  });
}

type Sample = { language: string; length: number; text: string };

function samples(): Sample[] {
  const out: Sample[] = [];
  for (const language of EU) {
    const text = fs.readFileSync(path.join(CORPUS, `${language}.txt`), "utf8");
    for (const length of LENGTHS) for (const cut of cuts(text, length)) out.push({ language, length, text: cut });
  }
  return out;
}

// The confidence rules considered: the top answer is used only if...
type Rule = { name: string; confident: (detector: Detector, text: string, ranking: Ranking) => boolean };
const letters = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;
const margin = (ranking: Ranking) => {
  const [first, second] = ranking;
  if (!first) return 0;
  if (!second || first[1] <= 0) return 1;
  return (first[1] - second[1]) / first[1];
};
const RULES: Rule[] = [
  { name: "any answer", confident: (_d, _t, ranking) => ranking.length > 0 },
  { name: "isReliable (eld), no minimum", confident: (d, text, ranking) => ranking.length > 0 && (d.reliable ? d.reliable(text) : true) },
  { name: "≥ 20 letters + isReliable (eld)", confident: (d, text, ranking) => ranking.length > 0 && letters(text) >= 20 && (d.reliable ? d.reliable(text) : true) },
  { name: "≥ 50 letters", confident: (_d, text, ranking) => ranking.length > 0 && letters(text) >= 50 },
  { name: "≥ 50 letters + isReliable (eld)", confident: (d, text, ranking) => ranking.length > 0 && letters(text) >= 50 && (d.reliable ? d.reliable(text) : true) },
  { name: "≥ 50 letters + margin ≥ 10 %", confident: (_d, text, ranking) => letters(text) >= 50 && margin(ranking) >= 0.1 },
  {
    name: "≥ 50 letters + isReliable + margin ≥ 10 %",
    confident: (d, text, ranking) => letters(text) >= 50 && margin(ranking) >= 0.1 && (d.reliable ? d.reliable(text) : true),
  },
];

const percent = (part: number, whole: number) => (whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)} %`);

function main() {
  const all = samples();
  step(`Language detection: ${all.length} samples, ${EU.length} languages × ${LENGTHS.length} lengths × 6 cuts (${os.cpus()[0]?.model ?? "cpu"})`);

  type Tally = { total: number; right: number; totalWithoutGaMt: number; rightWithoutGaMt: number; ms: number; confident: Record<string, { right: number; wrong: number }> };
  const tallies = new Map<string, Tally>();
  const misses = new Map<string, Map<string, number>>();
  for (const detector of DETECTORS) {
    for (const sample of all) {
      const key = `${detector.name}|${sample.length}`;
      const tally = tallies.get(key) ?? { total: 0, right: 0, totalWithoutGaMt: 0, rightWithoutGaMt: 0, ms: 0, confident: {} };
      const started = performance.now();
      const ranking = detector.rank(sample.text);
      tally.ms += performance.now() - started;
      const top = ranking[0]?.[0] ?? null;
      tally.total += 1;
      const gaMt = sample.language === "ga" || sample.language === "mt";
      if (!gaMt) tally.totalWithoutGaMt += 1;
      if (top === sample.language && !gaMt) tally.rightWithoutGaMt += 1;
      if (top === sample.language) tally.right += 1;
      else {
        const byDetector = misses.get(detector.name) ?? new Map<string, number>();
        const miss = `${sample.language}→${top ?? "none"}`;
        byDetector.set(miss, (byDetector.get(miss) ?? 0) + 1);
        misses.set(detector.name, byDetector);
      }
      for (const rule of RULES) {
        const counts = (tally.confident[rule.name] ??= { right: 0, wrong: 0 });
        if (!rule.confident(detector, sample.text, ranking)) continue;
        if (top === sample.language) counts.right += 1;
        else counts.wrong += 1;
      }
      tallies.set(key, tally);
    }
  }

  step("Accuracy (top answer is the text's language), per length");
  log(`| detector | ${LENGTHS.map((length) => `${length} chars`).join(" | ")} | all | all but ga, mt | µs per text |`);
  log(`| --- | ${LENGTHS.map(() => "---:").join(" | ")} | ---: | ---: | ---: |`);
  for (const detector of DETECTORS) {
    const rows = LENGTHS.map((length) => tallies.get(`${detector.name}|${length}`)!);
    const right = rows.reduce((sum, row) => sum + row.right, 0);
    const total = rows.reduce((sum, row) => sum + row.total, 0);
    const us = (1000 * rows.reduce((sum, row) => sum + row.ms, 0)) / total;
    const withoutGaMt = percent(
      rows.reduce((sum, row) => sum + row.rightWithoutGaMt, 0),
      rows.reduce((sum, row) => sum + row.totalWithoutGaMt, 0),
    );
    log(`| ${detector.name} | ${rows.map((row) => percent(row.right, row.total)).join(" | ")} | ${percent(right, total)} | ${withoutGaMt} | ${us.toFixed(0)} |`);
  }

  step("Confident and wrong (share of all samples of that length), and confident and right");
  for (const rule of RULES) {
    log(`\nRule: ${rule.name}`);
    log(`| detector | ${LENGTHS.map((length) => `${length}: wrong / right`).join(" | ")} |`);
    log(`| --- | ${LENGTHS.map(() => "---:").join(" | ")} |`);
    for (const detector of DETECTORS) {
      const cells = LENGTHS.map((length) => {
        const tally = tallies.get(`${detector.name}|${length}`)!;
        const counts = tally.confident[rule.name]!;
        return `${percent(counts.wrong, tally.total)} / ${percent(counts.right, tally.total)}`;
      });
      log(`| ${detector.name} | ${cells.join(" | ")} |`);
    }
  }

  step("Most frequent mistakes per detector (declared → answered: count)");
  for (const detector of DETECTORS) {
    const top = [...(misses.get(detector.name) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
    log(`${detector.name}: ${top.map(([miss, count]) => `${miss} ${count}`).join(", ") || "none"}`);
  }

  step("Irish and Maltese, 200 and 1,000 characters: what each detector answers");
  for (const language of ["ga", "mt"]) {
    for (const detector of DETECTORS) {
      const answers = all
        .filter((sample) => sample.language === language && sample.length >= 200)
        .map((sample) => detector.rank(sample.text)[0]?.[0] ?? "none");
      const counts = new Map<string, number>();
      for (const answer of answers) counts.set(answer, (counts.get(answer) ?? 0) + 1);
      log(`${language}, ${detector.name}: ${[...counts.entries()].map(([answer, count]) => `${answer} ${count}`).join(", ")}`);
    }
  }
}

// The rule as lib/language/detect-language.ts applies it: with the right
// language declared, and with a wrong one (English, or French for English
// texts), how often the effective language is the text's.
function checkRule(all: Sample[]) {
  step("lib/language/detect-language.ts on the same samples: effective language right");
  log("| declared | 30 chars | 80 chars | 200 chars | 1000 chars | wrongly switched |");
  log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const declaredRight of [true, false]) {
    let switchedWrongly = 0;
    const cells = LENGTHS.map((length) => {
      const group = all.filter((sample) => sample.length === length);
      let right = 0;
      for (const sample of group) {
        const declared = declaredRight ? sample.language : sample.language === "en" ? "fr" : "en";
        const verdict = detectLanguage(sample.text, declared);
        if (verdict.effective === sample.language) right += 1;
        else if (verdict.effective !== declared) switchedWrongly += 1;
      }
      return percent(right, group.length);
    });
    log(`| ${declaredRight ? "the text's language" : "a wrong one"} | ${cells.join(" | ")} | ${switchedWrongly} |`);
  }
}

main();
checkRule(samples());
