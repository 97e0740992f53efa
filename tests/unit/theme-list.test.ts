import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { SummaryEditorProvider } from "@/components/summaries/summary-editor-context";
import { ThemeList } from "@/components/summaries/theme-list";
import type { ThemeSummary } from "@/lib/summaries/themes/types";
import { BIKE_PAPER, THEME_SUMMARY } from "@/tests/fixtures/theme-summary";

// What the summary page says about themes, rendered as the server renders
// it and read back as a tree: headings in order, captions, lists, links with
// their text. The page's e2e tests read the same through the browser.

type Element = { tag: string; attributes: Record<string, string>; children: (Element | string)[] };

/** The markup as a tree: React's static markup of these components is well-formed XML (no void elements, entities escaped). */
function tree(markup: string): Element {
  const root: Element = { tag: "root", attributes: {}, children: [] };
  const stack = [root];
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    const element: Element = { tag: tag.name, attributes: tag.attributes as Record<string, string>, children: [] };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("text", (text) => void stack.at(-1)!.children.push(text));
  parser.write(`<root>${markup}</root>`).close();
  return root;
}

const textOf = (node: Element | string): string => (typeof node === "string" ? node : node.children.map(textOf).join(""));

function all(node: Element, match: (element: Element) => boolean): Element[] {
  return node.children.flatMap((child) => (typeof child === "string" ? [] : [...(match(child) ? [child] : []), ...all(child, match)]));
}

const byTag = (node: Element, ...tags: string[]) => all(node, (element) => tags.includes(element.tag));

function render(summary: ThemeSummary, options: { noun?: "contributions" | "answers"; pinnable?: boolean; headingLevel?: 3 | 4; of?: string } = {}): Element {
  const list = createElement(ThemeList, { id: "themes", summary, noun: options.noun ?? "contributions", pinnable: options.pinnable, headingLevel: options.headingLevel, of: options.of });
  if (!options.pinnable) return tree(renderToStaticMarkup(list));
  // The provider's props type requires children, so createElement takes them there (this file is .ts, without JSX).
  // eslint-disable-next-line react/no-children-prop
  return tree(renderToStaticMarkup(createElement(SummaryEditorProvider, { initial: [], children: list })));
}

