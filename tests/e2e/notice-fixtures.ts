import { FIXTURE_CONSULTATION } from "./contribution-fixtures";

// The account and notices tests/e2e/seed/notices.ts adds for tests/e2e/notices.spec.ts:
// an account of its own, so that no other spec sees its unread count change.

export const NOTICE_READER = { email: "notice-reader@agora.example", name: "Notice Reader" };

export const NOTICES = [
  { message: "E2E notice: your contribution was approved and is now published.", link: `/consultations/${FIXTURE_CONSULTATION.slug}`, minutesAgo: 5, read: false },
  { message: "E2E notice: your contribution was not approved. Reason: off topic.", link: null, minutesAgo: 60, read: false },
  { message: "E2E notice: an older notice, already read.", link: null, minutesAgo: 600, read: true },
] as const;
