import type { z } from "zod";

// The contract between the job runner (run-due-jobs.ts) and the code that
// does one kind of work. A handler registers under its kind in
// lib/worker/job-handlers.ts (the worker imports every domain; no domain
// imports the registry, so lib/jobs stays free of cycles).

export type JobContext<Payload> = {
  id: string;
  payload: Payload;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the worker stops: give up the work if you can, it is run again later. */
  signal: AbortSignal;
  /** Shown to moderators and admins; also renews the job's lease. */
  reportProgress(done: number, total: number | null): Promise<void>;
};

export type JobHandler = {
  run(context: JobContext<unknown>): Promise<void>;
};

/**
 * A failure that another attempt cannot mend (a payload that does not parse,
 * a record that is gone for good): the job is FAILED at once.
 */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

/** A handler whose payload is checked with `schema` before `run` sees it; a payload that does not parse fails the job at once. */
export function defineJobHandler<Schema extends z.ZodType>(schema: Schema, run: (context: JobContext<z.output<Schema>>) => Promise<void>): JobHandler {
  return {
    run(context) {
      const parsed = schema.safeParse(context.payload);
      if (!parsed.success) throw new PermanentJobError(`The job's payload is not valid: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
      return run({ ...context, payload: parsed.data });
    },
  };
}
