import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, CSV_FORMULA_STARTS, csvHeaderLine, csvLines } from "@/lib/open-data/csv-columns";
import { describeFields, describeParameter, typeLabel } from "@/lib/open-data/describe-schema";
import { EXAMPLE_CONTRIBUTION, EXAMPLE_SUMMARY, OPEN_DATA_PATHS, OPEN_DATA_SCHEMAS } from "@/lib/open-data/openapi";
import { contributionPageSchema, consultationPageSchema, encodeCursor, summaryPageSchema } from "@/lib/open-data/page-query";
import type { OpenConsultation } from "@/lib/open-data/records";
import { summaryCsv } from "@/lib/open-data/summary-csv";
import { referencesNamedBy, toOpenThemeSummary } from "@/lib/open-data/summary-record";
import { themeSummarySchema } from "@/lib/open-data/summary-records";
import { BIKE_PAPER, CYCLING, THEME_SUMMARY } from "@/tests/fixtures/theme-summary";
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
    const { notThemed } = themes.contributions;
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total(notThemed.byReason)).toBe(notThemed.count);
    expect(total(notThemed.byStakeholderType)).toBe(notThemed.count);
    for (const theme of themes.contributions.themes.flatMap((parent) => [parent, ...parent.subthemes])) {
      expect(total(theme.byStakeholderType), theme.key).toBe(theme.size);
      expect(total(theme.languages), theme.key).toBe(theme.size);
      expect(theme.share, theme.key).toBe(theme.size / themes.contributions.groupCount);
      // Each group counts once in size, every member in contributionCount.
      expect(theme.contributionCount, theme.key).toBe(theme.size + sum(theme.groups.map((group) => ({ count: group.size - 1 }))));
    }
    const consultation = example("/consultations/{slug}", "application/json") as OpenConsultation;
    expect(statistics.questions.map((question) => [question.questionId, question.prompt])).toEqual(consultation.questions.map((question) => [question.id, question.prompt]));
  });
});

