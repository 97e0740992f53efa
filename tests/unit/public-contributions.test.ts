import { describe, expect, it } from "vitest";
import { plainExcerpt } from "@/lib/contributions/excerpt";
import { contributionFilterQuery, readContributionFilters } from "@/lib/contributions/filter-schema";
import { toPublicAuthor } from "@/lib/contributions/public-author";
import { visibleContributionsWhere } from "@/lib/contributions/visibility";
import { flagContributionSchema } from "@/lib/flags/schema";

describe("readContributionFilters", () => {
  it("reads the filters of the GET form, empty meaning any", () => {
    expect(readContributionFilters({ q: "  horses ", type: "NGO", country: "fr", phase: "BEFORE", language: "FR", page: "2" })).toEqual({
      filters: { q: "horses", type: "NGO", country: "FR", phase: "BEFORE", language: "fr", page: 2 },
      errors: {},
    });
    expect(readContributionFilters({ q: "", type: "", country: "", phase: "", language: "", page: "" })).toEqual({
      filters: { page: 1 },
      errors: {},
    });
    expect(readContributionFilters({})).toEqual({ filters: { page: 1 }, errors: {} });
  });

  it("leaves out what does not parse and says why, keeping the rest", () => {
    const { filters, errors } = readContributionFilters({ q: "ok", type: "ROBOT", country: "France", phase: "LATER", language: "<script>", page: "-3" });
    expect(filters).toEqual({ q: "ok", page: 1 });
    expect(errors).toEqual({
      type: "Choose a stakeholder type from the list.",
      country: "Choose a country from the list.",
      phase: "Choose a phase from the list.",
      language: "Choose a language from the list.",
      page: "The page must be 1 or more.",
    });
    expect(readContributionFilters({ q: "x".repeat(201), page: "abc" }).errors).toEqual({
      q: "Search for at most 200 characters.",
      page: "The page must be a number.",
    });
  });

  it("writes the address of another page with the same filters", () => {
    const { filters } = readContributionFilters({ q: "a&b", type: "NGO", page: "3" });
    expect(contributionFilterQuery(filters)).toBe("?q=a%26b&type=NGO&page=3");
    expect(contributionFilterQuery(filters, 1)).toBe("?q=a%26b&type=NGO");
    expect(contributionFilterQuery({ page: 1 })).toBe("");
  });
});

describe("plainExcerpt", () => {
  it("reads markdown as text and drops raw HTML", () => {
    expect(plainExcerpt("# Title\n\nSome **bold** and _italic_ text with a [link](https://example.org) and `code`.")).toBe(
      "Title Some bold and italic text with a link and code.",
    );
    expect(plainExcerpt('<script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3)) safe')).toBe("alert(1) x safe");
    expect(plainExcerpt("- one\n- two\n1. three\n> quote")).toBe("one two three quote");
    expect(plainExcerpt("cut <img src=x onerr")).toBe("cut");
  });

  it("cuts long text at a word, with an ellipsis", () => {
    const text = "word ".repeat(100);
    const excerpt = plainExcerpt(text, 50);
    expect(excerpt.length).toBeLessThanOrEqual(51);
    expect(excerpt).toMatch(/word…$/);
    expect(plainExcerpt("short")).toBe("short");
    expect(plainExcerpt("x".repeat(300), 10)).toBe(`${"x".repeat(10)}…`);
  });
});

describe("toPublicAuthor", () => {
  const profile = { displayName: "Alice", organisationName: "Org", stakeholderType: "NGO" as const, country: "FR" };

  it("publishes name and organisation only when the author chose to", () => {
    expect(toPublicAuthor("PUBLIC", profile)).toEqual({ anonymous: false, displayName: "Alice", organisationName: "Org", stakeholderType: "NGO", country: "FR" });
    expect(toPublicAuthor("ANONYMOUS", profile)).toEqual({ anonymous: true, displayName: null, organisationName: null, stakeholderType: "NGO", country: "FR" });
    expect(toPublicAuthor("PUBLIC", null)).toEqual({ anonymous: true, displayName: null, organisationName: null, stakeholderType: null, country: null });
  });
});

describe("visibleContributionsWhere", () => {
  const published = { status: "APPROVED", consultation: { status: { not: "DRAFT" } } };

  it("gives visitors the published ones, authors their own too, moderators everything", () => {
    expect(visibleContributionsWhere(null)).toEqual(published);
    expect(visibleContributionsWhere({ id: "u1", role: "PARTICIPANT" })).toEqual({ OR: [published, { authorId: "u1" }] });
    expect(visibleContributionsWhere({ id: "m1", role: "MODERATOR" })).toEqual({});
    expect(visibleContributionsWhere({ id: "a1", role: "ADMIN" })).toEqual({});
  });
});

describe("flagContributionSchema", () => {
  const reference = "AGR-2026-000123";

  it("takes a reason, and a comment that is required for OTHER", () => {
    expect(flagContributionSchema.parse({ reference, reason: "SPAM", comment: "" })).toEqual({ reference, reason: "SPAM", comment: undefined });
    expect(flagContributionSchema.parse({ reference: "agr-2026-000123", reason: "OTHER", comment: " Wrong figures " })).toEqual({
      reference,
      reason: "OTHER",
      comment: "Wrong figures",
    });
    const missing = flagContributionSchema.safeParse({ reference, reason: "OTHER", comment: "  " });
    expect(missing.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["comment", "Say what is wrong with this contribution."]]);
    expect(flagContributionSchema.safeParse({ reference, comment: "x" }).error?.issues[0]?.message).toBe("Choose why you are reporting this contribution.");
    expect(flagContributionSchema.safeParse({ reference, reason: "SPAM", comment: "x".repeat(1001) }).success).toBe(false);
  });
});
