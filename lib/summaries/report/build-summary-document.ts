import "server-only";
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, type Table } from "docx";
import { formatDateTime } from "@/lib/format";
import type { SummaryFilters } from "@/lib/summaries/filter-schema";
import { figureTable, formatCount, heading, link, paragraph, quote, run } from "@/lib/summaries/report/docx-blocks";
import { duplicateBlocks, participationBlocks, questionBlocks } from "@/lib/summaries/report/figure-sections";
import type { SummaryReport } from "@/lib/summaries/report/get-summary-report";
import { markdownToDocx, ORDERED_LIST_LEVELS, ORDERED_LIST_REFERENCE } from "@/lib/summaries/report/markdown-to-docx";
import { themeSection } from "@/lib/summaries/report/theme-section";
import { countryName } from "@/lib/vocabulary/countries";
import { languageName } from "@/lib/vocabulary/languages";
import { PHASE_LABELS } from "@/lib/vocabulary/phases";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";
import type { Phase, StakeholderType } from "@/lib/generated/prisma/enums";

// The summary report as a Word document (.docx, which LibreOffice and
// Google Docs open as well): what the summary page shows, in the page's
// order, as a document an officer edits into a note or a briefing. Section
// headings are Heading 1, their parts Heading 2 and so on, so the
// navigation pane and a table of contents find them.

export const DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

type Block = Paragraph | Table;

export function summaryReportTitle(report: SummaryReport): string {
  return `Summary of “${report.consultation.title}”`;
}

/** `<slug>-summary-v3-report.docx`, or `<slug>-summary-live-report-<YYYY-MM-DD>.docx`; `-filtered` when it is of a subset. */
export function summaryReportFileName(report: SummaryReport): string {
  const what = report.view === "live" ? `live-report-${report.generatedAt.toISOString().slice(0, 10)}` : `v${report.version?.version ?? 0}-report`;
  return `${report.consultation.slug}-summary-${what}${report.filtered ? "-filtered" : ""}.docx`;
}

