import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import type { AnswerValue } from "@/lib/contributions/schema";
import { described, type OpenContribution } from "@/lib/open-data/records";

// The CSV of a consultation's contributions, one row per contribution: the
// fixed columns of the zod schema below, then one per question of the
// consultation. The /open-data page describes the columns from the same
// schema, and the writer fills them through its type.

/** Several values in one cell: the choices of a multiple-choice answer, the attachments' addresses. */
export const CSV_LIST_SEPARATOR = "; ";

/** The starts of a cell that CSV_OPTIONS.escape_formulas defuses with a leading apostrophe. */
export const CSV_FORMULA_STARTS = "=, +, -, @ (or their full-width forms), a tab or a carriage return";

const cell = (description: string) => described(z.string(), description);
const optionalCell = (description: string) => described(z.string().nullable(), description);

/** The fixed columns, in order: the header is the key, the description says what the cell holds. */
export const contributionCsvRowSchema = z.object({
  reference: cell("Public reference of the contribution, such as AGR-2026-000123."),
  url: cell("Its permanent page on this site."),
  consultation: cell("The consultation’s slug."),
  phase: cell("When it was submitted: BEFORE, DURING or AFTER the conference."),
  language: cell("The language it is written in (ISO 639-1 code)."),
  title: cell(`Its title. One that starts with ${CSV_FORMULA_STARTS} begins with an apostrophe here, which the JSON does not add.`),
  body: cell(
    `Its text, in Markdown as the author wrote it, except that a text that starts with ${CSV_FORMULA_STARTS} begins with an apostrophe here (a Markdown list, for example), which the JSON does not add.`,
  ),
  submitted_at: cell("When it was submitted (ISO 8601, UTC)."),
  published_at: optionalCell("When a moderator approved it (ISO 8601, UTC)."),
  author_name: optionalCell("The author’s name; empty when the author chose to stay anonymous."),
  organisation: optionalCell("The author’s organisation; empty when the author has none or chose to stay anonymous."),
  stakeholder_type: optionalCell("The kind of stakeholder, such as NGO or COMPANY (always published)."),
  country: optionalCell("The author’s country (ISO 3166-1 alpha-2 code, always published)."),
  attachments: cell(`Addresses of the attached files, separated by “${CSV_LIST_SEPARATOR.trim()}”.`),
  similarity_group: optionalCell("The group of identical or near-identical contributions it belongs to: the same id on each of its published members; empty when it is in none."),
});

export type ContributionCsvRow = z.output<typeof contributionCsvRowSchema>;

/** The fixed columns as the /open-data page lists them. */
export const CSV_COLUMNS: readonly { header: keyof ContributionCsvRow; description: string }[] = Object.entries(contributionCsvRowSchema.shape).map(([header, field]) => ({
  header: header as keyof ContributionCsvRow,
  description: field.description ?? "",
}));

/** A contribution's cells in the fixed columns: the row's type is the schema's, so a column cannot be left out. */
export function csvRow(record: OpenContribution): ContributionCsvRow {
  return {
    reference: record.reference,
    url: record.url,
    consultation: record.consultation,
    phase: record.phase,
    language: record.language,
    title: record.title,
    body: record.body,
    submitted_at: record.submittedAt,
    published_at: record.publishedAt,
    author_name: record.author.displayName,
    organisation: record.author.organisationName,
    stakeholder_type: record.author.stakeholderType,
    country: record.author.country,
    attachments: record.attachments.map((attachment) => attachment.url).join(CSV_LIST_SEPARATOR),
    similarity_group: record.similarityGroupId,
  };
}

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
    records.map((record) => {
      const row = csvRow(record);
      return [...CSV_COLUMNS.map((column) => row[column.header]), ...questions.map((question) => answerCell(record.answers[question.id]))];
    }),
    CSV_OPTIONS,
  );
}

function answerCell(value: AnswerValue | undefined): string {
  if (value === undefined) return "";
  return Array.isArray(value) ? value.join(CSV_LIST_SEPARATOR) : String(value);
}
