import type { TextStatus } from "@/lib/generated/prisma/enums";
import { ACCEPTED_MEDIA_TYPES, isAcceptedMediaType } from "@/lib/attachments/rules";

// What the extraction child reports (extract-child.mjs), and the words a
// moderator reads for it. Pure: unit-tested on its own.

export type ReaderResult = {
  status: Exclude<TextStatus, "PENDING" | "TIMED_OUT">;
  pages: { pageNumber: number; text: string }[];
  pageCount: number | null;
  pagesRead?: number;
  /** Which limit cut the text: a page's, or the file's. */
  cuts?: { page: boolean; total: boolean };
  hasJavaScript?: boolean;
  /** Technical: the reader's exception, or which zip limit was hit ("zip-ratio:1021"). */
  detail?: string;
  maxRssKb?: number;
};

type Limits = { maxPages: number; maxChars: number; maxPageChars: number; maxZipBytes: number; maxZipEntries: number; maxZipRatio: number };

const number = (value: number) => new Intl.NumberFormat("en-GB").format(value);
const megabytes = (bytes: number) => `${number(Math.round(bytes / (1024 * 1024)))} MB`;

function formatName(mediaType: string): string {
  return isAcceptedMediaType(mediaType) ? ACCEPTED_MEDIA_TYPES[mediaType].label : mediaType;
}

function tooLargeMessage(detail: string | undefined, limits: Limits): string {
  const [kind, value] = (detail ?? "").split(":");
  const amount = Number(value);
  switch (kind) {
    case "zip-bytes":
      return `The file unpacks to ${megabytes(amount)}, more than the ${megabytes(limits.maxZipBytes)} allowed: it was not opened (it may be a zip bomb).`;
    case "zip-ratio":
      return `Part of the file is compressed ${number(amount)} times, more than the ${number(limits.maxZipRatio)} allowed: it was not opened (it may be a zip bomb).`;
    case "zip-entries":
      return `The file holds ${number(amount)} parts, more than the ${number(limits.maxZipEntries)} allowed: it was not opened.`;
    default:
      return "The file is too large to read.";
  }
}

/** The moderator's message for a reader's result, and whether what is stored is less than the file holds. */
export function describeOutcome(result: ReaderResult, mediaType: string, limits: Limits): { message: string | null; truncated: boolean } {
  const format = formatName(mediaType);
  switch (result.status) {
    case "NO_TEXT": {
      const pages = result.pageCount ? ` (${result.pageCount === 1 ? "1 page" : `${number(result.pageCount)} pages`})` : "";
      return {
        message:
          mediaType === "application/pdf"
            ? `No text layer: this looks like a scanned document${pages}. Read it in the file itself.`
            : `The ${format} document holds no text.`,
        truncated: false,
      };
    }
    case "ENCRYPTED":
      return { message: "The file is encrypted (password-protected): its text cannot be read.", truncated: false };
    case "DAMAGED":
      return { message: `The file is damaged or not a valid ${format}${mediaType === "application/pdf" ? "" : " document"}: its text cannot be read.`, truncated: false };
    case "TOO_LARGE":
      return { message: tooLargeMessage(result.detail, limits), truncated: false };
    case "UNSUPPORTED":
      return { message: `Text is read from PDF, DOCX and ODT files only; this file is ${result.detail ?? mediaType}.`, truncated: false };
    case "EXTRACTED": {
      const notes: string[] = [];
      const pagesCut = result.pageCount !== null && result.pagesRead !== undefined && result.pagesRead < result.pageCount;
      if (pagesCut && result.pagesRead === limits.maxPages) {
        notes.push(`Only the first ${number(limits.maxPages)} of ${number(result.pageCount ?? 0)} pages were read.`);
      } else if (pagesCut || result.cuts?.total) {
        notes.push(`The text was cut at ${number(limits.maxChars)} characters${pagesCut ? `, after page ${number(result.pagesRead ?? 0)} of ${number(result.pageCount ?? 0)}` : ""}.`);
      }
      if (result.cuts?.page) notes.push(`A page longer than ${number(limits.maxPageChars)} characters was cut at that length.`);
      if (result.hasJavaScript) notes.push("The file contains JavaScript, which was not run.");
      return { message: notes.length > 0 ? notes.join(" ") : null, truncated: pagesCut || Boolean(result.cuts?.total || result.cuts?.page) };
    }
  }
}
