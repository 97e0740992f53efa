"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { FormDialog } from "@/components/moderation/form-dialog";
import { REASON_FIELDS, ReasonFields, ReasonFormButtons } from "@/components/moderation/reason-fields";
import { RefusalMessage, useFocusOnChange } from "@/components/moderation/refusal-message";
import { SimilarityBadge, type SimilarityBadgeData } from "@/components/moderation/similarity-badge";
import { useShortcuts } from "@/components/moderation/use-shortcuts";
import { WaitingSince } from "@/components/moderation/waiting-since";
import { useAnnounce } from "@/components/ui/form/announcer";
import { checkboxClass } from "@/components/ui/form/field";
import { FormErrorSummary } from "@/components/ui/form/form-outcome";
import { useActionForm } from "@/components/ui/form/use-action-form";
import { countryName } from "@/lib/vocabulary/countries";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";
import { PHASE_LABELS } from "@/lib/vocabulary/phases";
import { languageName } from "@/lib/vocabulary/languages";
import type { ActionResult } from "@/lib/errors";
import type { QueueItem } from "@/lib/moderation/find-moderation-queue";
import { WAITING_REASON_LABELS } from "@/lib/moderation/waiting-reason";
import { bulkDecideSchema, type BulkDecideInput } from "@/lib/moderation/schema";
import type { RejectionReasonOption } from "@/lib/rejection-reasons/find-active-rejection-reasons";

type BulkDecide = (input: BulkDecideInput) => Promise<ActionResult<{ count: number }>>;

type Props = {
  items: QueueItem[];
  caption: string;
  /** The server's clock when the page was made, for "waiting 3 h 20 min". */
  now: Date;
  /** The queue's filters, kept on the review pages for "next". */
  reviewQuery: string;
  reasons: RejectionReasonOption[];
  bulkDecide: BulkDecide;
  /** The queue's heading (focusable), where the focus goes after a bulk decision. */
  headingId: string;
  /** The group of identical or near-identical contributions of each item in one, by id. */
  similarity?: Record<string, SimilarityBadgeData>;
};

const cell = "border-b border-slate-200 px-3 py-3 align-top";
const button = "rounded-md px-4 py-2 font-medium disabled:opacity-60";

const REPORTED_NOTE = "Reported contributions are decided one at a time, on their review page.";

const reviewHref = (item: QueueItem, query: string) => `/moderation/contributions/${item.reference}${query}`;

/**
 * The queue's page as a table: each row links to its review, and pending
 * rows can be selected (one by one or all those of the page) to approve or
 * reject together, in one call. A reported (published) contribution is
 * decided on its own review page: hide it, or dismiss the reports. `n` opens
 * the first contribution.
 */
