import { ACCEPTED_MEDIA_TYPES, formatFileSize, isAcceptedMediaType } from "@/lib/attachments/rules";
import type { ContributionAttachment } from "@/lib/contributions/get-contribution";

/** Files are served only through /api/attachments/<id>, which checks who may read them. */
export function AttachmentList({ attachments }: { attachments: ContributionAttachment[] }) {
  return (
    <ul className="mt-3 space-y-2">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <a href={`/api/attachments/${attachment.id}`}>{attachment.fileName}</a>{" "}
          <span className="text-sm text-slate-700">
            ({isAcceptedMediaType(attachment.mediaType) ? ACCEPTED_MEDIA_TYPES[attachment.mediaType].label : attachment.mediaType},{" "}
            {formatFileSize(attachment.size)})
          </span>
        </li>
      ))}
    </ul>
  );
}