export async function buildSummaryDocument(report: SummaryReport): Promise<Buffer> {
  const contributionUrl = (reference: string) => `${report.appUrl}/contributions/${encodeURIComponent(reference)}`;
  // The route the contribution page links its files to: a file is as public as its contribution.
  const attachmentUrl = (attachmentId: string) => `${report.appUrl}/api/attachments/${encodeURIComponent(attachmentId)}`;
  const { statistics, themes } = report.figures;
  const listInstances = { next: 0 };
  const children: Block[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(summaryReportTitle(report))] }),
    ...aboutBlocks(report),
    ...synthesisBlocks(report, listInstances),
    ...highlightBlocks(report, contributionUrl),
    heading("Who took part", 1),
    ...participationBlocks(statistics, 2),
    ...(report.duplicates ? [heading("Identical and near-identical texts", 1), ...duplicateBlocks(report.duplicates, report.filters.groups === "once")] : []),
    heading("Themes", 1),
    ...themeSection(themes.contributions, { noun: "contributions", depth: 2, contributionUrl, attachmentUrl }),
    heading("Answers to the questions", 1),
    ...questionBlocks(statistics, themes.questions, { depth: 2, contributionUrl, attachmentUrl }),
  ];
  const document = new Document({
    title: summaryReportTitle(report),
    subject: report.consultation.title,
    description: `Summary report of the consultation “${report.consultation.title}”, made by Agora from ${viewLabel(report)}.`,
    creator: "Agora",
    lastModifiedBy: "Agora",
    styles: {
      default: {
        document: { run: { font: "Calibri", size: 22 } },
        // Outline levels make the headings the document's outline in every word processor, not only in Word.
        heading1: { run: { size: 32, bold: true, color: "1F3864" }, paragraph: { outlineLevel: 0, spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { run: { size: 26, bold: true, color: "1F3864" }, paragraph: { outlineLevel: 1, spacing: { before: 240, after: 80 }, keepNext: true } },
        heading3: { run: { size: 24, bold: true, color: "1F3864" }, paragraph: { outlineLevel: 2, spacing: { before: 200, after: 60 }, keepNext: true } },
        heading4: { run: { size: 22, bold: true, italics: true, color: "1F3864" }, paragraph: { outlineLevel: 3, spacing: { before: 160 }, keepNext: true } },
        heading5: { run: { size: 22, bold: true }, paragraph: { outlineLevel: 4, keepNext: true } },
        heading6: { run: { size: 22, italics: true }, paragraph: { outlineLevel: 5, keepNext: true } },
      },
      paragraphStyles: [
        { id: "Caption", name: "caption", basedOn: "Normal", next: "Normal", quickFormat: true, run: { bold: true, size: 20 }, paragraph: { spacing: { before: 160, after: 60 } } },
        { id: "Quote", name: "Quote", basedOn: "Normal", next: "Normal", quickFormat: true, run: { italics: true }, paragraph: { indent: { left: 567 }, spacing: { before: 120 } } },
        { id: "QuoteSource", name: "Quote Source", basedOn: "Normal", next: "Normal", run: { size: 20 }, paragraph: { indent: { left: 567 }, spacing: { after: 120 } } },
      ],
    },
    numbering: { config: [{ reference: ORDERED_LIST_REFERENCE, levels: ORDERED_LIST_LEVELS }] },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

function viewLabel(report: SummaryReport): string {
  if (report.view === "live") return "the live figures, not published";
  return `version ${report.version?.version ?? "?"} as published`;
}

/** What the document is of: which version, when, which contributions, and where it is online. */
function aboutBlocks(report: SummaryReport): Block[] {
  const { consultation, version } = report;
  const zone = consultation.timeZone;
  const online = `${report.appUrl}/consultations/${encodeURIComponent(consultation.slug)}/summary${report.view === "live" ? "?view=live" : `?version=${version?.version ?? ""}`}`;
  const rows: [string, string][] = [
    ["Consultation", consultation.title],
    [
      "Version",
      report.view === "live"
        ? "Live, not published: the figures and themes of the contributions approved when this document was made."
        : `Version ${version?.version ?? "?"}, published ${version?.publishedAt ? formatDateTime(version.publishedAt, zone) : "(date unknown)"}.`,
    ],
    ["Contributions counted", report.filtered ? `${formatCount(report.figures.statistics.total)} of ${formatCount(report.unfilteredTotal)}` : formatCount(report.figures.statistics.total)],
    ["Filters", report.filtered ? describeFilters(report.filters) : "None: every contribution the summary counts."],
    ["Made", formatDateTime(report.generatedAt, zone)],
  ];
  const leftOut = Object.values(report.filterErrors).filter((message) => message !== undefined);
  if (leftOut.length > 0) rows.push(["Filters left out", leftOut.join(" ")]);
  return [
    ...figureTable({ caption: "About this report", header: ["Field", "Value"], rows, numeric: [] }),
    paragraph([run("Online: "), link(online, online)]),
    ...(report.filtered && report.view === "published" ? [paragraph("The figures and themes are those of the filtered contributions; the synthesis and the highlights were written about all of them.")] : []),
  ];
}

function synthesisBlocks(report: SummaryReport, listInstances: { next: number }): Block[] {
  const { version } = report;
  const title = heading("Synthesis", 1);
  if (!version || version.synthesis.trim() === "") return [title, paragraph("No synthesis has been written yet.")];
  const draft =
    report.view === "live"
      ? [paragraph([run(version.status === "PUBLISHED" ? `The synthesis of version ${version.version}, as published.` : `The synthesis of version ${version.version}, a draft not published.`, { italics: true })])]
      : [];
  return [title, ...draft, ...markdownToDocx(version.synthesis, { topDepth: 2, appUrl: report.appUrl, listInstances })];
}

function highlightBlocks(report: SummaryReport, contributionUrl: (reference: string) => string): Block[] {
  if (report.highlights.length === 0) return [];
  return [
    heading("Highlights", 1),
    paragraph("Contributions the moderators chose as representative or notable."),
    ...report.highlights.flatMap((highlight, index) => {
      const { author } = highlight;
      const name = author.anonymous || !author.displayName ? "Anonymous" : [author.displayName, author.organisationName].filter(Boolean).join(", ");
      const facts = [name, author.stakeholderType ? STAKEHOLDER_TYPE_LABELS[author.stakeholderType] : null, author.country ? countryName(author.country) : null].filter(Boolean).join(" · ");
      return [
        new Paragraph({ keepNext: true, children: [run(`${index + 1}. `, { bold: true }), link(highlight.title, contributionUrl(highlight.reference))] }),
        new Paragraph({ alignment: AlignmentType.LEFT, keepNext: highlight.excerpt !== "", children: [run(`${facts} · ${highlight.reference}`)] }),
        ...(highlight.excerpt ? [quote(highlight.excerpt)] : []),
      ];
    }),
  ];
}

/** The filters in words, as the summary page says them; a filter the page does not name yet is given by its parameter. */
export function describeFilters(filters: SummaryFilters): string {
  const parts = Object.entries(filters).flatMap(([key, value]): string[] => {
    if (value === undefined || value === null || value === "") return [];
    switch (key) {
      case "type":
        return [`stakeholder type “${STAKEHOLDER_TYPE_LABELS[value as StakeholderType] ?? String(value)}”`];
      case "country":
        return [`country “${countryName(String(value))}”`];
      case "phase":
        return [`phase “${PHASE_LABELS[value as Phase] ?? String(value)}”`];
      case "language":
        return [`language “${languageName(String(value))}”`];
      case "groups":
        return value === "once" ? ["each group of near-identical contributions counted once"] : [];
      default:
        return [`${key} “${String(value)}”`];
    }
  });
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "none");
}
