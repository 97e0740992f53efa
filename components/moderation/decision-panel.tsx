"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Kbd } from "@/components/moderation/kbd";
import { REASON_FIELDS, ReasonFields, ReasonFormButtons } from "@/components/moderation/reason-fields";
import { RefusalMessage, useFocusOnChange } from "@/components/moderation/refusal-message";
import { ShortcutsToggle } from "@/components/moderation/shortcuts-toggle";
import { useShortcuts, useShortcutsEnabled } from "@/components/moderation/use-shortcuts";
import { useAnnounce } from "@/components/ui/form/announcer";
import { FormErrorSummary } from "@/components/ui/form/form-outcome";
import { useActionForm } from "@/components/ui/form/use-action-form";
import type { ActionResult } from "@/lib/errors";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import type { DecisionResult } from "@/lib/moderation/decide-contribution";
import { allowedDecisions } from "@/lib/contributions/lifecycle/transitions";
import { decideContributionSchema, type DecideContributionInput, type DismissFlagsInput } from "@/lib/moderation/schema";
import type { RejectionReasonOption } from "@/lib/rejection-reasons/find-active-rejection-reasons";

type Item = { id: string; reference: string; title: string; version: number; status: ContributionStatus; openFlagCount: number };

export type NextItem = { reference: string; title: string; href: string };

type Props = {
  item: Item;
  next: NextItem | null;
  queueHref: string;
  reasons: RejectionReasonOption[];
  decide: (input: DecideContributionInput) => Promise<ActionResult<DecisionResult>>;
  dismissFlags: (input: DismissFlagsInput) => Promise<ActionResult<DecisionResult>>;
};

type Removal = "REJECT" | "HIDE";

const REMOVAL_TEXT: Record<Removal, { open: string; submit: string; busy: string }> = {
  REJECT: { open: "Reject", submit: "Reject and tell the author", busy: "Rejecting…" },
  HIDE: { open: "Hide", submit: "Hide and tell the author", busy: "Hiding…" },
};

const reasonFieldId = (decision: Removal) => `decision-${decision.toLowerCase()}-reason`;

const button = "rounded-md px-4 py-2 font-medium disabled:opacity-60";
const primary = `${button} bg-brand-600 text-white hover:bg-brand-700`;
const danger = `${button} border border-red-800 bg-white text-red-800 hover:bg-red-50`;

/**
 * The decisions that apply to this contribution, with single-key shortcuts
 * (unless turned off): `a` takes the approving one (approve; or keep published and dismiss the
 * reports; or restore), `r` opens the removing one (reject, or hide) with the
 * focus on its reason, `n` opens the next contribution of the queue. Every
 * decision is announced in the moderation pages' live region and the next
 * contribution opens; a refusal is shown here and focused.
 */
