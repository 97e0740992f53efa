import type { Metadata } from "next";
import Link from "next/link";
import { FailedJobsTable, JobCountsTable, RetryingJobsTable, RunningJobsTable } from "@/components/moderation/job-tables";
import { PageHeader } from "@/components/ui/page-header";
import { PageSection } from "@/components/ui/page-section";
import { requireRoleForPage } from "@/lib/auth/current-user";
import { formatDateTime } from "@/lib/format";
import { getJobOverview } from "@/lib/jobs/get-job-overview";

export const metadata: Metadata = { title: "Background jobs · Moderation" };

/** What the background worker is doing: reading attachments and other long work. */
export default async function BackgroundJobsPage() {
  await requireRoleForPage("MODERATOR", "/moderation/jobs");
  const overview = await getJobOverview();
  return (
    <div className="space-y-10">
      <PageHeader title="Background jobs">
        <p className="mt-2 max-w-3xl text-slate-700">
          Work the background worker does outside the pages, such as reading the text of attachments, as of{" "}
          <time dateTime={overview.now.toISOString()}>{formatDateTime(overview.now)}</time>. <Link href="/moderation/jobs">Reload</Link> to see the latest
          progress.
        </p>
      </PageHeader>
      <PageSection id="job-counts" title="All jobs">
        <JobCountsTable counts={overview.counts} />
      </PageSection>
      <PageSection id="running" title="Running">
        <RunningJobsTable jobs={overview.running} />
      </PageSection>
      <PageSection id="retrying" title="Waiting for another attempt">
        <RetryingJobsTable jobs={overview.retrying} />
      </PageSection>
      <PageSection id="failed" title="Failed">
        <FailedJobsTable jobs={overview.failed} />
      </PageSection>
    </div>
  );
}
