import type { ReactNode } from "react";
import { countryName } from "@/lib/vocabulary/countries";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";
import type { PublicAuthor } from "@/lib/contributions/public-author";
import { PHASE_LABELS } from "@/lib/vocabulary/phases";
import { languageName } from "@/lib/vocabulary/languages";
import { formatDate } from "@/lib/format";
import type { Phase } from "@/lib/generated/prisma/enums";

/** "Name, Organisation" as the author chose to publish it, or "Anonymous". */
export function AuthorName({ author }: { author: PublicAuthor }) {
  if (author.anonymous || !author.displayName) return <span>Anonymous</span>;
  return (
    <span>
      {author.displayName}
      {author.organisationName ? <span className="text-slate-700">, {author.organisationName}</span> : null}
    </span>
  );
}

type Facts = { author: PublicAuthor; phase: Phase; language: string; submittedAt: Date; reference?: string };

/** The facts shown with every contribution: who (as published), from where, when and in which language. */
export function ContributionFacts({ author, phase, language, submittedAt, reference }: Facts) {
  const rows: [string, ReactNode][] = [
    ["Author", <AuthorName key="author" author={author} />],
    ["Stakeholder type", author.stakeholderType ? STAKEHOLDER_TYPE_LABELS[author.stakeholderType] : "Not given"],
    ["Country", author.country ? countryName(author.country) : "Not given"],
    ["Phase", PHASE_LABELS[phase]],
    ["Language", languageName(language)],
    ["Submitted", <time key="submitted" dateTime={submittedAt.toISOString()}>{formatDate(submittedAt)}</time>],
  ];
  if (reference) rows.push(["Reference", reference]);
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-semibold">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
