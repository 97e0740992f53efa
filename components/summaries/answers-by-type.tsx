import { formatCount, formatShare } from "@/lib/format";
import { agreementOf } from "@/lib/summaries/agreement";
import type { ChoicesByType, ScaleByType } from "@/lib/summaries/compute-statistics";

// A closed question's answers by stakeholder type, side by side: one table,
// a row per type that answered, a column per option (or scale value), each
// cell the count and its share of the type's answers; and a sentence on
// where the types differ most and agree most (lib/summaries/agreement.ts).

const cell = "border-b border-slate-200 px-3 py-1.5 align-top";
const averageFormat = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

type Column = { key: string; header: string };

type Props =
  | { kind: "choices"; number: number; byType: ChoicesByType[]; optionLabel: (option: string | null) => string; multiple: boolean }
  | { kind: "scale"; number: number; byType: ScaleByType[] };

export function AnswersByType(props: Props) {
  const { number, byType } = props;
  if (byType.length === 0) return null;
  const headingId = `question-${number}-by-type`;
  const columns: Column[] =
    props.kind === "choices"
      ? props.byType[0]!.choices.map((choice, index) => ({ key: choice.option ?? `other-${index}`, header: props.optionLabel(choice.option) }))
      : props.byType[0]!.scale.distribution.map((point) => ({ key: String(point.value), header: String(point.value) }));
  const cellsOf = (index: number) => (props.kind === "choices" ? props.byType[index]!.choices : props.byType[index]!.scale.distribution);
  return (
    <section aria-labelledby={headingId} className="mt-4">
      <h4 id={headingId} className="text-lg font-semibold">
        By stakeholder type
      </h4>
      {props.kind === "choices" ? <ChoiceAgreement {...props} /> : <ScaleAgreement byType={props.byType} />}
      {/* Many types make a wide table: it scrolls sideways, so it can take the keyboard's focus to be scrolled. */}
      <div className="mt-2 max-w-full overflow-x-auto" tabIndex={0} role="region" aria-label={`Answers to question ${number} by stakeholder type, scrolling sideways`}>
        <table className="summary-table w-full border-collapse text-left text-sm" data-by-type={number}>
          <caption className="mb-1 text-left font-medium text-slate-800">
            Answers to question {number} by stakeholder type: how many of each type {props.kind === "choices" ? "chose each answer" : "gave each value"}, and
            their share of that type&apos;s answers{props.kind === "choices" && props.multiple ? " (several choices were allowed)" : ""}
          </caption>
          <thead>
            <tr className="bg-slate-50">
              <th scope="col" className={cell}>
                Stakeholder type
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Answered
              </th>
              {props.kind === "scale" ? (
                <th scope="col" className={`${cell} text-right`}>
                  Average
                </th>
              ) : null}
              {columns.map((column) => (
                <th key={column.key} scope="col" className={`${cell} text-right`}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {byType.map((entry, index) => (
              <tr key={entry.key ?? "none"}>
                <th scope="row" className={`${cell} font-normal`}>
                  {entry.label}
                </th>
                <td className={`${cell} text-right tabular-nums`}>{formatCount(entry.answered)}</td>
                {props.kind === "scale" ? (
                  <td className={`${cell} text-right tabular-nums`}>
                    {props.byType[index]!.scale.average === null ? "none" : averageFormat.format(props.byType[index]!.scale.average!)}
                  </td>
                ) : null}
                {cellsOf(index).map((figure, column) => (
                  <td key={columns[column]?.key ?? column} className={`${cell} whitespace-nowrap text-right tabular-nums`}>
                    {formatCount(figure.count)} <span className="text-slate-600">({formatShare(figure.share)})</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ChoiceAgreement({ byType, optionLabel }: { byType: ChoicesByType[]; optionLabel: (option: string | null) => string }) {
  const agreement = agreementOf(byType);
  if (!agreement) return <p className="mt-1 text-slate-700">Only one stakeholder type answered: there is nothing to compare.</p>;
  const { differMost, agreeMost } = agreement;
  return (
    <p className="mt-1 max-w-3xl text-slate-700" data-agreement>
      The types differ most on “{optionLabel(differMost.option)}”: chosen by {formatShare(differMost.highest.share)} of the answers of{" "}
      {differMost.highest.label} and {formatShare(differMost.lowest.share)} of those of {differMost.lowest.label}.
      {agreeMost.option !== differMost.option ? (
        <>
          {" "}
          They agree most on “{optionLabel(agreeMost.option)}”: from {formatShare(agreeMost.lowest.share)} ({agreeMost.lowest.label}) to{" "}
          {formatShare(agreeMost.highest.share)} ({agreeMost.highest.label}).
        </>
      ) : null}{" "}
      Shares of few answers are uncertain: read them with the counts.
    </p>
  );
}

function ScaleAgreement({ byType }: { byType: ScaleByType[] }) {
  const averaged = byType.filter((entry) => entry.scale.average !== null);
  if (averaged.length < 2) return <p className="mt-1 text-slate-700">Only one stakeholder type answered: there is nothing to compare.</p>;
  const highest = averaged.reduce((best, entry) => (entry.scale.average! > best.scale.average! ? entry : best));
  const lowest = averaged.reduce((best, entry) => (entry.scale.average! < best.scale.average! ? entry : best));
  return (
    <p className="mt-1 max-w-3xl text-slate-700" data-agreement>
      Averages range from {averageFormat.format(lowest.scale.average!)} ({lowest.label}) to {averageFormat.format(highest.scale.average!)} ({highest.label}).
    </p>
  );
}