describe("a summary's themes as open data", () => {
  const everyQuoted = new Set(["AGR-2026-000001", "AGR-2026-000002", "AGR-2026-000003", "AGR-2026-000004"]);
  const published = (references: Iterable<string>) => new Map([...references].map((reference) => [reference, { title: reference }]));

  it("has exactly the fields of its schema", () => {
    const open = toOpenThemeSummary(THEME_SUMMARY, published(everyQuoted));
    // Parsing strips a field the schema does not have and throws on one it lacks.
    expect(themeSummarySchema.parse(open)).toEqual(open);
  });

  it("copies labels, counts, languages, groups, sub-themes, steering and seeds, and not-themed reasons", () => {
    const open = toOpenThemeSummary(THEME_SUMMARY, published(everyQuoted));
    expect(open).toMatchObject({ documentCount: 23, groupCount: 20, notThemed: { count: 6, share: 0.3, byReason: THEME_SUMMARY.notThemed.byReason } });
    const [cycling, privacy] = open.themes;
    expect(cycling).toMatchObject({
      key: CYCLING.key,
      label: "protected cycle lanes",
      terms: CYCLING.terms,
      size: 9,
      contributionCount: 12,
      share: 9 / 20,
      languages: { en: 7, fr: 2 },
      groups: [{ similarityGroupId: "cm5q1campaign", size: 4 }],
      steered: true,
      seeds: null,
    });
    expect(cycling?.subthemes.map((sub) => [sub.key, sub.label, sub.size])).toEqual([["protected-cycle-lanes/kerbs", "kerbs and bollards", 4]]);
    expect(privacy).toMatchObject({ steered: true, seeds: ["facial recognition", "cameras"], subthemes: [] });
  });

  it("says where each quote is, the attachment by its name, page and address", () => {
    const open = toOpenThemeSummary(THEME_SUMMARY, published(everyQuoted));
    const quotes = open.themes.flatMap((theme) => [...theme.quotes, ...theme.subthemes.flatMap((sub) => sub.quotes)]);
    expect(quotes.map(({ reference, url, text, source }) => ({ reference, url, text, source }))).toEqual([
      { reference: "AGR-2026-000001", url: "http://localhost:3000/contributions/AGR-2026-000001", text: "Separated bike lanes are the only real answer.", source: { kind: "body", fileName: null, page: null, url: null } },
      {
        reference: "AGR-2026-000002",
        url: "http://localhost:3000/contributions/AGR-2026-000002",
        text: "A connected network of cycle lanes would double cycling.",
        source: { kind: "attachment", fileName: BIKE_PAPER.fileName, page: 3, url: `http://localhost:3000/api/attachments/${BIKE_PAPER.attachmentId}` },
      },
      { reference: "AGR-2026-000004", url: "http://localhost:3000/contributions/AGR-2026-000004", text: "Bike lanes painted on the road are not enough.", source: { kind: "title", fileName: null, page: null, url: null } },
      { reference: "AGR-2026-000003", url: "http://localhost:3000/contributions/AGR-2026-000003", text: "No cameras that recognise faces in our streets.", source: null },
    ]);
  });

  it("leaves out the quotes, sub-themes' included, of contributions no longer published, and names them all as to check", () => {
    const figures = { statistics: undefined as never, themes: { contributions: THEME_SUMMARY, questions: [] } };
    expect(referencesNamedBy({ highlights: ["AGR-2026-000009"] } as Parameters<typeof referencesNamedBy>[0], figures).sort()).toEqual([...everyQuoted, "AGR-2026-000009"].sort());
    const open = toOpenThemeSummary(THEME_SUMMARY, published(["AGR-2026-000001", "AGR-2026-000003"]));
    expect(open.themes[0]?.quotes.map((quote) => quote.reference)).toEqual(["AGR-2026-000001"]);
    expect(open.themes[0]?.subthemes[0]?.quotes).toEqual([]);
    expect(open.themes[1]?.quotes.map((quote) => quote.reference)).toEqual(["AGR-2026-000003"]);
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
    expect(text.startsWith("\uFEFFsection,question,key,parent,label,count,share\r\n")).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[0]).toEqual({ section: "total", question: "", key: "", parent: "", label: "Contributions", count: "128", share: "" });
    expect(rows.find((row) => row.section === "scale_average")).toMatchObject({ question: "Q3. How much do you trust AI in public services today?", count: String(267 / 90) });
  });

  it("gives a row to each theme and, after it, each of its sub-themes with the theme as parent", () => {
    const rows = parse(summaryCsv(EXAMPLE_SUMMARY), { bom: true, columns: true }) as Record<string, string>[];
    const cells = (section: string) => rows.filter((row) => row.section === section).map(({ key, parent, label, count, share }) => [key, parent, label, count, share]);
    expect(cells("theme")).toEqual([
      ["trained-staff", "", "trained staff", "34", String(34 / 120)],
      ["trained-staff/training-budget", "trained-staff", "training budget", "14", String(14 / 120)],
      ["public-register", "", "public register", "38", String(38 / 120)],
    ]);
    expect(cells("theme_terms")[0]).toEqual(["trained-staff", "", "trained staff; oversight; training; accountable", "", ""]);
    expect(cells("theme_all_texts").map(([key, , , count]) => [key, count])).toEqual([
      ["trained-staff", "42"],
      ["trained-staff/training-budget", "22"],
      ["public-register", "38"],
    ]);
    expect(cells("theme_group")).toEqual([
      ["trained-staff/cm5q1examplegroup", "", "Near-identical texts", "9", ""],
      ["trained-staff/training-budget/cm5q1examplegroup", "trained-staff", "Near-identical texts", "9", ""],
    ]);
    expect(cells("theme_language").filter(([key]) => key?.startsWith("public-register/"))).toEqual([
      ["public-register/en", "", "English", "21", ""],
      ["public-register/fr", "", "French (français)", "17", ""],
    ]);
    expect(cells("theme_steered")).toEqual([["public-register", "", "Adjusted by moderators", "", ""]]);
    expect(cells("theme_seeds")).toEqual([["public-register", "", "register; registre", "", ""]]);
    // The rows of top-level themes (parent empty) count each text of a theme once.
    const spread = rows.filter((row) => row.section === "theme_stakeholder_type" && row.parent === "" && row.key?.startsWith("trained-staff/"));
    expect(spread.reduce((total, row) => total + Number(row.count), 0)).toBe(34);
  });

  it("gives those in no theme, then each reason", () => {
    const rows = parse(summaryCsv(EXAMPLE_SUMMARY), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.filter((row) => row.section === "theme_not_themed").map(({ key, label, count, share }) => [key, label, count, share])).toEqual([
      ["", "Not themed", "48", String(48 / 120)],
      ["onlyBoilerplate", "Only boilerplate", "12", ""],
      ["tooLittleText", "Too little text", "9", ""],
      ["belongsNowhere", "Belongs to no theme", "20", ""],
      ["fewInLanguage", "Few in its language", "5", ""],
      ["setAside", "Set aside by moderators", "2", ""],
    ]);
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
