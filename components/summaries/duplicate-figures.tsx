import Link from "next/link";
import { formatCount } from "@/lib/format";
import type { DuplicateFigures as Figures } from "@/lib/summaries/compute-duplicate-figures";

/**
 * How many of the contributions are identical or near-identical texts
 * (campaigns, joint papers, resubmissions), and how many distinct texts
 * there are: each group once, plus the contributions in none.
 */
export function DuplicateFigures({ figures, countedOnce }: { figures: Figures; countedOnce: boolean }) {
  const { total, inGroups, groups, distinctTexts, largestGroup } = figures;
  return (
    <div className="mt-3 max-w-3xl space-y-2">
      <dl className="grid gap-4 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-700">Contributions in groups of identical or near-identical text</dt>
          <dd className="text-2xl font-bold">{formatCount(inGroups)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-700">Groups</dt>
          <dd className="text-2xl font-bold">
            {formatCount(groups)}
            {groups > 0 ? <span className="block text-sm font-normal text-slate-700">the largest has {formatCount(largestGroup)} members</span> : null}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-700">Distinct texts</dt>
          <dd className="text-2xl font-bold">
            {formatCount(distinctTexts)} <span className="text-sm font-normal text-slate-700">of {formatCount(total)} contributions</span>
          </dd>
        </div>
      </dl>
      <p className="text-sm text-slate-700">
        {countedOnce
          ? "The other figures count each group once, through its earliest member."
          : "The other figures count every contribution; the filter “Count each group once” counts each group through its earliest member."}{" "}
        Groups are found by comparing the texts, not by reading them: <Link href="/open-data#near-duplicates">how groups are made</Link>.
      </p>
    </div>
  );
}
