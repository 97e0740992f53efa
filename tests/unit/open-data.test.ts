import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, CSV_FORMULA_STARTS, csvHeaderLine, csvLines } from "@/lib/open-data/csv-columns";
import { describeFields, describeParameter, typeLabel } from "@/lib/open-data/describe-schema";
import { EXAMPLE_CONTRIBUTION, EXAMPLE_SUMMARY, OPEN_DATA_PATHS, OPEN_DATA_SCHEMAS } from "@/lib/open-data/openapi";
import { contributionPageSchema, consultationPageSchema, encodeCursor, summaryPageSchema } from "@/lib/open-data/page-query";
import type { OpenConsultation } from "@/lib/open-data/records";
import { summaryCsv } from "@/lib/open-data/summary-csv";
import { readSummaryVersionSegment } from "@/lib/open-data/summary-version-segment";

const example = (path: string, contentType: string) => OPEN_DATA_PATHS[path]?.get.responses["200"]?.content?.[contentType]?.example;

describe("the documentation's examples", () => {
  it("show the CSV the writer makes for the example contribution", () => {
    const consultation = example("/consultations/{slug}", "application/json") as OpenConsultation;
    const written = csvHeaderLine(consultation.questions) + csvLines([EXAMPLE_CONTRIBUTION], consultation.questions);
    expect(example("/consultations/{slug}/contributions.csv", "text/csv")).toBe(written);
  });

  it("answer the example contribution with the example consultation's question ids", () => {
    const consultation = example("/consultations/{slug}", "application/json") as OpenConsultation;
    const ids = consultation.questions.map((question) => question.id);
    expect(Object.keys(EXAMPLE_CONTRIBUTION.answers).every((id) => ids.includes(id))).toBe(true);
  });

  it("carry cursors the API would accept", () => {
    for (const [path, schema] of [
      ["/consultations", consultationPageSchema],
      ["/consultations/{slug}/contributions", contributionPageSchema],
      ["/consultations/{slug}/summaries", summaryPageSchema],
    ] as const) {
      const page = example(path, "application/json") as { links: { next: string } };
      const query = new URL(page.links.next).searchParams;
      expect(schema.safeParse({ limit: query.get("limit"), cursor: query.get("cursor") }).success, path).toBe(true);
    }
  });
});

describe("the contributions' CSV", () => {
  it("begins a title or text that a spreadsheet would run as a formula with an apostrophe, as their column descriptions say", () => {
    const starts = ["=", "+", "-", "@", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20", "\t", "\r"];
    for (const start of [...starts, "A", "#", "*"]) {
      const record = { ...EXAMPLE_CONTRIBUTION, title: `${start}SUM(A1)`, body: `${start} a Markdown list item` };
      const [row] = parse(csvHeaderLine([]) + csvLines([record], []), { columns: true }) as Record<string, string>[];
      const prefix = starts.includes(start) ? "'" : "";
      expect(row?.title, JSON.stringify(start)).toBe(`${prefix}${record.title}`);
      expect(row?.body, JSON.stringify(start)).toBe(`${prefix}${record.body}`);
    }
    for (const header of ["title", "body"]) {
      const description = CSV_COLUMNS.find((column) => column.header === header)?.description;
      expect(description).toContain(`starts with ${CSV_FORMULA_STARTS} begins with an apostrophe here`);
    }
    // The words name the starts listed above.
    expect(CSV_FORMULA_STARTS).toBe("=, +, -, @ (or their full-width forms), a tab or a carriage return");
  });
});

describe("the example summary", () => {
  it("counts what its parts add up to, and quotes the example contributions", () => {
    const { statistics, themes } = EXAMPLE_SUMMARY;
    const sum = (counts: { count: number }[]) => counts.reduce((total, entry) => total + entry.count, 0);
    for (const breakdown of [statistics.byStakeholderType, statistics.byCountry, statistics.byPhase, statistics.byLanguage, statistics.overTime.points]) {
      expect(sum(breakdown)).toBe(statistics.total);
    }
    const grouped = sum(themes.contributions.themes.map((theme) => ({ count: theme.size }))) + themes.contributions.unplaced.count;
    expect(grouped).toBe(themes.contributions.documentCount);
    for (const theme of themes.contributions.themes) expect(Object.values(theme.byStakeholderType).reduce((a, b) => a + b, 0)).toBe(theme.size);
    const consultation = example("/consultations/{slug}", "application/json") as OpenConsultation;
    expect(statistics.questions.map((question) => [question.questionId, question.prompt])).toEqual(consultation.questions.map((question) => [question.id, question.prompt]));
  });
});

describe("summary version segment", () => {
  it("reads a version number or latest, with .csv or .json for a file", () => {
    expect(readSummaryVersionSegment("3")).toEqual({ version: 3, format: "record" });
    expect(readSummaryVersionSegment("12.csv")).toEqual({ version: 12, format: "csv" });
    expect(readSummaryVersionSegment("latest.json")).toEqual({ version: "latest", format: "json" });
    expect(readSummaryVersionSegment("latest")).toEqual({ version: "latest", format: "record" });
  });

  it("reads nothing else", () => {
    for (const segment of ["", "0", "03", "-1", "1.5", "1e3", "3.CSV", "3.xml", "3.csv.json", "3.", ".csv", "Latest", "latest.", " 3", "3 ", "1234567890"]) {
      expect(readSummaryVersionSegment(segment), segment).toBeNull();
    }
  });
});

describe("summary CSV", () => {
  it("is a byte order mark, the header and a row per figure, in CRLF lines", () => {
    const text = summaryCsv(EXAMPLE_SUMMARY);
    expect(text.startsWith("\uFEFFsection,question,key,label,count,share\r\n")).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[0]).toEqual({ section: "total", question: "", key: "", label: "Contributions", count: "128", share: "" });
    expect(rows.filter((row) => row.section === "theme").map((row) => row.label)).toEqual(["oversight; staff; training; accountable", "register; algorithms; public", "registres; algorithmes; administration"]);
    expect(rows.find((row) => row.section === "scale_average")).toMatchObject({ question: "Q3. How much do you trust AI in public services today?", count: String(267 / 90) });
  });

  it("prefixes labels a spreadsheet would run as formulas", () => {
    const summary = { ...EXAMPLE_SUMMARY, statistics: { ...EXAMPLE_SUMMARY.statistics, byLanguage: [{ code: "en", name: "=cmd", count: 128, share: 1 }] } };
    const rows = parse(summaryCsv(summary), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.section === "language")?.label).toBe("'=cmd");
  });
});

