import { afterEach, beforeEach, vi } from "vitest";

// STYLE.md, convention 10: a console.error during a test fails it. A test that
// expects one says so with expectConsoleError().
let calls: unknown[][] = [];
let expected = 0;

beforeEach(() => {
  calls = [];
  expected = 0;
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    calls.push(args);
  });
});

afterEach(() => {
  const unexpected = calls.slice(expected);
  vi.mocked(console.error).mockRestore();
  if (unexpected.length > 0) {
    throw new Error(`console.error was called during the test:\n${unexpected.map((args) => args.map(String).join(" ")).join("\n")}`);
  }
});

export function expectConsoleError(count = 1): void {
  expected += count;
}
