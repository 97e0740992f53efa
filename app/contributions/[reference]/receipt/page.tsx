import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttachmentList } from "@/components/contributions/attachment-list";
import { ContributionStatusBadge } from "@/components/contributions/contribution-status-badge";
import { FormMessage } from "@/components/ui/form/form-outcome";
import { PageSection } from "@/components/ui/page-section";
import { requireUserForPage } from "@/lib/auth/current-user";
import { getMyContribution } from "@/lib/contributions/get-my-contribution";
import { PHASE_LABELS } from "@/lib/vocabulary/phases";
import { languageName } from "@/lib/vocabulary/languages";
import { PUBLICATION_LABELS } from "@/lib/vocabulary/publication";
import { formatDateTime } from "@/lib/format";

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ updated?: string }> };

export const metadata: Metadata = { title: "Your contribution was received" };

/** The receipt after submitting (and after editing): the reference to keep, and what happens next. */
export default async function ReceiptPage({ params, searchParams }: Props) {
  const { reference } = await params;
  await requireUserForPage(`/contributions/${encodeURIComponent(reference)}/receipt`);
  const contribution = await getMyContribution(reference);
  if (!contribution) notFound();
  const updated = (await searchParams).updated === "1";
  const { consultation } = contribution;
  const pending = contribution.status === "PENDING";

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-4">
        {updated ? <FormMessage kind="success">Your changes were saved.</FormMessage> : null}
        <h1 className="text-3xl font-bold">{updated ? "Your contribution was updated" : "Thank you: your contribution was received"}</h1>
        <div className="rounded-lg border-2 border-green-700 bg-green-50 p-5">
          <p className="text-green-950">Your reference number</p>
          <p className="mt-1 font-mono text-3xl font-bold tracking-wide text-green-950">{contribution.reference}</p>
          <p className="mt-2 text-green-950">
            We have sent it to you by e-mail as well. Please quote it if you write to us about this contribution.
          </p>
        </div>
      </header>

      <PageSection id="details" title="Your contribution">
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Title</dt>
          <dd lang={contribution.language}>{contribution.title}</dd>
          <dt className="font-semibold">Consultation</dt>
          <dd>
            <Link href={`/consultations/${consultation.slug}`}>{consultation.title}</Link>
          </dd>
          <dt className="font-semibold">Submitted</dt>
          <dd>
            <time dateTime={contribution.submittedAt.toISOString()}>{formatDateTime(contribution.submittedAt, consultation.timeZone)}</time>,{" "}
            {PHASE_LABELS[contribution.phase].toLowerCase()}
          </dd>
          <dt className="font-semibold">Status</dt>
          <dd>
            <ContributionStatusBadge status={contribution.status} />
          </dd>
          <dt className="font-semibold">Language</dt>
          <dd>{languageName(contribution.language)}</dd>
          <dt className="font-semibold">Publication</dt>
          <dd>{PUBLICATION_LABELS[contribution.publication]}</dd>
          <dt className="font-semibold">Files</dt>
          <dd>{contribution.attachments.length > 0 ? <AttachmentList attachments={contribution.attachments} /> : "None"}</dd>
        </dl>
      </PageSection>

      <PageSection id="next" title="What happens next">
        {pending ? (
          <ol className="mt-3 list-decimal space-y-2 pl-6">
            <li>A moderator reads your contribution and checks it against the participation rules, usually within two working days.</li>
            <li>
              Once approved, it is published on the consultation’s page{" "}
              {contribution.publication === "ANONYMOUS" ? "anonymously" : "with your name (and your organisation’s)"}. If it is not, you will see
              the reason under My contributions.
            </li>
            <li>The organisers read every published contribution for the consultation’s summary, which everyone can read once it is published.</li>
          </ol>
        ) : (
          <p className="mt-3">This contribution has been reviewed: see its status and history under My contributions.</p>
        )}
        <ul className="mt-4 flex flex-wrap gap-4">
          {contribution.canEdit ? (
            <li>
              <Link href={`/contributions/${contribution.reference}/edit`}>Edit this contribution</Link>
            </li>
          ) : null}
          <li>
            <Link href={`/my-contributions/${contribution.reference}`}>See it in My contributions</Link>
          </li>
          <li>
            <Link href={`/consultations/${consultation.slug}`}>Back to the consultation</Link>
          </li>
        </ul>
      </PageSection>
    </div>
  );
}
