import type { Metadata } from "next";
import Link from "next/link";
import { MyContributionsTable } from "@/components/contributions/my-contributions-table";
import { NoticeList } from "@/components/notices/notice-list";
import { PageSection } from "@/components/ui/page-section";
import { requireUserForPage } from "@/lib/auth/current-user";
import { findMyContributions } from "@/lib/contributions/find-my-contributions";
import { formatDateTime } from "@/lib/format";
import { markAllNoticesReadAction, markNoticeReadAction } from "@/lib/notices/actions";
import { findMyNotices } from "@/lib/notices/find-my-notices";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "My contributions" };

export default async function MyContributionsPage() {
  await requireUserForPage("/my-contributions");
  const [contributions, { notices, unreadCount }] = await Promise.all([findMyContributions(), findMyNotices()]);
  return (
    <div className="space-y-8">
      <PageHeader title="My contributions">
        <p className="mt-2 max-w-3xl text-slate-700">
          Everything you have submitted, in every state. A contribution is published once a moderator approves it; you can edit it
          while it is pending, and withdraw it while it is pending or published. Open one to see its history.
        </p>
      </PageHeader>
      <PageSection id="notices" title="Notices">
        <NoticeList
          notices={notices.map((notice) => ({
            ...notice,
            createdAt: notice.createdAt.toISOString(),
            createdAtLabel: formatDateTime(notice.createdAt),
          }))}
          unreadCount={unreadCount}
          markOneAction={markNoticeReadAction}
          markAllAction={markAllNoticesReadAction}
        />
      </PageSection>
      <PageSection id="contributions" title="Your contributions">
        <div className="mt-3">
          {contributions.length === 0 ? (
            <p>
              You have not submitted any contribution yet. <Link href="/consultations">Find a consultation</Link> that is open.
            </p>
          ) : (
            <MyContributionsTable rows={contributions} />
          )}
        </div>
      </PageSection>
    </div>
  );
}
