import { ACCEPTED_MEDIA_TYPES, type AcceptedMediaType } from "@/lib/attachments/rules";

// A file name comes from the uploader's computer and is shown to other
// people and sent back in a download header: keep what is readable, drop
// what could mislead (control and bidirectional-override characters that
// make "report‮fdp.exe" look like a PDF), and make the extension say what
// the bytes are.

const MAX_BASE_LENGTH = 150;
// C0 and C1 controls, bidi embeddings, overrides and isolates, zero-width and BOM.
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const KNOWN_EXTENSION = /\.(pdf|odt|docx)$/i;

export function cleanFileName(raw: string, mediaType: AcceptedMediaType): string {
  const lastSegment = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = lastSegment.normalize("NFC").replace(HIDDEN, "").replace(/\s+/g, " ").trim();
  let base = cleaned.replace(KNOWN_EXTENSION, "").replace(/^\.+/, "").trim();
  base = Array.from(base).slice(0, MAX_BASE_LENGTH).join("").trim();
  return `${base || "attachment"}.${ACCEPTED_MEDIA_TYPES[mediaType].extension}`;
}

/** RFC 6266 header for a download: an ASCII fallback name and the exact name in UTF-8 (RFC 8187). */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
