import type { Metadata } from "next";
import Link from "next/link";
import { Kbd } from "@/components/moderation/kbd";
import { QueueFilters } from "@/components/moderation/queue-filters";
import { QueueList } from "@/components/moderation/queue-list";
import { ShortcutsToggle } from "@/components/moderation/shortcuts-toggle";
import { Pagination } from "@/components/ui/pagination";
import { requireRoleForPage } from "@/lib/auth/current-user";
import { bulkDecideAction } from "@/lib/moderation/actions";
import { findModerationQueue } from "@/lib/moderation/find-moderation-queue";
import { isQueueFiltered, queueFilterQuery, readQueueFilters } from "@/lib/moderation/queue-filter";
import { findActiveRejectionReasons } from "@/lib/rejection-reasons/find-active-rejection-reasons";
import type { SearchParams } from "@/lib/search-params";
import { PageHeader } from "@/components/ui/page-header";
import { findSimilarityBadges } from "@/lib/similarity/get-similarity-group";

export const metadata: Metadata = { title: "Moderation queue" };

export default async function ModerationQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRoleForPage("MODERATOR", "/moderation");
  // A hand-edited address should not break the page: each filter that does
  // not parse is reported next to its field and left out.
  const { filters, errors } = readQueueFilters(await searchParams);
  const [queue, reasons] = await Promise.all([findModerationQueue(filters), findActiveRejectionReasons()]);
  const similarity = await findSimilarityBadges(queue.items.map((item) => item.id));
  const now = new Date();

  const { total, page, pageCount, waiting } = queue;
  const filtered = isQueueFiltered(filters);
  const noun = total === 1 ? "contribution" : "contributions";
  const caption = `${filtered ? `${total} ${noun} ${total === 1 ? "matches" : "match"} the filters (${waiting} waiting in all)` : `${total} ${noun} waiting`}, page ${page} of ${pageCount}.`;

  return (
    <div className="space-y-6">
      <PageHeader title="Moderation queue">
        <p className="mt-2 max-w-3xl text-slate-700">
          New and edited contributions wait here for a first decision, and published ones come back when someone reports them.
          Pending contributions of suspended authors wait outside the queue until the suspension is lifted. Your own contributions are not in
          your queue: another moderator decides on them.
        </p>
      </PageHeader>

      <QueueFilters filters={filters} facets={queue.facets} errors={errors} />

      <section aria-labelledby="queue-heading" className="space-y-4">
        <h2 id="queue-heading" tabIndex={-1} className="text-2xl font-bold">
          Waiting
        </h2>
        {queue.items.length > 0 ? (
          <>
            <div className="space-y-1 text-sm text-slate-700">
              <p>
                Keyboard shortcuts: press <Kbd>n</Kbd> to review the first contribution. On a review page, <Kbd>a</Kbd> approves,{" "}
                <Kbd>r</Kbd> rejects and <Kbd>n</Kbd> skips to the next.
              </p>
              <ShortcutsToggle />
            </div>
            <QueueList
              items={queue.items}
              caption={caption}
              now={now}
              reviewQuery={queueFilterQuery(filters, null)}
              reasons={reasons}
              bulkDecide={bulkDecideAction}
              headingId="queue-heading"
              similarity={similarity}
            />
          </>
        ) : total > 0 ? (
          <p>
            There is nothing on page {page}. <Link href={`/moderation${queueFilterQuery(filters, pageCount)}`}>Go to the last page</Link>.
          </p>
        ) : (
          <p>{filtered ? "Nothing waits with these filters." : "Nothing waits for a moderator."}</p>
        )}
        <Pagination page={page} pageCount={pageCount} hrefFor={(target) => `/moderation${queueFilterQuery(filters, target)}`} label="Pages of the queue" />
      </section>
    </div>
  );
}
