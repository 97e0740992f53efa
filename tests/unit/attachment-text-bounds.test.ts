import { describe, expect, it } from "vitest";
import { cleanText, createTextBudget, pagesFromParagraphs } from "@/lib/attachments/text/child/text-bounds.mjs";

describe("cleanText", () => {
  it("drops NUL and other control characters, keeps tabs and line feeds, makes line ends \\n", () => {
    expect(cleanText("a\u0000b\u0007c\td\r\ne\rf\u001Fg\u007Fh\u0085i\uFEFFj\nk")).toBe("abc\td\ne\nfghij\nk");
  });

  it("replaces a lone surrogate, which PostgreSQL could not store as UTF-8", () => {
    expect(cleanText("x\uD800y")).toBe("x\uFFFDy");
    expect(cleanText("😀")).toBe("😀");
  });
});

describe("createTextBudget", () => {
  it("cuts a page at the page limit and the file at the total limit, and says which", () => {
    const budget = createTextBudget({ maxPageChars: 10, maxChars: 25 });
    expect(budget.add("x".repeat(30))).toHaveLength(10);
    expect(budget.cuts).toEqual({ page: true, total: false });
    expect(budget.add("y".repeat(10))).toHaveLength(10);
    expect(budget.full).toBe(false);
    expect(budget.add("z".repeat(10))).toBe("zzzzz");
    expect(budget.cuts).toEqual({ page: true, total: true });
    expect(budget.full).toBe(true);
    expect(budget.add("more")).toBe("");
  });

  it("never ends a page on half a surrogate pair", () => {
    const budget = createTextBudget({ maxPageChars: 3, maxChars: 100 });
    expect(budget.add("ab😀c")).toBe("ab\uFFFD");
  });
});

describe("pagesFromParagraphs", () => {
  it("gathers paragraphs into pages up to the size, cut at paragraph boundaries", () => {
    const paragraph = (letter: string) => letter.repeat(40);
    expect(pagesFromParagraphs([paragraph("a"), paragraph("b"), paragraph("c"), "", paragraph("d")], 90)).toEqual([
      `${paragraph("a")}\n\n${paragraph("b")}`,
      `${paragraph("c")}\n\n${paragraph("d")}`,
    ]);
  });

  it("cuts a paragraph longer than a page at a space, or at the size when it has none", () => {
    const words = "word ".repeat(50).trim();
    const pages = pagesFromParagraphs([words], 42);
    expect(pages.every((page) => page.length <= 42)).toBe(true);
    expect(pages.join("")).toBe(words);
    expect(pages[0]).toBe("word ".repeat(8));
    expect(pagesFromParagraphs(["x".repeat(100)], 42)).toEqual(["x".repeat(42), "x".repeat(42), "x".repeat(16)]);
  });
});
