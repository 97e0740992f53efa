import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as themeStatusRoute } from "@/app/consultations/[slug]/summary/themes/route";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { runDueJobs } from "@/lib/jobs/run-due-jobs";
import { getSummaryPage } from "@/lib/summaries/get-summary-page";
import { saveSummary } from "@/lib/summaries/save-summary";
import { computeAndStoreThemes, themeJobKey } from "@/lib/summaries/theme-job/theme-job";
import { jobHandlers } from "@/lib/worker/job-handlers";
import { threeSubjectDocuments } from "../helpers/three-subjects";
import { createTestContribution } from "../helpers/contribution-factory";
import { createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

// The themes are found off the request path (issue 11): the live view asks
// for the theme job when its stored themes are out of date, shows their
// state, and publishing freezes what the job stored or waits for it.

let consultation: TestConsultation;
let moderator: TestUser;
let participant: TestUser;
let authorId: string;

const statusOf = async (slug: string) => {
  const response = await themeStatusRoute(new Request(`http://localhost:3000/consultations/${slug}/summary/themes`), { params: Promise.resolve({ slug }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  consultation = await createTestConsultation();
  moderator = await createTestUser({ role: "MODERATOR" });
  participant = await createTestUser();
  authorId = (await createTestUser({ stakeholderType: "NGO", country: "FR" })).id;
  const { documents } = threeSubjectDocuments();
  for (const document of documents.filter((each) => each.language === "en")) {
    await createTestContribution({ authorId, consultationId: consultation.id, status: "APPROVED", body: document.text, language: "en" });
  }
});

beforeEach(() => signOut());

describe("the theme job", () => {
  it("is asked for by the live view when no themes are stored, and publishing waits for it", async () => {
    await signInAs(moderator.id);
    const page = await getSummaryPage(consultation.slug, { live: true });
    expect(page?.liveThemes?.status.state).toBe("missing");
    expect(page?.figures?.themes.contributions.themes).toEqual([]);
    const job = await db.job.findUniqueOrThrow({ where: { dedupeKey: themeJobKey(consultation.id) } });
    expect(job.status).toBe("PENDING");
    // Asking again while it waits makes no second job.
    await getSummaryPage(consultation.slug, { live: true });
    expect(await db.job.count({ where: { dedupeKey: themeJobKey(consultation.id) } })).toBe(1);

    const refused = await saveSummary({ consultationId: consultation.id, synthesis: "Too early.", baseVersion: 0, publish: true }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toMatch(/still being found/);
    expect(await db.consultationSummary.count({ where: { consultationId: consultation.id } })).toBe(0);
    expect((await statusOf(consultation.slug)).body).toMatchObject({ state: "missing", job: { status: "PENDING" } });
  });

  it("runs in the worker, reports its progress, and leaves the live view current", async () => {
    await runDueJobs({ handlers: jobHandlers });
    const job = await db.job.findUniqueOrThrow({ where: { dedupeKey: themeJobKey(consultation.id) } });
    expect(job.status).toBe("DONE");
    expect(job.progressDone).toBe(job.progressTotal);
    await signInAs(moderator.id);
    const page = await getSummaryPage(consultation.slug, { live: true });
    expect(page?.liveThemes?.status).toMatchObject({ state: "current", job: null, contributionCount: 36 });
    expect(page?.figures?.themes.contributions.themes.length).toBeGreaterThanOrEqual(2);
    expect((await statusOf(consultation.slug)).body).toMatchObject({ state: "current", job: null, contributionCount: 36 });
    // Current: running it again computes nothing.
    expect(await computeAndStoreThemes(consultation.id)).toBe(false);
  });

  it("is out of date when a contribution is approved, and is asked for again", async () => {
    await createTestContribution({ authorId, consultationId: consultation.id, status: "APPROVED", body: "Protected bike lanes on every main road, please." });
    await signInAs(moderator.id);
    const page = await getSummaryPage(consultation.slug, { live: true });
    expect(page?.liveThemes?.status.state).toBe("stale");
    expect(page?.figures?.statistics.total).toBe(37);
    // The stored themes still count what they were found from.
    expect(page?.figures?.themes.contributions.documentCount).toBe(36);
    expect((await db.job.findUniqueOrThrow({ where: { dedupeKey: themeJobKey(consultation.id) } })).status).toBe("PENDING");
    // Publishing now freezes the 36 the themes were found from.
    const saved = await saveSummary({ consultationId: consultation.id, synthesis: "What we heard.", baseVersion: 0, publish: true });
    const summary = await db.consultationSummary.findUniqueOrThrow({ where: { consultationId_version: { consultationId: consultation.id, version: saved.version } } });
    expect(await db.consultationSummaryContribution.count({ where: { summaryId: summary.id } })).toBe(36);
    expect((summary.statistics as { total: number }).total).toBe(36);
  });

  it("tells its state to moderators only", async () => {
    expect((await statusOf(consultation.slug)).status).toBe(401);
    await signInAs(participant.id);
    expect((await statusOf(consultation.slug)).status).toBe(403);
    await signInAs(moderator.id);
    expect((await statusOf("no-such-consultation")).status).toBe(404);
  });
});
