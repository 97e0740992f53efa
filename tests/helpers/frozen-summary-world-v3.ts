import { db } from "@/lib/db";
import { createFrozenWorld, FROZEN_WORLD } from "./frozen-summary-world";

// The consultation the format-3 frozen summary fixture was published from
// (tests/fixtures/frozen-summary-v3/README.md): the world of the version-1
// fixture, and a letter-writing campaign in it. Format 3 froze each
// contribution's group of near-identical texts, so the world has groups, with
// fixed ids (the fixture's frozen rows name them, and the open data shows a
// contribution's group).

export const FROZEN_WORLD_V3 = {
  ...FROZEN_WORLD,
  groupId: "cfrozenv3group",
  letterIds: ["cfrozenv3l001", "cfrozenv3l002", "cfrozenv3l003", "cfrozenv3l004"],
} as const;

const LETTER =
  "I support safe cycling lanes on every main road of the city. Children must be able to ride to school without fear of cars. " +
  "Please put the money of the next budget into protected lanes and bicycle parking at the stations.";
const ADDED = " I ride to the hospital where I work every day, in every season.";

const FIRST_NUMBER = 900_101;
// The campaign's letters came in on the last day of the consultation, as campaigns do.
const LAST_DAY = Date.parse("2026-03-31T09:00:00.000Z");
const HOUR = 60 * 60 * 1000;

/** The version-1 world and four letters of one campaign (three identical, one with a sentence added), all in one group. */
export async function createFrozenWorldV3() {
  const contributions = await createFrozenWorld();
  const { consultationId, groupId, letterIds, questionIds } = FROZEN_WORLD_V3;
  await db.similarityGroup.create({ data: { id: groupId, consultationId, kind: "NEAR", memberCount: letterIds.length, createdAt: new Date(LAST_DAY + 8 * HOUR) } });
  const authors = ["cfrozenv1ngo", "cfrozenv1citizen", "cfrozenv1citizen", "cfrozenv1noprofile"];
  await db.contribution.createMany({
    data: letterIds.map((id, index) => {
      const number = FIRST_NUMBER + index;
      const submittedAt = new Date(LAST_DAY + index * HOUR);
      return {
        id,
        consultationId,
        authorId: authors[index]!,
        referenceNumber: number,
        reference: `AGR-2026-${String(number).padStart(6, "0")}`,
        publication: "PUBLIC" as const,
        phase: "AFTER" as const,
        title: "Safe cycling lanes now",
        body: index === 3 ? LETTER + ADDED : LETTER,
        language: "en",
        answers: { [questionIds.single]: "Cycling", [questionIds.scale]: 5 },
        status: "APPROVED" as const,
        submittedAt,
        decidedAt: new Date(submittedAt.getTime() + HOUR),
        similarityGroupId: groupId,
      };
    }),
  });
  return contributions;
}
