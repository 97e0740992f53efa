import { SaxesParser, type SaxesTagPlain } from "saxes";
import yauzl from "yauzl";

// Reads a .docx as Word does: unzipped by a real zip reader (yauzl), its
// XML parsed by a real parser (saxes), into the body's blocks in order:
// paragraphs with their style, text, bold and numbering, and links with
// their targets resolved through the relationships part; tables with their
// rows and which are marked as header rows. Enough to check what a report
// holds and how a word processor will present it.

export type DocxParagraph = {
  kind: "paragraph";
  /** The paragraph style id (Heading1, Title, Caption, Quote…); "" for Normal. */
  style: string;
  text: string;
  /** The text of its bold runs. */
  bold: string[];
  /** In a list: bullet or numbered (w:numPr), and its level. */
  list: { numId: string; level: number } | null;
  links: { text: string; url: string }[];
};

export type DocxTable = { kind: "table"; rows: { header: boolean; cells: string[] }[] };

export type DocxBlock = DocxParagraph | DocxTable;

export type DocxContents = {
  blocks: DocxBlock[];
  /** docProps/core.xml: dc:title, dc:creator, … by local name. */
  properties: Record<string, string>;
  files: Map<string, string>;
};

export async function readDocx(bytes: Uint8Array): Promise<DocxContents> {
  const files = await unzip(Buffer.from(bytes));
  const document = files.get("word/document.xml");
  if (document === undefined) throw new Error("No word/document.xml in the file");
  const targets = relationships(files.get("word/_rels/document.xml.rels") ?? "");
  return { blocks: bodyBlocks(document, targets), properties: coreProperties(files.get("docProps/core.xml") ?? ""), files };
}

function unzip(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error("Not a zip file"));
      const files = new Map<string, string>();
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error(`Cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("error", reject);
          stream.on("end", () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString("utf8"));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(files));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

function parse(xml: string, handlers: { open?: (tag: SaxesTagPlain) => void; close?: (tag: SaxesTagPlain) => void; text?: (text: string) => void }): void {
  const parser = new SaxesParser();
  if (handlers.open) parser.on("opentag", handlers.open);
  if (handlers.close) parser.on("closetag", handlers.close);
  if (handlers.text) parser.on("text", handlers.text);
  parser.write(xml).close();
}

function relationships(xml: string): Map<string, string> {
  const targets = new Map<string, string>();
  parse(xml, {
    open: (tag) => {
      if (tag.name === "Relationship") targets.set(String(tag.attributes.Id), String(tag.attributes.Target));
    },
  });
  return targets;
}

function coreProperties(xml: string): Record<string, string> {
  const properties: Record<string, string> = {};
  let current: string | null = null;
  parse(xml, {
    open: (tag) => void (current = tag.name.split(":").at(-1) ?? null),
    text: (text) => {
      if (current) properties[current] = (properties[current] ?? "") + text;
    },
    close: () => void (current = null),
  });
  return properties;
}

function bodyBlocks(xml: string, targets: Map<string, string>): DocxBlock[] {
  const blocks: DocxBlock[] = [];
  let tableDepth = 0;
  let table: DocxTable | null = null;
  let row: { header: boolean; cells: string[] } | null = null;
  let cell: string[] | null = null;
  let paragraph: DocxParagraph | null = null;
  let link: { text: string; url: string } | null = null;
  let bold = false;
  let inText = false;
  let numId = "";
  parse(xml, {
    open: (tag) => {
      const value = String(tag.attributes["w:val"] ?? "");
      switch (tag.name) {
        case "w:tbl":
          tableDepth += 1;
          if (tableDepth === 1) table = { kind: "table", rows: [] };
          break;
        case "w:tr":
          if (tableDepth === 1) row = { header: false, cells: [] };
          break;
        case "w:tblHeader":
          if (row && value !== "false" && value !== "0") row.header = true;
          break;
        case "w:tc":
          if (tableDepth === 1) cell = [];
          break;
        case "w:p":
          paragraph = { kind: "paragraph", style: "", text: "", bold: [], list: null, links: [] };
          break;
        case "w:pStyle":
          if (paragraph) paragraph.style = value;
          break;
        case "w:numId":
          numId = value;
          break;
        case "w:ilvl":
          if (paragraph) paragraph.list = { numId: "", level: Number(value) };
          break;
        case "w:hyperlink":
          link = { text: "", url: targets.get(String(tag.attributes["r:id"])) ?? "" };
          break;
        case "w:r":
          bold = false;
          break;
        case "w:b":
          bold = value !== "false" && value !== "0";
          break;
        case "w:t":
          inText = true;
          break;
        case "w:br":
          if (paragraph) paragraph.text += "\n";
          break;
      }
    },
    text: (text) => {
      if (!inText || !paragraph) return;
      paragraph.text += text;
      if (bold) paragraph.bold.push(text);
      if (link) link.text += text;
    },
    close: (tag) => {
      switch (tag.name) {
        case "w:t":
          inText = false;
          break;
        case "w:numPr":
          if (paragraph) paragraph.list = { numId, level: paragraph.list?.level ?? 0 };
          break;
        case "w:hyperlink":
          if (paragraph && link) paragraph.links.push(link);
          link = null;
          break;
        case "w:p":
          if (paragraph) {
            if (cell) cell.push(paragraph.text);
            else if (tableDepth === 0) blocks.push(paragraph);
          }
          paragraph = null;
          break;
        case "w:tc":
          if (tableDepth === 1 && row && cell) row.cells.push(cell.join("\n"));
          if (tableDepth === 1) cell = null;
          break;
        case "w:tr":
          if (tableDepth === 1 && table && row) (table as DocxTable).rows.push(row);
          if (tableDepth === 1) row = null;
          break;
        case "w:tbl":
          if (tableDepth === 1 && table) blocks.push(table);
          tableDepth -= 1;
          if (tableDepth === 0) table = null;
          break;
      }
    },
  });
  return blocks;
}

/** The table right after the caption paragraph with this text. */
export function tableAfterCaption(blocks: DocxBlock[], caption: string): DocxTable | undefined {
  const index = blocks.findIndex((block) => block.kind === "paragraph" && block.style === "Caption" && block.text === caption);
  const next = index >= 0 ? blocks[index + 1] : undefined;
  return next?.kind === "table" ? next : undefined;
}

export function paragraphs(blocks: DocxBlock[]): DocxParagraph[] {
  return blocks.filter((block): block is DocxParagraph => block.kind === "paragraph");
}
