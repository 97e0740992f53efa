import { describe, expect, it } from "vitest";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import {
  allowedDecisions,
  canTake,
  CONTRIBUTION_STATUSES,
  DECISION_ACTIONS,
  isEditableByAuthor,
  LIFECYCLE_ACTIONS,
  needsReason,
  notEditableMessage,
  STATUSES_WITH_REASON,
  SUBMITTED_STATUS,
  transitionRefusal,
  TRANSITIONS,
  WITHDRAWABLE_STATUSES,
  type LifecycleAction,
} from "@/lib/contributions/lifecycle/transitions";

// Every action on an existing contribution, from every status: where it
// leads, "done" (answered as done, nothing written), or the exact words it is
// refused with. Written out in full so that any change to the table is a
// change to this test too.

type Outcome = { to: ContributionStatus } | "done" | string;

const WITHDRAWN_NO_MODERATION = "The author withdrew this contribution: it can no longer be moderated.";
const NOT_WITHDRAWABLE = "Only a contribution that is pending or published can be withdrawn.";
const NOT_DISMISSABLE = "Only the reports on a published contribution can be dismissed.";
const NOT_REPORTABLE = "Only published contributions can be reported.";

/** Without open reports. */
const UNREPORTED: Record<Exclude<LifecycleAction, "SUBMIT">, Record<ContributionStatus, Outcome>> = {
  EDIT: {
    PENDING: { to: "PENDING" },
    APPROVED: "This contribution has been approved and published, so it can no longer be edited.",
    REJECTED: "This contribution has been reviewed and rejected, so it can no longer be edited.",
    HIDDEN: "This contribution has been reviewed by the moderators, so it can no longer be edited.",
    WITHDRAWN: "You withdrew this contribution, so it can no longer be edited.",
  },
  WITHDRAW: { PENDING: { to: "WITHDRAWN" }, APPROVED: { to: "WITHDRAWN" }, REJECTED: NOT_WITHDRAWABLE, HIDDEN: NOT_WITHDRAWABLE, WITHDRAWN: "done" },
  APPROVE: {
    PENDING: { to: "APPROVED" },
    APPROVED: "This contribution is already published.",
    REJECTED: { to: "APPROVED" },
    HIDDEN: "This contribution is hidden. Restore it to publish it again.",
    WITHDRAWN: WITHDRAWN_NO_MODERATION,
  },
  REJECT: {
    PENDING: { to: "REJECTED" },
    APPROVED: "A published contribution cannot be rejected. Hide it instead.",
    REJECTED: "This contribution is already rejected.",
    HIDDEN: "Only a pending contribution can be rejected.",
    WITHDRAWN: WITHDRAWN_NO_MODERATION,
  },
  HIDE: {
    PENDING: "A pending contribution is not published yet. Reject it instead of hiding it.",
    APPROVED: { to: "HIDDEN" },
    REJECTED: "Only a published contribution can be hidden.",
    HIDDEN: "This contribution is already hidden.",
    WITHDRAWN: WITHDRAWN_NO_MODERATION,
  },
  RESTORE: {
    PENDING: "Only a hidden contribution can be restored.",
    APPROVED: "This contribution is already published.",
    REJECTED: "Only a hidden contribution can be restored.",
    HIDDEN: { to: "APPROVED" },
    WITHDRAWN: WITHDRAWN_NO_MODERATION,
  },
  DISMISS_FLAGS: {
    PENDING: NOT_DISMISSABLE,
    APPROVED: "This contribution has no open reports to dismiss.",
    REJECTED: NOT_DISMISSABLE,
    HIDDEN: NOT_DISMISSABLE,
    WITHDRAWN: NOT_DISMISSABLE,
  },
  NOTE: { PENDING: { to: "PENDING" }, APPROVED: { to: "APPROVED" }, REJECTED: { to: "REJECTED" }, HIDDEN: { to: "HIDDEN" }, WITHDRAWN: { to: "WITHDRAWN" } },
  REPORT: { PENDING: NOT_REPORTABLE, APPROVED: { to: "APPROVED" }, REJECTED: NOT_REPORTABLE, HIDDEN: NOT_REPORTABLE, WITHDRAWN: NOT_REPORTABLE },
};

/** Where open reports change the answer (a published contribution, reported twice). */
const REPORTED: Partial<Record<LifecycleAction, Partial<Record<ContributionStatus, Outcome>>>> = {
  APPROVE: { APPROVED: "This contribution is already published. To keep it published despite the reports, dismiss the reports." },
  DISMISS_FLAGS: { APPROVED: { to: "APPROVED" } },
};

