import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContributionForm } from "@/components/contributions/contribution-form";
import { ParticipationRules } from "@/components/contributions/participation-rules";
import { requireUserForPage } from "@/lib/auth/current-user";
import { deleteUploadAction, discardDraftAction, saveDraftAction, submitContributionAction } from "@/lib/contributions/actions";
import { getNewContributionForm } from "@/lib/contributions/get-contribution-form";
import { PHASE_LABELS } from "@/lib/vocabulary/phases";
import { formatDateTime } from "@/lib/format";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Contribute" };

export default async function ContributePage({ params }: Props) {
  const { slug } = await params;
  await requireUserForPage(`/consultations/${slug}/contribute`);
  const form = await getNewContributionForm(slug);
  if (!form) notFound();
  const { consultation } = form;

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <PageHeader back={{ href: `/consultations/${consultation.slug}`, label: "Back to the consultation" }} title={<>Contribute to “{consultation.title}”</>}>
        {form.open ? (
          <p className="mt-3 text-slate-800">
            Open until{" "}
            <time dateTime={consultation.closesAt.toISOString()}>{formatDateTime(consultation.closesAt, consultation.timeZone)}</time>.
            {consultation.conference ? <> A contribution submitted now counts as “{PHASE_LABELS[form.phaseNow].toLowerCase()}”.</> : null}
          </p>
        ) : null}
      </PageHeader>

      <ParticipationRules rules={consultation.participationRules} />

      {form.open ? (
        <ContributionForm
          mode={{
            kind: "create",
            consultationId: consultation.id,
            blankValues: form.blankValues,
            submit: submitContributionAction,
            saveDraft: saveDraftAction,
            discardDraft: discardDraftAction,
          }}
          questions={consultation.questions}
          defaultValues={form.values}
          initialAttachments={form.attachments}
          draftSavedAt={form.draftSavedAt}
          deleteUpload={deleteUploadAction}
        />
      ) : (
        <p role="note" className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-4 font-medium text-amber-950">
          {form.closedMessage}
        </p>
      )}
    </div>
  );
}
