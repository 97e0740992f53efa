import "server-only";
import { readContributionBatch, type ContributionSource } from "@/lib/open-data/read-contribution-batch";

export const EXPORT_BATCH_SIZE = 1_000;

/**
 * Public. Every approved contribution of a published consultation, a batch at
 * a time, by keyset on the reference number: the downloads hold one batch in
 * memory whatever the consultation's size, and read the next only when the
 * previous one has been sent (the stream pulls). Each batch is its own query,
 * not one long transaction, so a slow download holds no connection; a
 * contribution approved or hidden while the file is being written is in it or
 * not, never twice.
 */
export async function* approvedContributionBatches(source: ContributionSource, batchSize = EXPORT_BATCH_SIZE) {
  let after = 0;
  for (;;) {
    const batch = await readContributionBatch(source, after, batchSize);
    const last = batch.referenceNumbers.at(-1);
    if (last === undefined) return;
    yield batch.records;
    if (batch.records.length < batchSize) return;
    after = last;
  }
}
