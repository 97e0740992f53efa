"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { FormProvider, useForm, useWatch, type FieldErrors, type Path } from "react-hook-form";
import { AttachmentsField, ATTACHMENTS_INPUT_ID } from "@/components/contributions/attachments-field";
import { QuestionField, questionInputId, type FormQuestion } from "@/components/contributions/question-field";
import { useDraftAutosave, type DraftStatus, type SaveDraft } from "@/components/contributions/use-draft-autosave";
import { applyServerErrors } from "@/components/ui/form/apply-server-errors";
import { CharacterCount } from "@/components/ui/form/character-count";
import { ChoiceGroupField } from "@/components/ui/form/choice-group-field";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/ui/form/error-summary";
import { controlClass, Field } from "@/components/ui/form/field";
import { SelectField } from "@/components/ui/form/select-field";
import { SubmitButton } from "@/components/ui/form/submit-button";
import { TextField } from "@/components/ui/form/text-field";
import type { UploadedAttachment } from "@/lib/attachments/rules";
import { BODY_MAX_LENGTH, BODY_MIN_LENGTH, buildContributionSchema, countCharacters, TITLE_MAX_LENGTH, type ContributionFields, type ContributionFormInput } from "@/lib/contributions/schema";
import { languageOptions } from "@/lib/vocabulary/languages";
import { publicationOptions } from "@/lib/vocabulary/publication";
import type { ActionResult } from "@/lib/errors";

/** What the form is for, with the server actions it calls (passed down by the page). */
export type ContributionFormMode =
  | {
      kind: "create";
      consultationId: string;
      blankValues: ContributionFormInput;
      submit: (input: ContributionFields & { consultationId: string; submissionKey: string }) => Promise<ActionResult>;
      saveDraft: SaveDraft;
      discardDraft: (input: { consultationId: string }) => Promise<ActionResult>;
    }
  | { kind: "edit"; reference: string; version: number; update: (input: ContributionFields & { reference: string; version: number }) => Promise<ActionResult> };

type Props = {
  mode: ContributionFormMode;
  questions: FormQuestion[];
  defaultValues: ContributionFormInput;
  initialAttachments: UploadedAttachment[];
  draftSavedAt: Date | null;
  /** Deletes a file uploaded while the form is open. */
  deleteUpload: (input: { attachmentId: string }) => Promise<ActionResult>;
};

const FIELD_LINKS = {
  title: "#title",
  body: "#body",
  language: "#language",
  publication: "#publication-PUBLIC",
  attachmentIds: `#${ATTACHMENTS_INPUT_ID}`,
} as const;
const LINKED_FIELDS = Object.keys(FIELD_LINKS) as (keyof typeof FIELD_LINKS)[];

/** One random key per opened form: the server makes one contribution per key, however often it is sent. */
function newSubmissionKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // randomUUID needs a secure context; an intranet served over http has none.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const subscribeToNothing = () => () => {};
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

function message(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "message" in error && typeof error.message === "string" ? error.message : undefined;
}

function summaryItems(errors: FieldErrors<ContributionFormInput>, questions: FormQuestion[]): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = [];
  const add = (href: string, text: string | undefined) => {
    if (text) items.push({ href, message: text });
  };
  add(FIELD_LINKS.title, message(errors.title));
  add(FIELD_LINKS.body, message(errors.body));
  questions.forEach((question, index) => {
    const text = message(errors.answers?.[question.id]);
    if (text) add(`#${questionInputId(question)}`, `Question ${index + 1}: ${text}`);
  });
  add(FIELD_LINKS.language, message(errors.language));
  add(FIELD_LINKS.publication, message(errors.publication));
  add(FIELD_LINKS.attachmentIds, message(errors.attachmentIds) ?? message(errors.attachmentIds?.root));
  return items;
}

function DraftStatusText({ status }: { status: DraftStatus }) {
  // The time is the reader's own: rendered in the browser only, after hydration.
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  if (!status) return null;
  if (status.kind === "failed") return <span className="text-red-700">{status.message}</span>;
  if (status.kind === "discarded") return <>Draft discarded.</>;
  const at = hydrated ? ` at ${timeFormat.format(status.at)}` : "";
  return <>{status.restored ? `Your draft was restored (saved${at}).` : `Draft saved${at}`}</>;
}

/**
 * The contribution form, for a new contribution (saved as a draft as it is
 * typed) or for editing one that waits for moderation. It checks with the
 * same schema as the server; what only the server can check (is the
 * consultation still open, are the files still there) comes back as errors
 * on the same fields.
 */
