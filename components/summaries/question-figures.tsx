import { AnswersByType } from "@/components/summaries/answers-by-type";
import { FigureTable } from "@/components/summaries/figure-table";
import { formatCount } from "@/lib/format";
import { RankedBarChart } from "@/components/summaries/ranked-bar-chart";
import { ThemeList } from "@/components/summaries/theme-list";
import type { QuestionStatistics } from "@/lib/summaries/compute-statistics";
import type { QuestionThemes } from "@/lib/summaries/summary-figures";

const averageFormat = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const NOT_AN_OPTION = "Another answer (not among the options now)";

type Props = {
  questions: QuestionStatistics[];
  themes: QuestionThemes[];
  /** Contributions counted: the whole against which "answered" is read. */
  total: number;
  pinnable: boolean;
};

/** For each structured question: how the contributions answered it. */
export function QuestionFigures({ questions, themes, total, pinnable }: Props) {
  if (questions.length === 0) return <p className="mt-2 text-slate-700">This consultation has no set questions: contributions are free text.</p>;
  return (
    <div>
      {questions.map((question, index) => {
        // Numbered by their order, as the contribution form and the open data
        // number them: stored positions start at 0 or at 1 depending on
        // whether the admin form or the seed made the consultation.
        const number = index + 1;
        const headingId = `question-${number}-heading`;
        return (
          <section key={question.questionId} aria-labelledby={headingId} className="mt-6">
            <h3 id={headingId} className="text-xl font-semibold">
              Question {number}: {question.prompt}
            </h3>
            <p className="mt-1 text-slate-700">
              {formatCount(question.answered)} of {formatCount(total)} {total === 1 ? "contribution" : "contributions"} answered it.
            </p>
            {question.answered === 0 ? null : <Answers question={question} number={number} themes={themes} pinnable={pinnable} />}
          </section>
        );
      })}
    </div>
  );
}

type AnswersProps = { question: QuestionStatistics; number: number; themes: QuestionThemes[]; pinnable: boolean };

function Answers({ question, number, themes, pinnable }: AnswersProps) {
  switch (question.kind) {
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE": {
      const rows = question.choices.map((choice, index) => ({
        key: choice.option ?? `other-${index}`,
        label: choice.option ?? NOT_AN_OPTION,
        count: choice.count,
        share: choice.share,
      }));
      return (
        <>
          {question.kind === "MULTIPLE_CHOICE" ? (
            <p className="mt-1 text-slate-700">Several choices were allowed, so the shares add up to more than 100%.</p>
          ) : null}
          <div className="mt-2 grid gap-4 @4xl:grid-cols-2 @4xl:items-start print:block">
            <RankedBarChart data={rows.map((row) => ({ label: row.label, count: row.count }))} label={question.prompt} />
            <FigureTable
              caption={`Answers to question ${number}`}
              labelHeader="Answer"
              rows={rows}
              countHeader="Chosen by"
              shareHeader="Share of those who answered"
            />
          </div>
          {question.byStakeholderType ? (
            <AnswersByType
              kind="choices"
              number={number}
              byType={question.byStakeholderType}
              optionLabel={(option) => option ?? NOT_AN_OPTION}
              multiple={question.kind === "MULTIPLE_CHOICE"}
            />
          ) : null}
        </>
      );
    }
    case "SCALE": {
      const { scale } = question;
      const rows = scale.distribution.map((point) => ({ key: String(point.value), label: String(point.value), count: point.count, share: point.share }));
      return (
        <>
          <p className="mt-1 text-lg">
            Average:{" "}
            <strong className="tabular-nums">{scale.average === null ? "none" : averageFormat.format(scale.average)}</strong> on a scale from{" "}
            {scale.min} to {scale.max}.
          </p>
          <div className="mt-2 grid gap-4 @4xl:grid-cols-2 @4xl:items-start print:block">
            <RankedBarChart data={rows.map((row) => ({ label: row.label, count: row.count }))} label={question.prompt} />
            <FigureTable
              caption={`Answers to question ${number}, from ${scale.min} to ${scale.max}`}
              labelHeader="Value"
              rows={rows}
              countHeader="Given by"
              shareHeader="Share of those who answered"
            />
          </div>
          {question.byStakeholderType ? <AnswersByType kind="scale" number={number} byType={question.byStakeholderType} /> : null}
        </>
      );
    }
    case "FREE_TEXT": {
      const found = themes.find((entry) => entry.questionId === question.questionId);
      if (!found) return null;
      return <ThemeList id={`question-${number}`} summary={found.themes} noun="answers" of={`Question ${number}`} headingLevel={4} pinnable={pinnable} />;
    }
  }
}
