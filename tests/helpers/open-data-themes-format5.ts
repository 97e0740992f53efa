import { parse as parseCsv } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { BYTE_ORDER_MARK, CSV_OPTIONS } from "@/lib/open-data/csv-columns";
import { languageName } from "@/lib/vocabulary/languages";

// What the open data of a summary version published before figures format 5
// (issue 11) gives now, written out by hand from what it gave then: its
// themes read as format 5 reads them (lib/summaries/frozen-figures.ts: the
// label is the first two terms, the one language holds every text, no group,
// no sub-theme, no quote source; "no distinctive words" is now "too little
// text" and "small group" "belongs nowhere"), in the record and CSV shape of
// format 5 (lib/open-data/summary-record.ts, summary-csv.ts). For the frozen
// fixtures' "byte for byte" tests, beside openDataInFormat4.

type OldTheme = { key: string; language: string; terms: string[]; size: number; share: number; byStakeholderType: Record<string, number>; quotes: { reference: string; url: string; excerpt: string }[] };
type OldThemeSummary = {
  documentCount: number;
  themes: OldTheme[];
  unplaced: { count: number; share: number; byStakeholderType: Record<string, number>; byReason: { fewInLanguage: number; noDistinctiveWords: number; smallGroup: number } };
};
type OldSummaryThemes = { contributions: OldThemeSummary; questions: (Record<string, unknown> & { themes: OldThemeSummary })[] };

const labelOf = (terms: string[]) => terms.slice(0, 2).join(", ");

function themeSummaryInFormat5(summary: OldThemeSummary) {
  const { count, share, byStakeholderType, byReason } = summary.unplaced;
  return {
    documentCount: summary.documentCount,
    groupCount: summary.documentCount,
    themes: summary.themes.map((theme) => ({
      key: theme.key,
      label: labelOf(theme.terms),
      terms: theme.terms,
      size: theme.size,
      contributionCount: theme.size,
      share: theme.share,
      languages: { [theme.language]: theme.size },
      byStakeholderType: theme.byStakeholderType,
      groups: [],
      quotes: theme.quotes.map(({ reference, url, excerpt }) => ({ reference, url, text: excerpt, source: null })),
      steered: false,
      seeds: null,
      subthemes: [],
    })),
    notThemed: {
      count,
      share,
      byStakeholderType,
      byReason: { onlyBoilerplate: 0, tooLittleText: byReason.noDistinctiveWords, belongsNowhere: byReason.smallGroup, fewInLanguage: byReason.fewInLanguage, setAside: 0 },
    },
  };
}

const REASON_LABELS: [string, string][] = [
  ["onlyBoilerplate", "Only boilerplate"],
  ["tooLittleText", "Too little text"],
  ["belongsNowhere", "Belongs to no theme"],
  ["fewInLanguage", "Few in its language"],
  ["setAside", "Set aside by moderators"],
];

/** The CSV's theme rows of one set of themes, from the old record's themes (what the old rows held, and the language and share they did not). */
function themeRowsInFormat5(question: string, summary: OldThemeSummary, oldRows: string[][]): string[][] {
  const rows: string[][] = [];
  for (const theme of summary.themes) {
    const { key } = theme;
    rows.push(["theme", question, key, "", labelOf(theme.terms), String(theme.size), String(theme.share)]);
    rows.push(["theme_terms", question, key, "", theme.terms.join("; "), "", ""]);
    rows.push(["theme_all_texts", question, key, "", "Every member of a group counted", String(theme.size), ""]);
    rows.push(["theme_language", question, `${key}/${theme.language}`, "", languageName(theme.language), String(theme.size), ""]);
    // The stakeholder rows are as they were, the parent column added.
    for (const row of oldRows.filter((old) => old[0] === "theme_stakeholder_type" && old[1] === question && old[2]!.startsWith(`${key}/`))) rows.push([...row.slice(0, 3), "", ...row.slice(3)]);
  }
  const { count, share, byReason } = themeSummaryInFormat5(summary).notThemed;
  rows.push(["theme_not_themed", question, "", "", "Not themed", String(count), String(share)]);
  for (const [reason, label] of REASON_LABELS) rows.push(["theme_not_themed", question, reason, "", label, String(byReason[reason as keyof typeof byReason]), ""]);
  return rows;
}

const THEME_SECTIONS = new Set(["theme", "theme_stakeholder_type", "theme_unplaced"]);

/**
 * `text` is what the route named `name` gave then; `oldSummaryJson` what
 * summary-1.json gave then (the CSV never held a theme's language, nor the
 * share of the texts in no theme).
 */
export function openDataThemesInFormat5(name: string, text: string, oldSummaryJson: string): string {
  if (name === "summary-1.json") {
    const summary = JSON.parse(text) as Record<string, unknown> & { themes: OldSummaryThemes };
    const { contributions, questions } = summary.themes;
    return JSON.stringify({
      ...summary,
      themes: { contributions: themeSummaryInFormat5(contributions), questions: questions.map((question) => ({ ...question, themes: themeSummaryInFormat5(question.themes) })) },
    });
  }
  if (name !== "summary-1.csv") return text;
  const old = (JSON.parse(oldSummaryJson) as { themes: OldSummaryThemes & { questions: { number: number; prompt: string }[] } }).themes;
  const [header, ...rows] = parseCsv(text, { bom: true }) as string[][];
  const kept = rows.filter((row) => !THEME_SECTIONS.has(row[0]!)).map((row) => [...row.slice(0, 3), "", ...row.slice(3)]);
  return (
    BYTE_ORDER_MARK +
    stringify(
      [
        [...header!.slice(0, 3), "parent", ...header!.slice(3)],
        ...kept,
        ...themeRowsInFormat5("", old.contributions, rows),
        ...old.questions.flatMap((question) => themeRowsInFormat5(`Q${question.number}. ${question.prompt}`, question.themes, rows)),
      ],
      CSV_OPTIONS,
    )
  );
}
