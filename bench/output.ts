// Console output of the benchmark, and the error that stops it with a
// message for the person running it (no stack trace).

export class BenchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BenchError";
  }
}

export function log(line: string): void {
  console.log(line);
}

export function step(title: string): void {
  console.log(`\n== ${title}`);
}

export function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