function outcome(action: LifecycleAction, status: ContributionStatus, openFlagCount: number): Outcome {
  const state = { status, openFlagCount };
  const refusal = transitionRefusal(action, state);
  if (refusal !== null) {
    expect(canTake(action, state)).toBe(false);
    return refusal;
  }
  if (TRANSITIONS[action].doneIn.includes(status)) {
    expect(canTake(action, state)).toBe(false);
    return "done";
  }
  expect(canTake(action, state)).toBe(true);
  return { to: TRANSITIONS[action].to ?? status };
}

const pairs = LIFECYCLE_ACTIONS.filter((action) => action !== "SUBMIT").flatMap((action) => CONTRIBUTION_STATUSES.map((status) => ({ action, status })));

describe("the contribution lifecycle table", () => {
  it("covers every action but SUBMIT from every status", () => {
    expect(pairs).toHaveLength(9 * 5);
  });

  it.each(pairs)("answers $action on a $status contribution without open reports", ({ action, status }) => {
    expect(outcome(action, status, 0)).toEqual(UNREPORTED[action as Exclude<LifecycleAction, "SUBMIT">][status]);
  });

  it.each(pairs)("answers $action on a $status contribution with open reports", ({ action, status }) => {
    expect(outcome(action, status, 2)).toEqual(REPORTED[action]?.[status] ?? UNREPORTED[action as Exclude<LifecycleAction, "SUBMIT">][status]);
  });

  it("creates a contribution with SUBMIT, pending and waiting, and applies it to none that exists", () => {
    expect(TRANSITIONS.SUBMIT).toMatchObject({ by: "author", from: [], to: "PENDING", writes: { awaitingSince: "now" }, tellsAuthor: "receipt" });
    expect(SUBMITTED_STATUS).toBe("PENDING");
    expect(() => transitionRefusal("SUBMIT", { status: "PENDING", openFlagCount: 0 })).toThrow("SUBMIT does not apply to an existing contribution");
  });

  it("says who takes each transition, what it writes, what it logs and whom it tells", () => {
    const summary = Object.fromEntries(
      LIFECYCLE_ACTIONS.map((action) => {
        const { by, ownRefusal, writes, reason, logs, tellsAuthor, conflict } = TRANSITIONS[action];
        const row = [by, ownRefusal ? "not own" : "own too", writes.version, `awaiting:${writes.awaitingSince}`, `flags:${writes.openFlagCount}`, writes.resolvesFlags ? "resolves" : "-"];
        row.push(`decidedAt:${writes.decidedAt}`, `reason:${writes.rejectionReason}`, reason, logs ? `${logs.action}${logs.statuses ? " from→to" : ""}${logs.aboutAuthor ? " about author" : ""}` : "no event");
        row.push(tellsAuthor ?? "tells nobody", typeof conflict === "object" && conflict !== null ? conflict.code : String(conflict));
        return [action, row.join(" | ")];
      }),
    );
    expect(summary).toEqual({
      SUBMIT: "author | own too | keep | awaiting:now | flags:keep | - | decidedAt:keep | reason:keep | none | SUBMIT from→to | receipt | null",
      EDIT: "author | own too | increment | awaiting:keep | flags:keep | - | decidedAt:keep | reason:keep | none | EDIT from→to | tells nobody | CONFLICT",
      WITHDRAW: "author | own too | increment | awaiting:clear | flags:keep | - | decidedAt:keep | reason:keep | none | WITHDRAW from→to about author | tells nobody | CONFLICT",
      APPROVE: "moderator | not own | increment | awaiting:clear | flags:keep | - | decidedAt:now | reason:clear | none | APPROVE from→to about author | decision | from-log",
      REJECT: "moderator | not own | increment | awaiting:clear | flags:keep | - | decidedAt:now | reason:reason | required | REJECT from→to about author | decision | from-log",
      HIDE: "moderator | not own | increment | awaiting:clear | flags:reset | resolves | decidedAt:keep | reason:reason | required | HIDE from→to about author | decision | from-log",
      RESTORE: "moderator | not own | increment | awaiting:clear | flags:keep | - | decidedAt:keep | reason:clear | none | RESTORE from→to about author | decision | from-log",
      DISMISS_FLAGS: "moderator | not own | increment | awaiting:clear | flags:reset | resolves | decidedAt:keep | reason:keep | none | DISMISS_FLAGS from→to about author | tells nobody | from-log",
      NOTE: "moderator | own too | keep | awaiting:keep | flags:keep | - | decidedAt:keep | reason:keep | none | NOTE about author | tells nobody | null",
      REPORT: "reader | not own | keep | awaiting:unless-waiting | flags:increment | - | decidedAt:keep | reason:keep | none | no event | tells nobody | INVALID_STATE",
    });
  });

  it("words what a moderator made stale by each change that moves the version on is told", () => {
    const change = { reference: "AGR-2026-000001", who: "Ana", at: "1 December 2026, 10:00 UTC" };
    const versioned = LIFECYCLE_ACTIONS.filter((action) => TRANSITIONS[action].writes.version === "increment");
    expect(Object.fromEntries(versioned.map((action) => [action, [TRANSITIONS[action].staleAs?.one(change), TRANSITIONS[action].staleAs?.many(change)]]))).toEqual({
      EDIT: ["The author edited this contribution at 1 December 2026, 10:00 UTC. Read the new version before deciding.", "AGR-2026-000001 was edited by its author at 1 December 2026, 10:00 UTC"],
      WITHDRAW: [
        "The author withdrew this contribution at 1 December 2026, 10:00 UTC. Your decision was not applied; reload to see the contribution as it is now.",
        "AGR-2026-000001 was withdrawn by its author at 1 December 2026, 10:00 UTC",
      ],
      APPROVE: [
        "Already decided by Ana at 1 December 2026, 10:00 UTC (approved and published). Your decision was not applied; reload to see the contribution as it is now.",
        "AGR-2026-000001 was already decided by Ana at 1 December 2026, 10:00 UTC (approved and published)",
      ],
      REJECT: [
        "Already decided by Ana at 1 December 2026, 10:00 UTC (rejected). Your decision was not applied; reload to see the contribution as it is now.",
        "AGR-2026-000001 was already decided by Ana at 1 December 2026, 10:00 UTC (rejected)",
      ],
      HIDE: [
        "Already decided by Ana at 1 December 2026, 10:00 UTC (hidden). Your decision was not applied; reload to see the contribution as it is now.",
        "AGR-2026-000001 was already decided by Ana at 1 December 2026, 10:00 UTC (hidden)",
      ],
      RESTORE: [
        "Already decided by Ana at 1 December 2026, 10:00 UTC (restored). Your decision was not applied; reload to see the contribution as it is now.",
        "AGR-2026-000001 was already decided by Ana at 1 December 2026, 10:00 UTC (restored)",
      ],
      DISMISS_FLAGS: [
        "Already decided by Ana at 1 December 2026, 10:00 UTC (reports dismissed, it stays published). Your decision was not applied; reload to see the contribution as it is now.",
        "AGR-2026-000001 was already decided by Ana at 1 December 2026, 10:00 UTC (reports dismissed, it stays published)",
      ],
    });
  });

  it("words the dismissal of reports the moderator has not read by how many arrived", () => {
    const unread = TRANSITIONS.DISMISS_FLAGS.unreadReportsConflict;
    expect([unread?.(1), unread?.(3), unread?.(0)]).toEqual([
      "A new report has arrived since you opened this contribution. Nothing was dismissed; reload to read it first.",
      "3 new reports have arrived since you opened this contribution. Nothing was dismissed; reload to read them first.",
      "The reports on this contribution changed since you opened it. Nothing was dismissed; reload to read them first.",
    ]);
    expect(LIFECYCLE_ACTIONS.filter((action) => TRANSITIONS[action].unreadReportsConflict !== null)).toEqual(["DISMISS_FLAGS"]);
  });
});

