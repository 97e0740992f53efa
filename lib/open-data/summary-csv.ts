import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";
import type { StakeholderType } from "@/lib/generated/prisma/enums";
import { BYTE_ORDER_MARK, CSV_LIST_SEPARATOR, CSV_OPTIONS, questionLabel } from "@/lib/open-data/csv-columns";
import { described } from "@/lib/open-data/records";
import type { OpenNotThemedReason, OpenSubtheme, OpenSummary, OpenThemeSummary } from "@/lib/open-data/summary-records";
import { NOT_THEMED_REASON_WORDING, STEERED_MARK } from "@/lib/summaries/theme-wording";
import { languageName } from "@/lib/vocabulary/languages";

// The figures of a published summary version as one CSV table, a row per
// figure, for a spreadsheet: the breakdowns, the answers to each question and
// the themes. Built from the same record the API answers, so the two cannot
// disagree. The synthesis, the highlights and the quotes are text, not
// figures: they are in the JSON only. The /open-data page describes the
// columns and sections from the lists below.

/** The columns, in order: the header is the key. */
const summaryCsvRowSchema = z.object({
  section: described(z.string(), "What the row counts: one of the sections below."),
  question: described(z.string(), "For the rows about a question and the themes of its answers: “Q1. ” and the question. Empty otherwise."),
  key: described(
    z.string(),
    "The code of what is counted: a stakeholder type, a country (ISO 3166-1 alpha-2), a phase, a language (ISO 639-1), a day (YYYY-MM-DD), an option, a scale value, a theme's key or why texts are in no theme. Empty for authors whose type or country is not stated and for answers among none of the options.",
  ),
  parent: described(z.string(), "For the rows about a sub-theme: the key of its theme. Empty otherwise, so that the rows with it empty count every text once."),
  label: described(z.string(), "The same in words."),
  count: described(z.number().nullable(), "How many; for scale_average, the average."),
  share: described(z.number().nullable(), "The count as a fraction (0 to 1) of its whole, as the summary gives it; empty where it gives none."),
});

export const SUMMARY_CSV_COLUMNS = Object.entries(summaryCsvRowSchema.shape).map(([header, field]) => ({ header, description: field.description ?? "" }));

