import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as themeStatusRoute } from "@/app/consultations/[slug]/summary/themes/route";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { runDueJobs } from "@/lib/jobs/run-due-jobs";
import { getSummaryPage } from "@/lib/summaries/get-summary-page";
import { saveSummary } from "@/lib/summaries/save-summary";
import type { ThemeRef } from "@/lib/summaries/steering/schema";
import { steerThemes } from "@/lib/summaries/theme-job/steer-themes";
import { themeJobKey } from "@/lib/summaries/theme-job/theme-job";
import { jobHandlers } from "@/lib/worker/job-handlers";
import { threeSubjectDocuments } from "../helpers/three-subjects";
import { createTestContribution } from "../helpers/contribution-factory";
import { createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

// Moderators steer the themes (issue 11): each change is a step saved on
// the working copy with a new version, logged, and applied by the theme
// job; publishing freezes the steps with the version.

let consultation: TestConsultation;
let moderator: TestUser;
let participant: TestUser;

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as AppError);

async function liveThemes() {
  await signInAs(moderator.id);
  const page = await getSummaryPage(consultation.slug, { live: true });
  return { themes: page?.figures?.themes.contributions.themes ?? [], status: page?.liveThemes?.status };
}

async function refOfFirstTheme(): Promise<ThemeRef> {
  const [first] = (await liveThemes()).themes;
  if (!first) throw new Error("The engine found no theme.");
  return { key: first.key, label: first.label, terms: first.terms };
}

beforeAll(async () => {
  consultation = await createTestConsultation();
  moderator = await createTestUser({ role: "MODERATOR" });
  participant = await createTestUser();
  const authorId = (await createTestUser({ stakeholderType: "NGO", country: "FR" })).id;
  const { documents } = threeSubjectDocuments();
  for (const document of documents.filter((each) => each.language === "en")) {
    await createTestContribution({ authorId, consultationId: consultation.id, status: "APPROVED", body: document.text, language: "en" });
  }
  await createTestContribution({ authorId, consultationId: consultation.id, status: "PENDING", body: "Waiting for a moderator to read it." });
  await liveThemes();
  await runDueJobs({ handlers: jobHandlers });
});

beforeEach(() => signOut());

