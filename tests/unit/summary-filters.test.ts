import { describe, expect, it } from "vitest";
import { AppError, parseInput } from "@/lib/errors";
import { summaryFilterSchema } from "@/lib/summaries/filter-schema";

describe("summaryFilterSchema", () => {
  it("reads the summary's filters from the address, empty meaning any", () => {
    expect(parseInput(summaryFilterSchema, { type: "NGO", country: " fr ", phase: "DURING" })).toEqual({ type: "NGO", country: "FR", phase: "DURING" });
    expect(parseInput(summaryFilterSchema, { type: "", country: "  ", phase: "" })).toEqual({});
    expect(parseInput(summaryFilterSchema, {})).toEqual({});
  });

  it("takes the contribution list's language and ignores its other parameters", () => {
    expect(parseInput(summaryFilterSchema, { q: "horses", language: "fr", page: "2", phase: "AFTER" })).toEqual({ phase: "AFTER", language: "fr" });
  });

  it("refuses values that are not in the lists, with a message for each field", () => {
    let refused: unknown;
    try {
      parseInput(summaryFilterSchema, { type: "ROBOT", country: "France", phase: "LATER" });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: "VALIDATION",
      status: 422,
      fieldErrors: {
        type: ["Choose a stakeholder type from the list."],
        country: ["Choose a country from the list."],
        phase: ["Choose a phase from the list."],
      },
    });
  });
});
