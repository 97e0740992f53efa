// Isomorphic: the form checks a file's size before uploading it, and the
// server enforces the same limits (the server alone decides a file's type,
// from its bytes).

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 3;

export const ACCEPTED_MEDIA_TYPES = {
  "application/pdf": { label: "PDF", extension: "pdf" },
  "application/vnd.oasis.opendocument.text": { label: "ODT", extension: "odt" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { label: "DOCX", extension: "docx" },
} as const;

export type AcceptedMediaType = keyof typeof ACCEPTED_MEDIA_TYPES;

export function isAcceptedMediaType(mediaType: string): mediaType is AcceptedMediaType {
  return Object.hasOwn(ACCEPTED_MEDIA_TYPES, mediaType);
}

/** For the file input: lets the browser's picker offer the right files (a hint, not a check). */
export const ACCEPT_ATTRIBUTE = [
  ...Object.values(ACCEPTED_MEDIA_TYPES).map((type) => `.${type.extension}`),
  ...Object.keys(ACCEPTED_MEDIA_TYPES),
].join(",");

export type UploadedAttachment = { id: string; fileName: string; size: number; mediaType: string };

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const attachmentMessages = {
  tooLarge: (fileName: string | null) => `${fileName ? `“${fileName}”` : "This file"} is larger than 10 MB. Please attach a smaller file.`,
  wrongType: (fileName: string) => `“${fileName}” is not a PDF, ODT or DOCX file. Only these formats can be attached.`,
  empty: (fileName: string) => `“${fileName}” is empty.`,
  tooMany: `You can attach at most ${MAX_ATTACHMENTS} files.`,
  noFile: "Please choose a file to attach.",
  unavailable: "One of the attached files is no longer available. Please remove it and upload it again.",
} as const;
