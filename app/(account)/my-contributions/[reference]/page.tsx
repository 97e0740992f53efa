import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContributionHistory } from "@/components/contributions/contribution-history";
import { ContributionStatusBadge } from "@/components/contributions/contribution-status-badge";
import { WithdrawControl } from "@/components/contributions/withdraw-control";
import { PageSection } from "@/components/ui/page-section";
import { requireUserForPage } from "@/lib/auth/current-user";
import { withdrawContributionAction } from "@/lib/contributions/actions";
import { getMyContribution } from "@/lib/contributions/get-my-contribution";
import { formatDateTime } from "@/lib/format";

type Props = { params: Promise<{ reference: string }> };

export const metadata: Metadata = { title: "My contribution" };

export default async function MyContributionPage({ params }: Props) {
  const { reference } = await params;
  await requireUserForPage(`/my-contributions/${encodeURIComponent(reference)}`);
  const contribution = await getMyContribution(reference);
  // Someone else's reference looks exactly like one that does not exist.
  if (!contribution) notFound();

  return (
    <div className="space-y-8">
      <header>
        <p className="text-sm">
          <Link href="/my-contributions">All my contributions</Link>
        </p>
        <h1 lang={contribution.language} className="mt-2 text-3xl font-bold">
          {contribution.title}
        </h1>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <ContributionStatusBadge status={contribution.status} />
          {contribution.reason ? <span>Reason: {contribution.reason}</span> : null}
        </div>
        <dl className="mt-4 grid max-w-3xl gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Reference</dt>
          <dd>{contribution.reference}</dd>
          <dt className="font-semibold">Consultation</dt>
          <dd>
            <Link href={`/consultations/${contribution.consultation.slug}`}>{contribution.consultation.title}</Link>
          </dd>
          <dt className="font-semibold">Submitted</dt>
          <dd>
            <time dateTime={contribution.submittedAt.toISOString()}>{formatDateTime(contribution.submittedAt)}</time>
          </dd>
        </dl>
      </header>

      <section aria-labelledby="actions-heading" className="space-y-3">
        <h2 id="actions-heading" className="text-2xl font-bold">
          What you can do
        </h2>
        <ul className="flex flex-wrap items-center gap-4">
          <li>
            <Link href={`/contributions/${contribution.reference}`}>
              {contribution.status === "APPROVED" ? "See it as the public sees it" : "Read the full contribution"}
            </Link>
          </li>
          {contribution.canEdit ? (
            <li>
              <Link href={`/contributions/${contribution.reference}/edit`} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white no-underline hover:bg-brand-700 hover:no-underline">
                Edit
              </Link>
            </li>
          ) : null}
        </ul>
        <WithdrawControl
          reference={contribution.reference}
          title={contribution.title}
          canWithdraw={contribution.canWithdraw}
          action={withdrawContributionAction}
        />
        {contribution.canEdit || contribution.canWithdraw ? null : (
          <p className="text-slate-700">This contribution can no longer be edited or withdrawn.</p>
        )}
      </section>

      <PageSection id="history" title="History">
        <ContributionHistory history={contribution.history} />
      </PageSection>
    </div>
  );
}
