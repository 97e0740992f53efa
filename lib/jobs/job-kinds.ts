// Isomorphic: the names moderators and admins read for each kind of job
// (the handlers are registered in lib/worker/job-handlers.ts).

const JOB_KIND_LABELS: Record<string, string> = {
  "attachment-text": "Reading attachment text",
  "summary-themes": "Finding the themes of a summary",
};

export function jobKindLabel(kind: string): string {
  return JOB_KIND_LABELS[kind] ?? kind;
}
