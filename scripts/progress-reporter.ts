import cliProgress from "cli-progress";

// A progress bar on a terminal; in logs and CI, one line per tenth (the
// seed's --contributions, the attachment-text backfill).

export function progressReporter(total: number, unit: string): { update(done: number): void; stop(): void } {
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `  {bar} {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  // Logs and CI: one line per tenth instead of a redrawn bar.
  let nextTenth = 1;
  return {
    update(done) {
      while (total > 0 && done >= (total * nextTenth) / 10) {
        console.log(`  ${done}/${total} ${unit} (${nextTenth * 10}%)`);
        nextTenth += 1;
      }
    },
    stop() {},
  };
}
