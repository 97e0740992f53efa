"use client";

import { useRef, useState, type ChangeEvent, type Dispatch, type SetStateAction } from "react";
import { FieldError } from "@/components/ui/form/field";
import {
  ACCEPT_ATTRIBUTE,
  ACCEPTED_MEDIA_TYPES,
  attachmentMessages,
  formatFileSize,
  isAcceptedMediaType,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  type UploadedAttachment,
} from "@/lib/attachments/rules";

export const ATTACHMENTS_INPUT_ID = "attachments";

type Props = {
  attachments: UploadedAttachment[];
  onUploaded: (attachment: UploadedAttachment) => void;
  onRemove: (attachment: UploadedAttachment) => Promise<void>;
  /** An error about the list as a whole, from the form's validation. */
  error: string | undefined;
  disabled: boolean;
  /** Files being uploaded now; the form waits for them before it is sent. */
  uploading: number;
  setUploading: Dispatch<SetStateAction<number>>;
};

type UploadError = { code?: string; message?: string };

async function upload(file: File): Promise<UploadedAttachment> {
  const body = new FormData();
  body.append("file", file);
  let response: Response;
  try {
    response = await fetch("/api/attachments", { method: "POST", body });
  } catch {
    throw new Error(`“${file.name}” could not be uploaded: the connection failed. Please try again.`);
  }
  const payload = (await response.json().catch(() => null)) as (UploadedAttachment & { error?: UploadError }) | null;
  if (response.ok && payload?.id) return payload;
  if (response.status === 413) throw new Error(attachmentMessages.tooLarge(file.name));
  throw new Error(payload?.error?.message ?? `“${file.name}” could not be uploaded. Please try again.`);
}

/**
 * Up to three files, uploaded as soon as they are chosen (the server checks
 * each one's type from its bytes and keeps it private until the contribution
 * is published), listed with a remove button each.
 */
export function AttachmentsField({ attachments, onUploaded, onRemove, error, disabled, uploading, setUploading }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState("");
  const slotsLeft = MAX_ATTACHMENTS - attachments.length - uploading;
  const messages = [...problems, ...(error ? [error] : [])];
  const errorText = messages.length > 0 ? messages.join(" ") : undefined;

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.target.files ?? []);
    // The same file can be chosen again after a failure.
    event.target.value = "";
    if (files.length === 0) return;
    const found: string[] = [];
    const accepted = files.slice(0, Math.max(0, slotsLeft));
    if (files.length > accepted.length) found.push(attachmentMessages.tooMany);
    const toUpload = accepted.filter((file) => {
      // The server refuses these too; checking here spares sending 10 MB for nothing.
      if (file.size > MAX_ATTACHMENT_BYTES) found.push(attachmentMessages.tooLarge(file.name));
      else if (file.size === 0) found.push(attachmentMessages.empty(file.name));
      else return true;
      return false;
    });
    setProblems(found);
    if (toUpload.length === 0) return;
    setUploading((count) => count + toUpload.length);
    setStatus(`Uploading ${toUpload.map((file) => file.name).join(", ")}…`);
    const done: string[] = [];
    for (const file of toUpload) {
      try {
        const attachment = await upload(file);
        onUploaded(attachment);
        done.push(`${attachment.fileName} attached.`);
      } catch (problem) {
        found.push(problem instanceof Error ? problem.message : String(problem));
        setProblems([...found]);
      } finally {
        setUploading((count) => count - 1);
      }
    }
    setStatus(done.join(" "));
  }

  async function remove(attachment: UploadedAttachment) {
    await onRemove(attachment);
    setProblems([]);
    setStatus(`${attachment.fileName} removed.`);
    input.current?.focus();
  }

  const full = slotsLeft <= 0;
  const describedBy = ["attachments-hint", errorText ? "attachments-error" : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={ATTACHMENTS_INPUT_ID} className="block font-medium text-slate-900">
        Attachments <span className="font-normal text-slate-700">(optional)</span>
      </label>
      <p id="attachments-hint" className="mt-1 text-sm text-slate-700">
        Up to {MAX_ATTACHMENTS} files in PDF, ODT or DOCX format, 10 MB each.{" "}
        {full ? "You have attached the most files a contribution can have: remove one to attach another." : null}
      </p>
      <input
        ref={input}
        id={ATTACHMENTS_INPUT_ID}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        disabled={disabled || full}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={describedBy}
        onChange={choose}
        className="mt-2 block w-full text-sm file:mr-4 file:rounded-md file:border file:border-slate-400 file:bg-white file:px-4 file:py-2 file:font-medium file:text-slate-900 hover:file:bg-slate-100"
      />
      <FieldError id="attachments" message={errorText} />
      <p role="status" className="mt-1 text-sm text-slate-700">
        {status}
      </p>
      {attachments.length > 0 ? (
        <ul aria-label="Attached files" className="mt-2 space-y-2">
          {attachments.map((attachment) => (
            <li key={attachment.id} className="flex flex-wrap items-center gap-3 rounded-md border border-slate-300 bg-white px-3 py-2">
              <span className="font-medium">{attachment.fileName}</span>
              <span className="text-sm text-slate-700">
                {isAcceptedMediaType(attachment.mediaType) ? ACCEPTED_MEDIA_TYPES[attachment.mediaType].label : attachment.mediaType}, {formatFileSize(attachment.size)}
              </span>
              <button
                type="button"
                onClick={() => remove(attachment)}
                disabled={disabled}
                className="ml-auto rounded-md border border-slate-400 px-3 py-1 text-sm font-medium hover:bg-slate-100"
              >
                Remove<span className="sr-only"> {attachment.fileName}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
