import Link from "next/link";
import { Fragment } from "react";
import type { ContributionCounts as Counts } from "@/lib/consultations/count-contributions";
import { PHASE_LABELS } from "@/lib/vocabulary/phases";
import { Phase } from "@/lib/generated/prisma/enums";

type Props = { slug: string; counts: Counts; hasConference: boolean };

const number = (value: number) => value.toLocaleString("en-GB");

/** Published (approved) contributions, by phase when there is a conference; the moderation backlog for moderators. */
export function ContributionCounts({ slug, counts, hasConference }: Props) {
  return (
    <>
      <dl className="mt-4 grid max-w-md grid-cols-[1fr_max-content] gap-x-6 gap-y-2">
        <dt className="font-semibold">Published contributions</dt>
        <dd className="text-right font-semibold tabular-nums">{number(counts.approved)}</dd>
        {hasConference
          ? Object.values(Phase).map((phase) => (
              <Fragment key={phase}>
                <dt className="pl-4 text-slate-700">{PHASE_LABELS[phase]}</dt>
                <dd className="text-right tabular-nums text-slate-700">{number(counts.approvedByPhase[phase])}</dd>
              </Fragment>
            ))
          : null}
        {counts.pending !== null ? (
          <>
            <dt className="font-semibold">Waiting for moderation</dt>
            <dd className="text-right font-semibold tabular-nums">{number(counts.pending)}</dd>
          </>
        ) : null}
      </dl>
      <p className="mt-4">
        <Link href={`/consultations/${slug}/contributions`} className="font-semibold">
          Read the contributions
        </Link>
      </p>
    </>
  );
}
