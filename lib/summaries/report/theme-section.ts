import "server-only";
import type { Paragraph, Table } from "docx";
import type { StakeholderType } from "@/lib/generated/prisma/enums";
import { figureTable, formatCount, formatShare, heading, link, paragraph, plural, quote, run } from "@/lib/summaries/report/docx-blocks";
import type { Theme, ThemeSummary, UnplacedDocuments, UnplacedReason } from "@/lib/summaries/themes/types";
import { languageName } from "@/lib/vocabulary/languages";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";

// The themes of the summary report: one function for the contributions'
// themes and for those of each free-text question, written against
// lib/summaries/themes/types.ts. When themes gain sub-themes and quotes
// gain their source in an attachment (file and page), this is the one
// place to extend: a sub-theme is `themeBlocks` one heading level down, a
// quote's source is `quoteSource`.

export type ThemeSectionOptions = {
  /** What the grouped texts are: "contributions", or "answers" to a question. */
  noun: "contributions" | "answers";
  /** What the themes are of, such as "Question 2", when the document has other themes: it starts each table's caption. */
  of?: string;
  /** The heading depth of each theme (1 to 6). */
  depth: number;
  /** The public page of a contribution, absolute. */
  contributionUrl: (reference: string) => string;
};

type Block = Paragraph | Table;

const REASONS: Record<UnplacedReason, string> = {
  fewInLanguage: "in a language with too few of them to group",
  noDistinctiveWords: "sharing no distinctive word with the others",
  smallGroup: "in groups too small to call a theme",
};

export function themeSection(summary: ThemeSummary, options: ThemeSectionOptions): Block[] {
  const { noun } = options;
  if (summary.documentCount === 0) return [paragraph(`No ${noun} to group.`)];
  if (summary.themes.length === 0) return [paragraph(`No theme was found in the ${formatCount(summary.documentCount)} ${noun}.`), ...unplacedNote(summary.unplaced, summary.documentCount, noun)];
  const languages = new Set(summary.themes.map((theme) => theme.language));
  return [
    paragraph(
      `${plural(summary.themes.length, "theme", "themes")} in ${formatCount(summary.documentCount)} ${noun}, largest first. Themes are found by comparing the words of the ${noun}; each is named by its key terms.`,
    ),
    ...summary.themes.flatMap((theme, index) => themeBlocks(theme, index + 1, options, languages.size > 1)),
    ...unplacedNote(summary.unplaced, summary.documentCount, noun),
  ];
}

function themeBlocks(theme: Theme, number: number, options: ThemeSectionOptions, showLanguage: boolean): Block[] {
  const { noun, of } = options;
  const spread = (Object.entries(theme.byStakeholderType) as [StakeholderType, number][])
    .filter(([, count]) => count > 0)
    .sort(([typeA, a], [typeB, b]) => b - a || STAKEHOLDER_TYPE_LABELS[typeA].localeCompare(STAKEHOLDER_TYPE_LABELS[typeB], "en"));
  const size = `${plural(theme.size, noun.replace(/s$/, ""), noun)} (${formatShare(theme.share)} of the ${noun})`;
  return [
    heading(`Theme ${number}: ${theme.terms.slice(0, 3).join(", ")}`, options.depth),
    paragraph(showLanguage ? `${size}, in ${languageName(theme.language)}.` : `${size}.`),
    paragraph([run("Key terms: ", { bold: true }), run(theme.terms.join(", "))]),
    ...figureTable({
      caption: `${of ? `${of}, theme ${number}` : `Theme ${number}`} by stakeholder type`,
      header: ["Stakeholder type", noun === "answers" ? "Answers" : "Contributions"],
      rows: spread.map(([type, count]) => [STAKEHOLDER_TYPE_LABELS[type], formatCount(count)]),
    }),
    ...(theme.quotes.length > 0
      ? [
          paragraph([run(theme.quotes.length === 1 ? "A representative quote" : "Representative quotes", { bold: true })]),
          ...theme.quotes.flatMap((entry) => [quote(entry.excerpt), quoteSource(entry.reference, options)]),
        ]
      : []),
  ];
}

/** Where a quote comes from: the contribution, linked to its public page. */
function quoteSource(reference: string, options: ThemeSectionOptions): Paragraph {
  return paragraph([run("Source: "), link(`contribution ${reference}`, options.contributionUrl(reference))], { style: "QuoteSource" });
}

function unplacedNote(unplaced: UnplacedDocuments, total: number, noun: ThemeSectionOptions["noun"]): Block[] {
  if (unplaced.count === 0) return [];
  const reasons = (Object.keys(REASONS) as UnplacedReason[])
    .filter((reason) => unplaced.byReason[reason] > 0)
    .map((reason) => `${formatCount(unplaced.byReason[reason])} ${REASONS[reason]}`);
  return [
    paragraph(
      `Not themed: ${formatCount(unplaced.count)} of the ${formatCount(total)} ${noun} (${formatShare(unplaced.share)}) are in no theme (${reasons.join("; ")}); they still count in every figure.`,
    ),
  ];
}
