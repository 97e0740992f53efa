import type { AppErrorCode } from "@/lib/errors";
import { ContributionStatus, type ModerationAction } from "@/lib/generated/prisma/enums";

// A contribution's lifecycle in one table: for each action, the statuses it
// applies to and the one it leads to, who may take it, what it writes, what it
// logs and tells the author, and the words for every status it does not apply
// to. Pure and isomorphic: pages and components ask it which actions to offer;
// applyTransition (apply-transition.ts) applies it with the same words. How to
// add a row: docs/decisions/0007-contribution-lifecycle.md.

export const LIFECYCLE_ACTIONS = ["SUBMIT", "EDIT", "WITHDRAW", "APPROVE", "REJECT", "HIDE", "RESTORE", "DISMISS_FLAGS", "NOTE", "REPORT"] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export const CONTRIBUTION_STATUSES: readonly ContributionStatus[] = Object.values(ContributionStatus);

/** What is said when an action does not apply: the same words, or other words while the contribution has open reports. */
export type Refusal = string | { unreported: string; reported: string };

/** How a moderator whose version this change made stale is told about it, with who made it and when (from the log). */
export type StaleWording = {
  one: (change: { who: string; at: string }) => string;
  /** One contribution of a bulk decision. */
  many: (change: { reference: string; who: string; at: string }) => string;
};

export type Transition = {
  /** Who takes it: the contribution's author, a moderator, or any signed-in reader. */
  by: "author" | "moderator" | "reader";
  /** The statuses it applies to (none: it creates the contribution). */
  from: readonly ContributionStatus[];
  /** The status it leads to; null when the status stays. */
  to: ContributionStatus | null;
  /** Statuses in which it is already done: asked again, it answers as done and writes nothing. */
  doneIn: readonly ContributionStatus[];
  /** Refused (FORBIDDEN) on one's own contribution, with these words; null when the author may. */
  ownRefusal: string | null;
  /** Refused (INVALID_STATE) in every other status, with these words. */
  refusals: Partial<Record<ContributionStatus, Refusal>>;
  /** Refused (INVALID_STATE) with these words when the contribution has no open report; null when reports do not matter. */
  noReportsRefusal: string | null;
  writes: {
    /** "increment": the change is made on the version its author saw, and moves it on. */
    version: "increment" | "keep";
    /** The moderation queue is the rows where it is set. "unless-waiting": now, unless it already waits. */
    awaitingSince: "now" | "clear" | "keep" | "unless-waiting";
    openFlagCount: "reset" | "increment" | "keep";
    /** Every open report is resolved with it. */
    resolvesFlags: boolean;
    /** Open data publishes it as the time of publication. */
    decidedAt: "now" | "keep";
    /** The reason the author is given, kept only while it applies. */
    rejectionReason: "reason" | "clear" | "keep";
  };
  /** The author is given a reason: a listed one, the moderator's words or both. */
  reason: "required" | "none";
  /** The event appended to the log, with the statuses before and after or without; null: none (a report is its Flag row). */
  logs: { action: ModerationAction; statuses: boolean; aboutAuthor: boolean } | null;
  /** What the author receives: the decision's notice and e-mail, the submission's receipt, or nothing. */
  tellsAuthor: "decision" | "receipt" | null;
  /**
   * When it lost a race (the contribution changed between its read and its
   * write): "from-log" names, from the log, who changed it, and the same actor's
   * identical repeat answers as done; otherwise these words. Null when it is
   * never conditional.
   */
  conflict: "from-log" | { code: AppErrorCode; message: string } | null;
  /** For a change that moves the version on: what a moderator it made stale is told. */
  staleAs: StaleWording | null;
  /** When the actor says how many open reports they read: the refusal when more (or other) reports are open now. */
  unreadReportsConflict: ((arrived: number) => string) | null;
};

export const NOT_APPLIED = "Your decision was not applied; reload to see the contribution as it is now.";

const NO_LONGER_MODERATED = "The author withdrew this contribution: it can no longer be moderated.";
const OWN_CONTRIBUTION = "Another moderator must decide on your own contribution.";
const NOT_PUBLISHED = "Only published contributions can be reported.";
const NOT_EDITABLE = (why: string) => `${why}, so it can no longer be edited.`;

const decidedAs = (what: string): StaleWording => ({
  one: ({ who, at }) => `Already decided by ${who} at ${at} (${what}). ${NOT_APPLIED}`,
  many: ({ reference, who, at }) => `${reference} was already decided by ${who} at ${at} (${what})`,
});

/** The moderators' decisions: the author is told, with the reason where there is one. */
const DECISION = {
  by: "moderator",
  doneIn: [],
  ownRefusal: OWN_CONTRIBUTION,
  noReportsRefusal: null,
  tellsAuthor: "decision",
  conflict: "from-log",
  unreadReportsConflict: null,
} as const;

