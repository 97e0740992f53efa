import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findModerationQueue } from "@/lib/moderation/find-moderation-queue";
import { getModerationItem } from "@/lib/moderation/get-moderation-item";
import { createTestContribution, type TestContribution } from "../helpers/contribution-factory";
import { createTestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs } from "../helpers/session";

// Issue 10: moderators see the declared and the detected language when they
// differ, and the queue's language filter and facet use the effective one.

let moderator: TestUser;
let c: Record<"confident" | "uncertain" | "agreeing", TestContribution>;

beforeAll(async () => {
  const consultation = await createTestConsultation({ title: "Languages in the queue" });
  const author = await createTestUser();
  moderator = await createTestUser({ role: "MODERATOR" });
  const pending = (title: string) => createTestContribution({ authorId: author.id, consultationId: consultation.id, title, status: "PENDING", language: "en" });
  c = { confident: await pending("Confident"), uncertain: await pending("Uncertain"), agreeing: await pending("Agreeing") };
  await db.contribution.update({ where: { id: c.confident.id }, data: { detectedLanguage: "fr", languageConfident: true } });
  await db.contribution.update({ where: { id: c.uncertain.id }, data: { detectedLanguage: "fr", languageConfident: false } });
  await db.contribution.update({ where: { id: c.agreeing.id }, data: { detectedLanguage: "en", languageConfident: true } });
});

describe("declared and detected languages for moderators", () => {
  it("says both on the review page when they differ, and whether the detected one is used", async () => {
    await signInAs(moderator.id);
    expect((await getModerationItem(c.confident.reference))?.languageDifference).toBe(
      "Declared: English · Detected: French (français), used for search and filters",
    );
    expect((await getModerationItem(c.uncertain.reference))?.languageDifference).toBe(
      "Declared: English · Detected: French (français), not certain: the declared language is used",
    );
    expect((await getModerationItem(c.agreeing.reference))?.languageDifference).toBeNull();
  });

  it("says both in the queue, filters and counts by the effective language", async () => {
    await signInAs(moderator.id);
    const queue = await findModerationQueue();
    const line = (row: TestContribution) => queue.items.find((item) => item.reference === row.reference)?.languageDifference;
    expect(line(c.confident)).toContain("Declared: English · Detected: French");
    expect(line(c.agreeing)).toBeNull();
    expect(queue.facets.languages).toEqual([
      { value: "en", count: 2 },
      { value: "fr", count: 1 },
    ]);
    expect((await findModerationQueue({ language: "fr" })).items.map((item) => item.reference)).toEqual([c.confident.reference]);
  });
});
