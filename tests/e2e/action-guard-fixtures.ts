// What tests/e2e/seed/action-guards.ts adds for tests/e2e/action-guards.spec.ts:
// records of someone else for the refused calls to aim at (a pending and a
// reported contribution, a notice, a conference, a consultation, an
// inactive rejection reason), and a participant to call them. The seed
// writes the ids it made to a file in the server's DATA_DIR
// (scripts/e2e-server.sh), where the spec reads them.

export const GUARD_IDS_FILE = ".e2e-data/e2e-action-guards.json";

/** Whose records the calls aim at. */
export const GUARD_TARGET = { email: "guard-target@agora.example", name: "Guard Target" };

/** Who calls every action while signed in as a participant. */
export const GUARD_PARTICIPANT = { email: "guard-participant@agora.example", name: "Guard Participant" };

export const GUARD_CONFERENCE = { slug: "e2e-action-guards-conference", title: "E2E action guards conference" };
export const GUARD_CONSULTATION = { slug: "e2e-action-guards", title: "E2E action guards" };
export const GUARD_PENDING_TITLE = "E2E guards: pending, by someone else";
export const GUARD_REPORTED_TITLE = "E2E guards: published and reported";
export const GUARD_REASON = "E2E guards: an inactive reason";
export const GUARD_NOTICE = "E2E guards: a notice of someone else";

export type GuardIds = {
  targetUserId: string;
  conferenceId: string;
  consultationId: string;
  pending: { id: string; reference: string };
  reported: { id: string; reference: string };
  reasonId: string;
  noticeId: string;
};

/** What a call that got through would have made or written: none of it may be found afterwards. */
export const HIJACKED = {
  title: "E2E guards: hijacked",
  conferenceSlug: "e2e-guards-created-conference",
  consultationSlug: "e2e-guards-created-consultation",
  reason: "E2E guards: created reason",
  note: "E2E guards: a note that must not be written",
};
