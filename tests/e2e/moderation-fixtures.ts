// What tests/e2e/seed/moderation.ts adds for tests/e2e/moderation.spec.ts: a
// consultation and an author of its own, so the queue filtered to it holds
// exactly these contributions and no other spec sees them change.

export const MODERATION_CONSULTATION = {
  slug: "e2e-moderation-queue",
  title: "E2E moderation queue",
};

/** A second one with a single contribution, for two moderators deciding at once. */
export const CONFLICT_CONSULTATION = {
  slug: "e2e-moderation-conflict",
  title: "E2E moderation conflict",
};

export const CONFLICT_TITLE = "E2E queue: decided by two moderators at once";

/** A third with two pending contributions and a published one with an open report, for bulk decisions. */
export const BULK_CONSULTATION = {
  slug: "e2e-moderation-bulk",
  title: "E2E moderation bulk",
};

export const BULK_TITLES = {
  pending: ["E2E bulk: pending one", "E2E bulk: pending two"],
  reported: "E2E bulk: published and reported",
} as const;

/** Who reports BULK_TITLES.reported. */
export const MODERATION_REPORTER = { email: "moderation-reporter@agora.example", name: "Moderation Reporter" };

export const MODERATION_AUTHOR = { email: "moderation-author@agora.example", name: "Moderation Author" };

/** Pending, oldest first: the queue's order. */
export const QUEUE_TITLES = {
  approve: "E2E queue: approve this one",
  reject: "E2E queue: reject this one",
  bulk: ["E2E queue: bulk one", "E2E queue: bulk two", "E2E queue: bulk three"],
  shortcut: "E2E queue: approve with the a key",
} as const;

export const REJECTION = { reason: "Off topic", text: "E2E: it is about another consultation." };
