import { stringify } from "csv-stringify/sync";
import type { AnswerValue } from "@/lib/contributions/schema";
import type { OpenContribution } from "@/lib/open-data/records";

// The CSV of a consultation's contributions, one row per contribution: the
// fixed columns below, then one per question of the consultation. The
// /open-data page describes the columns from this same list.

export type CsvColumn = { header: string; description: string; value: (record: OpenContribution) => string | number | null };

/** Several values in one cell: the choices of a multiple-choice answer, the attachments' addresses. */
export const CSV_LIST_SEPARATOR = "; ";

/** The starts of a cell that CSV_OPTIONS.escape_formulas defuses with a leading apostrophe. */
export const CSV_FORMULA_STARTS = "=, +, -, @ (or their full-width forms), a tab or a carriage return";

export const CSV_COLUMNS: readonly CsvColumn[] = [
  { header: "reference", description: "Public reference of the contribution, such as AGR-2026-000123.", value: (record) => record.reference },
  { header: "url", description: "Its permanent page on this site.", value: (record) => record.url },
  { header: "consultation", description: "The consultation’s slug.", value: (record) => record.consultation },
  { header: "phase", description: "When it was submitted: BEFORE, DURING or AFTER the conference.", value: (record) => record.phase },
  { header: "language", description: "The language it is written in (ISO 639-1 code).", value: (record) => record.language },
  {
    header: "title",
    description: `Its title. One that starts with ${CSV_FORMULA_STARTS} begins with an apostrophe here, which the JSON does not add.`,
    value: (record) => record.title,
  },
  {
    header: "body",
    description: `Its text, in Markdown as the author wrote it, except that a text that starts with ${CSV_FORMULA_STARTS} begins with an apostrophe here (a Markdown list, for example), which the JSON does not add.`,
    value: (record) => record.body,
  },
  { header: "submitted_at", description: "When it was submitted (ISO 8601, UTC).", value: (record) => record.submittedAt },
  { header: "published_at", description: "When a moderator approved it (ISO 8601, UTC).", value: (record) => record.publishedAt },
  { header: "author_name", description: "The author’s name; empty when the author chose to stay anonymous.", value: (record) => record.author.displayName },
  {
    header: "organisation",
    description: "The author’s organisation; empty when the author has none or chose to stay anonymous.",
    value: (record) => record.author.organisationName,
  },
  {
    header: "stakeholder_type",
    description: "The kind of stakeholder, such as NGO or COMPANY (always published).",
    value: (record) => record.author.stakeholderType,
  },
  { header: "country", description: "The author’s country (ISO 3166-1 alpha-2 code, always published).", value: (record) => record.author.country },
  {
    header: "attachments",
    description: `Addresses of the attached files, separated by “${CSV_LIST_SEPARATOR.trim()}”.`,
    value: (record) => record.attachments.map((attachment) => attachment.url).join(CSV_LIST_SEPARATOR),
  },
];

export type CsvQuestion = { id: string; prompt: string };

/** Makes Excel read the file as UTF-8 (names in Greek, Japanese, Polish…). */
export const BYTE_ORDER_MARK = "\uFEFF";

export const CSV_OPTIONS = {
  // RFC 4180 line ends; a line break inside a field is quoted as well.
  record_delimiter: "windows",
  quote_record_delimiter: true,
  // Contributions are written by the public: a cell starting with =, +, -, @,
  // a tab or a carriage return gets a leading ' so that a spreadsheet shows
  // it instead of running it as a formula (OWASP "CSV injection"). The JSON
  // download keeps every text exactly as written.
  escape_formulas: true,
} as const;

/** How the CSV files name a question: "Q1. <prompt>" (unique even when two prompts read the same). */
export const questionLabel = (number: number, prompt: string) => `Q${number}. ${prompt}`;

/** The header line: the fixed columns, then "Q1. <prompt>", "Q2. <prompt>"…. */
export function csvHeaderLine(questions: readonly CsvQuestion[]): string {
  return stringify([[...CSV_COLUMNS.map((column) => column.header), ...questions.map((question, index) => questionLabel(index + 1, question.prompt))]], CSV_OPTIONS);
}

/** One line per contribution; a question's cell is its answer, the choices of a multiple-choice answer joined, empty when unanswered. */
export function csvLines(records: readonly OpenContribution[], questions: readonly CsvQuestion[]): string {
  return stringify(
    records.map((record) => [...CSV_COLUMNS.map((column) => column.value(record)), ...questions.map((question) => answerCell(record.answers[question.id]))]),
    CSV_OPTIONS,
  );
}

function answerCell(value: AnswerValue | undefined): string {
  if (value === undefined) return "";
  return Array.isArray(value) ? value.join(CSV_LIST_SEPARATOR) : String(value);
}