export function DecisionPanel({ item, next, queueHref, reasons, decide, dismissFlags }: Props) {
  const router = useRouter();
  const announce = useAnnounce();
  // Advertised to assistive technology only while they work.
  const shortcutsOn = useShortcutsEnabled();
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);
  const problemMessage = useRef<HTMLDivElement>(null);
  useFocusOnChange(problem, problemMessage);
  const [removal, setRemoval] = useState<Removal | null>(null);

  const allowed = allowedDecisions(item.status);
  const reported = item.status === "APPROVED" && item.openFlagCount > 0;
  const approving = allowed.includes("APPROVE") ? "APPROVE" : reported ? "DISMISS" : allowed.includes("RESTORE") ? "RESTORE" : null;
  const removing: Removal | null = allowed.includes("REJECT") ? "REJECT" : allowed.includes("HIDE") ? "HIDE" : null;

  const goNext = () => {
    if (next) {
      announce({ ok: true, message: `Showing ${next.reference} “${next.title}”.` });
      router.push(next.href);
    } else {
      announce({ ok: true, message: "No other contribution waits in this queue." });
    }
  };

  /** Runs a decision; on success moves on, on failure says why and shows the contribution as it is now. */
  const run = async (call: () => Promise<ActionResult<DecisionResult>>): Promise<ActionResult<DecisionResult>> => {
    setProblem(null);
    const result = await call();
    if (result.ok) {
      const then = next ? ` Next: ${next.reference} “${next.title}”.` : " No other contribution waits in this queue.";
      announce({ ok: true, message: `${result.message ?? "Done."}${then}` });
      router.push(next ? next.href : queueHref);
    } else if (!result.fieldErrors) {
      // Someone else decided first, the author withdrew it: shown here, with
      // the focus on it, on the item as it now is. Field errors belong to the
      // reason form, which shows them.
      setProblem(result.message);
      setRemoval(null);
      router.refresh();
    }
    return result;
  };

  const approve = () => {
    if (pending || !approving) return;
    startTransition(async () => {
      await run(() =>
        approving === "DISMISS"
          ? dismissFlags({ contributionId: item.id, version: item.version, openFlagCount: item.openFlagCount })
          : decide({ contributionId: item.id, version: item.version, decision: approving }),
      );
    });
  };

  useShortcuts({
    a: approve,
    r: () => {
      if (!removing) return;
      // Already open: back to its reason.
      if (removal) document.getElementById(reasonFieldId(removal))?.focus();
      else setRemoval(removing);
    },
    n: goNext,
  });

  const approvingLabel = approving === "APPROVE" ? "Approve" : approving === "DISMISS" ? "Dismiss the reports and keep it published" : "Restore";
  const shortcuts = [
    approving ? { key: "a", text: approvingLabel } : null,
    removing ? { key: "r", text: `${REMOVAL_TEXT[removing].open}: the focus moves to the reason` } : null,
    { key: "n", text: next ? `Next contribution: ${next.reference}` : "Next contribution (none waits now)" },
  ].filter((shortcut) => shortcut !== null);

  return (
    <div className="space-y-4">
      <RefusalMessage message={problem} ref={problemMessage} />
      {approving || removing ? (
        <div className="flex flex-wrap gap-3">
          {approving ? (
            <button type="button" onClick={approve} disabled={pending} aria-keyshortcuts={shortcutsOn ? "a" : undefined} className={primary}>
              {pending ? "Saving…" : approvingLabel}
            </button>
          ) : null}
          {removing ? (
            <button
              type="button"
              onClick={() => setRemoval(removal ? null : removing)}
              aria-expanded={removal !== null}
              aria-keyshortcuts={shortcutsOn ? "r" : undefined}
              className={danger}
            >
              {REMOVAL_TEXT[removing].open}…
            </button>
          ) : null}
        </div>
      ) : (
        <p className="text-slate-700">No decision applies to a contribution in this state.</p>
      )}
      {removal ? (
        <RemovalForm
          // A new version (after a refresh) starts a new form.
          key={`${removal}-${item.version}`}
          decision={removal}
          item={item}
          reasons={reasons}
          onSubmit={(values) => run(() => decide(values))}
          onCancel={() => setRemoval(null)}
        />
      ) : null}
      <p>
        {next ? (
          <Link href={next.href} aria-keyshortcuts={shortcutsOn ? "n" : undefined} onClick={() => announce({ ok: true, message: `Showing ${next.reference} “${next.title}”.` })}>
            Skip to the next contribution<span className="sr-only">: {next.reference}</span>
          </Link>
        ) : (
          <Link href={queueHref}>Back to the queue</Link>
        )}
      </p>
      <section aria-labelledby="shortcuts-heading" className="rounded-md bg-slate-50 p-3 text-sm">
        <h3 id="shortcuts-heading" className="font-semibold">
          Keyboard shortcuts
        </h3>
        <div className="mt-2">
          <ShortcutsToggle />
        </div>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
          {shortcuts.map((shortcut) => (
            <div key={shortcut.key} className="contents">
              <dt>
                <Kbd>{shortcut.key}</Kbd>
              </dt>
              <dd>{shortcut.text}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-slate-700">
          {shortcutsOn ? "They work when the focus is not in a field, and without Ctrl, Alt, Shift or ⌘." : "They are off: turn them on above."}
        </p>
      </section>
    </div>
  );
}

type RemovalFormProps = {
  decision: Removal;
  item: Item;
  reasons: RejectionReasonOption[];
  onSubmit: (values: DecideContributionInput) => Promise<ActionResult<DecisionResult>>;
  onCancel: () => void;
};

function RemovalForm({ decision, item, reasons, onSubmit, onCancel }: RemovalFormProps) {
  const { form, outcome, onSubmit: submit } = useActionForm({
    schema: decideContributionSchema,
    // A refusal without field errors is the panel's to show (it closes this form).
    action: onSubmit,
    fields: REASON_FIELDS,
    defaultValues: { contributionId: item.id, version: item.version, decision, reasonId: "", reasonText: "", note: "" },
  });
  const {
    register,
    setFocus,
    formState: { errors, isSubmitting },
  } = form;
  // Opened by the button or by `r`: either way the reason comes first.
  useEffect(() => setFocus("reasonId"), [setFocus]);

  const text = REMOVAL_TEXT[decision];
  return (
    <form onSubmit={submit} noValidate aria-label={`${text.open} ${item.reference}`} className="space-y-4 rounded-md border border-slate-300 p-4">
      <FormErrorSummary message={outcome?.ok === false ? outcome.message : null} />
      <ReasonFields
        idPrefix={`decision-${decision.toLowerCase()}`}
        reasons={reasons}
        reasonId={{ field: register("reasonId"), error: errors.reasonId?.message }}
        reasonText={{ field: register("reasonText"), error: errors.reasonText?.message }}
        note={{ field: register("note"), error: errors.note?.message }}
      />
      <ReasonFormButtons label={text.submit} busyLabel={text.busy} submitting={isSubmitting} onCancel={onCancel} />
    </form>
  );
}
