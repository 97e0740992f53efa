import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getSummaryFrame, getSummaryPage } from "@/lib/summaries/get-summary-page";
import {
  asJson,
  bodyOf,
  countedAnyTime,
  insertFrozenSummary,
  openDataAnswers,
  openDataInFormat4,
  pageInFormat4,
  readFrozenFixture,
  withoutAnswersByType,
} from "../helpers/frozen-fixture";
import { createFrozenWorldV3, FROZEN_WORLD_V3 } from "../helpers/frozen-summary-world-v3";
import { openDataThemesInFormat5 } from "../helpers/open-data-themes-format5";
import { signOut } from "../helpers/session";

// A summary version published in format 3 (tests/fixtures/frozen-summary-v3/
// README.md), with a group of near-identical letters: its stored rows, read
// through today's parser, must give the page, its near-duplicate figures and
// the open data what they gave then, changed only where a later format's
// upgrade says so (sinceThen below).

const { slug, groupId } = FROZEN_WORLD_V3;
const { stored, expectedJson, expectedText } = readFrozenFixture("frozen-summary-v3");

beforeAll(async () => {
  await createFrozenWorldV3();
  await insertFrozenSummary(stored, FROZEN_WORLD_V3);
});

beforeEach(() => signOut());

describe("a summary frozen in format 3 (with its groups of near-identical texts)", () => {
  it("is what the code of format 3 wrote, groups included", async () => {
    expect(stored.summary.figuresFormat).toBe(3);
    expect(stored.contributions.filter((row) => row.similarityGroupId === groupId)).toHaveLength(4);
  });

  it("gives the summary page the figures, themes and filtered views it gave then", async () => {
    // Since then, format 4 (issue 11): what it never counted is null (pageInFormat4).
    expect(asJson(await getSummaryPage(slug))).toEqual(pageInFormat4(expectedJson("page.json")));
    const views: [string, Record<string, string>][] = [
      ["page-ngo.json", { type: "NGO" }],
      ["page-de-before.json", { country: "DE", phase: "BEFORE" }],
      ["page-once.json", { groups: "once" }],
      ["page-once-citizen.json", { groups: "once", type: "EU_CITIZEN" }],
    ];
    for (const [name, filters] of views) {
      expect(withoutAnswersByType(countedAnyTime(await getSummaryPage(slug, { filters }))), name).toEqual(pageInFormat4(countedAnyTime(expectedJson(name))));
    }
    // Not vacuous: counted once, the campaign of four is one contribution.
    const once = await getSummaryPage(slug, { filters: { groups: "once" } });
    expect(once?.figures?.statistics.total).toBe(49);
    expect(once?.unfilteredStatistics?.total).toBe(52);
  });

  it("gives the near-duplicate figures it gave then, counted by the groups it froze", async () => {
    // Regrouped since: today's groups are not the version's.
    await db.contribution.updateMany({ where: { similarityGroupId: groupId }, data: { similarityGroupId: null } });
    try {
      const all = await (await getSummaryFrame(slug))!.duplicates;
      const citizen = await (await getSummaryFrame(slug, { filters: { type: "EU_CITIZEN" } }))!.duplicates;
      expect({ all, citizen }).toEqual(expectedJson("duplicates.json"));
    } finally {
      await db.contribution.updateMany({ where: { id: { in: [...FROZEN_WORLD_V3.letterIds] } }, data: { similarityGroupId: groupId } });
    }
  });

  it("gives the open data byte for byte what it gave then, JSON and CSV", async () => {
    const answers = openDataAnswers(slug);
    for (const [name, answer] of answers) {
      const response = await answer();
      expect(response.status, name).toBe(200);
      // Since then, formats 4 and 5 (issue 11): null for what it never counted, themes in their new shape.
      expect(await bodyOf(response), name).toBe(openDataThemesInFormat5(name, openDataInFormat4(name, expectedText(name)), expectedText("summary-1.json")));
    }
  });
});
