import { StatusBadge } from "@/components/consultations/status-badge";
import type { DownloadableConsultation } from "@/lib/open-data/find-downloadable-consultations";

const cell = "border-b border-slate-200 px-3 py-2 align-top";
const numberFormat = new Intl.NumberFormat("en-GB");
const COLUMNS = [
  { label: "Consultation", className: "" },
  { label: "Status", className: "" },
  { label: "Approved contributions", className: "text-right" },
  { label: "Download the contributions", className: "" },
  { label: "Download the latest summary", className: "" },
];

/** The consultations of the open data, each with its downloads (links on the site, relative to it). */
export function DownloadTable({ consultations }: { consultations: DownloadableConsultation[] }) {
  if (consultations.length === 0) return <p className="mt-3">No consultation has been published yet.</p>;
  return (
    <table className="mt-3 w-full border-collapse text-left text-sm">
      <caption className="mb-2 text-left text-slate-700">Approved contributions and latest published summary of each consultation</caption>
      <thead>
        <tr className="bg-slate-50">
          {COLUMNS.map((column) => (
            <th key={column.label} scope="col" className={`${cell} ${column.className}`}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {consultations.map((consultation) => {
          const base = `/api/v1/consultations/${consultation.slug}`;
          return (
            <tr key={consultation.slug}>
              <th scope="row" className={`${cell} font-normal`}>
                <a href={`/consultations/${consultation.slug}`}>{consultation.title}</a>
              </th>
              <td className={cell}>
                <StatusBadge status={consultation.status} />
              </td>
              <td className={`${cell} text-right tabular-nums`}>{numberFormat.format(consultation.approvedContributions)}</td>
              <td className={`${cell} whitespace-nowrap`}>
                <a href={`${base}/contributions.csv`}>
                  CSV<span className="sr-only"> of the contributions to “{consultation.title}”</span>
                </a>
                {" · "}
                <a href={`${base}/contributions.json`}>
                  JSON<span className="sr-only"> of the contributions to “{consultation.title}”</span>
                </a>
              </td>
              <td className={cell}>
                {consultation.latestSummaryVersion === null ? (
                  <span className="text-slate-700">None yet</span>
                ) : (
                  <>
                    Version {consultation.latestSummaryVersion}:{" "}
                    <a href={`${base}/summaries/latest.csv`}>
                      CSV<span className="sr-only"> of the latest summary of “{consultation.title}”</span>
                    </a>
                    {" · "}
                    <a href={`${base}/summaries/latest.json`}>
                      JSON<span className="sr-only"> of the latest summary of “{consultation.title}”</span>
                    </a>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
