import type { AttachmentText } from "@/lib/attachments/text/find-attachment-texts";
import type { TextStatus } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/format";
import { isLanguageCode, languageName } from "@/lib/vocabulary/languages";

// The text read from a contribution's files, for moderators: what came of
// each reading, then the text page by page. The text is a file's, written
// by anyone: it is shown as text (React escapes it), never as HTML.

const STATUS_LABELS: Record<TextStatus, string> = {
  PENDING: "Not read yet",
  EXTRACTED: "Text read",
  NO_TEXT: "No text (scanned?)",
  ENCRYPTED: "Encrypted",
  DAMAGED: "Damaged",
  TOO_LARGE: "Too large",
  TIMED_OUT: "Took too long",
  UNSUPPORTED: "Not a supported format",
};

/** Text longer than this is shown folded, to be opened. */
const OPEN_UP_TO_CHARS = 6_000;

const count = (value: number) => new Intl.NumberFormat("en-GB").format(value);
const languageLabel = (code: string | null) => (code && isLanguageCode(code) ? languageName(code) : null);

function pendingLine(attachment: AttachmentText): string {
  const { job } = attachment;
  if (!job) return "Waiting for the background worker to read it.";
  if (job.status === "FAILED") return `The worker could not read it${job.lastError ? `: ${job.lastError}` : "."}`;
  if (job.status === "RUNNING") return "Being read now.";
  return job.attempts > 0 ? "Waiting for another try by the background worker." : "Waiting for the background worker to read it.";
}

function Facts({ attachment }: { attachment: AttachmentText }) {
  const facts: string[] = [];
  if (attachment.pageCount !== null) facts.push(attachment.pageCount === 1 ? "1 page" : `${count(attachment.pageCount)} pages`);
  if (attachment.textChars) facts.push(`${count(attachment.textChars)} characters`);
  const detected = languageLabel(attachment.detectedLanguage);
  if (detected) facts.push(`language ${attachment.languageConfident ? "detected" : "guessed"}: ${detected}`);
  return facts.length > 0 ? <p className="text-sm text-slate-700">{facts.join(" · ")}</p> : null;
}

function Pages({ attachment, headingId }: { attachment: AttachmentText; headingId: string }) {
  const shownChars = attachment.pages.reduce((sum, page) => sum + page.text.length, 0);
  const hidden = attachment.storedPages - attachment.pages.length;
  const pages = (
    <ol aria-labelledby={headingId} className="mt-3 space-y-4">
      {attachment.pages.map((page) => (
        <li key={page.pageNumber} className="rounded-md border border-slate-200 p-3">
          <p className="text-sm font-semibold text-slate-700">Page {page.pageNumber}</p>
          <div lang={page.language === "und" ? undefined : page.language} className="mt-1 whitespace-pre-wrap break-words font-mono text-sm">
            {page.text}
          </div>
        </li>
      ))}
    </ol>
  );
  return (
    <>
      {shownChars > OPEN_UP_TO_CHARS ? (
        <details className="mt-3">
          <summary className="cursor-pointer font-medium text-brand-700">
            Show the text ({attachment.pages.length === 1 ? "1 page" : `${count(attachment.pages.length)} pages`}, {count(shownChars)} characters)
          </summary>
          {pages}
        </details>
      ) : (
        pages
      )}
      {hidden > 0 ? (
        <p className="mt-2 text-sm text-slate-700">
          {count(hidden)} more {hidden === 1 ? "page is" : "pages are"} not shown here: open the file to read {hidden === 1 ? "it" : "them"}.
        </p>
      ) : null}
    </>
  );
}

/** Moderators' view of the text of a contribution's attachments. */
export function AttachmentTextList({ attachments }: { attachments: AttachmentText[] }) {
  if (attachments.length === 0) return <p className="mt-3 text-slate-700">This contribution has no attachments.</p>;
  return (
    <ul className="mt-4 space-y-6">
      {attachments.map((attachment) => {
        const headingId = `attachment-text-${attachment.id}`;
        return (
          <li key={attachment.id} className="space-y-1">
            <h3 id={headingId} className="text-lg font-semibold break-words">
              {attachment.fileName}
            </h3>
            <p>
              <span className="font-medium">{STATUS_LABELS[attachment.textStatus]}</span>
              {attachment.textExtractedAt ? (
                <span className="text-sm text-slate-700">
                  {" "}
                  on <time dateTime={attachment.textExtractedAt.toISOString()}>{formatDateTime(attachment.textExtractedAt)}</time>
                </span>
              ) : null}
            </p>
            {attachment.textStatus === "PENDING" ? (
              <p className="text-slate-700">
                {pendingLine(attachment)}
                {attachment.job?.status === "RUNNING" && attachment.job.progressTotal ? (
                  <>
                    {" "}
                    <label htmlFor={`${headingId}-progress`}>Pages read</label>{" "}
                    <progress id={`${headingId}-progress`} max={attachment.job.progressTotal} value={attachment.job.progressDone}>
                      {attachment.job.progressDone} of {attachment.job.progressTotal}
                    </progress>
                  </>
                ) : null}
              </p>
            ) : null}
            {attachment.textMessage ? (
              <p role="note" className={`rounded-md border p-3 ${attachment.textStatus === "EXTRACTED" ? "border-slate-300 bg-slate-50" : "border-amber-400 bg-amber-50 text-amber-900"}`}>
                {attachment.textMessage}
              </p>
            ) : null}
            <Facts attachment={attachment} />
            {attachment.pages.length > 0 ? <Pages attachment={attachment} headingId={headingId} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
