import type { Metadata } from "next";
import { DailyDecisions } from "@/components/moderation-dashboard/daily-decisions";
import { DecisionTimeTable } from "@/components/moderation-dashboard/decision-time-table";
import { FirstDecisionShareTable } from "@/components/moderation-dashboard/first-decision-share-table";
import { QueueTable } from "@/components/moderation-dashboard/queue-table";
import { PageSection } from "@/components/ui/page-section";
import { requireRoleForPage } from "@/lib/auth/current-user";
import { formatDate, formatDateTime } from "@/lib/format";
import { DASHBOARD_DAYS, getModerationDashboard } from "@/lib/moderation/dashboard/get-moderation-dashboard";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Dashboard · Moderation" };

export default async function ModerationDashboardPage() {
  await requireRoleForPage("MODERATOR", "/moderation/dashboard");
  const dashboard = await getModerationDashboard();
  const since = new Date(`${dashboard.since}T00:00:00Z`);
  const period = `from ${formatDate(since)} to ${formatDate(dashboard.now)}`;
  return (
    <div className="space-y-10">
      <PageHeader title="Moderation dashboard">
        <p className="mt-2 max-w-3xl text-slate-700">
          How the queue stands and how moderation has gone, as of <time dateTime={dashboard.now.toISOString()}>{formatDateTime(dashboard.now)}</time>.
        </p>
      </PageHeader>
      <PageSection id="waiting" title="Waiting now">
        <QueueTable consultations={dashboard.consultations} overall={dashboard.overall} />
      </PageSection>
      <PageSection id="per-day" title={`Decisions in the last ${DASHBOARD_DAYS} days`}>
        <DailyDecisions days={dashboard.days} period={period} />
      </PageSection>
      <PageSection id="share" title="Approved or rejected">
        <FirstDecisionShareTable recent={dashboard.share.recent} overall={dashboard.share.overall} recentLabel={`Last ${DASHBOARD_DAYS} days (since ${formatDate(since)})`} />
      </PageSection>
      <PageSection id="time-to-decision" title="Time to a first decision">
        <DecisionTimeTable consultations={dashboard.consultations} overall={dashboard.overall} />
      </PageSection>
    </div>
  );
}
