import "server-only";
import { fork } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TextStatus } from "@/lib/generated/prisma/enums";
import { describeOutcome, type ReaderResult } from "@/lib/attachments/text/outcome-messages";

// Reads the text of one file in a child process of its own
// (extract-child.mjs), so that a hostile or huge file costs at most the
// child: a heap limit (--max-old-space-size), a watch on its resident memory,
// and a wall-clock timeout after which it is killed. Whatever the child does
// (throws, runs out of memory, crashes, hangs), this function returns an
// outcome with a message for moderators; it throws only when the child
// cannot be started at all. docs/decisions/0012-attachment-text.md.

export type ExtractionLimits = {
  /** Wall-clock time for one file; then the child is killed (TIMED_OUT). */
  timeoutMs: number;
  /** The child's V8 heap (--max-old-space-size). */
  maxHeapMb: number;
  /** The child's resident memory, watched from here (buffers live outside the heap). */
  maxRssMb: number;
  /** Pages read at most; a longer document is read up to here and marked truncated. */
  maxPages: number;
  /** Characters kept per file. */
  maxChars: number;
  /** Characters kept per page (a 10 MB line does not make a 10 MB row). */
  maxPageChars: number;
  /** DOCX and ODT have no pages: paragraphs are gathered into pages of about this many characters. */
  officePageChars: number;
  /** A DOCX or ODT package may declare this many uncompressed bytes in all. */
  maxZipBytes: number;
  maxZipEntries: number;
  /** An entry above minBombBytes may inflate at most this many times its compressed size. */
  maxZipRatio: number;
  minBombBytes: number;
};

export const EXTRACTION_LIMITS: ExtractionLimits = {
  timeoutMs: 60_000,
  maxHeapMb: 512,
  maxRssMb: 1024,
  maxPages: 2_000,
  maxChars: 2_000_000,
  maxPageChars: 200_000,
  officePageChars: 3_000,
  maxZipBytes: 100 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxZipRatio: 200,
  minBombBytes: 1024 * 1024,
};

export type ExtractedPage = { pageNumber: number; text: string };

export type ExtractionOutcome = {
  status: Exclude<TextStatus, "PENDING">;
  /** For moderators: what happened, in words (null when the whole text was read without remark). */
  message: string | null;
  pageCount: number | null;
  /** Only the pages that hold text. */
  pages: ExtractedPage[];
  textChars: number;
  truncated: boolean;
  /** The child's peak resident memory, when it lived to report it. */
  peakRssKb: number | null;
  elapsedMs: number;
};

export type ExtractOptions = {
  limits?: Partial<ExtractionLimits>;
  /** Pages (or parts) read so far, as the child reports them. */
  onProgress?: (done: number, total: number) => void;
  /** Kills the child and rejects with an AbortError (the worker is stopping: the job runs again later). */
  signal?: AbortSignal;
};

const RSS_POLL_MS = 250;
const STDERR_TAIL_BYTES = 8 * 1024;

/**
 * The child's entry, a plain .mjs file read from the project's folder: under
 * `next start` the server code is bundled, so the child cannot be a module
 * of the bundle.
 */
export function extractChildPath(): string {
  return path.join(process.cwd(), "lib", "attachments", "text", "extract-child.mjs");
}

