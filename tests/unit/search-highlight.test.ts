import { describe, expect, it } from "vitest";
import { highlightSegments } from "@/lib/search/highlight";

const S = "\u0002";
const E = "\u0003";

describe("highlightSegments", () => {
  it("moves the marks of a headline of the normalised text onto the original, whole words marked", () => {
    // agora_search_normalise("Costs for SMEs") = "Costs for SME ".
    expect(highlightSegments(`Costs for ${S}SME${E} `, "Costs for SMEs")).toEqual([
      { text: "Costs for ", highlight: false },
      { text: "SMEs", highlight: true },
    ]);
    expect(highlightSegments(`the ${S}standardisation${E} of`, "the standardization of")).toEqual([
      { text: "the ", highlight: false },
      { text: "standardization", highlight: true },
      { text: " of", highlight: false },
    ]);
  });

  it("counts by code points, and reads line breaks as spaces", () => {
    expect(highlightSegments(`😀 ${S}Ärger${E}\n\nnext`, "😀 Ärger\n\nnext")).toEqual([
      { text: "😀 ", highlight: false },
      { text: "Ärger", highlight: true },
      { text: " next", highlight: false },
    ]);
  });

  it("answers null when the headline and the span do not line up", () => {
    expect(highlightSegments(`${S}abc${E}`, "ab")).toBeNull();
    expect(highlightSegments(`${S}ab${E}`, "abc")).toBeNull();
  });

  it("keeps markup as text", () => {
    expect(highlightSegments(`<b>${S}x${E}</b>`, "<b>x</b>")).toEqual([
      { text: "<b>", highlight: false },
      { text: "x", highlight: true },
      { text: "</b>", highlight: false },
    ]);
  });
});