const TABLE = {
  SUBMIT: {
    by: "author",
    from: [],
    to: "PENDING",
    doneIn: [],
    ownRefusal: null,
    refusals: {},
    noReportsRefusal: null,
    writes: { version: "keep", awaitingSince: "now", openFlagCount: "keep", resolvesFlags: false, decidedAt: "keep", rejectionReason: "keep" },
    reason: "none",
    // The author is not the event's subject: a user's subject events are those about them as a user.
    logs: { action: "SUBMIT", statuses: true, aboutAuthor: false },
    tellsAuthor: "receipt",
    conflict: null,
    staleAs: null,
    unreadReportsConflict: null,
  },
  EDIT: {
    by: "author",
    from: ["PENDING"],
    to: null,
    doneIn: [],
    ownRefusal: null,
    refusals: {
      APPROVED: NOT_EDITABLE("This contribution has been approved and published"),
      REJECTED: NOT_EDITABLE("This contribution has been reviewed and rejected"),
      HIDDEN: NOT_EDITABLE("This contribution has been reviewed by the moderators"),
      WITHDRAWN: NOT_EDITABLE("You withdrew this contribution"),
    },
    noReportsRefusal: null,
    writes: { version: "increment", awaitingSince: "keep", openFlagCount: "keep", resolvesFlags: false, decidedAt: "keep", rejectionReason: "keep" },
    reason: "none",
    logs: { action: "EDIT", statuses: true, aboutAuthor: false },
    tellsAuthor: null,
    conflict: {
      code: "CONFLICT",
      message: "This contribution changed since you opened it (in another window, or by a moderator's decision). Please reload the page: your changes here were not saved.",
    },
    staleAs: {
      one: ({ at }) => `The author edited this contribution at ${at}. Read the new version before deciding.`,
      many: ({ reference, at }) => `${reference} was edited by its author at ${at}`,
    },
    unreadReportsConflict: null,
  },
  WITHDRAW: {
    by: "author",
    // Rejected and hidden ones stay as they are.
    from: ["PENDING", "APPROVED"],
    to: "WITHDRAWN",
    doneIn: ["WITHDRAWN"],
    ownRefusal: null,
    refusals: {
      REJECTED: "Only a contribution that is pending or published can be withdrawn.",
      HIDDEN: "Only a contribution that is pending or published can be withdrawn.",
    },
    noReportsRefusal: null,
    writes: { version: "increment", awaitingSince: "clear", openFlagCount: "keep", resolvesFlags: false, decidedAt: "keep", rejectionReason: "keep" },
    reason: "none",
    logs: { action: "WITHDRAW", statuses: true, aboutAuthor: true },
    tellsAuthor: null,
    conflict: { code: "CONFLICT", message: "This contribution changed just now (a moderator may have decided on it). Reload the page and try again." },
    staleAs: {
      one: ({ at }) => `The author withdrew this contribution at ${at}. ${NOT_APPLIED}`,
      many: ({ reference, at }) => `${reference} was withdrawn by its author at ${at}`,
    },
    unreadReportsConflict: null,
  },
  APPROVE: {
    ...DECISION,
    // From REJECTED too: a moderator may reconsider a rejection.
    from: ["PENDING", "REJECTED"],
    to: "APPROVED",
    refusals: {
      APPROVED: {
        unreported: "This contribution is already published.",
        reported: "This contribution is already published. To keep it published despite the reports, dismiss the reports.",
      },
      HIDDEN: "This contribution is hidden. Restore it to publish it again.",
      WITHDRAWN: NO_LONGER_MODERATED,
    },
    writes: { version: "increment", awaitingSince: "clear", openFlagCount: "keep", resolvesFlags: false, decidedAt: "now", rejectionReason: "clear" },
    reason: "none",
    logs: { action: "APPROVE", statuses: true, aboutAuthor: true },
    staleAs: decidedAs("approved and published"),
  },
  REJECT: {
    ...DECISION,
    from: ["PENDING"],
    to: "REJECTED",
    refusals: {
      APPROVED: "A published contribution cannot be rejected. Hide it instead.",
      REJECTED: "This contribution is already rejected.",
      HIDDEN: "Only a pending contribution can be rejected.",
      WITHDRAWN: NO_LONGER_MODERATED,
    },
    writes: { version: "increment", awaitingSince: "clear", openFlagCount: "keep", resolvesFlags: false, decidedAt: "now", rejectionReason: "reason" },
    reason: "required",
    logs: { action: "REJECT", statuses: true, aboutAuthor: true },
    staleAs: decidedAs("rejected"),
  },
  HIDE: {
    ...DECISION,
    from: ["APPROVED"],
    to: "HIDDEN",
    refusals: {
      PENDING: "A pending contribution is not published yet. Reject it instead of hiding it.",
      REJECTED: "Only a published contribution can be hidden.",
      HIDDEN: "This contribution is already hidden.",
      WITHDRAWN: NO_LONGER_MODERATED,
    },
    // Hiding acts on the reports: they are resolved with it. It keeps the
    // time of approval, which open data publishes.
    writes: { version: "increment", awaitingSince: "clear", openFlagCount: "reset", resolvesFlags: true, decidedAt: "keep", rejectionReason: "reason" },
    reason: "required",
    logs: { action: "HIDE", statuses: true, aboutAuthor: true },
    staleAs: decidedAs("hidden"),
  },
  RESTORE: {
    ...DECISION,
    from: ["HIDDEN"],
    to: "APPROVED",
    refusals: {
      PENDING: "Only a hidden contribution can be restored.",
      APPROVED: "This contribution is already published.",
      REJECTED: "Only a hidden contribution can be restored.",
      WITHDRAWN: NO_LONGER_MODERATED,
    },
    writes: { version: "increment", awaitingSince: "clear", openFlagCount: "keep", resolvesFlags: false, decidedAt: "keep", rejectionReason: "clear" },
    reason: "none",
    logs: { action: "RESTORE", statuses: true, aboutAuthor: true },
    staleAs: decidedAs("restored"),
  },
  DISMISS_FLAGS: {
    // The reports were read and the contribution stays published. Nobody is
    // told: not the author, and not those who reported it.
    by: "moderator",
    from: ["APPROVED"],
    to: null,
    doneIn: [],
    ownRefusal: OWN_CONTRIBUTION,
    refusals: {
      PENDING: "Only the reports on a published contribution can be dismissed.",
      REJECTED: "Only the reports on a published contribution can be dismissed.",
      HIDDEN: "Only the reports on a published contribution can be dismissed.",
      WITHDRAWN: "Only the reports on a published contribution can be dismissed.",
    },
    noReportsRefusal: "This contribution has no open reports to dismiss.",
    writes: { version: "increment", awaitingSince: "clear", openFlagCount: "reset", resolvesFlags: true, decidedAt: "keep", rejectionReason: "keep" },
    reason: "none",
    logs: { action: "DISMISS_FLAGS", statuses: true, aboutAuthor: true },
    tellsAuthor: null,
    conflict: "from-log",
    staleAs: decidedAs("reports dismissed, it stays published"),
    // Reporting does not move the version on: the count the moderator read
    // keeps a report that arrived meanwhile from being dismissed unread.
    unreadReportsConflict: (arrived) => {
      if (arrived <= 0) return "The reports on this contribution changed since you opened it. Nothing was dismissed; reload to read them first.";
      const what = arrived === 1 ? "A new report has" : `${arrived} new reports have`;
      return `${what} arrived since you opened this contribution. Nothing was dismissed; reload to read ${arrived === 1 ? "it" : "them"} first.`;
    },
  },
  NOTE: {
    // Internal, for the moderators only, on any contribution (their own
    // too). It writes nothing on the contribution, not even the version, so a
    // note never makes another moderator's decision stale.
    by: "moderator",
    from: CONTRIBUTION_STATUSES,
    to: null,
    doneIn: [],
    ownRefusal: null,
    refusals: {},
    noReportsRefusal: null,
    writes: { version: "keep", awaitingSince: "keep", openFlagCount: "keep", resolvesFlags: false, decidedAt: "keep", rejectionReason: "keep" },
    reason: "none",
    logs: { action: "NOTE", statuses: false, aboutAuthor: true },
    tellsAuthor: null,
    conflict: null,
    staleAs: null,
    unreadReportsConflict: null,
  },
  REPORT: {
    // A published contribution with an open report goes back to the queue,
    // waiting since its first open report. Reports add up: they are not made
    // on a version, and do not move it on.
    by: "reader",
    from: ["APPROVED"],
    to: null,
    doneIn: [],
    ownRefusal: "You cannot report your own contribution.",
    refusals: { PENDING: NOT_PUBLISHED, REJECTED: NOT_PUBLISHED, HIDDEN: NOT_PUBLISHED, WITHDRAWN: NOT_PUBLISHED },
    noReportsRefusal: null,
    writes: { version: "keep", awaitingSince: "unless-waiting", openFlagCount: "increment", resolvesFlags: false, decidedAt: "keep", rejectionReason: "keep" },
    reason: "none",
    // Who reported what is the Flag row, which moderators never see by name.
    logs: null,
    tellsAuthor: null,
    conflict: { code: "INVALID_STATE", message: NOT_PUBLISHED },
    staleAs: null,
    unreadReportsConflict: null,
  },
} satisfies Record<LifecycleAction, Transition>;

