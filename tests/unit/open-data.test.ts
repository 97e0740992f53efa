import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvHeaderLine, csvLines } from "@/lib/open-data/csv-columns";
import { describeFields, describeParameter, typeLabel } from "@/lib/open-data/describe-schema";
import { EXAMPLE_CONTRIBUTION, OPEN_DATA_PATHS, OPEN_DATA_SCHEMAS } from "@/lib/open-data/openapi";
import { contributionPageSchema, consultationPageSchema, encodeCursor } from "@/lib/open-data/page-query";
import type { OpenConsultation } from "@/lib/open-data/records";

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
    ] as const) {
      const page = example(path, "application/json") as { links: { next: string } };
      const query = new URL(page.links.next).searchParams;
      expect(schema.safeParse({ limit: query.get("limit"), cursor: query.get("cursor") }).success, path).toBe(true);
    }
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
