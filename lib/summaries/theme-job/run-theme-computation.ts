import "server-only";
import { fork } from "node:child_process";
import path from "node:path";
import { getEnv } from "@/lib/env";
import type { ConsultationThemeRequest, ConsultationThemes } from "@/lib/summaries/theme-job/compute-consultation-themes";

// The seam between the theme job and the engine: the engine runs in a child
// process of its own (theme-child.ts), so that the server that runs the
// worker inline keeps answering while it works (issue 11), and a run that
// needs more memory than THEME_ENGINE_MEMORY_MB fails alone. The request
// and the result cross as structured clones (serialization "advanced").

export type ChildMessage = { kind: "progress"; fraction: number } | { kind: "done"; result: ConsultationThemes } | { kind: "failed"; message: string };

/** From the project's root, where `npm start`, the worker, the seed and the tests run. */
const CHILD_ENTRY = path.join(process.cwd(), "lib", "summaries", "theme-job", "theme-child.ts");

/** Far above the cost targets (90 s for 10,000 long contributions): a run this long is stuck. */
const TIMEOUT_MS = 30 * 60_000;

export class ThemeEngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ThemeEngineError";
  }
}

export async function runThemeComputation(
  request: ConsultationThemeRequest,
  options: { signal?: AbortSignal; onProgress?: (fraction: number) => void; timeoutMs?: number; memoryMb?: number },
): Promise<ConsultationThemes> {
  options.signal?.throwIfAborted();
  const memoryMb = options.memoryMb ?? getEnv().themeEngineMemoryMb;
  return new Promise((resolve, reject) => {
    // turbopackIgnore: the child is a source file run by tsx, not a module of the server bundle.
    const child = fork(/* turbopackIgnore: true */ CHILD_ENTRY, [], {
      execArgv: ["--conditions=react-server", "--import", "tsx", `--max-old-space-size=${memoryMb}`],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let settled = false;
    const finish = (outcome: { result: ConsultationThemes } | { error: Error }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", abort);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      if ("result" in outcome) resolve(outcome.result);
      else reject(outcome.error);
    };
    const abort = () => finish({ error: options.signal?.reason instanceof Error ? options.signal.reason : new Error("The theme computation was stopped.") });
    const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
    const timer = setTimeout(() => finish({ error: new ThemeEngineError(`The theme engine was stopped after ${Math.ceil(timeoutMs / 1000)} s without a result.`) }), timeoutMs);
    options.signal?.addEventListener("abort", abort, { once: true });

    child.on("message", (message: ChildMessage) => {
      if (message.kind === "progress") options.onProgress?.(message.fraction);
      else if (message.kind === "done") finish({ result: message.result });
      else finish({ error: new ThemeEngineError(`The theme engine failed: ${message.message}`) });
    });
    child.on("error", (error) => finish({ error: new ThemeEngineError(`The theme engine could not start: ${error.message}`) }));
    child.on("exit", (code, signal) => {
      // V8 aborts a process whose heap is full (SIGABRT, or 134 through a shell).
      const outOfMemory = signal === "SIGABRT" || code === 134;
      finish({
        error: new ThemeEngineError(
          outOfMemory
            ? `The theme engine ran out of memory (THEME_ENGINE_MEMORY_MB is ${memoryMb}).`
            : `The theme engine stopped without a result (${signal ? `signal ${signal}` : `exit code ${code}`}).`,
        ),
      });
    });
    child.send(request, (error) => {
      if (error) finish({ error: new ThemeEngineError(`The theme engine could not be given its texts: ${error.message}`) });
    });
  });
}
