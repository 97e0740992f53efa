import { FigureRow, FigureTable, formatCount } from "@/components/moderation-dashboard/table-parts";
import type { ConsultationFigures, DecisionTimeFigures } from "@/lib/moderation/dashboard/get-moderation-dashboard";
import { formatDuration } from "@/lib/moderation/dashboard/format-figures";

type Props = { consultations: ConsultationFigures[]; overall: DecisionTimeFigures };

const figures = (row: DecisionTimeFigures) => [
  formatCount(row.decidedCount),
  row.medianDecisionSeconds === null ? "—" : formatDuration(row.medianDecisionSeconds),
];

/** How long contributions waited for their first decision, per consultation. */
export function DecisionTimeTable({ consultations, overall }: Props) {
  if (overall.decidedCount === 0) return <p className="mt-3 text-slate-700">No contribution has been decided yet.</p>;
  return (
    <FigureTable
      caption="Median time from submission to the first decision (approved or rejected), over every contribution decided so far, by consultation."
      columns={["Consultation", "Contributions decided", "Median time to decision"]}
      footer={<FigureRow label="All consultations" values={figures(overall)} total />}
    >
      {consultations
        .filter((row) => row.decidedCount > 0)
        .toSorted((a, b) => a.title.localeCompare(b.title, "en"))
        .map((row) => (
          <FigureRow key={row.id} label={row.title} values={figures(row)} />
        ))}
    </FigureTable>
  );
}
