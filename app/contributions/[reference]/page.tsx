import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContributionContent } from "@/components/contributions/contribution-content";
import { AuthorName, ContributionFacts } from "@/components/contributions/contribution-facts";
import { ContributionStatusBadge } from "@/components/contributions/contribution-status-badge";
import { FlagForm } from "@/components/contributions/flag-form";
import { getContribution } from "@/lib/contributions/get-contribution";
import { flagContributionAction } from "@/lib/flags/actions";

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const contribution = await getContribution((await params).reference);
  if (!contribution) return { title: "Contribution not found" };
  return { title: `${contribution.title} (${contribution.reference})` };
}

/** The permanent page of one contribution: /contributions/AGR-2026-000123. */
export default async function ContributionPage({ params }: Props) {
  const contribution = await getContribution((await params).reference);
  // Unknown, or not for this reader: the same 404 either way.
  if (!contribution) notFound();
  const { viewer, consultation } = contribution;
  const published = contribution.status === "APPROVED";
  const path = `/contributions/${contribution.reference}`;

  return (
    <article className="space-y-8">
      <header>
        <p className="text-sm">
          <Link href={`/consultations/${consultation.slug}/contributions`}>All contributions to “{consultation.title}”</Link>
        </p>
        {published ? null : (
          <div role="note" className="mt-4 max-w-3xl rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-900">
            <p>
              <ContributionStatusBadge status={contribution.status} />{" "}
              {viewer.isAuthor ? "Only you and the moderators can see this contribution." : "This contribution is not public."}
            </p>
            {contribution.rejectionReason ? <p className="mt-2">Reason given: {contribution.rejectionReason}</p> : null}
          </div>
        )}
        <h1 lang={contribution.language} className="mt-2 text-3xl font-bold">
          {contribution.title}
        </h1>
        <p className="mt-2 text-lg">
          <span className="text-slate-700">By </span>
          <AuthorName author={contribution.author} />
        </p>
        <div className="mt-4 max-w-3xl">
          <ContributionFacts
            author={contribution.author}
            phase={contribution.phase}
            language={contribution.language}
            submittedAt={contribution.submittedAt}
            reference={contribution.reference}
          />
        </div>
      </header>

      <ContributionContent body={contribution.body} language={contribution.language} answers={contribution.answers} attachments={contribution.attachments} />

      {viewer.isAuthor ? (
        <p>
          <Link href={`/my-contributions/${contribution.reference}`}>Status, history and withdrawal of your contribution</Link>
        </p>
      ) : published ? (
        <section aria-label="Report this contribution">
          {!viewer.signedIn ? (
            <p>
              Something wrong with this contribution? <Link href={`/sign-in?callbackUrl=${encodeURIComponent(path)}`}>Sign in to report it</Link>.
            </p>
          ) : viewer.hasFlagged ? (
            <p className="text-slate-700">You have already reported this contribution. The moderators will look at it.</p>
          ) : viewer.canFlag ? (
            <FlagForm reference={contribution.reference} action={flagContributionAction} />
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
