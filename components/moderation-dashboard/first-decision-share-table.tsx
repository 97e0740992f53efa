import { FigureRow, FigureTable, formatCount } from "@/components/moderation-dashboard/table-parts";
import type { FirstDecisionShare } from "@/lib/moderation/dashboard/get-moderation-dashboard";
import { percentage } from "@/lib/moderation/dashboard/format-figures";

type Props = { recent: FirstDecisionShare; overall: FirstDecisionShare; recentLabel: string };

function figures(share: FirstDecisionShare) {
  const approved = percentage(share.approved, share.approved + share.rejected);
  return [formatCount(share.approved), formatCount(share.rejected), approved === null ? "—" : `${approved}% approved, ${100 - approved}% rejected`];
}

/** First decisions on pending contributions: how many were approved and how many rejected. */
export function FirstDecisionShareTable({ recent, overall, recentLabel }: Props) {
  return (
    <FigureTable
      caption="First decisions on pending contributions. A rejection reconsidered later still counts as a rejection here."
      columns={["Period", "Approved", "Rejected", "Share"]}
    >
      <FigureRow label={recentLabel} values={figures(recent)} />
      <FigureRow label="Since the start" values={figures(overall)} />
    </FigureTable>
  );
}
