import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { summaryCsv } from "@/lib/open-data/summary-csv";
import { toOpenThemeSummary } from "@/lib/open-data/summary-record";
import { themeSummarySchema, type OpenSummary, type OpenThemeSummary } from "@/lib/open-data/summary-records";
import type { ThemeSummary } from "@/lib/summaries/themes/types";
import { openDataThemesInFormat5 } from "@/tests/helpers/open-data-themes-format5";

// The frozen fixtures' open data as format 5 gives it
// (tests/helpers/open-data-themes-format5.ts), written by hand from what
// the open data gave then, agrees with what today's code makes of the same
// themes: the record field by field and in order, the CSV byte for byte.

const read = (fixture: string, name: string) => fs.readFileSync(path.join(import.meta.dirname, "../fixtures", fixture, "expected/open-data", name), "utf8");

/** The themes as stored in format 5, back from their open record: each quote's contribution id is not in it, nor needed here. */
function storedFrom(open: OpenThemeSummary): ThemeSummary {
  const theme = ({ groups, quotes, seeds, ...rest }: OpenThemeSummary["themes"][number]["subthemes"][number]) => ({
    ...rest,
    groups: groups.map(({ similarityGroupId, size }) => ({ groupId: similarityGroupId, size })),
    quotes: quotes.map(({ reference, text }) => ({ contributionId: reference, reference, text, source: null })),
    ...(seeds ? { seeds } : {}),
  });
  return { ...open, themes: open.themes.map((parent) => ({ ...theme(parent), subthemes: parent.subthemes.map((sub) => ({ ...theme(sub), subthemes: [] })) })) };
}

describe.each(["frozen-summary-v1", "frozen-summary-v3"])("the open data of %s in format 5", (fixture) => {
  const oldJson = read(fixture, "summary-1.json");
  const upgraded = JSON.parse(openDataThemesInFormat5("summary-1.json", oldJson, oldJson)) as OpenSummary;
  const sets = [upgraded.themes.contributions, ...upgraded.themes.questions.map((question) => question.themes)];

  it("is what the record makes of its themes, in the same order", () => {
    expect(upgraded.themes.contributions.themes.length).toBeGreaterThan(0);
    for (const open of sets) {
      expect(themeSummarySchema.parse(open)).toEqual(open);
      const published = new Map(open.themes.flatMap((theme) => theme.quotes).map((quote) => [quote.reference, quote]));
      expect(JSON.stringify(toOpenThemeSummary(storedFrom(open), published))).toBe(JSON.stringify(open));
    }
  });

  it("is, as CSV, what the CSV writer makes of that record", () => {
    expect(summaryCsv(upgraded)).toBe(openDataThemesInFormat5("summary-1.csv", read(fixture, "summary-1.csv"), oldJson));
  });

  it("leaves the other routes as they were", () => {
    expect(openDataThemesInFormat5("summaries.json", "[]", oldJson)).toBe("[]");
  });
});
