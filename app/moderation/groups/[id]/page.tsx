import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContributionStatusBadge } from "@/components/contributions/contribution-status-badge";
import { GroupDecision } from "@/components/moderation/group-decision";
import { similarityPhrase } from "@/components/moderation/similarity-badge";
import { WordDiffView } from "@/components/moderation/word-diff-view";
import { PageHeader } from "@/components/ui/page-header";
import { PageSection } from "@/components/ui/page-section";
import { Pagination } from "@/components/ui/pagination";
import { requireRoleForPage } from "@/lib/auth/current-user";
import { formatDateTime } from "@/lib/format";
import { bulkDecideAction } from "@/lib/moderation/actions";
import { findActiveRejectionReasons } from "@/lib/rejection-reasons/find-active-rejection-reasons";
import type { SearchParams } from "@/lib/search-params";
import { getSimilarityGroup } from "@/lib/similarity/get-similarity-group";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export const metadata: Metadata = { title: "Group of similar contributions" };

const COLUMNS = ["Contribution", "Author", "Status", "Submitted", "Against the representative"];

const cell = "border-b border-slate-200 px-3 py-3 align-top";

/** A group of identical or near-identical contributions: its members, what each adds to the common text, one decision for all pending ones. */
export default async function SimilarityGroupPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { page } = await searchParams;
  const moderator = await requireRoleForPage("MODERATOR", `/moderation/groups/${encodeURIComponent(id)}`);
  const [group, reasons] = await Promise.all([getSimilarityGroup({ id, page: typeof page === "string" ? page : undefined }), findActiveRejectionReasons()]);
  if (!group) notFound();

  const { representative } = group;
  // Another moderator decides on one's own contributions, as in the queue.
  const decidable = group.members.filter((member) => member.status === "PENDING" && member.authorId !== moderator.id);
  const ownPending = group.members.filter((member) => member.status === "PENDING" && member.authorId === moderator.id).length;
  const hrefFor = (target: number) => `/moderation/groups/${group.id}${target > 1 ? `?page=${target}` : ""}`;

  return (
    <article className="space-y-8">
      <PageHeader title={similarityPhrase(group.kind, group.memberCount)} back={{ href: "/moderation", label: "Back to the queue" }}>
        <p className="mt-2 max-w-3xl text-slate-700">
          In <Link href={`/consultations/${group.consultation.slug}`}>{group.consultation.title}</Link>: {group.pendingCount} pending, {group.approvedCount}{" "}
          published.{" "}
          {group.kind === "EXACT"
            ? group.sharedFiles.length > 0
              ? `Every member attaches the same file (${group.sharedFiles.join(", ")}) or has the same text.`
              : "Every member has the same text, once case, punctuation and spacing are set aside."
            : "The members’ texts share most of their three-word sequences (an estimated similarity of 0.6 or more with another member). "}
          Each member is compared with the earliest one, {representative.reference}. <Link href="/open-data#near-duplicates">How groups are made</Link>.
        </p>
      </PageHeader>

      <PageSection id="decide" title="Decide on the group">
        <div className="mt-3 space-y-2">
          {decidable.length > 0 ? (
            <GroupDecision items={decidable.map((member) => ({ contributionId: member.id, version: member.version }))} reasons={reasons} bulkDecide={bulkDecideAction} headingId="members-heading" />
          ) : (
            <p>No member of this page waits for your decision.</p>
          )}
          {ownPending > 0 ? <p className="text-sm text-slate-700">Your own pending contributions in this group are left for another moderator.</p> : null}
          {group.pageCount > 1 ? <p className="text-sm text-slate-700">The decision concerns the pending members of this page ({group.members.length} listed).</p> : null}
        </div>
      </PageSection>

      <PageSection id="representative" title={`Representative text: ${representative.reference}`}>
        <p lang={representative.language} className="mt-3 max-w-3xl whitespace-pre-line rounded-md border border-slate-200 bg-slate-50 p-3">
          {representative.text.length > 4000 ? `${representative.text.slice(0, 4000)}…` : representative.text}
        </p>
      </PageSection>

      <section aria-labelledby="members-heading" className="space-y-3">
        <h2 id="members-heading" tabIndex={-1} className="text-2xl font-bold">
          Members
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="mb-2 text-left text-slate-700">
              {group.memberCount} members, earliest first, page {group.page} of {group.pageCount}. What each adds is underlined in green, what it leaves out is struck through in red.
            </caption>
            <thead>
              <tr className="bg-slate-50">
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className={cell}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {group.members.map((member) => (
                <tr key={member.id}>
                  <th scope="row" className={`${cell} font-normal`}>
                    <Link href={`/moderation/contributions/${member.reference}`} lang={member.language} className="block font-semibold">
                      {member.title}
                    </Link>
                    <span className="block text-slate-700">{member.reference}</span>
                  </th>
                  <td className={cell}>
                    {member.author.displayName ?? "No profile"}
                    {member.author.organisationName ? <span className="block">{member.author.organisationName}</span> : null}
                  </td>
                  <td className={cell}>
                    <ContributionStatusBadge status={member.status} />
                  </td>
                  <td className={cell}>
                    <time dateTime={member.submittedAt.toISOString()}>{formatDateTime(member.submittedAt)}</time>
                  </td>
                  <td className={`${cell} min-w-80 max-w-2xl`}>{member.diff ? <WordDiffView diff={member.diff} language={member.language} /> : <p>The representative text.</p>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination page={group.page} pageCount={group.pageCount} hrefFor={hrefFor} label="Pages of the group" />
      </section>
    </article>
  );
}