describe("the theme list", () => {
  const page = render(THEME_SUMMARY);
  const [cycling, privacy] = byTag(page, "article");

  it("says how themes are found, and that near-identical texts count once", () => {
    expect(textOf(byTag(page, "p")[0]!)).toBe(
      "2 themes in 23 contributions, largest first. Themes are found by comparing the words and phrases of the contributions in every language, on our own servers; greetings, cover notes and other boilerplate are left out. A contribution on several subjects is in the theme of each. Near-identical texts count once: sizes and shares are of the 20 distinct contributions.",
    );
  });

  it("speaks of an answer, not \"a answer\", under a question", () => {
    const answers = render(THEME_SUMMARY, { noun: "answers" });
    expect(textOf(byTag(answers, "p")[0]!)).toContain(" An answer on several subjects is in the theme of each.");
  });

  it("heads each theme with its label, sub-themes one level down, and the not-themed note at the themes' level", () => {
    expect(byTag(page, "h3", "h4", "h5").map((heading) => `${heading.tag} ${textOf(heading)}`)).toEqual([
      "h3 Theme 1: protected cycle lanes",
      "h4 Sub-theme 1.1: kerbs and bollards",
      "h3 Theme 2: facial recognition",
      "h3 Not themed",
    ]);
    // Each article is named by its heading.
    expect(cycling?.attributes["aria-labelledby"]).toBe("themes-theme-1");
    expect(byTag(cycling!, "h3")[0]?.attributes.id).toBe("themes-theme-1");
    // The label is in the language most of its texts are in.
    expect(byTag(byTag(cycling!, "h3")[0]!, "span")[0]?.attributes.lang).toBe("en");
  });

  it("gives size and share, the groups of near-identical texts, the languages, the terms and the spread by type", () => {
    const texts = byTag(cycling!, "p").map(textOf);
    expect(texts).toContain("9 contributions (45%)");
    expect(texts).toContain("12 contributions, 4 of them counted once as 1 group of near-identical text (of 4 contributions).");
    expect(texts).toContain("Languages: 7 in English, 2 in French (français)");
    expect(texts).toContain("Key terms: protected cycle lanes, cyclists, pistes cyclables");
    // Terms of two languages carry no single language.
    const terms = all(cycling!, (element) => element.tag === "span" && textOf(element) === "protected cycle lanes, cyclists, pistes cyclables")[0];
    expect(terms?.attributes.lang).toBeUndefined();
    // No group: no sentence about groups.
    expect(byTag(privacy!, "p").map(textOf).filter((text) => text.includes("near-identical"))).toEqual([]);

    const [table] = byTag(cycling!, "table");
    expect(textOf(byTag(table!, "caption")[0]!)).toBe("Theme 1 by stakeholder type");
    expect(byTag(table!, "tr").map((row) => byTag(row, "th", "td").map(textOf))).toEqual([
      ["Stakeholder type", "Contributions"],
      ["EU citizen", "5"],
      ["Non-governmental organisation (NGO)", "3"],
      ["Company or business", "1"],
    ]);
  });

  it("marks the themes the moderators adjusted, and gives the seed words of a seeded one", () => {
    expect(byTag(cycling!, "span").map(textOf)).toContain("Adjusted by moderators");
    expect(byTag(privacy!, "p").map(textOf)).toContain("Seed words given by moderators: facial recognition, cameras");
    expect(byTag(cycling!, "p").map(textOf).filter((text) => text.startsWith("Seed words"))).toEqual([]);
  });

  it("quotes whole sentences, each with its contribution linked and where in it the sentence is", () => {
    const captions = byTag(page, "figcaption").map((caption) => ({
      text: textOf(caption),
      links: byTag(caption, "a").map((link) => [textOf(link), link.attributes.href]),
    }));
    expect(captions).toEqual([
      { text: "AGR-2026-000001, text", links: [["AGR-2026-000001", "/contributions/AGR-2026-000001"]] },
      {
        text: "AGR-2026-000002, attachment cycling-paper.pdf, page 3",
        links: [
          ["AGR-2026-000002", "/contributions/AGR-2026-000002"],
          [BIKE_PAPER.fileName, `/api/attachments/${BIKE_PAPER.attachmentId}`],
        ],
      },
      { text: "AGR-2026-000004, title", links: [["AGR-2026-000004", "/contributions/AGR-2026-000004"]] },
      // Published before sources were kept: the contribution alone.
      { text: "AGR-2026-000003", links: [["AGR-2026-000003", "/contributions/AGR-2026-000003"]] },
    ]);
    expect(byTag(page, "blockquote").map(textOf)).toEqual([
      "“Separated bike lanes are the only real answer.”",
      "“A connected network of cycle lanes would double cycling.”",
      "“Bike lanes painted on the road are not enough.”",
      "“No cameras that recognise faces in our streets.”",
    ]);
  });

  it("lists the sub-themes as a list named by its label, each with its size, terms and quotes", () => {
    const list = all(cycling!, (element) => element.tag === "ol" && element.attributes["aria-labelledby"] !== undefined)[0]!;
    const label = all(page, (element) => element.attributes.id === list.attributes["aria-labelledby"])[0]!;
    expect(textOf(label)).toBe("1 sub-theme");
    const [item] = byTag(list, "li").filter((element) => byTag(element, "h4").length > 0);
    const texts = byTag(item!, "p").map(textOf);
    expect(texts).toContain("4 contributions (20%)");
    expect(texts).toContain("Languages: 4 in English");
    expect(texts).toContain("Key terms: kerbs, bollards, parked cars");
    // A sub-theme has no table of its own: its theme's counts its texts.
    expect(byTag(item!, "table")).toEqual([]);
  });

  it("says how many are in no theme, and each reason in plain words", () => {
    const heading = byTag(page, "h3").find((element) => textOf(element) === "Not themed")!;
    expect(heading.attributes.id).toBe("themes-not-themed");
    const texts = byTag(page, "p").map(textOf);
    expect(texts).toContain("6 of the 20 distinct contributions (30%) are in no theme; they still count in every figure.");
    const reasons = byTag(page, "ul")
      .at(-1)!
      .children.map((child) => textOf(child));
    expect(reasons).toEqual([
      "Only boilerplate (2): cover notes, greetings or introductions, with nothing else to theme.",
      "Too little text (1): too little text to place in a theme.",
      "Belongs to no theme (1): sharing too little with any theme to be placed in one.",
      "Few in its language (1): written in a language with too few contributions for themes of its own, and sharing no term with a theme.",
      "Set aside by moderators (1): taken out of the themes by the moderators.",
    ]);
  });

  it("gives a Pin button beside each quote in the live view only", () => {
    expect(byTag(page, "button")).toEqual([]);
    const live = render(THEME_SUMMARY, { pinnable: true });
    expect(byTag(live, "button").map(textOf)).toEqual(["AGR-2026-000001", "AGR-2026-000002", "AGR-2026-000004", "AGR-2026-000003"].map((reference) => `Pin ${reference} as highlight`));
  });

  it("heads a question's themes one level lower and names its tables and answers", () => {
    const question = render(THEME_SUMMARY, { noun: "answers", headingLevel: 4, of: "Question 2" });
    expect(byTag(question, "h4", "h5").map((heading) => `${heading.tag} ${textOf(heading)}`)).toEqual([
      "h4 Theme 1: protected cycle lanes",
      "h5 Sub-theme 1.1: kerbs and bollards",
      "h4 Theme 2: facial recognition",
      "h4 Not themed",
    ]);
    expect(byTag(question, "caption").map(textOf)).toEqual(["Question 2, theme 1 by stakeholder type", "Question 2, theme 2 by stakeholder type"]);
    expect(byTag(question, "figcaption").map(textOf)[0]).toBe("AGR-2026-000001, answer");
    expect(byTag(question, "p").map(textOf)).toContain("12 answers, 4 of them counted once as 1 group of near-identical text (of 4 answers).");
  });

  it("says so when there is nothing to group, or no theme", () => {
    const empty = { ...THEME_SUMMARY, documentCount: 0, groupCount: 0, themes: [], notThemed: { ...THEME_SUMMARY.notThemed, count: 0 } };
    expect(textOf(render(empty))).toBe("No contributions to group.");
    const none = { ...THEME_SUMMARY, documentCount: 6, groupCount: 6, themes: [], notThemed: { ...THEME_SUMMARY.notThemed, share: 1 } };
    const shown = render(none);
    expect(byTag(shown, "p").map(textOf).slice(0, 2)).toEqual([
      "No theme was found in the 6 contributions.",
      "6 of the 6 contributions (100%) are in no theme; they still count in every figure.",
    ]);
  });
});
