import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { commitToStore, newTempPath } from "@/lib/attachments/storage";
import { attachmentTextJobKey, enqueueAttachmentText } from "@/lib/attachments/text/attachment-text-job";
import { runDueJobs } from "@/lib/jobs/run-due-jobs";
import { jobHandlers } from "@/lib/worker/job-handlers";
import { DOCUMENT_TYPES, manyPagePdf } from "@/scripts/make-document-fixtures";
import { createTestUser } from "../helpers/factories";

// `npm run worker` as a real process (PostgreSQL only: PGlite belongs to one
// process), SIGKILLed with everything it started while it reads a long PDF:
// the job stays RUNNING under its lease, nobody takes it before the lease
// runs out, and then it is resumed and finished.

const isPostgresRun = inject("dbTemplate").kind === "postgres";

let uploaderId: string;
beforeAll(async () => {
  uploaderId = (await createTestUser()).id;
});

const groups: number[] = [];
afterEach(() => {
  for (const group of groups.splice(0)) {
    try {
      process.kill(-group, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
});

describe.runIf(isPostgresRun)("a worker killed while it reads an attachment", () => {
  it("leaves the job to be resumed once its lease runs out, and the resumed job records the text", { timeout: 180_000 }, async () => {
    const bytes = await manyPagePdf(3_000);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const temp = await newTempPath();
    fs.writeFileSync(temp, bytes);
    const storageKey = await commitToStore(temp, sha256);
    const { id } = await db.attachment.create({
      data: { uploaderId, fileName: "annex.pdf", mediaType: DOCUMENT_TYPES.pdf, size: bytes.length, sha256, storageKey },
      select: { id: true },
    });
    await enqueueAttachmentText(id);
    const key = attachmentTextJobKey(id);

    // Its own process group, so that SIGKILL reaches tsx, the worker and the reader it forked.
    const worker = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/worker.ts"], {
      env: { ...process.env, DATA_DIR: getEnv().dataDir, WORKER_POLL_MS: "100" },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const group = worker.pid ?? 0;
    groups.push(group);
    let output = "";
    worker.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => worker.once("exit", resolve));

    // Killed once it has read some pages.
    await vi.waitFor(async () => expect((await db.job.findUniqueOrThrow({ where: { dedupeKey: key } })).progressDone, output).toBeGreaterThan(0), {
      timeout: 60_000,
      interval: 100,
    });
    process.kill(-group, "SIGKILL");
    await exited;
    await vi.waitFor(() => expect(() => process.kill(-group, 0)).toThrow(expect.objectContaining({ code: "ESRCH" })), { timeout: 10_000 });

    const running = await db.job.findUniqueOrThrow({ where: { dedupeKey: key } });
    expect(running).toMatchObject({ status: "RUNNING", attempts: 1 });
    expect((await db.attachment.findUniqueOrThrow({ where: { id } })).textStatus).toBe("PENDING");

    // A runner now leaves it alone: the lease holds.
    expect(await runDueJobs({ handlers: jobHandlers })).toMatchObject({ done: 0 });
    // Once the lease has run out, the next runner resumes it.
    const afterLease = new Date((running.leasedUntil ?? new Date()).getTime() + 1_000);
    expect(await runDueJobs({ handlers: jobHandlers, now: () => afterLease })).toMatchObject({ done: 1, failed: 0 });
    expect(await db.job.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ status: "DONE", attempts: 2 });
    expect(await db.attachment.findUniqueOrThrow({ where: { id } })).toMatchObject({ textStatus: "EXTRACTED", pageCount: 3_000 });
    expect(await db.attachmentPage.count({ where: { attachmentId: id } })).toBe(2_000);
  });
});
