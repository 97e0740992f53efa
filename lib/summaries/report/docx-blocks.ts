import "server-only";
import {
  AlignmentType,
  ExternalHyperlink,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import { formatCount, formatShare } from "@/lib/format";

// The few shapes the summary report is built of, so every section looks and
// reads the same: headings on the built-in heading styles (Word's and
// LibreOffice's navigation pane and table of contents use them), tables
// whose first row is marked as a header (repeated on each page, announced
// by screen readers) under a caption, quotes and links.

export type HeadingValue = (typeof HeadingLevel)[keyof typeof HeadingLevel];

/** Heading levels by depth, 1 to 6. */
export const HEADINGS: readonly HeadingValue[] = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

export function headingAt(depth: number): HeadingValue {
  return HEADINGS[Math.min(Math.max(depth, 1), HEADINGS.length) - 1] ?? HeadingLevel.HEADING_6;
}

// Characters XML 1.0 cannot hold: one in a contribution's text would make
// the whole document unreadable to Word.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function clean(text: string): string {
  return text.replace(NOT_XML, "");
}

export function run(text: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun {
  return new TextRun({ text: clean(text), ...options });
}

export function heading(text: string, depth: number): Paragraph {
  return new Paragraph({ heading: headingAt(depth), children: [run(text)] });
}

export function paragraph(children: string | ParagraphChild[], options: { style?: string } = {}): Paragraph {
  return new Paragraph({ style: options.style, children: typeof children === "string" ? [run(children)] : children });
}

/** A link that leaves the document, blue and underlined (Word's Hyperlink character style). */
export function link(text: string, url: string): ExternalHyperlink {
  return new ExternalHyperlink({ link: url, children: [new TextRun({ text: clean(text), style: "Hyperlink" })] });
}

export function quote(text: string): Paragraph {
  return new Paragraph({ style: "Quote", children: [run(`“${text}”`)] });
}

export type Cell = string | { text: string; url: string };

export type FigureTableOptions = {
  /** Said above the table, in the Caption style: what a reader moving from table to table hears first. */
  caption: string;
  header: string[];
  rows: Cell[][];
  /** Columns (by index) holding figures: aligned right. Default: every column after the first. */
  numeric?: number[];
};

/** A table of figures under its caption; its first row is the header row. */
export function figureTable({ caption, header, rows, numeric }: FigureTableOptions): (Paragraph | Table)[] {
  const isNumeric = (index: number) => (numeric ? numeric.includes(index) : index > 0);
  const cell = (value: Cell, index: number, bold: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: isNumeric(index) ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [typeof value === "string" ? run(value, { bold }) : link(value.text, value.url)],
        }),
      ],
    });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((text, index) => cell(text, index, true)) }),
      ...rows.map((values) => new TableRow({ cantSplit: true, children: values.map((value, index) => cell(value, index, false)) })),
    ],
  });
  return [new Paragraph({ style: "Caption", keepNext: true, children: [run(caption)] }), table];
}

// The page's formats (a plain function of the page's figure tables), so the
// report and the page show the same figures the same way.
export { formatCount, formatShare };

export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