export const TRANSITIONS: Readonly<Record<LifecycleAction, Transition>> = TABLE;

// Every status has its answer for every action on an existing contribution:
// it applies, it is already done, or the words it is refused with. A row that
// leaves one out does not compile. (SUBMIT applies to none: it creates.)
type Unanswered = {
  [A in LifecycleAction]: (typeof TABLE)[A]["from"][number] extends never
    ? never
    : Exclude<ContributionStatus, (typeof TABLE)[A]["from"][number] | (typeof TABLE)[A]["doneIn"][number] | keyof (typeof TABLE)[A]["refusals"]>;
}[LifecycleAction];
const everyStatusAnswered: [Unanswered] extends [never] ? true : Unanswered = true;
void everyStatusAnswered;

/** The status a contribution is submitted in. */
export const SUBMITTED_STATUS = TABLE.SUBMIT.to;

/** A moderator's decision: the transitions the author is told about. */
export type DecisionAction = { [A in LifecycleAction]: (typeof TABLE)[A]["tellsAuthor"] extends "decision" ? A : never }[LifecycleAction];

export const isDecision = (action: LifecycleAction): action is DecisionAction => TRANSITIONS[action].tellsAuthor === "decision";

export const DECISION_ACTIONS: readonly DecisionAction[] = LIFECYCLE_ACTIONS.filter(isDecision);