/** Resident memory of a process in kilobytes (Linux), null where /proc cannot say. */
function residentKb(pid: number): number | null {
  try {
    const status = fs.readFileSync(/* turbopackIgnore: true */ `/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

type ChildMessage = { type: "progress"; done: number; total: number } | { type: "result"; result: ReaderResult };

export async function extractText(filePath: string, mediaType: string, options: ExtractOptions = {}): Promise<ExtractionOutcome> {
  const limits = { ...EXTRACTION_LIMITS, ...options.limits };
  const started = Date.now();
  const childPath = extractChildPath();
  // turbopackIgnore: the child is a file on disk, not a module of the server bundle.
  if (!fs.existsSync(/* turbopackIgnore: true */ childPath)) throw new Error(`The text extraction child is missing at ${childPath} (the server must run from the project folder).`);

  const child = fork(/* turbopackIgnore: true */ childPath, [], {
    // Not the parent's flags (tsx's loader, inspector): the child is plain
    // JavaScript. No code from strings: nothing in a file can reach eval.
    execArgv: [`--max-old-space-size=${limits.maxHeapMb}`, "--disallow-code-generation-from-strings"],
    stdio: ["ignore", "ignore", "pipe", "ipc"],
    serialization: "advanced",
  });

  let stderr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL_BYTES);
  });

  type Ending = { kind: "result"; result: ReaderResult } | { kind: "aborted" } | { kind: "timeout" } | { kind: "memory"; rssKb: number } | { kind: "exit"; code: number | null; signal: NodeJS.Signals | null };

  let peakRssKb: number | null = null;
  const ending = await new Promise<Ending>((resolve) => {
    let settled = false;
    const settle = (value: Ending) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      options.signal?.removeEventListener("abort", onAbort);
      resolve(value);
    };
    const onAbort = () => {
      child.kill("SIGKILL");
      settle({ kind: "aborted" });
    };
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      settle({ kind: "timeout" });
    }, limits.timeoutMs);
    const watch = setInterval(() => {
      if (child.pid === undefined) return;
      const rss = residentKb(child.pid);
      if (rss === null) return;
      peakRssKb = Math.max(peakRssKb ?? 0, rss);
      if (rss > limits.maxRssMb * 1024) {
        child.kill("SIGKILL");
        settle({ kind: "memory", rssKb: rss });
      }
    }, RSS_POLL_MS);
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener("abort", onAbort);
    child.on("message", (message: ChildMessage) => {
      if (message.type === "progress") options.onProgress?.(message.done, message.total);
      else if (message.type === "result") settle({ kind: "result", result: message.result });
    });
    child.on("error", () => {
      // Reported by "exit" (or the timeout when the child never started).
    });
    // "close" comes after stderr's last bytes (an out-of-memory report).
    child.on("close", (code, signal) => settle({ kind: "exit", code, signal }));
    child.send({ filePath, mediaType, limits });
  });
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");

  const elapsedMs = Date.now() - started;
  const failed = (status: ExtractionOutcome["status"], message: string): ExtractionOutcome => ({
    status,
    message,
    pageCount: null,
    pages: [],
    textChars: 0,
    truncated: false,
    peakRssKb,
    elapsedMs,
  });

  switch (ending.kind) {
    case "aborted":
      throw new DOMException("The text extraction was stopped.", "AbortError");
    case "timeout":
      return failed("TIMED_OUT", `Reading took longer than ${Math.round(limits.timeoutMs / 1000)} s, so it was stopped. The file may be very large or built to be slow to read.`);
    case "memory":
      return failed("TOO_LARGE", `Reading the file needed more than ${limits.maxRssMb} MB of memory, so it was stopped.`);
    case "exit":
      if (/heap out of memory|Allocation failed/i.test(stderr)) {
        return failed("TOO_LARGE", `Reading the file needed more than ${limits.maxHeapMb} MB of memory, so it was stopped.`);
      }
      return failed(
        "DAMAGED",
        `The reader stopped unexpectedly (${ending.signal ? `signal ${ending.signal}` : `exit code ${ending.code}`}): the file is probably damaged.`,
      );
    case "result": {
      const { result } = ending;
      const textChars = result.pages.reduce((sum, page) => sum + page.text.length, 0);
      const described = describeOutcome(result, mediaType, limits);
      return {
        status: result.status,
        message: described.message,
        pageCount: result.pageCount,
        pages: result.pages,
        textChars,
        truncated: described.truncated,
        peakRssKb: result.maxRssKb ? Math.max(result.maxRssKb, peakRssKb ?? 0) : peakRssKb,
        elapsedMs,
      };
    }
  }
}