export const SUMMARY_CSV_SECTIONS = [
  { name: "total", description: "One row: how many approved contributions the version counts (those approved when it was published)." },
  { name: "stakeholder_type", description: "Contributions by the kind of stakeholder of their authors." },
  { name: "country", description: "Contributions by the country of their authors." },
  { name: "phase", description: "Contributions submitted before, during and after the conference." },
  { name: "language", description: "Contributions by the language they are written in." },
  {
    name: "over_time",
    description:
      "Contributions per day, or per week (key: its Monday) when they span more than 60 days; label: day or week. Days begin at midnight in the conference's time zone (statistics.overTime.timeZone in the JSON).",
  },
  {
    name: "over_time_final_stretch",
    description: "With weeks: each of the last 14 days up to the last contribution's (key: the day), so that a surge before the deadline shows; share of the total.",
  },
  { name: "answered", description: "For each question, how many contributions answered it: the whole of its choices' and scale values' shares." },
  { name: "choice", description: "For each choice question, how many chose each option; a multiple-choice question's shares add up to more than 1." },
  { name: "scale", description: "For each scale question, how many gave each value." },
  { name: "scale_average", description: "For each scale question, the average of the values given (in count); empty when nobody answered." },
  {
    name: "answered_by_type",
    description:
      "For each choice or scale question, how many contributions of each stakeholder type answered it (key: the type, empty when not stated): the whole of the type's shares below. None for versions published before answers were counted by type.",
  },
  { name: "choice_by_type", description: "For each choice question, how many of each stakeholder type chose each option (key: the type, a slash, the option); share of the type's answers." },
  { name: "scale_by_type", description: "For each scale question, how many of each stakeholder type gave each value (key: the type, a slash, the value); share of the type's answers." },
  { name: "scale_average_by_type", description: "For each scale question, the average of the values each stakeholder type gave (key: the type; in count)." },
  {
    name: "theme",
    description:
      "Themes found in the contributions (question empty) or in the answers to a free-text question, then each theme's sub-themes (parent: the theme's key), largest first: the theme's name (label), how many texts are in it, each group of near-identical texts counted once (count), and their share of the distinct texts grouped. A text on several subjects is in the theme of each.",
  },
  { name: "theme_terms", description: `For each theme and sub-theme, its characteristic words and phrases, most characteristic first, separated by “${CSV_LIST_SEPARATOR.trim()}” (label).` },
  { name: "theme_all_texts", description: "For each theme and sub-theme, how many texts are in it with every member of a group of near-identical texts counted." },
  {
    name: "theme_group",
    description: "For each theme and sub-theme, the groups of near-identical texts in it (key: the theme's key, a slash, the group's id as in the contributions' similarity_group) and how many of their texts it holds.",
  },
  { name: "theme_language", description: "For each theme and sub-theme, how many of its texts are in each language (key: the theme's key, a slash, the language)." },
  { name: "theme_stakeholder_type", description: "For each theme and sub-theme, how many of its texts come from each kind of stakeholder (key: the theme's key, a slash, the type), types with none left out." },
  { name: "theme_steered", description: "One row for each theme or sub-theme the moderators made or changed (renamed, merged, split, added, texts moved in or out)." },
  { name: "theme_seeds", description: `One row for each theme a moderator added from seed words: the words, separated by “${CSV_LIST_SEPARATOR.trim()}” (label).` },
  {
    name: "theme_not_themed",
    description:
      "Texts in no theme: first all of them (key empty, with their share of the distinct texts grouped), then by reason (key: onlyBoilerplate, tooLittleText, belongsNowhere, fewInLanguage or setAside). Counted like themes, each group of near-identical texts once.",
  },
] as const;

export type SummaryCsvSection = (typeof SUMMARY_CSV_SECTIONS)[number]["name"];

type SummaryCsvRow = z.output<typeof summaryCsvRowSchema>;
// The cells of a row in the columns' order.
type Row = [
  section: SummaryCsvSection,
  question: SummaryCsvRow["question"],
  key: SummaryCsvRow["key"],
  parent: SummaryCsvRow["parent"],
  label: SummaryCsvRow["label"],
  count: SummaryCsvRow["count"],
  share: SummaryCsvRow["share"],
];

const NONE_OF_THE_OPTIONS = "None of the options";


/** The whole file: a byte order mark, the header line, then a row per figure. */
export function summaryCsv(summary: OpenSummary): string {
  return BYTE_ORDER_MARK + stringify([SUMMARY_CSV_COLUMNS.map((column) => column.header), ...summaryRows(summary)], CSV_OPTIONS);
}

