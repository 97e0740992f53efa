import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContributionContent } from "@/components/contributions/contribution-content";
import { ContributionFacts } from "@/components/contributions/contribution-facts";
import { ContributionStatusBadge } from "@/components/contributions/contribution-status-badge";
import { AttachmentTextList } from "@/components/moderation/attachment-text";
import { DecisionPanel } from "@/components/moderation/decision-panel";
import { ModerationHistory } from "@/components/moderation/moderation-history";
import { ModeratorNoteForm } from "@/components/moderation/moderator-note-form";
import { ReportList } from "@/components/moderation/report-list";
import { SimilarityBadge } from "@/components/moderation/similarity-badge";
import { SuspendAuthorControl } from "@/components/moderation/suspend-author-control";
import { WaitingSince } from "@/components/moderation/waiting-since";
import { PageSection } from "@/components/ui/page-section";
import { findAttachmentTexts } from "@/lib/attachments/text/find-attachment-texts";
import { requireRoleForPage } from "@/lib/auth/current-user";
import { formatDateTime } from "@/lib/format";
import { addModeratorNoteAction, decideContributionAction, dismissFlagsAction, suspendAuthorAction } from "@/lib/moderation/actions";
import { WAITING_REASON_LABELS } from "@/lib/moderation/waiting-reason";
import { getModerationItem, type ModerationItem } from "@/lib/moderation/get-moderation-item";
import { queueFilterQuery, readQueueFilters } from "@/lib/moderation/queue-filter";
import { findActiveRejectionReasons } from "@/lib/rejection-reasons/find-active-rejection-reasons";
import { findSimilarityBadges } from "@/lib/similarity/get-similarity-group";
import type { SearchParams } from "@/lib/search-params";

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Review ${decodeURIComponent((await params).reference).toUpperCase()}` };
}

/** Why this contribution is not in the queue, when it is not. */
function outOfQueue(item: ModerationItem): string | null {
  if (item.own) return "This is your own contribution: it is not in your queue, another moderator decides on it. Who reported it is not shown to you.";
  if (item.inQueue) return null;
  if (item.awaitingSince) return "Its author is suspended: it waits outside the queue until the suspension is lifted.";
  if (item.status === "WITHDRAWN") return "Its author withdrew it: it can no longer be moderated.";
  return "It does not wait for a decision.";
}

/** One contribution as a moderator reviews it, with the decisions that apply and the next one of the same queue. */
export default async function ReviewContributionPage({ params, searchParams }: Props) {
  const { reference } = await params;
  const { filters } = readQueueFilters(await searchParams);
  const reviewQuery = queueFilterQuery(filters, null);
  await requireRoleForPage("MODERATOR", `/moderation/contributions/${encodeURIComponent(reference)}${reviewQuery}`);
  const [item, reasons] = await Promise.all([getModerationItem(reference, filters), findActiveRejectionReasons()]);
  if (!item) notFound();
  const attachmentTexts = item.attachments.length > 0 ? await findAttachmentTexts(item.id) : [];
  const similarity = await findSimilarityBadges([item.id]);

  const now = new Date();
  const queueHref = `/moderation${reviewQuery}`;
  const next = item.next ? { reference: item.next.reference, title: item.next.title, href: `/moderation/contributions/${item.next.reference}${reviewQuery}` } : null;
  const openReports = item.reports.filter((report) => report.resolvedAt === null).length;
  const notice = outOfQueue(item);
  const { author } = item;

  return (
    <article className="space-y-8">
      <header>
        <p className="text-sm">
          <Link href={queueHref}>Back to the queue</Link>
        </p>
        <h1 lang={item.language} className="mt-2 text-3xl font-bold">
          {item.title}
        </h1>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <ContributionStatusBadge status={item.status} />
          {item.waitingReason ? <span className="font-medium">{WAITING_REASON_LABELS[item.waitingReason]}</span> : null}
          <SimilarityBadge badge={similarity[item.id]} />
          {openReports > 0 ? <span className="font-medium text-red-800">{openReports === 1 ? "1 open report" : `${openReports} open reports`}</span> : null}
        </div>
        {item.awaitingSince ? (
          <p className="mt-2">
            <WaitingSince since={item.awaitingSince} now={now} />
          </p>
        ) : null}
        {notice ? (
          <p role="note" className="mt-4 max-w-3xl rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-900">
            {notice}
          </p>
        ) : null}
      </header>

      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-8">
          <div className="space-y-3">
            <ContributionFacts
              // Moderators see who wrote it, whatever the author chose to publish.
              author={{ ...author, anonymous: false }}
              phase={item.phase}
              language={item.language}
              submittedAt={item.submittedAt}
              reference={item.reference}
            />
            <ul className="space-y-1 text-sm">
              {item.languageDifference ? <li>{item.languageDifference}</li> : null}
              <li>
                Consultation: <Link href={`/consultations/${item.consultation.slug}`}>{item.consultation.title}</Link>
              </li>
              <li>{item.publication === "ANONYMOUS" ? "The author chose to publish it anonymously." : "The author chose to publish it under their name."}</li>
              {item.rejectionReason && item.status !== "APPROVED" ? <li>Reason given to the author: {item.rejectionReason}</li> : null}
              {item.status === "APPROVED" ? (
                <li>
                  <Link href={`/contributions/${item.reference}`}>See it as the public does</Link>
                </li>
              ) : null}
            </ul>
          </div>

          <ContributionContent body={item.body} language={item.language} answers={item.answers} attachments={item.attachments} />

          {attachmentTexts.length > 0 ? (
            <PageSection id="attachment-text" title="Text of the attachments">
              <AttachmentTextList attachments={attachmentTexts} />
            </PageSection>
          ) : null}

          <PageSection id="reports" title={`Reports (${openReports} open)`}>
            <ReportList reports={item.reports} />
          </PageSection>

          <PageSection id="history" title="History">
            <ModerationHistory history={item.history} />
          </PageSection>
        </div>

        <div className="space-y-8">
          <PageSection id="decision" title="Decision">
            <div className="mt-3">
              {item.own ? (
                <div className="space-y-4">
                  <p>Another moderator must decide on your own contribution.</p>
                  <p>{next ? <Link href={next.href}>Go to the next contribution: {next.reference}</Link> : <Link href={queueHref}>Back to the queue</Link>}</p>
                </div>
              ) : (
                <DecisionPanel
                  item={{ id: item.id, reference: item.reference, title: item.title, version: item.version, status: item.status, openFlagCount: item.openFlagCount }}
                  next={next}
                  queueHref={queueHref}
                  reasons={reasons}
                  decide={decideContributionAction}
                  dismissFlags={dismissFlagsAction}
                />
              )}
            </div>
          </PageSection>

          <PageSection id="note" title="Add a note">
            <div className="mt-3">
              <ModeratorNoteForm contributionId={item.id} action={addModeratorNoteAction} />
            </div>
          </PageSection>

          <PageSection id="author" title="Author’s account">
            <div className="mt-3 space-y-4">
              <p>
                {author.displayName ?? "An account without a profile"}
                {author.organisationName ? `, ${author.organisationName}` : null}
              </p>
              {author.suspendedAt ? (
                <p className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
                  Suspended since <time dateTime={author.suspendedAt.toISOString()}>{formatDateTime(author.suspendedAt)}</time>
                  {author.suspendedReason ? `: ${author.suspendedReason}` : "."}
                </p>
              ) : author.canBeSuspended ? (
                <SuspendAuthorControl userId={author.id} authorName={author.displayName ?? "this author"} action={suspendAuthorAction} />
              ) : null}
            </div>
          </PageSection>
        </div>
      </div>
    </article>
  );
}
