import { describe, expect, it } from "vitest";
import { computeConsultationThemes, type ConsultationThemeRequest } from "@/lib/summaries/theme-job/compute-consultation-themes";
import { runThemeComputation, ThemeEngineError } from "@/lib/summaries/theme-job/run-theme-computation";
import { engineDocuments } from "../unit/steering/engine-fixture";

// The theme engine runs in a child process of its own (issue 11: off the
// server's event loop): what crosses the IPC channel is the same as what
// the engine gives in this process, progress arrives while it works, and a
// run that is stopped or takes too long ends in an error, not a hang.

const request = (perSubject: number): ConsultationThemeRequest => ({
  contributions: engineDocuments(perSubject),
  answers: [{ questionId: "q1", inputs: engineDocuments(6, 11) }],
  steering: [],
});

describe("the theme child process", () => {
  it("gives what the engine gives in this process, steering applied, with progress up to 1", async () => {
    const base = request(12);
    const inProcess = computeConsultationThemes(base);
    const [first] = inProcess.themes.contributions.themes;
    expect(first).toBeDefined();
    const steered: ConsultationThemeRequest = {
      ...base,
      steering: [{ kind: "rename", theme: { key: first!.key, label: first!.label, terms: first!.terms }, label: "Named by a moderator" }],
    };
    const progress: number[] = [];
    const result = await runThemeComputation(steered, { onProgress: (fraction) => progress.push(fraction) });

    expect(result.themes.contributions.themes.map((theme) => theme.label)).toEqual(["Named by a moderator", ...inProcess.themes.contributions.themes.slice(1).map((theme) => theme.label)]);
    expect(result.themes.contributions.themes[0]?.steered).toBe(true);
    expect(result.outcomes).toEqual([expect.objectContaining({ status: "applied", description: expect.stringContaining("Named by a moderator") })]);
    expect(result.placements).toEqual(inProcess.placements);
    expect(result.themes.questions).toEqual(inProcess.themes.questions);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("stops when its job is stopped, with the job's reason", async () => {
    const controller = new AbortController();
    const run = runThemeComputation(request(400), { signal: controller.signal, onProgress: () => controller.abort(new Error("The worker is shutting down.")) });
    await expect(run).rejects.toThrow("The worker is shutting down.");
  });

  it("does not start for a job already stopped", async () => {
    await expect(runThemeComputation(request(3), { signal: AbortSignal.abort(new Error("Stopped before.")) })).rejects.toThrow("Stopped before.");
  });

  it("is stopped with a clear error when it takes too long", async () => {
    const run = runThemeComputation(request(400), { timeoutMs: 20 });
    await expect(run).rejects.toThrow(ThemeEngineError);
    await expect(run).rejects.toThrow(/stopped after 1 s without a result/);
  });
});
