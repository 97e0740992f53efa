import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { languageOptions } from "@/lib/vocabulary/languages";

// Every language the form offers must have a text-search configuration on the
// server that runs: the generated search column of a contribution calls
// agora_search_config(language), so a missing one fails the submission itself
// (Estonian on PostgreSQL 15, for instance).
describe("agora_search_config", () => {
  it("gives a working configuration for every language of the form", async () => {
    for (const { value } of languageOptions) {
      const [row] = await db.$queryRaw<{ vector: string }[]>`
        SELECT to_tsvector(agora_search_config(${value}), 'Trustworthy artificial intelligence')::text AS vector`;
      expect(row?.vector, value).not.toBe("");
    }
  });

  it("stems in the contribution's own language", async () => {
    const [row] = await db.$queryRaw<{ fr: string; simple: string }[]>`
      SELECT agora_search_config('fr')::text AS fr, agora_search_config('et')::text AS simple`;
    expect(row).toEqual({ fr: "french", simple: "simple" });
  });
});
