import type { Metadata } from "next";
import { RejectionReasonCreateForm } from "@/components/admin/rejection-reason-create-form";
import { RejectionReasonsTable } from "@/components/admin/rejection-reasons-table";
import { PageSection } from "@/components/ui/page-section";
import { Announcer } from "@/components/ui/form/announcer";
import { requireRoleForPage } from "@/lib/auth/current-user";
import { createRejectionReasonAction, moveRejectionReasonAction, updateRejectionReasonAction } from "@/lib/rejection-reasons/actions";
import { findRejectionReasonsForAdmin } from "@/lib/rejection-reasons/find-rejection-reasons-for-admin";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Rejection reasons · Administration" };

export default async function AdminRejectionReasonsPage() {
  await requireRoleForPage("ADMIN", "/admin/rejection-reasons");
  const reasons = await findRejectionReasonsForAdmin();
  return (
    <div className="space-y-8">
      <PageHeader title="Rejection reasons">
        <p className="mt-2 max-w-3xl text-slate-700">
          The reasons moderators pick from when they reject or hide a contribution; the author reads the one chosen. Each decision keeps
          the wording it was made with, so renaming or deactivating a reason does not change what authors were told before.
        </p>
      </PageHeader>
      <PageSection id="reason-list" title="The list">
        <Announcer>
          {reasons.length === 0 ? (
            <p className="text-slate-700">No reason yet: moderators can only explain a decision in their own words.</p>
          ) : (
            <RejectionReasonsTable reasons={reasons} update={updateRejectionReasonAction} move={moveRejectionReasonAction} />
          )}
        </Announcer>
      </PageSection>
      <PageSection id="add-reason" title="Add a reason">
        <div className="mt-3">
          <RejectionReasonCreateForm action={createRejectionReasonAction} />
        </div>
      </PageSection>
    </div>
  );
}
