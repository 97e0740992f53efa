import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { getSummarySource } from "@/lib/open-data/get-summary-source";
import { frozenFiguresOf, publishedSummaryWhere, referencesNamedBy, summarySelect, toOpenSummary } from "@/lib/open-data/summary-record";
import type { OpenSummary } from "@/lib/open-data/summary-records";

/**
 * Public. A published version of a consultation's summary, by number, or
 * the newest with "latest"; a draft version is "not found", exactly like a
 * number that does not exist. Its highlights and quotes name contributions
 * published when it was: one query finds which of them still are, and the
 * others are left out (a contribution hidden or withdrawn since must not be
 * republished through its quotes), while the frozen figures stay as they are.
 */
export async function getPublishedSummary(slug: string, version: number | "latest"): Promise<OpenSummary> {
  const source = await getSummarySource(slug);
  const row = await db.consultationSummary.findFirst({
    where: { consultationId: source.id, ...publishedSummaryWhere, ...(version === "latest" ? {} : { version }) },
    orderBy: { version: "desc" },
    select: summarySelect,
  });
  if (!row) throw notFound("This summary");
  const figures = frozenFiguresOf(source.slug, row);
  const references = referencesNamedBy(row, figures);
  const published =
    references.length === 0
      ? []
      : await db.contribution.findMany({
          where: { consultationId: source.id, status: "APPROVED", reference: { in: references } },
          select: { reference: true, title: true },
        });
  return toOpenSummary(source.slug, row, figures, new Map(published.map(({ reference, title }) => [reference, { title }])));
}
