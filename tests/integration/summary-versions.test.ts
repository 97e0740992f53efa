import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { saveSummaryAction } from "@/lib/summaries/actions";
import { getSummaryPage } from "@/lib/summaries/get-summary-page";
import { saveSummary } from "@/lib/summaries/save-summary";
import { createTestContribution, type TestContribution } from "../helpers/contribution-factory";
import { createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";
import { computeAndStoreThemes } from "@/lib/summaries/theme-job/theme-job";

// Versions of a consultation summary: drafts, publication that freezes the
// contributions and figures, conflicts between two editors, who may do what.

let consultation: TestConsultation;
let moderator: TestUser;
let otherModerator: TestUser;
let participant: TestUser;
let ngo: TestUser;
let company: TestUser;
let approved: TestContribution[];
let pending: TestContribution;

beforeAll(async () => {
  consultation = await createTestConsultation();
  moderator = await createTestUser({ role: "MODERATOR" });
  otherModerator = await createTestUser({ role: "MODERATOR" });
  participant = await createTestUser();
  ngo = await createTestUser({ stakeholderType: "NGO", country: "FR" });
  company = await createTestUser({ stakeholderType: "COMPANY", country: "DE" });
  const make = (authorId: string, phase: "BEFORE" | "DURING" | "AFTER", status: "APPROVED" | "PENDING" = "APPROVED") =>
    createTestContribution({ authorId, consultationId: consultation.id, phase, status, body: "Cycling lanes and safer streets for children." });
  approved = [await make(ngo.id, "BEFORE"), await make(ngo.id, "DURING"), await make(company.id, "AFTER")];
  pending = await make(company.id, "DURING", "PENDING");
});

beforeEach(() => signOut());

async function summaryRows() {
  return db.consultationSummary.findMany({ where: { consultationId: consultation.id }, orderBy: { version: "asc" } });
}

async function membershipCount() {
  return db.consultationSummaryContribution.count();
}

const latestVersion = async () => (await summaryRows()).at(-1)?.version ?? 0;

async function rejects(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("who may write a summary", () => {
  it("refuses visitors (401) and participants (403) and writes nothing", async () => {
    const before = { rows: await summaryRows(), members: await membershipCount() };
    const input = { consultationId: consultation.id, synthesis: "Mine.", highlights: [], baseVersion: 0, publish: true };
    expect((await rejects(saveSummary(input))).status).toBe(401);
    await signInAs(participant.id);
    expect((await rejects(saveSummary(input))).status).toBe(403);
    expect(await saveSummaryAction(consultation.slug, input)).toEqual({ ok: false, message: "You do not have permission to do this." });
    expect({ rows: await summaryRows(), members: await membershipCount() }).toEqual(before);
  });

  it("hides the live view from participants and shows visitors no draft", async () => {
    await signInAs(participant.id);
    expect((await rejects(getSummaryPage(consultation.slug, { live: true }))).status).toBe(403);
  });
});

describe("versions", () => {
  it("saves drafts as new versions, refuses a save on top of someone else's newer version, takes a double click once", async () => {
    await signInAs(moderator.id);
    const first = await saveSummary({ consultationId: consultation.id, synthesis: "First draft.", baseVersion: 0 });
    expect(first).toMatchObject({ version: 1, status: "DRAFT", publishedAt: null });

    await signInAs(otherModerator.id);
    const second = await saveSummary({ consultationId: consultation.id, synthesis: "Second draft.", baseVersion: 1 });
    expect(second.version).toBe(2);

    // The first moderator still has version 1 open.
    await signInAs(moderator.id);
    const conflict = await rejects(saveSummary({ consultationId: consultation.id, synthesis: "My edit.", baseVersion: 1 }));
    expect(conflict.code).toBe("CONFLICT");
    expect(conflict.userMessage).toMatch(/^Version 2 was saved by Test user-[0-9a-f]+ at .+ after you opened the editor/);

    // The second moderator clicks Save twice: one version.
    await signInAs(otherModerator.id);
    const again = await saveSummary({ consultationId: consultation.id, synthesis: "Second draft.", baseVersion: 1 });
    expect(again.version).toBe(2);
    expect((await summaryRows()).map((row) => [row.version, row.status, row.synthesis])).toEqual([
      [1, "DRAFT", "First draft."],
      [2, "DRAFT", "Second draft."],
    ]);
  });

  it("refuses highlights that are not published contributions of the consultation", async () => {
    await signInAs(moderator.id);
    const before = await summaryRows();
    const error = await rejects(
      saveSummary({ consultationId: consultation.id, synthesis: "x", highlights: [approved[0]!.reference, pending.reference], baseVersion: await latestVersion() }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors.highlights?.[0]).toBe(`${pending.reference} is not a published contribution of this consultation.`);
    const bad = await rejects(saveSummary({ consultationId: consultation.id, synthesis: "x", highlights: ["nonsense"], baseVersion: 2 }));
    expect(bad.fieldErrors["highlights.0"]?.[0]).toMatch(/contribution reference/);
    expect(await summaryRows()).toEqual(before);
  });

  it("publishes: freezes the approved contributions and the figures; a later approval changes nothing until the next publication", async () => {
    await signInAs(moderator.id);
    await computeAndStoreThemes(consultation.id);
    const published = await saveSummary({
      consultationId: consultation.id,
      synthesis: "## What we heard\n\nSafer streets.",
      highlights: [approved[2]!.reference, approved[0]!.reference],
      baseVersion: await latestVersion(),
      publish: true,
    });
    expect(published.status).toBe("PUBLISHED");
    const row = (await summaryRows()).at(-1)!;
    const members = await db.consultationSummaryContribution.findMany({ where: { summaryId: row.id }, select: { contributionId: true } });
    expect(members.map((member) => member.contributionId).sort()).toEqual(approved.map((contribution) => contribution.id).sort());
    expect((row.statistics as { total: number }).total).toBe(3);

    signOut();
    const visitorView = await getSummaryPage(consultation.slug);
    expect(visitorView?.view).toBe("published");
    expect(visitorView?.shown?.version).toBe(published.version);
    // Visitors see published versions only.
    expect(visitorView?.versions.map((version) => version.status)).toEqual(["PUBLISHED"]);
    expect(visitorView?.figures?.statistics.total).toBe(3);
    expect(visitorView?.highlights.map((highlight) => highlight.reference)).toEqual([approved[2]!.reference, approved[0]!.reference]);
    // Filtered views of a published version count its frozen contributions.
    const ngoView = await getSummaryPage(consultation.slug, { filters: { type: "NGO" } });
    expect(ngoView?.filtered).toBe(true);
    expect(ngoView?.figures?.statistics.total).toBe(2);

    // A moderator approves the pending contribution.
    await db.contribution.update({ where: { id: pending.id }, data: { status: "APPROVED", awaitingSince: null } });
    expect((await getSummaryPage(consultation.slug))?.figures?.statistics.total).toBe(3);
    expect((await getSummaryPage(consultation.slug, { filters: { phase: "DURING" } }))?.figures?.statistics.total).toBe(1);

    await signInAs(moderator.id);
    const live = await getSummaryPage(consultation.slug, { live: true });
    expect(live?.view).toBe("live");
    expect(live?.figures?.statistics.total).toBe(4);
    // The live view shows every version to moderators, newest first.
    expect(live?.versions.map((version) => version.version)).toEqual([3, 2, 1]);

    await computeAndStoreThemes(consultation.id);
    const republished = await saveSummary({
      consultationId: consultation.id,
      synthesis: "## What we heard\n\nSafer streets, and more.",
      baseVersion: 3,
      publish: true,
    });
    signOut();
    expect((await getSummaryPage(consultation.slug))?.figures?.statistics.total).toBe(4);
    // The older version stays readable with its own figures.
    const older = await getSummaryPage(consultation.slug, { version: published.version });
    expect(older?.shown?.synthesis).toBe("## What we heard\n\nSafer streets.");
    expect(older?.figures?.statistics.total).toBe(3);
    expect(older?.versions.map((version) => version.version)).toEqual([republished.version, published.version]);
    // A draft version is not a page for visitors.
    expect(await getSummaryPage(consultation.slug, { version: 1 })).toBeNull();
  });

  it("keeps draft consultations to administrators: a moderator gets not found, an administrator may write but not publish", async () => {
    const draft = await createTestConsultation({ status: "DRAFT" });
    await signInAs(moderator.id);
    const hidden = await rejects(saveSummary({ consultationId: draft.id, synthesis: "Early.", baseVersion: 0 }));
    expect(hidden.code).toBe("NOT_FOUND");
    const admin = await createTestUser({ role: "ADMIN" });
    await signInAs(admin.id);
    await computeAndStoreThemes(draft.id);
    const error = await rejects(saveSummary({ consultationId: draft.id, synthesis: "Early.", baseVersion: 0, publish: true }));
    expect(error.code).toBe("INVALID_STATE");
    expect(await db.consultationSummary.count({ where: { consultationId: draft.id } })).toBe(0);
    await expect(saveSummary({ consultationId: draft.id, synthesis: "Early.", baseVersion: 0 })).resolves.toMatchObject({ version: 1, status: "DRAFT" });
  });

  it("asks for a synthesis before publishing", async () => {
    await signInAs(moderator.id);
    await computeAndStoreThemes(consultation.id);
    const error = await rejects(saveSummary({ consultationId: consultation.id, synthesis: "   ", baseVersion: await latestVersion(), publish: true }));
    expect(error.fieldErrors.synthesis).toEqual(["Write the synthesis before publishing the summary."]);
  });
});

describe("a consultation without a published summary", () => {
  it("tells visitors there is none yet and lets moderators open the live view", async () => {
    const fresh = await createTestConsultation();
    const view = await getSummaryPage(fresh.slug);
    expect(view).toMatchObject({ view: "published", shown: null, figures: null, canEdit: false });
    await signInAs(moderator.id);
    const live = await getSummaryPage(fresh.slug, { live: true });
    expect(live?.figures?.statistics.total).toBe(0);
    expect(live?.figures?.themes.contributions.themes).toEqual([]);
    expect(await getSummaryPage("no-such-consultation")).toBeNull();
  });
});