export function ContributionForm({ mode, questions, defaultValues, initialAttachments, draftSavedAt, deleteUpload }: Props) {
  const schema = useMemo(() => buildContributionSchema(questions), [questions]);
  const form = useForm<ContributionFormInput, unknown, ContributionFields>({
    resolver: zodResolver(schema),
    defaultValues,
    // The error summary takes the focus instead (it links to each field).
    shouldFocusError: false,
  });
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    reset,
    subscribe,
    control,
    formState: { errors, isSubmitting, submitCount },
  } = form;

  const [submissionKey] = useState(newSubmissionKey);
  const [attachments, setAttachments] = useState(initialAttachments);
  const attachmentsRef = useRef(initialAttachments);
  const [uploading, setUploading] = useState(0);
  const [serverMessage, setServerMessage] = useState<string | null>(null);
  const [summaryShown, setSummaryShown] = useState(false);
  const [summaryFocus, setSummaryFocus] = useState(0);
  const [finishing, setFinishing] = useState(false);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusedSummary = useRef(0);
  const keepDraftRef = useRef<HTMLButtonElement>(null);
  const submitting = useRef(false);
  // Files already part of the contribution being edited are detached by
  // saving without them; only fresh uploads are deleted at once.
  const [linked] = useState(() => new Set(mode.kind === "edit" ? initialAttachments.map((attachment) => attachment.id) : []));

  const autosave = useDraftAutosave({ draft: mode.kind === "create" ? mode : null, getValues, savedAt: draftSavedAt });
  const { changed } = autosave;
  // A change to a named field (typing, a click, a file added) is worth
  // saving; the form's own start-up is not.
  useEffect(() => subscribe({ formState: { values: true }, callback: ({ name }) => name !== undefined && changed() }), [subscribe, changed]);
  useEffect(() => {
    if (confirmingDiscard) keepDraftRef.current?.focus();
  }, [confirmingDiscard]);

  const body = useWatch({ control, name: "body" }) ?? "";

  function showSummary() {
    setSummaryShown(true);
    setSummaryFocus((count) => count + 1);
  }

  function updateAttachments(update: (current: UploadedAttachment[]) => UploadedAttachment[]) {
    const next = update(attachmentsRef.current);
    attachmentsRef.current = next;
    setAttachments(next);
    setValue(
      "attachmentIds",
      next.map((attachment) => attachment.id),
      { shouldDirty: true, shouldValidate: submitCount > 0 },
    );
  }

  async function removeAttachment(attachment: UploadedAttachment) {
    updateAttachments((current) => current.filter((item) => item.id !== attachment.id));
    // A file that could not be deleted now is swept later with other unused uploads.
    if (!linked.has(attachment.id)) await deleteUpload({ attachmentId: attachment.id });
  }

  /** The field a server error key is about: any error on one of the files is the list's. */
  function fieldOf(key: string): Path<ContributionFormInput> | undefined {
    const name = key.startsWith("attachmentIds") ? "attachmentIds" : key;
    const question = questions.find((item) => `answers.${item.id}` === name);
    return question ? `answers.${question.id}` : LINKED_FIELDS.find((field) => field === name);
  }

  async function sendValid(values: ContributionFields) {
    if (submitting.current) return;
    submitting.current = true;
    try {
      await autosave.stop();
      setServerMessage(null);
      const result =
        mode.kind === "create"
          ? await mode.submit({ ...values, consultationId: mode.consultationId, submissionKey })
          : await mode.update({ ...values, reference: mode.reference, version: mode.version });
      // On success the action sends the browser to the receipt.
      if (result && !result.ok) {
        // The error summary takes the focus, not the first field.
        setServerMessage(applyServerErrors(result, setError, fieldOf, { focus: false }));
        showSummary();
        autosave.resume();
      } else {
        setFinishing(true);
      }
    } finally {
      submitting.current = false;
    }
  }

  async function discardDraft() {
    if (mode.kind !== "create") return;
    await autosave.stop();
    const result = await mode.discardDraft({ consultationId: mode.consultationId });
    setConfirmingDiscard(false);
    if (!result.ok) {
      setServerMessage(result.message);
      showSummary();
      autosave.resume();
      return;
    }
    reset(mode.blankValues);
    attachmentsRef.current = [];
    setAttachments([]);
    setSummaryShown(false);
    autosave.restart();
    document.getElementById("title")?.focus();
  }

  function sendInvalid() {
    setServerMessage(null);
    showSummary();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (uploading > 0) {
      event.preventDefault();
      setServerMessage("Please wait until your files have finished uploading, then submit again.");
      showSummary();
      return;
    }
    void handleSubmit(sendValid, sendInvalid)(event);
  }

  const items = summaryItems(errors, questions);
  const summaryVisible = summaryShown && (items.length > 0 || serverMessage !== null);
  // The field errors of a failed submit reach the form state a render after
  // the failure itself: focus the summary once it is there, once per failure.
  useEffect(() => {
    if (summaryVisible && summaryFocus > focusedSummary.current) {
      focusedSummary.current = summaryFocus;
      summaryRef.current?.focus();
    }
  }, [summaryVisible, summaryFocus]);
  const pending = isSubmitting || finishing;

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={onSubmit} onBlur={autosave.flush} className="space-y-8">
        {summaryVisible ? (
          <ErrorSummary ref={summaryRef} message={serverMessage ?? "Please correct the following and submit again."} items={items} />
        ) : null}

        <TextField
          id="title"
          label="Title"
          hint={`A short summary of your point, ${TITLE_MAX_LENGTH} characters at most.`}
          error={message(errors.title)}
          required
          autoComplete="off"
          maxLength={TITLE_MAX_LENGTH * 2}
          {...register("title")}
        />

        <Field
          id="body"
          label="Your contribution"
          hint={
            <>
              Plain text, or Markdown for headings, lists and links. Between {BODY_MIN_LENGTH} and {new Intl.NumberFormat("en-GB").format(BODY_MAX_LENGTH)} characters;
              attach a longer text as a file.
            </>
          }
          describedBy="body-count"
          error={message(errors.body)}
          required
        >
          {(control) => (
            <>
              <textarea {...control} rows={12} className={controlClass} {...register("body")} />
              <CharacterCount id="body-count" count={countCharacters(body)} max={BODY_MAX_LENGTH} />
            </>
          )}
        </Field>

        {questions.length > 0 ? (
          <section aria-labelledby="questions-heading" className="space-y-6">
            <h2 id="questions-heading" className="text-xl font-bold">
              Questions
            </h2>
            {questions.map((question, index) => (
              <QuestionField key={question.id} question={question} number={index + 1} />
            ))}
          </section>
        ) : null}

        <section aria-labelledby="about-heading" className="space-y-6">
          <h2 id="about-heading" className="text-xl font-bold">
            Language, publication and files
          </h2>
          <SelectField
            id="language"
            label="Language of your contribution"
            hint="The language you wrote in: it lets readers and the search find your contribution."
            options={languageOptions}
            error={message(errors.language)}
            required
            {...register("language")}
          />

          <ChoiceGroupField
            id="publication"
            legend="How should your contribution be published once approved?"
            hint="Your e-mail address is never published. The choice in your profile is selected to start with."
            choices={publicationOptions}
            error={message(errors.publication)}
            {...register("publication")}
          />

          <AttachmentsField
            attachments={attachments}
            onUploaded={(attachment) => updateAttachments((current) => [...current, attachment])}
            onRemove={removeAttachment}
            error={message(errors.attachmentIds) ?? message(errors.attachmentIds?.root)}
            disabled={pending}
            uploading={uploading}
            setUploading={setUploading}
          />
        </section>

        <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-6">
          <SubmitButton pending={pending} pendingLabel={mode.kind === "create" ? "Submitting…" : "Saving…"}>
            {mode.kind === "create" ? "Submit contribution" : "Save changes"}
          </SubmitButton>
          {mode.kind === "create" ? (
            <p id="draft-status" role="status" className="text-sm text-slate-700">
              <DraftStatusText status={autosave.status} />
            </p>
          ) : null}
        </div>
        {mode.kind === "create" && autosave.status?.kind === "saved" ? (
          confirmingDiscard ? (
            <div role="group" aria-labelledby="discard-question" className="rounded-md border border-slate-300 bg-slate-50 p-4">
              <p id="discard-question" className="font-medium">
                Discard this draft and the files uploaded with it? This cannot be undone.
              </p>
              <div className="mt-3 flex flex-wrap gap-3">
                <button type="button" ref={keepDraftRef} onClick={() => setConfirmingDiscard(false)} className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium hover:bg-slate-100">
                  Keep the draft
                </button>
                <button type="button" onClick={discardDraft} className="rounded-md border border-red-700 bg-white px-4 py-2 font-medium text-red-800 hover:bg-red-50">
                  Discard it
                </button>
              </div>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirmingDiscard(true)} disabled={pending} className="text-sm font-medium text-red-800 underline">
              Discard draft and start again
            </button>
          )
        ) : null}
      </form>
    </FormProvider>
  );
}