/** What the rules look at: the status, and whether there are open reports. */
export type LifecycleState = { status: ContributionStatus; openFlagCount: number };

/**
 * Why this action cannot be taken on a contribution in this state, or null
 * when it can (or is already done there). Names the action that does apply
 * where there is one.
 */
export function transitionRefusal(action: LifecycleAction, { status, openFlagCount }: LifecycleState): string | null {
  const transition = TRANSITIONS[action];
  if (transition.doneIn.includes(status)) return null;
  if (transition.from.includes(status)) return openFlagCount === 0 ? transition.noReportsRefusal : null;
  const refusal = transition.refusals[status];
  // Only SUBMIT gets here without words (the check above the table rules out
  // any other): it creates a contribution and applies to none that exists.
  if (refusal === undefined) throw new Error(`${action} does not apply to an existing contribution`);
  if (typeof refusal === "string") return refusal;
  return openFlagCount > 0 ? refusal.reported : refusal.unreported;
}

/** Whether the action applies to a contribution in this state (not refused, not already done). */
export function canTake(action: LifecycleAction, state: LifecycleState): boolean {
  return TRANSITIONS[action].from.includes(state.status) && transitionRefusal(action, state) === null;
}

/** The decisions a moderator can take on a contribution in this status. */
export function allowedDecisions(status: ContributionStatus): DecisionAction[] {
  return DECISION_ACTIONS.filter((decision) => TRANSITIONS[decision].from.includes(status));
}

/** Why this decision cannot be taken on a contribution in this state, or null when it can. */
export function decisionRefusal(decision: DecisionAction, contribution: LifecycleState): string | null {
  return transitionRefusal(decision, contribution);
}

/** The transitions that tell the author why, and so need a reason. */
export function needsReason(action: LifecycleAction): boolean {
  return TRANSITIONS[action].reason === "required";
}

/** The statuses whose reason the author is given: those a transition with a reason leads to. */
export const STATUSES_WITH_REASON: ReadonlySet<ContributionStatus> = new Set(
  LIFECYCLE_ACTIONS.flatMap((action) => {
    const { to, writes } = TRANSITIONS[action];
    return writes.rejectionReason === "reason" && to ? [to] : [];
  }),
);

/** An author may take back a contribution waiting for moderation or published. */
export const WITHDRAWABLE_STATUSES: ReadonlySet<ContributionStatus> = new Set(TRANSITIONS.WITHDRAW.from);

/** Authors may edit a contribution only while it waits for moderation. */
export function isEditableByAuthor(status: ContributionStatus): boolean {
  return TRANSITIONS.EDIT.from.includes(status);
}

/** Why the author can no longer edit a contribution in this status, or null while they can. */
export function notEditableMessage(status: ContributionStatus): string | null {
  return transitionRefusal("EDIT", { status, openFlagCount: 0 });
}

/** How a bulk refusal describes a contribution that is not in a state the decision applies to. */
export const STATUS_PHRASES: Record<ContributionStatus, string> = {
  PENDING: "is pending",
  APPROVED: "is published",
  REJECTED: "is rejected",
  HIDDEN: "is hidden",
  WITHDRAWN: "was withdrawn by its author",
};
