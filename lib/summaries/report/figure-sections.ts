import "server-only";
import type { Paragraph, Table } from "docx";
import type { DuplicateFigures } from "@/lib/summaries/compute-duplicate-figures";
import type { QuestionStatistics, SummaryStatistics } from "@/lib/summaries/compute-statistics";
import type { QuestionThemes } from "@/lib/summaries/summary-figures";
import { figureTable, formatCount, formatShare, heading, paragraph, plural } from "@/lib/summaries/report/docx-blocks";
import { themeSection, type ReportLinks } from "@/lib/summaries/report/theme-section";

// The figures of the summary report as Word tables, one per breakdown, with
// the captions and headers of the summary page's tables: an officer can
// paste them, sort them or chart them in the word processor.

type Block = Paragraph | Table;

const NOT_AN_OPTION = "Another answer (not among the options now)";
const averageFormat = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Who took part: the total, then by stakeholder type, country, phase, language and over time. */
export function participationBlocks(statistics: SummaryStatistics, depth: number): Block[] {
  const { total } = statistics;
  const blocks: Block[] = [
    paragraph(`${plural(total, "contribution", "contributions")} counted.`),
    ...breakdown("By stakeholder type", "Contributions by the stakeholder type of their authors", "Stakeholder type", statistics.byStakeholderType, depth),
    ...breakdown("By country", "Contributions by the country of their authors", "Country", statistics.byCountry.map((row) => ({ ...row, label: row.name })), depth),
  ];
  // A consultation whose contributions all fall in one phase (one without a
  // conference has no phases to speak of) gets no phase table.
  if (statistics.byPhase.filter((row) => row.count > 0).length > 1) {
    blocks.push(...breakdown("By phase", "Contributions by when they were submitted, relative to the conference", "Phase", statistics.byPhase, depth));
  }
  blocks.push(...breakdown("By language", "Contributions by language", "Language", statistics.byLanguage.map((row) => ({ ...row, label: row.name })), depth));
  const { overTime } = statistics;
  if (overTime.points.length > 0) {
    const unit = overTime.unit === "day" ? "Day" : "Week beginning";
    blocks.push(
      heading("Over time", depth),
      ...figureTable({
        caption: `Contributions by ${overTime.unit === "day" ? "day" : "week"} of submission (${overTime.timeZone})`,
        header: [unit, "Contributions"],
        rows: overTime.points.map((point) => [point.start, formatCount(point.count)]),
      }),
    );
  }
  return blocks;
}

/** One breakdown of the contributions: its heading, then its table of counts and shares. */
function breakdown(title: string, caption: string, labelHeader: string, rows: { label: string; count: number; share: number }[], depth: number): Block[] {
  return [
    heading(title, depth),
    ...figureTable({ caption, header: [labelHeader, "Contributions", "Share"], rows: rows.map((row) => [row.label, formatCount(row.count), formatShare(row.share)]) }),
  ];
}

/** How much of the view is identical or near-identical text. */
export function duplicateBlocks(figures: DuplicateFigures, countedOnce: boolean): Block[] {
  return [
    paragraph(
      countedOnce
        ? "Each group of identical or near-identical contributions is counted once in these figures."
        : "Every contribution is counted in these figures, including each member of a group of identical or near-identical contributions.",
    ),
    ...figureTable({
      caption: "Identical and near-identical contributions",
      header: ["Measure", "Count"],
      rows: [
        ["Contributions", formatCount(figures.total)],
        ["Contributions sharing their text with another", formatCount(figures.inGroups)],
        ["Groups of identical or near-identical text", formatCount(figures.groups)],
        ["Distinct texts (each group once)", formatCount(figures.distinctTexts)],
        ["Contributions in the largest group", formatCount(figures.largestGroup)],
      ],
    }),
  ];
}

type QuestionOptions = ReportLinks & { depth: number };

/** For each structured question, numbered from 1 as on the page: its answers as a table, or the themes of its free-text answers. */
export function questionBlocks(statistics: SummaryStatistics, themes: QuestionThemes[], options: QuestionOptions): Block[] {
  if (statistics.questions.length === 0) return [paragraph("This consultation has no set questions: contributions are free text.")];
  return statistics.questions.flatMap((question, index) => {
    const number = index + 1;
    return [
      heading(`Question ${number}: ${question.prompt}`, options.depth),
      paragraph(`${formatCount(question.answered)} of ${plural(statistics.total, "contribution", "contributions")} answered it.`),
      ...(question.answered === 0 ? [] : answerBlocks(question, number, themes, options)),
    ];
  });
}

function answerBlocks(question: QuestionStatistics, number: number, themes: QuestionThemes[], options: QuestionOptions): Block[] {
  switch (question.kind) {
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE":
      return [
        ...(question.kind === "MULTIPLE_CHOICE" ? [paragraph("Several choices were allowed, so the shares add up to more than 100%.")] : []),
        ...figureTable({
          caption: `Answers to question ${number}`,
          header: ["Answer", "Chosen by", "Share of those who answered"],
          rows: question.choices.map((choice) => [choice.option ?? NOT_AN_OPTION, formatCount(choice.count), formatShare(choice.share)]),
        }),
      ];
    case "SCALE": {
      const { scale } = question;
      return [
        paragraph(`Average: ${scale.average === null ? "none" : averageFormat.format(scale.average)} on a scale from ${scale.min} to ${scale.max}.`),
        ...figureTable({
          caption: `Answers to question ${number}, from ${scale.min} to ${scale.max}`,
          header: ["Value", "Given by", "Share of those who answered"],
          rows: scale.distribution.map((point) => [String(point.value), formatCount(point.count), formatShare(point.share)]),
          numeric: [1, 2],
        }),
      ];
    }
    case "FREE_TEXT": {
      const found = themes.find((entry) => entry.questionId === question.questionId);
      if (!found) return [];
      return themeSection(found.themes, { ...options, noun: "answers", of: `Question ${number}`, depth: options.depth + 1 });
    }
  }
}