function summaryRows({ statistics, themes }: OpenSummary): Row[] {
  const rows: Row[] = [["total", "", "", "", "Contributions", statistics.total, null]];
  for (const { key, label, count, share } of statistics.byStakeholderType) rows.push(["stakeholder_type", "", key ?? "", "", label, count, share]);
  for (const { code, name, count, share } of statistics.byCountry) rows.push(["country", "", code ?? "", "", name, count, share]);
  for (const { key, label, count, share } of statistics.byPhase) rows.push(["phase", "", key, "", label, count, share]);
  for (const { code, name, count, share } of statistics.byLanguage) rows.push(["language", "", code, "", name, count, share]);
  for (const { start, count } of statistics.overTime.points) rows.push(["over_time", "", start, "", statistics.overTime.unit, count, null]);
  for (const { start, count } of statistics.overTime.finalStretch?.points ?? []) rows.push(["over_time_final_stretch", "", start, "", "day", count, statistics.total === 0 ? 0 : count / statistics.total]);

  for (const question of statistics.questions) {
    const label = questionLabel(question.number, question.prompt);
    rows.push(["answered", label, "", "", "Answered", question.answered, null]);
    if (question.kind === "SINGLE_CHOICE" || question.kind === "MULTIPLE_CHOICE") {
      for (const { option, count, share } of question.choices) rows.push(["choice", label, option ?? "", "", option ?? NONE_OF_THE_OPTIONS, count, share]);
      for (const type of question.choicesByStakeholderType ?? []) {
        rows.push(["answered_by_type", label, type.key ?? "", "", type.label, type.answered, null]);
        for (const { option, count, share } of type.choices) rows.push(["choice_by_type", label, `${type.key ?? ""}/${option ?? ""}`, "", `${type.label}: ${option ?? NONE_OF_THE_OPTIONS}`, count, share]);
      }
    } else if (question.kind === "SCALE") {
      for (const { value, count, share } of question.scale.distribution) rows.push(["scale", label, String(value), "", String(value), count, share]);
      rows.push(["scale_average", label, "", "", "Average", question.scale.average, null]);
      for (const type of question.scaleByStakeholderType ?? []) {
        rows.push(["answered_by_type", label, type.key ?? "", "", type.label, type.answered, null]);
        for (const { value, count, share } of type.scale.distribution) rows.push(["scale_by_type", label, `${type.key ?? ""}/${value}`, "", `${type.label}: ${value}`, count, share]);
        rows.push(["scale_average_by_type", label, type.key ?? "", "", `${type.label}: average`, type.scale.average, null]);
      }
    }
  }

  rows.push(...themeRows("", themes.contributions));
  for (const question of themes.questions) rows.push(...themeRows(questionLabel(question.number, question.prompt), question.themes));
  return rows;
}

function themeRows(question: string, summary: OpenThemeSummary): Row[] {
  const rows: Row[] = [];
  for (const theme of summary.themes) {
    rows.push(...oneThemeRows(question, theme, ""));
    for (const sub of theme.subthemes) rows.push(...oneThemeRows(question, sub, theme.key));
  }
  const { notThemed } = summary;
  rows.push(["theme_not_themed", question, "", "", "Not themed", notThemed.count, notThemed.share]);
  for (const reason of Object.keys(notThemed.byReason) as OpenNotThemedReason[]) {
    rows.push(["theme_not_themed", question, reason, "", NOT_THEMED_REASON_WORDING[reason].label, notThemed.byReason[reason], null]);
  }
  return rows;
}

/** The rows of one theme or sub-theme; `parent` is its theme's key for a sub-theme. */
function oneThemeRows(question: string, theme: OpenSubtheme, parent: string): Row[] {
  const { key } = theme;
  const rows: Row[] = [
    ["theme", question, key, parent, theme.label, theme.size, theme.share],
    ["theme_terms", question, key, parent, theme.terms.join(CSV_LIST_SEPARATOR), null, null],
    ["theme_all_texts", question, key, parent, "Every member of a group counted", theme.contributionCount, null],
  ];
  for (const group of theme.groups) rows.push(["theme_group", question, `${key}/${group.similarityGroupId}`, parent, "Near-identical texts", group.size, null]);
  for (const [code, count] of Object.entries(theme.languages)) rows.push(["theme_language", question, `${key}/${code}`, parent, languageName(code), count, null]);
  for (const [type, count] of Object.entries(theme.byStakeholderType) as [StakeholderType, number][]) {
    if (count > 0) rows.push(["theme_stakeholder_type", question, `${key}/${type}`, parent, STAKEHOLDER_TYPE_LABELS[type], count, null]);
  }
  if (theme.steered) rows.push(["theme_steered", question, key, parent, STEERED_MARK, null, null]);
  if (theme.seeds && theme.seeds.length > 0) rows.push(["theme_seeds", question, key, parent, theme.seeds.join(CSV_LIST_SEPARATOR), null, null]);
  return rows;
}
