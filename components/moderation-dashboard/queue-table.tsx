import Link from "next/link";
import { FigureRow, FigureTable, formatCount } from "@/components/moderation-dashboard/table-parts";
import type { ConsultationFigures, QueueFigures } from "@/lib/moderation/dashboard/get-moderation-dashboard";
import { formatDuration } from "@/lib/moderation/dashboard/format-figures";

type Props = { consultations: ConsultationFigures[]; overall: QueueFigures };

const wait = (seconds: number | null) => (seconds === null ? "—" : formatDuration(seconds));
const figures = (row: QueueFigures) => [formatCount(row.queueLength), wait(row.oldestWaitSeconds), wait(row.medianWaitSeconds)];

/** What waits for a moderator now, per consultation, each linked to its part of the queue. */
export function QueueTable({ consultations, overall }: Props) {
  if (overall.queueLength === 0) return <p className="mt-3 text-slate-700">Nothing waits for a moderator.</p>;
  return (
    <FigureTable
      caption="Contributions waiting for a moderator now, by consultation, most first. Contributions of suspended authors wait for the suspension to end and are not counted."
      columns={["Consultation", "Waiting", "Waiting longest", "Median wait"]}
      footer={<FigureRow label="All consultations" values={figures(overall)} total />}
    >
      {consultations
        .filter((row) => row.queueLength > 0)
        .map((row) => (
          <FigureRow key={row.id} label={<Link href={`/moderation?consultation=${encodeURIComponent(row.slug)}`}>{row.title}</Link>} values={figures(row)} />
        ))}
    </FigureTable>
  );
}
