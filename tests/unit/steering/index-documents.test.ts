import { describe, expect, it } from "vitest";
import { indexDocuments } from "@/lib/summaries/steering/index-documents";
import type { ThemeInput } from "@/lib/summaries/themes/engine/types";

describe("the contributions steering counts", () => {
  const mixed: ThemeInput = {
    id: "d2",
    reference: "AGR-2026-000002",
    stakeholderType: "NGO",
    groupId: "g",
    parts: [
      { text: "Our position paper, attached.", language: "en", source: { kind: "body" } },
      { text: "Nous demandons l'interdiction de la reconnaissance faciale en temps réel dans l'espace public.", language: "fr", source: { kind: "attachment", attachmentId: "a", fileName: "a.pdf", page: 1 } },
    ],
  };
  const alone: ThemeInput = { ...mixed, id: "d1", reference: "AGR-2026-000001", groupId: null, parts: [{ text: "Kind regards.", language: "EN-gb", source: { kind: "body" } }] };
  const index = indexDocuments([mixed, alone]);

  it("are in the language most of their content words are in, as the engine reads them", () => {
    expect(index.languageOf(mixed)).toBe("fr");
    expect(index.languageOf({ ...alone, parts: [] })).toBe("und");
  });

  it("are in id order, each in its group or in one of its own", () => {
    expect(index.ordered.map((document) => document.id)).toEqual(["d1", "d2"]);
    expect(index.groupOf(mixed)).toBe("g");
    expect(index.groupOf(alone)).not.toBe(index.groupOf({ ...alone, id: "d3" }));
    expect(index.byReference.get("AGR-2026-000002")).toBe(mixed);
  });
});
