import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { getSummaryFrame, getSummaryPage } from "@/lib/summaries/get-summary-page";
import { saveSummary } from "@/lib/summaries/save-summary";
import { createTestContribution } from "../helpers/contribution-factory";
import { createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";
import { computeAndStoreThemes } from "@/lib/summaries/theme-job/theme-job";

// The summary page streams: getSummaryFrame answers what the page needs to
// refuse, say "not found" or show its header and editor, and hands the
// figures (the live view's themes take seconds) as a promise that the page
// awaits inside <Suspense>.

let consultation: TestConsultation;
let moderator: TestUser;
let participant: TestUser;

beforeAll(async () => {
  consultation = await createTestConsultation();
  moderator = await createTestUser({ role: "MODERATOR" });
  participant = await createTestUser();
  const ngo = await createTestUser({ stakeholderType: "NGO", country: "FR" });
  for (const body of ["Cycling lanes and safer streets for children.", "Safer streets and cycling lanes near schools.", "Farming subsidies for small farms."]) {
    await createTestContribution({ authorId: ngo.id, consultationId: consultation.id, phase: "DURING", status: "APPROVED", body });
  }
  await createTestContribution({ authorId: ngo.id, consultationId: consultation.id, phase: "DURING", status: "PENDING", body: "Not counted yet, still pending." });
});

beforeEach(() => signOut());

describe("getSummaryFrame", () => {
  it("refuses the live view to a participant before any figure is counted", async () => {
    await signInAs(participant.id);
    const error = await getSummaryFrame(consultation.slug, { live: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(403);
  });

  it("answers null for an unknown consultation or version, as the page's 404", async () => {
    expect(await getSummaryFrame("no-such-consultation")).toBeNull();
    expect(await getSummaryFrame(consultation.slug, { version: 7 })).toBeNull();
  });

  it("gives the live view's approved total at once, and figures that are the whole page's", async () => {
    await signInAs(moderator.id);
    const frame = await getSummaryFrame(consultation.slug, { live: true });
    expect(frame?.approvedTotal).toBe(3);
    const part = await frame?.figures;
    expect(part?.figures?.statistics.total).toBe(3);
    const { approvedTotal, figures, duplicates, ...fields } = frame!;
    expect(approvedTotal).toBe(part?.unfilteredStatistics?.total);
    expect(await duplicates).toEqual({ total: 3, inGroups: 0, groups: 0, distinctTexts: 3, largestGroup: 0 });
    expect(await getSummaryPage(consultation.slug, { live: true })).toEqual({ ...fields, ...(await figures) });
  });

  it("a filtered live view counts the subset and keeps the unfiltered total for the editor", async () => {
    await signInAs(moderator.id);
    const frame = await getSummaryFrame(consultation.slug, { live: true, filters: { type: "COMPANY" } });
    const part = await frame?.figures;
    expect(part?.filtered).toBe(true);
    expect(part?.figures?.statistics.total).toBe(0);
    expect(part?.unfilteredStatistics?.total).toBe(3);
    expect(frame?.approvedTotal).toBe(3);
  });

  it("a published view has no live total and its figures are the frozen ones", async () => {
    await signInAs(moderator.id);
    await computeAndStoreThemes(consultation.id);
    await saveSummary({ consultationId: consultation.id, synthesis: "Streets and farms.", highlights: [], baseVersion: 0, publish: true });
    signOut();
    const frame = await getSummaryFrame(consultation.slug);
    expect(frame?.approvedTotal).toBeNull();
    expect(frame?.shown?.version).toBe(1);
    expect((await frame?.figures)?.figures?.statistics.total).toBe(3);
  });
});