export function QueueList({ items, caption, now, reviewQuery, reasons, bulkDecide, headingId, similarity }: Props) {
  const router = useRouter();
  const announce = useAnnounce();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [rejecting, setRejecting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const problemMessage = useRef<HTMLDivElement>(null);
  useFocusOnChange(problem, problemMessage);
  const [decisions, setDecisions] = useState(0);
  // After the dialog has closed (its effect runs before this one).
  useEffect(() => {
    if (decisions > 0) document.getElementById(headingId)?.focus();
  }, [decisions, headingId]);
  const [pending, startTransition] = useTransition();
  const selectAll = useRef<HTMLInputElement>(null);

  // Only pending rows can be decided together (approve or reject); rows the
  // page no longer shows (decided, or after a refresh) leave the selection.
  const selectable = items.filter((item) => item.status === "PENDING");
  const reported = items.length - selectable.length;
  const chosen = selectable.filter((item) => selected.has(item.id));
  const all = selectable.length > 0 && chosen.length === selectable.length;
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = chosen.length > 0 && !all;
  }, [chosen.length, all]);

  const first = items[0];
  useShortcuts({
    n: () => {
      if (!first) return;
      announce({ ok: true, message: `Showing ${first.reference} “${first.title}”.` });
      router.push(reviewHref(first, reviewQuery));
    },
  });

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  /**
   * One call for the whole selection: all of it is decided, or none. Done,
   * it is announced and the focus goes to the queue's heading (the rows and
   * the button it was on are gone); refused, the refusal is shown and
   * focused; field errors stay on the reject form.
   */
  const decide = async (input: BulkDecideInput): Promise<ActionResult<{ count: number }>> => {
    setProblem(null);
    const result = await bulkDecide(input);
    if (result.ok) {
      announce({ ok: true, message: result.message ?? "Done." });
      setSelected(new Set());
      setRejecting(false);
      setDecisions((count) => count + 1);
    } else if (!result.fieldErrors) {
      setProblem(result.message);
      setRejecting(false);
    }
    router.refresh();
    return result;
  };

  const selection = chosen.map((item) => ({ contributionId: item.id, version: item.version }));
  const approve = () => startTransition(async () => void (await decide({ decision: "APPROVE", items: selection })));

  return (
    <div className="space-y-4">
      <RefusalMessage message={problem} ref={problemMessage} />
      {selectable.length > 0 ? (
        <div role="group" aria-label="Decide on several contributions" className="flex flex-wrap items-center gap-4 rounded-md border border-slate-200 p-3">
          <div className="flex items-center gap-2">
            <input
              ref={selectAll}
              id="queue-select-all"
              type="checkbox"
              checked={all}
              onChange={(event) => setSelected(event.target.checked ? new Set(selectable.map((item) => item.id)) : new Set())}
              className={checkboxClass}
            />
            <label htmlFor="queue-select-all">Select all pending on this page</label>
          </div>
          <p className="text-sm text-slate-700">{chosen.length === 1 ? "1 selected" : `${chosen.length} selected`}</p>
          <button type="button" onClick={approve} disabled={pending || chosen.length === 0} className={`${button} bg-brand-600 text-white hover:bg-brand-700`}>
            {pending ? "Approving…" : "Approve selected"}
          </button>
          <button
            type="button"
            onClick={() => setRejecting(true)}
            disabled={pending || chosen.length === 0}
            className={`${button} border border-red-800 bg-white text-red-800 hover:bg-red-50`}
          >
            Reject selected…
          </button>
        </div>
      ) : null}
      {reported > 0 ? <p className="text-sm text-slate-700">{REPORTED_NOTE}</p> : null}
      <FormDialog
        open={rejecting}
        onClose={() => setRejecting(false)}
        title={chosen.length === 1 ? "Reject 1 contribution?" : `Reject ${chosen.length} contributions?`}
        description={<p>Each author is told the reason by e-mail and under My contributions. All of them are rejected, or none.</p>}
      >
        <BulkRejectForm items={selection} reasons={reasons} onSubmit={decide} onCancel={() => setRejecting(false)} />
      </FormDialog>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left text-slate-700">{caption}</caption>
          <thead>
            <tr className="bg-slate-50">
              <th scope="col" className={cell}>
                <span className="sr-only">Selected</span>
              </th>
              <th scope="col" className={cell}>
                Contribution
              </th>
              <th scope="col" className={cell}>
                Consultation
              </th>
              <th scope="col" className={cell}>
                Author
              </th>
              <th scope="col" className={cell}>
                Why it waits
              </th>
              <th scope="col" className={cell}>
                Waiting
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const checkboxId = `queue-select-${item.id}`;
              return (
                <tr key={item.id} className={selected.has(item.id) ? "bg-brand-50" : undefined}>
                  <td className={cell}>
                    {item.status === "PENDING" ? (
                      <>
                        <input
                          id={checkboxId}
                          type="checkbox"
                          checked={selected.has(item.id)}
                          onChange={(event) => toggle(item.id, event.target.checked)}
                          className={checkboxClass}
                        />
                        <label htmlFor={checkboxId} className="sr-only">
                          Select {item.reference} “{item.title}”
                        </label>
                      </>
                    ) : (
                      <span className="sr-only">{REPORTED_NOTE}</span>
                    )}
                  </td>
                  <th scope="row" className={`${cell} max-w-md font-normal`}>
                    <Link href={reviewHref(item, reviewQuery)} lang={item.language} className="block font-semibold">
                      {item.title}
                    </Link>
                    <span className="block text-slate-700">{item.reference}</span>
                    <SimilarityBadge badge={similarity?.[item.id]} className="mt-1" />
                    {item.excerpt ? (
                      <span lang={item.language} className="mt-1 block text-slate-800">
                        {item.excerpt}
                      </span>
                    ) : null}
                  </th>
                  <td className={cell}>
                    {item.consultation.title}
                    <span className="block text-slate-700">
                      {PHASE_LABELS[item.phase]} · {languageName(item.language)}
                    </span>
                    {item.languageDifference ? <span className="block text-slate-700">{item.languageDifference}</span> : null}
                  </td>
                  <td className={cell}>
                    {item.author.displayName ?? "No profile"}
                    {item.author.organisationName ? <span className="block">{item.author.organisationName}</span> : null}
                    <span className="block text-slate-700">
                      {[item.author.stakeholderType ? STAKEHOLDER_TYPE_LABELS[item.author.stakeholderType] : null, item.author.country ? countryName(item.author.country) : null]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </td>
                  <td className={cell}>
                    {WAITING_REASON_LABELS[item.waitingReason]}
                    {item.openFlagCount > 0 ? (
                      <span className="block font-medium text-red-800">{item.openFlagCount === 1 ? "1 open report" : `${item.openFlagCount} open reports`}</span>
                    ) : null}
                  </td>
                  <td className={cell}>
                    <WaitingSince since={item.awaitingSince} now={now} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

type BulkRejectFormProps = {
  items: BulkDecideInput["items"];
  reasons: RejectionReasonOption[];
  onSubmit: (input: BulkDecideInput) => Promise<ActionResult<{ count: number }>>;
  onCancel: () => void;
};

/** The reject form of a bulk decision (a queue selection, a group): reason, explanation, note. */
export function BulkRejectForm({ items, reasons, onSubmit, onCancel }: BulkRejectFormProps) {
  const { form, outcome, onSubmit: submit } = useActionForm({
    schema: bulkDecideSchema,
    // A refusal without field errors is the list's to show (it closes this dialog).
    action: onSubmit,
    fields: REASON_FIELDS,
    defaultValues: { decision: "REJECT", items, reasonId: "", reasonText: "", note: "" },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;
  const failure = outcome?.ok === false ? outcome.message : null;

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormErrorSummary message={failure ?? (errors.items ? (errors.items.message ?? "Select again.") : null)} />
      <ReasonFields
        idPrefix="bulk-reject"
        reasons={reasons}
        reasonId={{ field: register("reasonId"), error: errors.reasonId?.message }}
        reasonText={{ field: register("reasonText"), error: errors.reasonText?.message }}
        note={{ field: register("note"), error: errors.note?.message }}
      />
      <ReasonFormButtons label="Reject and tell the authors" busyLabel="Rejecting…" submitting={isSubmitting} onCancel={onCancel} />
    </form>
  );
}
