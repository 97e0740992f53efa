import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findConferences } from "@/lib/conferences/find-conferences";
import { findUpcomingConferences } from "@/lib/conferences/find-upcoming-conferences";
import { getConference } from "@/lib/conferences/get-conference";
import { findConsultations } from "@/lib/consultations/find-consultations";
import { findOpenConsultations } from "@/lib/consultations/find-open-consultations";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { createTestConference, createTestConsultation, type TestConference, type TestConsultation } from "../helpers/content-factories";
import { createTestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

const DAY = 24 * 60 * 60 * 1000;
const now = Date.now();
const at = (days: number) => new Date(now + days * DAY);

let running: TestConference;
let upcomingLater: TestConference;
let upcomingSoon: TestConference;
let past: TestConference;
let c: Record<"openLate" | "openSoon" | "notYetOpen" | "closedOld" | "closedRecent" | "archived" | "draft", TestConsultation>;
let users: Record<"participant" | "moderator" | "admin", string>;

beforeAll(async () => {
  running = await createTestConference({ title: "Running workshop", startsAt: at(-1), endsAt: at(1) });
  upcomingLater = await createTestConference({ title: "Later summit", startsAt: at(40), endsAt: at(41), timeZone: "Asia/Tokyo" });
  upcomingSoon = await createTestConference({ title: "Soon summit", startsAt: at(5), endsAt: at(6), isOnline: true, venue: null });
  past = await createTestConference({ title: "Past dialogue", startsAt: at(-30), endsAt: at(-29) });
  c = {
    openLate: await createTestConsultation({ title: "Open late", closesAt: at(60), conferenceId: upcomingLater.id }),
    openSoon: await createTestConsultation({
      title: "Open soon",
      closesAt: at(3),
      conferenceId: running.id,
      questions: [
        { kind: "SCALE", prompt: "Second question", required: false },
        { kind: "FREE_TEXT", prompt: "First question", required: true },
      ],
    }),
    notYetOpen: await createTestConsultation({ title: "Not yet open", opensAt: at(2), closesAt: at(20) }),
    closedOld: await createTestConsultation({ title: "Closed old", status: "CLOSED", opensAt: at(-90), closesAt: at(-60), conferenceId: past.id }),
    closedRecent: await createTestConsultation({ title: "Closed recent", status: "CLOSED", opensAt: at(-40), closesAt: at(-10), conferenceId: past.id }),
    archived: await createTestConsultation({ title: "Archived one", status: "ARCHIVED", opensAt: at(-400), closesAt: at(-300) }),
    draft: await createTestConsultation({ title: "Draft one", status: "DRAFT", opensAt: at(10), closesAt: at(40), conferenceId: upcomingLater.id }),
  };
  users = {
    participant: (await createTestUser()).id,
    moderator: (await createTestUser({ role: "MODERATOR" })).id,
    admin: (await createTestUser({ role: "ADMIN" })).id,
  };
});

beforeEach(() => signOut());

const slugs = (items: { slug: string }[]) => items.map((item) => item.slug);
const listConsultations = async (input?: Record<string, string>) => (await findConsultations(input)).consultations;

describe("findConsultations", () => {
  it("lists open, then closed, then archived consultations to a visitor, never drafts", async () => {
    const list = await listConsultations();
    expect(slugs(list)).toEqual([
      c.openSoon.slug,
      c.notYetOpen.slug,
      c.openLate.slug,
      c.closedRecent.slug,
      c.closedOld.slug,
      c.archived.slug,
    ]);
    expect(list[0]).toMatchObject({ title: "Open soon", status: "OPEN", topics: ["AI"], conference: { slug: running.slug, title: running.title } });
    expect(list[0]).not.toHaveProperty("body");
  });

  it.each(["participant", "moderator"] as const)("hides drafts from a %s", async (role) => {
    await signInAs(users[role]);
    expect(slugs(await listConsultations())).not.toContain(c.draft.slug);
    expect(await listConsultations({ status: "DRAFT" })).toEqual([]);
  });

  it("shows drafts to an administrator, after the public ones", async () => {
    await signInAs(users.admin);
    const list = await listConsultations();
    expect(slugs(list).at(-1)).toBe(c.draft.slug);
    expect(slugs(await listConsultations({ status: "DRAFT" }))).toEqual([c.draft.slug]);
  });

  it("filters by status", async () => {
    expect(slugs(await listConsultations({ status: "CLOSED" }))).toEqual([c.closedRecent.slug, c.closedOld.slug]);
    expect(slugs(await listConsultations({ status: "ARCHIVED" }))).toEqual([c.archived.slug]);
    expect(await listConsultations({ status: "" })).toHaveLength(6);
  });

  it("refuses an unknown status with a message", async () => {
    await expect(findConsultations({ status: "PUBLISHED" })).rejects.toMatchObject({
      code: "VALIDATION",
      status: 422,
      fieldErrors: { status: ["Choose a status from the list."] },
    });
  });
});

describe("findOpenConsultations (home page)", () => {
  it("lists only consultations open now, closing soonest first", async () => {
    expect(slugs(await findOpenConsultations())).toEqual([c.openSoon.slug, c.openLate.slug]);
  });
});

describe("getConsultation", () => {
  it("returns a public consultation with its questions in order and its conference's time zone", async () => {
    const consultation = await getConsultation(c.openSoon.slug);
    expect(consultation).toMatchObject({
      slug: c.openSoon.slug,
      status: "OPEN",
      body: "## About\n\nOpen soon.",
      timeZone: "Europe/Brussels",
      conference: { slug: running.slug, title: running.title, timeZone: "Europe/Brussels" },
    });
    expect(consultation?.questions.map((question) => [question.position, question.prompt, question.kind, question.required])).toEqual([
      [0, "Second question", "SCALE", false],
      [1, "First question", "FREE_TEXT", true],
    ]);
  });

  it("shows dates in UTC when there is no conference", async () => {
    expect(await getConsultation(c.archived.slug)).toMatchObject({ conference: null, timeZone: "UTC" });
  });

  it("returns null for an unknown slug", async () => {
    expect(await getConsultation("no-such-consultation")).toBeNull();
  });

  it.each([null, "participant", "moderator"] as const)("hides a draft from %s as if it did not exist", async (role) => {
    if (role) await signInAs(users[role]);
    expect(await getConsultation(c.draft.slug)).toBeNull();
  });

  it("shows a draft to an administrator", async () => {
    await signInAs(users.admin);
    expect(await getConsultation(c.draft.slug)).toMatchObject({ slug: c.draft.slug, status: "DRAFT", timeZone: "Asia/Tokyo" });
  });
});

describe("findConferences", () => {
  it("splits conferences into running, upcoming (soonest first) and past, counting public consultations", async () => {
    const { running: runningNow, upcoming, past: over } = await findConferences({ now: new Date(now) });
    expect(slugs(runningNow)).toEqual([running.slug]);
    expect(slugs(upcoming)).toEqual([upcomingSoon.slug, upcomingLater.slug]);
    expect(slugs(over)).toEqual([past.slug]);
    expect(upcoming[1]).toMatchObject({ timeZone: "Asia/Tokyo", consultationCount: 1, description: "About Later summit." });
    expect(upcoming[0]).toMatchObject({ isOnline: true, venue: null, consultationCount: 0 });
    expect(over[0]?.consultationCount).toBe(2);
  });

  it("counts drafts for an administrator only", async () => {
    await signInAs(users.participant);
    expect((await findConferences()).upcoming.find((item) => item.slug === upcomingLater.slug)?.consultationCount).toBe(1);
    await signInAs(users.admin);
    expect((await findConferences()).upcoming.find((item) => item.slug === upcomingLater.slug)?.consultationCount).toBe(2);
  });

  it("orders past conferences most recent first", async () => {
    const older = await createTestConference({ title: "Older past", startsAt: at(-200), endsAt: at(-199) });
    expect(slugs((await findConferences()).past)).toEqual([past.slug, older.slug]);
    expect(slugs(await findUpcomingConferences())).toEqual([running.slug, upcomingSoon.slug, upcomingLater.slug]);
  });
});

describe("getConference", () => {
  it("returns a conference with its public consultations", async () => {
    const conference = await getConference(past.slug);
    expect(conference).toMatchObject({ slug: past.slug, title: "Past dialogue", venue: "Brussels", timeZone: "Europe/Brussels" });
    expect(slugs(conference?.consultations ?? [])).toEqual([c.closedRecent.slug, c.closedOld.slug]);
  });

  it("lists a draft consultation of the conference to an administrator only", async () => {
    expect(slugs((await getConference(upcomingLater.slug))?.consultations ?? [])).toEqual([c.openLate.slug]);
    await signInAs(users.moderator);
    expect(slugs((await getConference(upcomingLater.slug))?.consultations ?? [])).toEqual([c.openLate.slug]);
    await signInAs(users.admin);
    expect(slugs((await getConference(upcomingLater.slug))?.consultations ?? [])).toEqual([c.openLate.slug, c.draft.slug]);
  });

  it("returns null for an unknown slug", async () => {
    expect(await getConference("no-such-conference")).toBeNull();
  });
});
