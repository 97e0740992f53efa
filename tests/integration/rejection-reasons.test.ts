import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createRejectionReasonAction, moveRejectionReasonAction, updateRejectionReasonAction } from "@/lib/rejection-reasons/actions";
import { createRejectionReason } from "@/lib/rejection-reasons/create-rejection-reason";
import { findActiveRejectionReasons } from "@/lib/rejection-reasons/find-active-rejection-reasons";
import { findRejectionReasonsForAdmin } from "@/lib/rejection-reasons/find-rejection-reasons-for-admin";
import { moveRejectionReason } from "@/lib/rejection-reasons/move-rejection-reason";
import { DUPLICATE_REASON_MESSAGE } from "@/lib/rejection-reasons/schema";
import { updateRejectionReason } from "@/lib/rejection-reasons/update-rejection-reason";
import { createTestConsultation } from "../helpers/content-factories";
import { createTestContribution } from "../helpers/contribution-factory";
import { createTestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

// The list as the seed makes it, plus one inactive reason; rebuilt before
// every test so each starts from the same order.
const SEEDED = ["Off topic", "Offensive or abusive language", "Contains personal data", "Spam or advertising", "Duplicate"];
let ids: Record<string, string>;

beforeEach(async () => {
  signOut();
  await db.rejectionReason.deleteMany();
  await db.rejectionReason.createMany({
    data: [...SEEDED.map((label, index) => ({ label, position: index + 1 })), { label: "Retired reason", position: 6, active: false }],
  });
  const rows = await db.rejectionReason.findMany({ select: { id: true, label: true } });
  ids = Object.fromEntries(rows.map((row) => [row.label, row.id]));
});

const reasonRows = () =>
  db.rejectionReason.findMany({ orderBy: { id: "asc" }, select: { id: true, label: true, position: true, active: true, createdAt: true } });

const adminOrder = async () => (await findRejectionReasonsForAdmin()).map((reason) => reason.label);

async function signInWith(role: Role) {
  await signInAs((await createTestUser({ role })).id);
}

const writers: { name: string; role: Role | null; status: number; code: string; message: string }[] = [
  { name: "an anonymous visitor", role: null, status: 401, code: "UNAUTHENTICATED", message: "Please sign in to continue." },
  { name: "a participant", role: "PARTICIPANT", status: 403, code: "FORBIDDEN", message: "You do not have permission to do this." },
  { name: "a moderator", role: "MODERATOR", status: 403, code: "FORBIDDEN", message: "You do not have permission to do this." },
];

describe.each(writers)("refusals: $name", ({ role, status, code, message }) => {
  beforeEach(async () => {
    if (role) await signInWith(role);
  });

  it("cannot list the reasons for administration", async () => {
    await expect(findRejectionReasonsForAdmin()).rejects.toMatchObject({ status, code });
  });

  it("cannot add a reason, and nothing changes", async () => {
    const before = await reasonRows();
    await expect(createRejectionReason({ label: "Advertising a product" })).rejects.toMatchObject({ status, code });
    expect(await reasonRows()).toEqual(before);
  });

  it("cannot rename, deactivate or activate a reason, and nothing changes", async () => {
    const before = await reasonRows();
    await expect(updateRejectionReason({ id: ids["Off topic"], label: "Not about this" })).rejects.toMatchObject({ status, code });
    await expect(updateRejectionReason({ id: ids["Off topic"], active: false })).rejects.toMatchObject({ status, code });
    await expect(updateRejectionReason({ id: ids["Retired reason"], active: true })).rejects.toMatchObject({ status, code });
    expect(await reasonRows()).toEqual(before);
  });

  it("cannot move a reason, and nothing changes", async () => {
    const before = await reasonRows();
    await expect(moveRejectionReason({ id: ids.Duplicate, direction: "UP" })).rejects.toMatchObject({ status, code });
    await expect(moveRejectionReason({ id: ids["Off topic"], direction: "DOWN" })).rejects.toMatchObject({ status, code });
    expect(await reasonRows()).toEqual(before);
  });

  it("gets a refusal from each server action, and nothing changes", async () => {
    const before = await reasonRows();
    const results = [
      await createRejectionReasonAction({ label: "Advertising a product" }),
      await updateRejectionReasonAction({ id: ids["Off topic"], active: false }),
      await moveRejectionReasonAction({ id: ids.Duplicate, direction: "UP" }),
    ];
    for (const result of results) expect(result).toEqual({ ok: false, message });
    expect(await reasonRows()).toEqual(before);
  });
});

describe("findActiveRejectionReasons", () => {
  it("gives moderators the active reasons in the administrators' order", async () => {
    await signInWith("MODERATOR");
    expect(await findActiveRejectionReasons()).toEqual(SEEDED.map((label) => ({ id: ids[label], label })));
  });

  it("breaks equal positions by label", async () => {
    await db.rejectionReason.updateMany({ where: { label: { in: ["Spam or advertising", "Duplicate"] } }, data: { position: 0 } });
    await signInWith("ADMIN");
    expect((await findActiveRejectionReasons()).map((reason) => reason.label)).toEqual([
      "Duplicate",
      "Spam or advertising",
      "Off topic",
      "Offensive or abusive language",
      "Contains personal data",
    ]);
  });

  it("is refused to visitors and participants", async () => {
    await expect(findActiveRejectionReasons()).rejects.toMatchObject({ status: 401 });
    await signInWith("PARTICIPANT");
    await expect(findActiveRejectionReasons()).rejects.toMatchObject({ status: 403 });
  });
});

describe("as an administrator", () => {
  beforeEach(async () => {
    await signInWith("ADMIN");
  });

  it("lists every reason, inactive ones included, in order", async () => {
    const reasons = await findRejectionReasonsForAdmin();
    expect(reasons.map(({ label, active }) => [label, active])).toEqual([...SEEDED.map((label) => [label, true]), ["Retired reason", false]]);
    expect(reasons[0]).toEqual({ id: ids["Off topic"], label: "Off topic", active: true, createdAt: expect.any(Date) });
  });

  it("adds a reason at the end of the list, active, with its spaces tidied", async () => {
    const result = await createRejectionReasonAction({ label: "  Advertising   a product " });
    expect(result).toEqual({
      ok: true,
      data: { id: expect.any(String), label: "Advertising a product" },
      message: "“Advertising a product” added at the end of the list.",
    });
    expect(await adminOrder()).toEqual([...SEEDED, "Retired reason", "Advertising a product"]);
    expect(await db.rejectionReason.findFirstOrThrow({ where: { label: "Advertising a product" } })).toMatchObject({ position: 7, active: true });
    expect((await findActiveRejectionReasons()).at(-1)?.label).toBe("Advertising a product");
  });

  it("refuses a label that exists, also in another case or spacing, with 409 on the field", async () => {
    const before = await reasonRows();
    for (const label of ["Off topic", "OFF TOPIC", " off   topic ", "Retired reason"]) {
      await expect(createRejectionReason({ label })).rejects.toMatchObject({
        status: 409,
        code: "CONFLICT",
        userMessage: DUPLICATE_REASON_MESSAGE,
        fieldErrors: { label: [DUPLICATE_REASON_MESSAGE] },
      });
    }
    expect(await createRejectionReasonAction({ label: "Duplicate" })).toEqual({
      ok: false,
      message: DUPLICATE_REASON_MESSAGE,
      fieldErrors: { label: [DUPLICATE_REASON_MESSAGE] },
    });
    expect(await reasonRows()).toEqual(before);
  });

  it("adds one reason when two administrators add the same label at once", async () => {
    const results = await Promise.allSettled([createRejectionReason({ label: "Same time" }), createRejectionReason({ label: "Same time" })]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { status: 409, fieldErrors: { label: [DUPLICATE_REASON_MESSAGE] } } });
    expect(await db.rejectionReason.count({ where: { label: "Same time" } })).toBe(1);
  });

  it("refuses bad input with 422 and the message on the field", async () => {
    const before = await reasonRows();
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => createRejectionReason({ label: "   " }), "label", "Write the reason (at least 3 characters)."],
      [() => createRejectionReason({ label: "x".repeat(121) }), "label", "Keep the reason under 120 characters."],
      [() => createRejectionReason({}), "label", "Write the reason."],
      [() => createRejectionReason({ label: 42 }), "label", "Write the reason."],
      [() => updateRejectionReason({ id: ids["Off topic"] }), "label", "Change the reason or whether it is active."],
      [() => updateRejectionReason({ id: ids["Off topic"], label: "ab" }), "label", "Write the reason (at least 3 characters)."],
      [() => updateRejectionReason({ id: ids["Off topic"], active: "no" }), "active", "Say whether moderators can use this reason."],
      [() => updateRejectionReason({ label: "New wording" }), "id", "Choose a reason."],
      [() => moveRejectionReason({ id: ids.Duplicate, direction: "LEFT" }), "direction", "Choose up or down."],
      [() => moveRejectionReason({ direction: "UP" }), "id", "Choose a reason."],
    ];
    for (const [call, field, text] of cases) {
      await expect(call()).rejects.toMatchObject({ status: 422, code: "VALIDATION", fieldErrors: { [field]: [text] } });
    }
    expect(await reasonRows()).toEqual(before);
  });

  it("answers 404 for a reason that does not exist", async () => {
    await expect(updateRejectionReason({ id: "no-such-reason", active: false })).rejects.toMatchObject({ status: 404, code: "NOT_FOUND" });
    await expect(moveRejectionReason({ id: "no-such-reason", direction: "UP" })).rejects.toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("renames a reason, keeping its place and state; a change of case only is allowed", async () => {
    const result = await updateRejectionReasonAction({ id: ids["Off topic"], label: "Not about this consultation" });
    expect(result).toEqual({
      ok: true,
      data: { id: ids["Off topic"], label: "Not about this consultation", active: true, previousLabel: "Off topic", previousActive: true },
      message: "Renamed to “Not about this consultation”. Past decisions keep the wording they were made with.",
    });
    expect((await adminOrder())[0]).toBe("Not about this consultation");
    await updateRejectionReason({ id: ids.Duplicate, label: "DUPLICATE" });
    expect((await adminOrder())[4]).toBe("DUPLICATE");
  });

  it("refuses to rename a reason to another one's label, and changes nothing", async () => {
    const before = await reasonRows();
    await expect(updateRejectionReason({ id: ids["Off topic"], label: "spam or advertising", active: false })).rejects.toMatchObject({
      status: 409,
      fieldErrors: { label: [DUPLICATE_REASON_MESSAGE] },
    });
    expect(await reasonRows()).toEqual(before);
  });

  it("deactivates and activates a reason: moderators stop and start seeing it", async () => {
    expect(await updateRejectionReasonAction({ id: ids["Contains personal data"], active: false })).toMatchObject({
      ok: true,
      message: "No longer offered to moderators. Past decisions keep it.",
    });
    expect((await findActiveRejectionReasons()).map((reason) => reason.label)).not.toContain("Contains personal data");
    expect(await adminOrder()).toContain("Contains personal data");

    expect(await updateRejectionReasonAction({ id: ids["Retired reason"], active: true })).toMatchObject({
      ok: true,
      message: "Offered to moderators again.",
    });
    expect((await findActiveRejectionReasons()).at(-1)?.label).toBe("Retired reason");
    expect(await updateRejectionReasonAction({ id: ids["Retired reason"], active: true })).toMatchObject({ ok: true, message: "Nothing to change." });
  });

  it("leaves past decisions as they were when a reason is renamed or deactivated", async () => {
    const author = await createTestUser();
    const moderator = await createTestUser({ role: "MODERATOR" });
    const consultation = await createTestConsultation();
    const rejected = await createTestContribution({ authorId: author.id, consultationId: consultation.id, status: "REJECTED", rejectionReason: "Off topic" });
    await db.moderationEvent.create({
      data: { contributionId: rejected.id, actorId: moderator.id, action: "REJECT", fromStatus: "PENDING", toStatus: "REJECTED", reason: "Off topic" },
    });
    const history = () =>
      Promise.all([
        db.contribution.findUniqueOrThrow({ where: { id: rejected.id }, select: { status: true, rejectionReason: true, updatedAt: true } }),
        db.moderationEvent.findMany({ where: { contributionId: rejected.id }, orderBy: { createdAt: "asc" } }),
      ]);
    const before = await history();

    await updateRejectionReason({ id: ids["Off topic"], label: "Not about this consultation" });
    await updateRejectionReason({ id: ids["Off topic"], active: false });

    expect(await history()).toEqual(before);
    expect(before[0].rejectionReason).toBe("Off topic");
  });

  it("moves a reason up and down, numbering the list 1…n", async () => {
    expect(await moveRejectionReasonAction({ id: ids["Spam or advertising"], direction: "UP" })).toEqual({
      ok: true,
      data: { id: ids["Spam or advertising"], label: "Spam or advertising", moved: true, position: 3, count: 6 },
      message: "Moved to position 3 of 6.",
    });
    await moveRejectionReason({ id: ids["Off topic"], direction: "DOWN" });
    expect(await adminOrder()).toEqual([
      "Offensive or abusive language",
      "Off topic",
      "Spam or advertising",
      "Contains personal data",
      "Duplicate",
      "Retired reason",
    ]);
    const positions = await db.rejectionReason.findMany({ orderBy: { position: "asc" }, select: { position: true } });
    expect(positions.map((row) => row.position)).toEqual([1, 2, 3, 4, 5, 6]);
    // Moderators see the same order, without the inactive reason.
    expect((await findActiveRejectionReasons()).map((reason) => reason.label)).toEqual((await adminOrder()).slice(0, 5));
  });

  it("moves a reason past others that share its position", async () => {
    await db.rejectionReason.updateMany({ data: { position: 0 } });
    // All at 0: the order is by label.
    expect((await adminOrder()).slice(0, 2)).toEqual(["Contains personal data", "Duplicate"]);
    await moveRejectionReason({ id: ids.Duplicate, direction: "UP" });
    expect((await adminOrder()).slice(0, 2)).toEqual(["Duplicate", "Contains personal data"]);
  });

  it("does not move the first reason up or the last one down", async () => {
    const before = await reasonRows();
    expect(await moveRejectionReasonAction({ id: ids["Off topic"], direction: "UP" })).toMatchObject({
      ok: true,
      data: { moved: false, position: 1, count: 6 },
      message: "Already first.",
    });
    expect(await moveRejectionReasonAction({ id: ids["Retired reason"], direction: "DOWN" })).toMatchObject({
      ok: true,
      data: { moved: false, position: 6 },
      message: "Already last.",
    });
    expect(await reasonRows()).toEqual(before);
  });

  it("keeps the list whole when two moves run at once", async () => {
    await Promise.all([
      moveRejectionReason({ id: ids.Duplicate, direction: "UP" }),
      moveRejectionReason({ id: ids["Off topic"], direction: "DOWN" }),
      moveRejectionReason({ id: ids["Contains personal data"], direction: "UP" }),
    ]);
    const rows = await db.rejectionReason.findMany({ orderBy: { position: "asc" }, select: { label: true, position: true } });
    expect(rows.map((row) => row.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(rows.map((row) => row.label)).size).toBe(6);
  });
});
