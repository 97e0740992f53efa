import { DataTable, tableCell } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/format";
import type { JobCounts, JobSummary } from "@/lib/jobs/get-job-overview";

// The background jobs page (app/moderation/jobs): counts by kind and
// status, and the running, retrying and failed jobs.

const count = (value: number) => new Intl.NumberFormat("en-GB").format(value);
const figureCell = `${tableCell} text-right tabular-nums`;

export function JobCountsTable({ counts }: { counts: JobCounts[] }) {
  if (counts.length === 0) return <p className="mt-3 text-slate-700">No background job has been queued yet.</p>;
  return (
    <DataTable
      caption="Background jobs by kind and status."
      columns={["Kind", "Waiting", "Running", "Done", "Failed"]}
      headerClassName={(index) => (index === 0 ? tableCell : figureCell)}
    >
      {counts.map((row) => (
        <tr key={row.kind}>
          <th scope="row" className={`${tableCell} font-medium`}>
            {row.label}
          </th>
          <td className={figureCell}>{count(row.PENDING)}</td>
          <td className={figureCell}>{count(row.RUNNING)}</td>
          <td className={figureCell}>{count(row.DONE)}</td>
          <td className={figureCell}>{count(row.FAILED)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function Subject({ job }: { job: JobSummary }) {
  return (
    <th scope="row" className={`${tableCell} font-medium`}>
      {job.label}
      {job.subject ? <span className="block font-normal break-words text-slate-700">{job.subject}</span> : null}
    </th>
  );
}

export function RunningJobsTable({ jobs }: { jobs: JobSummary[] }) {
  if (jobs.length === 0) return <p className="mt-3 text-slate-700">No job is running.</p>;
  return (
    <DataTable caption="Jobs running now, most recently active first." columns={["Job", "Progress", "Attempt", "Last activity"]}>
      {jobs.map((job) => {
        const progressId = `job-progress-${job.id}`;
        return (
          <tr key={job.id}>
            <Subject job={job} />
            <td className={tableCell}>
              {job.progressTotal ? (
                <>
                  <label htmlFor={progressId} className="block text-sm">
                    {count(job.progressDone)} of {count(job.progressTotal)}
                  </label>
                  <progress id={progressId} max={job.progressTotal} value={Math.min(job.progressDone, job.progressTotal)}>
                    {count(job.progressDone)} of {count(job.progressTotal)}
                  </progress>
                </>
              ) : (
                "Starting"
              )}
            </td>
            <td className={tableCell}>
              {job.attempts} of {job.maxAttempts}
            </td>
            <td className={tableCell}>
              <time dateTime={job.updatedAt.toISOString()}>{formatDateTime(job.updatedAt)}</time>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

export function RetryingJobsTable({ jobs }: { jobs: JobSummary[] }) {
  if (jobs.length === 0) return <p className="mt-3 text-slate-700">No job is waiting for another attempt.</p>;
  return (
    <DataTable caption="Jobs whose last attempt failed, next attempt soonest first." columns={["Job", "Attempts so far", "Next attempt", "Last error"]}>
      {jobs.map((job) => (
        <tr key={job.id}>
          <Subject job={job} />
          <td className={tableCell}>
            {job.attempts} of {job.maxAttempts}
          </td>
          <td className={tableCell}>
            <time dateTime={job.runAfter.toISOString()}>{formatDateTime(job.runAfter)}</time>
          </td>
          <td className={`${tableCell} break-words`}>{job.lastError ?? "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function FailedJobsTable({ jobs }: { jobs: JobSummary[] }) {
  if (jobs.length === 0) return <p className="mt-3 text-slate-700">No job has failed.</p>;
  return (
    <DataTable caption="Jobs that failed after their last attempt, most recent first." columns={["Job", "Attempts", "Failed", "Last error"]}>
      {jobs.map((job) => (
        <tr key={job.id}>
          <Subject job={job} />
          <td className={tableCell}>{job.attempts}</td>
          <td className={tableCell}>{job.finishedAt ? <time dateTime={job.finishedAt.toISOString()}>{formatDateTime(job.finishedAt)}</time> : "—"}</td>
          <td className={`${tableCell} break-words`}>{job.lastError ?? "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
