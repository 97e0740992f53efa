import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContributionForm } from "@/components/contributions/contribution-form";
import { requireUserForPage } from "@/lib/auth/current-user";
import { deleteUploadAction, updateContributionAction } from "@/lib/contributions/actions";
import { getContributionEditForm } from "@/lib/contributions/get-contribution-form";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ reference: string }> };

export const metadata: Metadata = { title: "Edit your contribution" };

export default async function EditContributionPage({ params }: Props) {
  const { reference } = await params;
  await requireUserForPage(`/contributions/${encodeURIComponent(reference)}/edit`);
  const form = await getContributionEditForm(reference);
  // Someone else's contribution looks exactly like one that does not exist.
  if (!form) notFound();
  const { consultation } = form;

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <PageHeader back={{ href: `/my-contributions/${form.reference}`, label: "Back to your contribution" }} title={<>Edit your contribution {form.reference}</>}>
        <p className="mt-3 text-slate-800">
          To the consultation <Link href={`/consultations/${consultation.slug}`}>{consultation.title}</Link>. You can change it until a moderator has
          reviewed it; its reference and submission time stay the same.
        </p>
      </PageHeader>

      {form.notEditable ? (
        <p role="note" className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-4 font-medium text-amber-950">
          {form.notEditable}
        </p>
      ) : (
        <ContributionForm
          mode={{ kind: "edit", reference: form.reference, version: form.version, update: updateContributionAction }}
          questions={consultation.questions}
          defaultValues={form.values}
          initialAttachments={form.attachments}
          draftSavedAt={null}
          deleteUpload={deleteUploadAction}
        />
      )}
    </div>
  );
}
