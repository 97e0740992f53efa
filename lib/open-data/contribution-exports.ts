import "server-only";
import { approvedContributionBatches } from "@/lib/open-data/approved-contribution-batches";
import { BYTE_ORDER_MARK, csvHeaderLine, csvLines } from "@/lib/open-data/csv-columns";
import type { ContributionSource } from "@/lib/open-data/read-contribution-batch";

// The downloads of a consultation's contributions, as text chunks of one
// batch each (lib/open-data/approved-contribution-batches.ts): whatever the
// number of rows, one batch is in memory at a time.

/** The CSV: a byte order mark and the header line, then one line per contribution (lib/open-data/csv-columns.ts). */
export async function* contributionsCsv(source: ContributionSource, batchSize?: number): AsyncGenerator<string> {
  yield BYTE_ORDER_MARK + csvHeaderLine(source.questions);
  for await (const records of approvedContributionBatches(source, batchSize)) yield csvLines(records, source.questions);
}

/** The JSON: one array of the records the API's pages give, a record a line. */
export async function* contributionsJson(source: ContributionSource, batchSize?: number): AsyncGenerator<string> {
  let separator = "[\n";
  for await (const records of approvedContributionBatches(source, batchSize)) {
    yield separator + records.map((record) => JSON.stringify(record)).join(",\n");
    separator = ",\n";
  }
  yield separator === "[\n" ? "[]\n" : "\n]\n";
}
