import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bulkDecideAction } from "@/lib/moderation/actions";
import { bulkDecide } from "@/lib/moderation/bulk-decide";
import { findSimilarityBadges, getSimilarityGroup } from "@/lib/similarity/get-similarity-group";
import { fingerprintAndGroup } from "@/lib/similarity/fingerprint-and-group";
import { createTestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { createRejectionReason, moderationSnapshot } from "../helpers/moderation-fixtures";
import { signInAs, signOut } from "../helpers/session";
import { ADDED_SENTENCE, createGroupedCandidate, FORM_LETTER } from "../helpers/similarity-fixtures";

// Moderators see a group, what each member adds, and decide on all its
// pending members at once with the queue's bulk decision.

let authors: TestUser[];
let moderator: TestUser;
let participant: TestUser;

beforeAll(async () => {
  authors = [await createTestUser(), await createTestUser(), await createTestUser()];
  moderator = await createTestUser({ role: "MODERATOR" });
  participant = await createTestUser();
});

beforeEach(async () => {
  signOut();
  await signInAs(moderator.id);
});

/** A campaign of three form letters (the second adds a sentence) and one published earlier. */
async function campaign() {
  const consultationId = (await createTestConsultation()).id;
  const bodies = [FORM_LETTER, `${FORM_LETTER} ${ADDED_SENTENCE}`, FORM_LETTER.replace("Please make sure", "Make sure")];
  const members = [];
  for (const [index, body] of bodies.entries()) {
    const member = await createGroupedCandidate({ authorId: authors[index]!.id, consultationId, body, status: "PENDING", submittedAt: new Date(Date.UTC(2026, 10, 1 + index)) });
    await fingerprintAndGroup(member.id);
    members.push(member);
  }
  const groupId = (await db.contribution.findUniqueOrThrow({ where: { id: members[0]!.id } })).similarityGroupId!;
  return { consultationId, members, groupId };
}

describe("the group page", () => {
  it("lists the members, earliest first, and shows the added sentence as inserted words", async () => {
    const { members, groupId } = await campaign();
    const group = await getSimilarityGroup({ id: groupId });
    expect(group).toMatchObject({ kind: "NEAR", memberCount: 3, pendingCount: 3, approvedCount: 0, page: 1, pageCount: 1 });
    expect(group!.members.map((member) => member.reference)).toEqual(members.map((member) => member.reference));
    expect(group!.representative.reference).toBe(members[0]!.reference);
    expect(group!.members[0]!.diff).toBeNull();
    const added = group!.members[1]!.diff;
    expect(added?.kind).toBe("parts");
    if (added?.kind !== "parts") throw new Error("expected a difference");
    expect(added.parts.filter((part) => part.kind === "added").map((part) => part.text).join("").trim()).toBe(ADDED_SENTENCE);
    expect(added.parts.filter((part) => part.kind === "removed")).toEqual([]);
    const changed = group!.members[2]!.diff;
    if (changed?.kind !== "parts") throw new Error("expected a difference");
    expect(changed.parts.filter((part) => part.kind === "removed").map((part) => part.text.trim())).toEqual(["Please make"]);
  });

  it("is not found for an address no group has", async () => {
    expect(await getSimilarityGroup({ id: "no-such-group" })).toBeNull();
    expect(await getSimilarityGroup({ id: "x".repeat(500) })).toBeNull();
  });

  it("gives the queue's badges: the group, its kind and size", async () => {
    const { members, groupId } = await campaign();
    const loner = await createGroupedCandidate({ authorId: authors[0]!.id, consultationId: (await createTestConsultation()).id, status: "PENDING" });
    expect(await findSimilarityBadges([members[1]!.id, loner.id])).toEqual({ [members[1]!.id]: { groupId, kind: "NEAR", memberCount: 3 } });
  });

  it("refuses a participant and a visitor, before reading anything", async () => {
    const { groupId, members } = await campaign();
    await signInAs(participant.id);
    await expect(getSimilarityGroup({ id: groupId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(findSimilarityBadges([members[0]!.id])).rejects.toMatchObject({ code: "FORBIDDEN" });
    const refused = await bulkDecideAction({ decision: "APPROVE", items: members.map((member) => ({ contributionId: member.id, version: 1 })) });
    expect(refused).toEqual({ ok: false, message: "You do not have permission to do this." });
    signOut();
    await expect(getSimilarityGroup({ id: groupId })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.contribution.count({ where: { id: { in: members.map((member) => member.id) }, status: "PENDING" } })).toBe(3);
  });
});

describe("a decision on the whole group", () => {
  const pendingItems = async (groupId: string) =>
    (await getSimilarityGroup({ id: groupId }))!.members.filter((member) => member.status === "PENDING").map((member) => ({ contributionId: member.id, version: member.version }));

  it("approves every pending member in one decision", async () => {
    const { groupId, members } = await campaign();
    const result = await bulkDecide({ decision: "APPROVE", items: await pendingItems(groupId) });
    expect(result.count).toBe(3);
    const rows = await db.contribution.findMany({ where: { id: { in: members.map((member) => member.id) } }, select: { status: true, version: true } });
    expect(rows).toEqual(Array.from({ length: 3 }, () => ({ status: "APPROVED", version: 2 })));
    expect(await getSimilarityGroup({ id: groupId })).toMatchObject({ pendingCount: 0, approvedCount: 3 });
  });

  it("rejects them with the queue's reasons", async () => {
    const { groupId, members } = await campaign();
    const reason = await createRejectionReason({ label: "Campaign duplicate" });
    await bulkDecide({ decision: "REJECT", items: await pendingItems(groupId), reasonId: reason.id });
    const rows = await db.contribution.findMany({ where: { id: { in: members.map((member) => member.id) } }, select: { status: true, rejectionReason: true } });
    expect(rows).toEqual(Array.from({ length: 3 }, () => ({ status: "REJECTED", rejectionReason: "Campaign duplicate" })));
  });

  it("decides nothing when one member changed since the page was read", async () => {
    const { groupId, members } = await campaign();
    const items = await pendingItems(groupId);
    // The author edits it meanwhile: its version moves on.
    await db.contribution.update({ where: { id: members[1]!.id }, data: { version: 2, body: `${FORM_LETTER} Edited.` } });
    const before = await moderationSnapshot();
    await expect(bulkDecide({ decision: "APPROVE", items })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(members[1]!.reference) });
    expect(await moderationSnapshot()).toEqual(before);
    expect(await db.contribution.count({ where: { id: { in: members.map((member) => member.id) }, status: "PENDING" } })).toBe(3);
  });
});
