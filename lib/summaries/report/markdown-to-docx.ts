import "server-only";
import { AlignmentType, BorderStyle, LevelFormat, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ILevelsOptions, type ParagraphChild } from "docx";
import type { List, PhrasingContent, Root, RootContent } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { clean, headingAt, link } from "@/lib/summaries/report/docx-blocks";

// The moderators write the synthesis in markdown (the summary page renders
// it with react-markdown and remark-gfm): it is parsed here by the same
// parser into real Word paragraphs, headings, lists, quotes and tables, so
// an officer edits a document, not markdown. Raw HTML is left out, as on
// the page; links are kept when they are web or mail links, relative ones
// made absolute against the site.

/** The numbering definition ordered lists of the synthesis use; each list restarts it (its own instance). */
export const ORDERED_LIST_REFERENCE = "synthesis-ordered";

export const ORDERED_LIST_LEVELS: ILevelsOptions[] = Array.from({ length: 9 }, (_, level) => ({
  level,
  format: LevelFormat.DECIMAL,
  text: `%${level + 1}.`,
  alignment: AlignmentType.START,
  style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
}));

type Context = {
  /** The depth of the synthesis' top-level headings (the report's section heading is one above). */
  topDepth: number;
  /** Its shallowest heading: authors start at "#" or at "##" as they please. */
  shallowest: number;
  appUrl: string;
  /** Numbering instances used so far, so each ordered list starts at 1. */
  lists: { next: number };
};

type Block = Paragraph | Table;

export function markdownToDocx(source: string, options: { topDepth: number; appUrl: string; listInstances: { next: number } }): Block[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(source) as Root;
  const depths: number[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === "heading") depths.push(node.depth);
    if ("children" in node) node.children.forEach(walk);
  };
  walk(tree);
  const context: Context = { topDepth: options.topDepth, shallowest: depths.length > 0 ? Math.min(...depths) : 1, appUrl: options.appUrl, lists: options.listInstances };
  return tree.children.flatMap((node) => block(node, context, { quoteDepth: 0 }));
}

type Where = { quoteDepth: number; list?: { ordered: boolean; level: number; instance: number } };

function block(node: RootContent, context: Context, where: Where): Block[] {
  switch (node.type) {
    case "heading":
      return [new Paragraph({ heading: headingAt(node.depth - context.shallowest + context.topDepth), children: inline(node.children, context) })];
    case "paragraph":
      return [paragraphIn(inline(node.children, context), where)];
    case "list":
      return list(node, context, where);
    case "blockquote":
      return node.children.flatMap((child) => block(child, context, { ...where, quoteDepth: where.quoteDepth + 1 }));
    case "code":
      return node.value.split("\n").map((line) => paragraphIn([new TextRun({ text: clean(line), font: "Courier New" })], where));
    case "table":
      return [table(node.children.map((row) => row.children.map((cell) => inline(cell.children, context))))];
    case "thematicBreak":
      return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "999999", space: 1 } }, children: [] })];
    // Raw HTML is dropped, as the page drops it; definitions and footnotes carry no text of their own here.
    default:
      return [];
  }
}

function paragraphIn(children: ParagraphChild[], where: Where): Paragraph {
  const quoted = where.quoteDepth > 0 ? { style: "Quote" } : {};
  if (!where.list) return new Paragraph({ ...quoted, children });
  const { ordered, level, instance } = where.list;
  return new Paragraph({
    ...quoted,
    children,
    ...(ordered ? { numbering: { reference: ORDERED_LIST_REFERENCE, level, instance } } : { bullet: { level } }),
  });
}

function list(node: List, context: Context, where: Where): Block[] {
  const level = where.list ? Math.min(where.list.level + 1, 8) : 0;
  const instance = context.lists.next++;
  return node.children.flatMap((item) =>
    item.children.flatMap((child, index) => {
      // The first paragraph of an item carries its bullet or number; the
      // item's further paragraphs and nested lists follow, indented by their own list.
      if (index === 0 || child.type === "list") return block(child, context, { ...where, list: { ordered: node.ordered === true, level, instance } });
      return block(child, context, { quoteDepth: where.quoteDepth });
    }),
  );
}

function table(rows: ParagraphChild[][][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, index) =>
        new TableRow({ tableHeader: index === 0, children: cells.map((children) => new TableCell({ children: [new Paragraph({ children })] })) }),
    ),
  });
}

type Marks = { bold?: boolean; italics?: boolean; strike?: boolean };

function inline(nodes: PhrasingContent[], context: Context, marks: Marks = {}): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    switch (node.type) {
      case "text":
        return [new TextRun({ text: clean(node.value), ...marks })];
      case "strong":
        return inline(node.children, context, { ...marks, bold: true });
      case "emphasis":
        return inline(node.children, context, { ...marks, italics: true });
      case "delete":
        return inline(node.children, context, { ...marks, strike: true });
      case "inlineCode":
        return [new TextRun({ text: clean(node.value), font: "Courier New", ...marks })];
      case "break":
        return [new TextRun({ break: 1 })];
      case "link": {
        const url = safeUrl(node.url, context.appUrl);
        const text = plainText(node.children);
        return url ? [link(text || url, url)] : inline(node.children, context, marks);
      }
      case "image":
        return node.alt ? [new TextRun({ text: clean(node.alt), ...marks })] : [];
      default:
        return [];
    }
  });
}

function plainText(nodes: PhrasingContent[]): string {
  return nodes.map((node) => ("value" in node ? node.value : "children" in node ? plainText(node.children) : "")).join("");
}

// The protocols react-markdown keeps on the page; anything else (javascript:, data:) is shown as text.
const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

function safeUrl(href: string, appUrl: string): string | null {
  try {
    const url = new URL(href, `${appUrl}/`);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}