describe("what the pages ask the table", () => {
  it("calls the moderators' transitions the author is told about decisions, and offers those that apply", () => {
    expect(DECISION_ACTIONS).toEqual(["APPROVE", "REJECT", "HIDE", "RESTORE"]);
    for (const status of CONTRIBUTION_STATUSES) {
      expect(allowedDecisions(status)).toEqual(DECISION_ACTIONS.filter((decision) => canTake(decision, { status, openFlagCount: 0 })));
    }
  });

  it("asks a reason for rejecting and hiding only, and gives the author the reason of a rejected or hidden contribution", () => {
    expect(LIFECYCLE_ACTIONS.filter(needsReason)).toEqual(["REJECT", "HIDE"]);
    expect([...STATUSES_WITH_REASON]).toEqual(["REJECTED", "HIDDEN"]);
  });

  it("lets the author edit while pending and withdraw while pending or published", () => {
    expect(CONTRIBUTION_STATUSES.filter(isEditableByAuthor)).toEqual(["PENDING"]);
    expect([...WITHDRAWABLE_STATUSES]).toEqual(["PENDING", "APPROVED"]);
    expect(CONTRIBUTION_STATUSES.map(notEditableMessage)).toEqual([null, ...CONTRIBUTION_STATUSES.slice(1).map((status) => UNREPORTED.EDIT[status])]);
  });
});
