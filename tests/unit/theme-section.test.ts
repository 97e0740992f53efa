import { Document, Packer } from "docx";
import { describe, expect, it } from "vitest";
import { themeSection, type ThemeSectionOptions } from "@/lib/summaries/report/theme-section";
import type { ThemeSummary } from "@/lib/summaries/themes/types";
import { BIKE_PAPER, THEME_SUMMARY } from "@/tests/fixtures/theme-summary";
import { paragraphs, readDocx, tableAfterCaption } from "@/tests/helpers/read-docx";

// The themes of the summary report, written into a real .docx and read back
// as Word reads it (tests/helpers/read-docx.ts): what the page shows, as
// headings, paragraphs and tables with captions.

const SITE = "https://agora.example.org";
const links = {
  contributionUrl: (reference: string) => `${SITE}/contributions/${reference}`,
  attachmentUrl: (id: string) => `${SITE}/api/attachments/${id}`,
};

async function read(summary: ThemeSummary, options: Partial<ThemeSectionOptions> = {}) {
  const section = themeSection(summary, { noun: "contributions", depth: 2, ...links, ...options });
  const bytes = await Packer.toBuffer(new Document({ sections: [{ children: section }] }));
  const { blocks } = await readDocx(bytes);
  return { blocks, all: paragraphs(blocks) };
}

describe("the report's themes", () => {
  it("opens with how themes are found and a table of every theme and sub-theme", async () => {
    const { blocks, all } = await read(THEME_SUMMARY);
    expect(all[0]?.text).toMatch(/^2 themes in 23 contributions, largest first\. Themes are found by comparing the words and phrases/);
    expect(all[0]?.text).toMatch(/Near-identical texts count once: sizes and shares are of the 20 distinct contributions\.$/);
    expect(tableAfterCaption(blocks, "Themes and sub-themes, largest first")?.rows.map((row) => row.cells)).toEqual([
      ["Theme", "Contributions", "Share"],
      ["1. protected cycle lanes", "9", "45%"],
      ["1.1. kerbs and bollards", "4", "20%"],
      ["2. facial recognition", "5", "25%"],
    ]);
  });

  it("gives each theme its label as heading, its marks, counts, languages and terms, and sub-themes one level down", async () => {
    const { blocks, all } = await read(THEME_SUMMARY);
    const headings = all.filter((paragraph) => paragraph.style.startsWith("Heading")).map((paragraph) => `${paragraph.style} ${paragraph.text}`);
    expect(headings).toEqual(["Heading2 Theme 1: protected cycle lanes", "Heading3 Sub-theme 1.1: kerbs and bollards", "Heading2 Theme 2: facial recognition", "Heading2 Not themed"]);

    const at = all.findIndex((paragraph) => paragraph.text === "Theme 1: protected cycle lanes");
    expect(all.slice(at + 1, at + 6).map((paragraph) => paragraph.text)).toEqual([
      "Adjusted by moderators",
      "9 contributions (45%).",
      "12 contributions, 4 of them counted once as 1 group of near-identical text (of 4 contributions).",
      "Languages: 7 in English, 2 in French (français).",
      "Key terms: protected cycle lanes, cyclists, pistes cyclables",
    ]);
    expect(tableAfterCaption(blocks, "Theme 1 by stakeholder type")?.rows[0]).toEqual({ header: true, cells: ["Stakeholder type", "Contributions"] });
    expect(all.map((paragraph) => paragraph.text)).toContain("Seed words given by moderators: facial recognition, cameras.");
    expect(all.map((paragraph) => paragraph.text)).toContain("1 sub-theme");
  });

  it("follows each quote with its source: the contribution linked, and the title, text or attachment page, the file linked", async () => {
    const { all } = await read(THEME_SUMMARY);
    const quotes = all.flatMap((paragraph, index) => (paragraph.style === "Quote" ? [{ quote: paragraph.text, source: all[index + 1]! }] : []));
    expect(quotes.map(({ quote, source }) => [quote, source.style, source.text])).toEqual([
      ["“Separated bike lanes are the only real answer.”", "QuoteSource", "Source: contribution AGR-2026-000001, text"],
      ["“A connected network of cycle lanes would double cycling.”", "QuoteSource", "Source: contribution AGR-2026-000002, attachment cycling-paper.pdf, page 3"],
      ["“Bike lanes painted on the road are not enough.”", "QuoteSource", "Source: contribution AGR-2026-000004, title"],
      ["“No cameras that recognise faces in our streets.”", "QuoteSource", "Source: contribution AGR-2026-000003"],
    ]);
    expect(quotes[1]?.source.links).toEqual([
      { text: "contribution AGR-2026-000002", url: `${SITE}/contributions/AGR-2026-000002` },
      { text: BIKE_PAPER.fileName, url: `${SITE}/api/attachments/${BIKE_PAPER.attachmentId}` },
    ]);
  });

  it("ends with those in no theme, each reason in plain words in a table", async () => {
    const { blocks, all } = await read(THEME_SUMMARY);
    expect(all.map((paragraph) => paragraph.text)).toContain("6 of the 20 distinct contributions (30%) are in no theme; they still count in every figure.");
    expect(tableAfterCaption(blocks, "Not themed by reason")?.rows.map((row) => row.cells)).toEqual([
      ["Reason", "Contributions", "What it means"],
      ["Only boilerplate", "2", "Cover notes, greetings or introductions, with nothing else to theme."],
      ["Too little text", "1", "Too little text to place in a theme."],
      ["Belongs to no theme", "1", "Sharing too little with any theme to be placed in one."],
      ["Few in its language", "1", "Written in a language with too few contributions for themes of its own, and sharing no term with a theme."],
      ["Set aside by moderators", "1", "Taken out of the themes by the moderators."],
    ]);
  });

  it("names a question's tables after it and its texts answers", async () => {
    const { blocks, all } = await read(THEME_SUMMARY, { noun: "answers", of: "Question 2", depth: 3 });
    expect(tableAfterCaption(blocks, "Question 2, themes and sub-themes, largest first")?.rows[0]?.cells).toEqual(["Theme", "Answers", "Share"]);
    expect(tableAfterCaption(blocks, "Question 2, theme 1 by stakeholder type")).toBeDefined();
    expect(tableAfterCaption(blocks, "Question 2, not themed by reason")).toBeDefined();
    expect(all.find((paragraph) => paragraph.text.startsWith("Source: contribution AGR-2026-000001"))?.text).toBe("Source: contribution AGR-2026-000001, answer");
    expect(all.find((paragraph) => paragraph.text === "Sub-theme 1.1: kerbs and bollards")?.style).toBe("Heading4");
  });

  it("says so when there is nothing to group", async () => {
    const empty = { ...THEME_SUMMARY, documentCount: 0, groupCount: 0, themes: [], notThemed: { ...THEME_SUMMARY.notThemed, count: 0 } };
    expect((await read(empty)).all.map((paragraph) => paragraph.text)).toEqual(["No contributions to group."]);
  });
});
