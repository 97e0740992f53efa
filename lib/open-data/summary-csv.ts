import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";
import type { StakeholderType } from "@/lib/generated/prisma/enums";
import { BYTE_ORDER_MARK, CSV_LIST_SEPARATOR, CSV_OPTIONS, questionLabel } from "@/lib/open-data/csv-columns";
import { described } from "@/lib/open-data/records";
import type { OpenSummary, OpenThemeSummary, OpenUnplacedReason } from "@/lib/open-data/summary-records";

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
    "The code of what is counted: a stakeholder type, a country (ISO 3166-1 alpha-2), a phase, a language (ISO 639-1), a day (YYYY-MM-DD), an option, a scale value or a theme's key. Empty for authors whose type or country is not stated and for answers among none of the options.",
  ),
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
    description: `Themes found in the contributions (question empty) or in the answers to a free-text question: key terms separated by “${CSV_LIST_SEPARATOR.trim()}” (label), how many texts (count) and their share of the texts grouped.`,
  },
  { name: "theme_stakeholder_type", description: "For each theme, how many of its texts come from each kind of stakeholder (key: the theme's key, a slash, the type), types with none left out." },
  { name: "theme_unplaced", description: "Texts in no theme, by reason (key: fewInLanguage, noDistinctiveWords or smallGroup)." },
] as const;

export type SummaryCsvSection = (typeof SUMMARY_CSV_SECTIONS)[number]["name"];

type SummaryCsvRow = z.output<typeof summaryCsvRowSchema>;
// The cells of a row in the columns' order.
type Row = [section: SummaryCsvSection, question: SummaryCsvRow["question"], key: SummaryCsvRow["key"], label: SummaryCsvRow["label"], count: SummaryCsvRow["count"], share: SummaryCsvRow["share"]];

const NONE_OF_THE_OPTIONS = "None of the options";

const UNPLACED_LABELS: Record<OpenUnplacedReason, string> = {
  fewInLanguage: "In a language with too few texts to group",
  noDistinctiveWords: "Sharing no distinctive word with the other texts",
  smallGroup: "In a group too small to be a theme",
};

/** The whole file: a byte order mark, the header line, then a row per figure. */
export function summaryCsv(summary: OpenSummary): string {
  return BYTE_ORDER_MARK + stringify([SUMMARY_CSV_COLUMNS.map((column) => column.header), ...summaryRows(summary)], CSV_OPTIONS);
}

function summaryRows({ statistics, themes }: OpenSummary): Row[] {
  const rows: Row[] = [["total", "", "", "Contributions", statistics.total, null]];
  for (const { key, label, count, share } of statistics.byStakeholderType) rows.push(["stakeholder_type", "", key ?? "", label, count, share]);
  for (const { code, name, count, share } of statistics.byCountry) rows.push(["country", "", code ?? "", name, count, share]);
  for (const { key, label, count, share } of statistics.byPhase) rows.push(["phase", "", key, label, count, share]);
  for (const { code, name, count, share } of statistics.byLanguage) rows.push(["language", "", code, name, count, share]);
  for (const { start, count } of statistics.overTime.points) rows.push(["over_time", "", start, statistics.overTime.unit, count, null]);
  for (const { start, count } of statistics.overTime.finalStretch?.points ?? []) rows.push(["over_time_final_stretch", "", start, "day", count, statistics.total === 0 ? 0 : count / statistics.total]);

  for (const question of statistics.questions) {
    const label = questionLabel(question.number, question.prompt);
    rows.push(["answered", label, "", "Answered", question.answered, null]);
    if (question.kind === "SINGLE_CHOICE" || question.kind === "MULTIPLE_CHOICE") {
      for (const { option, count, share } of question.choices) rows.push(["choice", label, option ?? "", option ?? NONE_OF_THE_OPTIONS, count, share]);
      for (const type of question.choicesByStakeholderType ?? []) {
        rows.push(["answered_by_type", label, type.key ?? "", type.label, type.answered, null]);
        for (const { option, count, share } of type.choices) rows.push(["choice_by_type", label, `${type.key ?? ""}/${option ?? ""}`, `${type.label}: ${option ?? NONE_OF_THE_OPTIONS}`, count, share]);
      }
    } else if (question.kind === "SCALE") {
      for (const { value, count, share } of question.scale.distribution) rows.push(["scale", label, String(value), String(value), count, share]);
      rows.push(["scale_average", label, "", "Average", question.scale.average, null]);
      for (const type of question.scaleByStakeholderType ?? []) {
        rows.push(["answered_by_type", label, type.key ?? "", type.label, type.answered, null]);
        for (const { value, count, share } of type.scale.distribution) rows.push(["scale_by_type", label, `${type.key ?? ""}/${value}`, `${type.label}: ${value}`, count, share]);
        rows.push(["scale_average_by_type", label, type.key ?? "", `${type.label}: average`, type.scale.average, null]);
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
    rows.push(["theme", question, theme.key, theme.terms.join(CSV_LIST_SEPARATOR), theme.size, theme.share]);
    for (const [type, count] of Object.entries(theme.byStakeholderType) as [StakeholderType, number][]) {
      if (count > 0) rows.push(["theme_stakeholder_type", question, `${theme.key}/${type}`, STAKEHOLDER_TYPE_LABELS[type], count, null]);
    }
  }
  for (const [reason, count] of Object.entries(summary.unplaced.byReason) as [OpenUnplacedReason, number][]) {
    rows.push(["theme_unplaced", question, reason, UNPLACED_LABELS[reason], count, null]);
  }
  return rows;
}