describe("steering the themes", () => {
  it("is refused to participants and to visitors, and writes nothing", async () => {
    const input = { change: "add", consultationId: consultation.id, baseVersion: 0, step: { kind: "add", label: "Cycling", seeds: ["bike lanes"] } };
    expect((await failure(steerThemes(input)))?.code).toBe("UNAUTHENTICATED");
    await signInAs(participant.id);
    expect((await failure(steerThemes(input)))?.code).toBe("FORBIDDEN");
    expect(await db.themeSteering.count({ where: { consultationId: consultation.id } })).toBe(0);
    expect(await db.themeSteeringEvent.count({ where: { consultationId: consultation.id } })).toBe(0);
  });

  it("names what is wrong with a step, on its field", async () => {
    await signInAs(moderator.id);
    const noLabel = await failure(steerThemes({ change: "add", consultationId: consultation.id, baseVersion: 0, step: { kind: "add", label: " ", seeds: [] } }));
    expect(noLabel?.code).toBe("VALIDATION");
    expect(noLabel?.fieldErrors).toMatchObject({ "step.label": [expect.stringMatching(/name/)], "step.seeds": [expect.stringMatching(/seed/)] });
    const unknown = await failure(
      steerThemes({ change: "add", consultationId: consultation.id, baseVersion: 0, step: { kind: "move", contribution: "AGR-1999-000001", from: null, to: await refOfFirstTheme() } }),
    );
    expect(unknown?.fieldErrors).toEqual({ "step.contribution": ["No contribution to this consultation has the reference AGR-1999-000001."] });
    expect((await failure(steerThemes({ change: "add", consultationId: "no-such-id", baseVersion: 0, step: { kind: "add", label: "X theme", seeds: ["x y"] } })))?.code).toBe("NOT_FOUND");
    expect(await db.themeSteering.count({ where: { consultationId: consultation.id } })).toBe(0);
  });

  it("saves a rename as version 1, logs it, and the theme job applies it", async () => {
    const theme = await refOfFirstTheme();
    await signInAs(moderator.id);
    const input = { change: "add", consultationId: consultation.id, baseVersion: 0, step: { kind: "rename", theme, label: "Named by the moderators" } };
    const steered = await steerThemes(input);
    expect(steered.version).toBe(1);
    // A double click: the same change from the same base gives the same version.
    expect((await steerThemes(input)).version).toBe(1);
    expect(await db.themeSteeringEvent.count({ where: { consultationId: consultation.id } })).toBe(1);
    const event = await db.themeSteeringEvent.findFirstOrThrow({ where: { consultationId: consultation.id } });
    expect(event).toMatchObject({ actorId: moderator.id, change: { change: "add", version: 1, step: { kind: "rename", label: "Named by the moderators" } } });
    // Another change from the old base is someone else's conflict.
    const conflict = await failure(steerThemes({ ...input, step: { kind: "rename", theme, label: "Another name" } }));
    expect(conflict?.code).toBe("CONFLICT");

    expect((await liveThemes()).status).toMatchObject({ state: "stale", job: { status: "PENDING" }, outcomes: null });
    const refused = await failure(saveSummary({ consultationId: consultation.id, synthesis: "Too early.", baseVersion: 0, publish: true }));
    expect(refused?.message).toMatch(/latest steering/);

    await runDueJobs({ handlers: jobHandlers });
    const { themes, status } = await liveThemes();
    expect(themes[0]).toMatchObject({ label: "Named by the moderators", steered: true });
    expect(status).toMatchObject({ state: "current", outcomes: [{ status: "applied", description: `Renamed “${theme.label}” to “Named by the moderators”.` }] });
  });

  it("says when seed words match nothing, and moves a contribution out of a theme", async () => {
    await signInAs(moderator.id);
    await steerThemes({ change: "add", consultationId: consultation.id, baseVersion: 1, step: { kind: "add", label: "Night trains", seeds: ["night train", "sleeper"] } });
    // One of the first theme's contributions, as the stored placements have it.
    const first = await refOfFirstTheme();
    const placed = (await db.themeComputation.findUniqueOrThrow({ where: { consultationId: consultation.id } })).placements as { contributions: Record<string, { themes?: { key: string }[] }> };
    const movedId = Object.entries(placed.contributions).find(([, placement]) => placement.themes?.some((entry) => entry.key === first.key))?.[0] as string;
    const moved = (await db.contribution.findUniqueOrThrow({ where: { id: movedId } })).reference;
    await signInAs(moderator.id);
    await steerThemes({ change: "add", consultationId: consultation.id, baseVersion: 2, step: { kind: "move", contribution: moved, from: first, to: null } });
    await runDueJobs({ handlers: jobHandlers });
    const computation = await db.themeComputation.findUniqueOrThrow({ where: { consultationId: consultation.id } });
    expect(computation.steeringVersion).toBe(3);
    // Out of that theme; in any other it was in, or set aside when none.
    const after = (computation.placements as { contributions: Record<string, { themes?: { key: string }[]; reason?: string }> }).contributions[movedId];
    expect(after?.themes?.map((entry) => entry.key) ?? [after?.reason]).not.toContain(first.key);
    expect(after?.themes?.length ?? 0).toBe((placed.contributions[movedId]?.themes?.length ?? 0) - 1);
    const outcomes = (await liveThemes()).status?.outcomes ?? [];
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["applied", "nothingToDo", "applied"]);
    // No contribution speaks of night trains: the step says so rather than making an empty theme.
    expect(outcomes[1]?.description).toBe("No contribution mentions “night train” or “sleeper”.");
    expect(outcomes[2]?.description).toBe(`Moved ${moved} out of “Named by the moderators”.`);
  });

  it("takes a step out again, and publishing freezes the steps with the version", async () => {
    await signInAs(moderator.id);
    const before = await db.themeSteering.findUniqueOrThrow({ where: { consultationId: consultation.id } });
    const removed = await steerThemes({ change: "remove", consultationId: consultation.id, baseVersion: before.version, index: 0 });
    expect(removed.steps.map((step) => step.kind)).toEqual(["add", "move"]);
    expect((await failure(steerThemes({ change: "remove", consultationId: consultation.id, baseVersion: removed.version, index: 5 })))?.code).toBe("INVALID_STATE");
    await runDueJobs({ handlers: jobHandlers });
    expect((await liveThemes()).themes.map((theme) => theme.label)).not.toContain("Named by the moderators");

    await signInAs(moderator.id);
    const saved = await saveSummary({ consultationId: consultation.id, synthesis: "What we heard.", baseVersion: 0, publish: true });
    const version = await db.consultationSummary.findUniqueOrThrow({ where: { consultationId_version: { consultationId: consultation.id, version: saved.version } } });
    expect(version.steering).toEqual(removed.steps);
  });

  it("is not lost when it comes while the job runs: the status asks for the job again", async () => {
    await signInAs(moderator.id);
    const key = themeJobKey(consultation.id);
    // The job is running (with the steering as it was) when the moderator saves a step.
    await db.job.update({ where: { dedupeKey: key }, data: { status: "RUNNING" } });
    const before = await db.themeSteering.findUniqueOrThrow({ where: { consultationId: consultation.id } });
    await steerThemes({ change: "add", consultationId: consultation.id, baseVersion: before.version, step: { kind: "add", label: "Farm payments", seeds: ["subsidies"] } });
    expect((await db.job.findUniqueOrThrow({ where: { dedupeKey: key } })).status).toBe("RUNNING");
    // That run ends, its themes a version behind.
    await db.job.update({ where: { dedupeKey: key }, data: { status: "DONE" } });
    const response = await themeStatusRoute(new Request(`http://localhost:3000/consultations/${consultation.slug}/summary/themes`), { params: Promise.resolve({ slug: consultation.slug }) });
    expect(await response.json()).toMatchObject({ state: "stale", job: { status: "PENDING" }, outcomes: null });
    expect((await db.job.findUniqueOrThrow({ where: { dedupeKey: key } })).status).toBe("PENDING");
    await runDueJobs({ handlers: jobHandlers });
    expect((await liveThemes()).status).toMatchObject({ state: "current", job: null });
  });
});
