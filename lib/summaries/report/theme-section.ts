import "server-only";
import type { Paragraph, Table } from "docx";
import { figureTable, formatCount, formatShare, heading, link, paragraph, quote, run } from "@/lib/summaries/report/docx-blocks";
import {
  NOT_THEMED_HEADING,
  NOT_THEMED_REASON_WORDING,
  notThemedSummary,
  quotePlace,
  seedWords,
  stakeholderSpread,
  STEERED_MARK,
  themeGroups,
  themeLanguages,
  themesIntro,
  themeSize,
  type ThemeNoun,
} from "@/lib/summaries/theme-wording";
import { NOT_THEMED_REASONS, type Theme, type ThemeQuote, type ThemeSummary } from "@/lib/summaries/themes/types";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";

// The themes of the summary report: one function for the contributions'
// themes and for those of each free-text question, saying what the page
// says (components/summaries/theme-list.tsx) in the words of
// lib/summaries/theme-wording.ts. A table of all themes first, for the
// reader who wants the shape at a glance; then each theme with its
// sub-themes one heading level down; then those in no theme, by reason.

/** Absolute addresses on the site, for the links of quotes' sources. */
export type ReportLinks = {
  contributionUrl: (reference: string) => string;
  attachmentUrl: (attachmentId: string) => string;
};

export type ThemeSectionOptions = ReportLinks & {
  /** What the grouped texts are: "contributions", or "answers" to a question. */
  noun: ThemeNoun;
  /** What the themes are of, such as "Question 2", when the document has other themes: it starts each table's caption. */
  of?: string;
  /** The heading depth of each theme (1 to 6). */
  depth: number;
};

type Block = Paragraph | Table;

const capitalised = (noun: ThemeNoun) => (noun === "answers" ? "Answers" : "Contributions");

export function themeSection(summary: ThemeSummary, options: ThemeSectionOptions): Block[] {
  const intro = paragraph(themesIntro(summary, options.noun));
  if (summary.documentCount === 0) return [intro];
  return [
    intro,
    ...overview(summary, options),
    ...summary.themes.flatMap((theme, index) => themeBlocks(theme, String(index + 1), options)),
    ...notThemedBlocks(summary, options),
  ];
}

/** Every theme and sub-theme in one table: its number and label, size and share. */
function overview(summary: ThemeSummary, { noun, of }: ThemeSectionOptions): Block[] {
  if (summary.themes.length === 0) return [];
  return figureTable({
    caption: `${of ? `${of}, themes` : "Themes"} and sub-themes, largest first`,
    header: ["Theme", capitalised(noun), "Share"],
    rows: summary.themes.flatMap((theme, index) => [
      [`${index + 1}. ${theme.label}`, formatCount(theme.size), formatShare(theme.share)],
      ...theme.subthemes.map((sub, subIndex) => [`${index + 1}.${subIndex + 1}. ${sub.label}`, formatCount(sub.size), formatShare(sub.share)]),
    ]),
  });
}

function themeBlocks(theme: Theme, number: string, options: ThemeSectionOptions): Block[] {
  const { noun, of } = options;
  const spread = stakeholderSpread(theme);
  return [
    heading(`Theme ${number}: ${theme.label}`, options.depth),
    ...factBlocks(theme, noun),
    ...figureTable({
      caption: `${of ? `${of}, theme ${number}` : `Theme ${number}`} by stakeholder type`,
      header: ["Stakeholder type", capitalised(noun)],
      rows: spread.map(([type, count]) => [STAKEHOLDER_TYPE_LABELS[type], formatCount(count)]),
    }),
    ...quoteBlocks(theme, options),
    ...(theme.subthemes.length > 0
      ? [
          paragraph([run(theme.subthemes.length === 1 ? "1 sub-theme" : `${formatCount(theme.subthemes.length)} sub-themes`, { bold: true })]),
          ...theme.subthemes.flatMap((sub, index) => [
            heading(`Sub-theme ${number}.${index + 1}: ${sub.label}`, Math.min(options.depth + 1, 6)),
            ...factBlocks(sub, noun),
            ...quoteBlocks(sub, options),
          ]),
        ]
      : []),
  ];
}

/** Steering marks, size, groups of near-identical texts, languages and terms: as the page says them. */
function factBlocks(theme: Theme, noun: ThemeNoun): Paragraph[] {
  const groups = themeGroups(theme, noun);
  const languages = themeLanguages(theme);
  return [
    ...(theme.steered ? [paragraph([run(STEERED_MARK, { italics: true })])] : []),
    ...(theme.seeds && theme.seeds.length > 0 ? [paragraph(`${seedWords(theme.seeds)}.`)] : []),
    paragraph(`${themeSize(theme, noun)}.`),
    ...(groups ? [paragraph(groups)] : []),
    ...(languages ? [paragraph(`Languages: ${languages}.`)] : []),
    paragraph([run("Key terms: ", { bold: true }), run(theme.terms.join(", "))]),
  ];
}

function quoteBlocks(theme: Theme, options: ThemeSectionOptions): Paragraph[] {
  if (theme.quotes.length === 0) return [];
  return [
    paragraph([run(theme.quotes.length === 1 ? "A representative quote" : "Representative quotes", { bold: true })]),
    ...theme.quotes.flatMap((entry) => [quote(entry.text), quoteSource(entry, options)]),
  ];
}

/** Where a quote comes from: the contribution, linked to its public page, and the title, text or attachment page, the attachment linked to its file. */
function quoteSource({ reference, source }: ThemeQuote, options: ThemeSectionOptions): Paragraph {
  const contribution = link(`contribution ${reference}`, options.contributionUrl(reference));
  const where =
    source === null
      ? []
      : source.kind === "attachment"
        ? [run(", attachment "), link(source.fileName, options.attachmentUrl(source.attachmentId)), run(`, page ${formatCount(source.page)}`)]
        : [run(`, ${quotePlace(source, options.noun)}`)];
  return paragraph([run("Source: "), contribution, ...where], { style: "QuoteSource" });
}

function notThemedBlocks(summary: ThemeSummary, { noun, of, depth }: ThemeSectionOptions): Block[] {
  const { notThemed } = summary;
  if (notThemed.count === 0) return [];
  return [
    heading(NOT_THEMED_HEADING, depth),
    paragraph(notThemedSummary(summary, noun)),
    ...figureTable({
      caption: `${of ? `${of}, not themed` : "Not themed"} by reason`,
      header: ["Reason", capitalised(noun), "What it means"],
      rows: NOT_THEMED_REASONS.filter((reason) => notThemed.byReason[reason] > 0).map((reason) => {
        const { label, explanation } = NOT_THEMED_REASON_WORDING[reason];
        const meaning = explanation(noun);
        return [label, formatCount(notThemed.byReason[reason]), meaning.charAt(0).toUpperCase() + meaning.slice(1)];
      }),
      numeric: [1],
    }),
  ];
}