describe("CSV lines", () => {
  const questions = [
    { id: "q1", prompt: "Which?" },
    { id: "q2", prompt: "Which?" },
  ];

  it("quote separators, quotes and line breaks, and read back to the same text", () => {
    const body = 'One, "two"\nthree\r\nfour';
    const text = csvHeaderLine(questions) + csvLines([{ ...EXAMPLE_CONTRIBUTION, body, answers: { q1: ["a", "b"], q2: 3 } }], questions);
    const [row] = parse(text, { columns: true }) as Record<string, string>[];
    expect(row?.body).toBe(body);
    expect(row?.["Q1. Which?"]).toBe("a; b");
    expect(row?.["Q2. Which?"]).toBe("3");
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("prefix cells a spreadsheet would run as formulas", () => {
    for (const start of ["=", "+", "-", "@", "\t"]) {
      const [row] = parse(csvLines([{ ...EXAMPLE_CONTRIBUTION, title: `${start}cmd` }], []), { relax_quotes: true }) as string[][];
      expect(row?.[5]).toBe(`'${start}cmd`);
    }
  });
});

describe("page query", () => {
  it("takes 1 to 100 items a page, 50 when left out or empty", () => {
    expect(contributionPageSchema.parse({ limit: null, cursor: null })).toEqual({ limit: 50, cursor: undefined });
    expect(contributionPageSchema.parse({ limit: "", cursor: "" })).toEqual({ limit: 50, cursor: undefined });
    expect(contributionPageSchema.parse({ limit: "100" }).limit).toBe(100);
    for (const limit of ["0", "101", "1e1", "0x10", " 10", "x", "-3", "2.5", "0100"]) expect(contributionPageSchema.safeParse({ limit }).success, limit).toBe(false);
  });

  it("reads back the summary cursors it gives: a version from 1", () => {
    expect(summaryPageSchema.parse({ cursor: encodeCursor("summary", 7) }).cursor).toBe(7);
    for (const position of ["0", "-1", "x", "07"]) expect(summaryPageSchema.safeParse({ cursor: encodeCursor("summary", position) }).success, position).toBe(false);
    expect(summaryPageSchema.safeParse({ cursor: encodeCursor("contribution", 7) }).success).toBe(false);
  });

  it("reads back the cursors it gives, and no other", () => {
    expect(contributionPageSchema.parse({ cursor: encodeCursor("contribution", 42) }).cursor).toBe(42);
    expect(consultationPageSchema.parse({ cursor: encodeCursor("consultation", "ai-skills") }).cursor).toBe("ai-skills");
    expect(contributionPageSchema.safeParse({ cursor: encodeCursor("consultation", "42") }).success).toBe(false);
    expect(contributionPageSchema.safeParse({ cursor: encodeCursor("contribution", "-1") }).success).toBe(false);
    expect(contributionPageSchema.safeParse({ cursor: "%%%" }).success).toBe(false);
  });
});

describe("field descriptions", () => {
  it("name each field's type in words", () => {
    expect(typeLabel({ type: ["string", "null"], format: "date-time" })).toBe("string (date-time) or null");
    expect(typeLabel({ type: "array", items: { $ref: "#/components/schemas/Attachment" } })).toBe("array of Attachment");
    expect(typeLabel({ type: "string", enum: ["BEFORE", "DURING", "AFTER"] })).toBe("string: BEFORE, DURING, AFTER");
    const links = describeFields(OPEN_DATA_SCHEMAS.PageLinks);
    expect(links.map((field) => [field.name, field.optional])).toEqual([
      ["self", false],
      ["next", true],
    ]);
    const limit = OPEN_DATA_PATHS["/consultations"]?.get.parameters?.find((parameter) => parameter.name === "limit");
    expect(limit && describeParameter(limit)).toMatchObject({ type: "integer, in the query string", optional: true, description: expect.stringMatching(/50 when left out/) });
  });
});
