import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import {
  countFinishedAttachmentText,
  enqueueAttachmentTextBackfill,
  runAttachmentTextJobs,
  summariseAttachmentText,
} from "@/lib/attachments/text/backfill-attachment-text";
import { progressReporter } from "./progress-reporter";

// npm run attachments:extract [-- --force] — reads the text of stored
// attachments through the job queue (docs/decisions/0012-attachment-text.md),
// with a progress bar, and prints how the readings ended.

const HELP = `Usage: npm run attachments:extract [-- --force]

Reads the text of every attachment that has none yet (not read, or stopped by
the time limit), page by page, and prints a summary by outcome. With --force,
reads every attachment again. The work goes through the background job queue:
a worker running at the same time (npm run worker, on PostgreSQL) shares it.
With the embedded database, stop the app server first: the database belongs
to one process.

Options:
  --force   read every attachment again
  --help    show this help`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { force: { type: "boolean" }, help: { type: "boolean", short: "h" } }, strict: true });
  if (values.help) {
    console.log(HELP);
    return;
  }
  getEnv();
  const ids = await enqueueAttachmentTextBackfill({ force: values.force === true });
  if (ids.length === 0) {
    console.log("Every attachment's text has been read already (use --force to read them all again).");
    return;
  }
  console.log(`Reading the text of ${ids.length} attachment${ids.length === 1 ? "" : "s"}${values.force ? " (all of them, again)" : ""}:`);

  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort());
  const progress = progressReporter(ids.length, "attachments");
  let failures = 0;
  for (;;) {
    const report = await runAttachmentTextJobs(controller.signal);
    failures += report.failed;
    const finished = await countFinishedAttachmentText(ids);
    progress.update(finished);
    if (finished >= ids.length || controller.signal.aborted) break;
    // Nothing due here: the rest is being read by another worker, or waits for a retry.
    if (report.done + report.retrying + report.failed === 0) await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  progress.stop();

  console.log(controller.signal.aborted ? "Stopped; what was not read stays queued for the worker." : "Done.");
  for (const { status, count } of await summariseAttachmentText(ids)) console.log(`  ${status.padEnd(12)} ${count}`);
  if (failures > 0) console.log(`${failures} reading job${failures === 1 ? "" : "s"} failed for good: see Moderation › Background jobs.`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error && error.name === "TypeError" && "code" in error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
