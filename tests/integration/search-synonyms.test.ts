import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findConsultationContributions } from "@/lib/contributions/find-consultation-contributions";
import { getSearchSynonymsForEdit, updateSearchSynonyms } from "@/lib/search/search-synonyms";
import { createTestContribution } from "../helpers/contribution-factory";
import { createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

let consultation: TestConsultation;
let admin: TestUser;

beforeAll(async () => {
  consultation = await createTestConsultation({ title: "Synonyms" });
  admin = await createTestUser({ role: "ADMIN" });
});

beforeEach(() => signOut());

describe("search synonyms: who may edit them", () => {
  it.each([
    ["a visitor", null, 401, "UNAUTHENTICATED"],
    ["a participant", "PARTICIPANT", 403, "FORBIDDEN"],
    ["a moderator", "MODERATOR", 403, "FORBIDDEN"],
  ] as const)("refuses %s", async (_name, role, status, code) => {
    if (role) await signInAs((await createTestUser({ role })).id);
    await expect(updateSearchSynonyms({ consultationId: consultation.id, synonyms: "a = b" })).rejects.toMatchObject({ status, code });
    await expect(getSearchSynonymsForEdit(consultation.id)).rejects.toMatchObject({ status, code });
    expect(await db.searchSynonym.count({ where: { consultationId: consultation.id } })).toBe(0);
  });
});

describe("search synonyms: editing", () => {
  it("replaces the sets, keeps their order and expands the public search with them", async () => {
    const author = await createTestUser();
    const text = await createTestContribution({ authorId: author.id, consultationId: consultation.id, body: "Small and medium-sized enterprises pay most." });
    const search = async () => (await findConsultationContributions(consultation.slug, { q: "SME" }))?.items.map((item) => item.reference);
    expect(await search()).toEqual([]);

    await signInAs(admin.id);
    expect(await updateSearchSynonyms({ consultationId: consultation.id, synonyms: "SME = small and medium-sized enterprises\nAI Board = European AI Board" })).toEqual({
      slug: consultation.slug,
      setCount: 2,
    });
    expect(await getSearchSynonymsForEdit(consultation.id)).toEqual({
      consultationId: consultation.id,
      slug: consultation.slug,
      synonyms: "SME = small and medium-sized enterprises\nAI Board = European AI Board",
      setCount: 2,
    });
    signOut();
    expect(await search()).toEqual([text.reference]);

    await signInAs(admin.id);
    await updateSearchSynonyms({ consultationId: consultation.id, synonyms: "AI Board = European AI Board" });
    expect((await getSearchSynonymsForEdit(consultation.id))?.synonyms).toBe("AI Board = European AI Board");
    signOut();
    expect(await search()).toEqual([]);
  });

  it("refuses an invalid text with the field's message and changes nothing", async () => {
    await signInAs(admin.id);
    const before = await getSearchSynonymsForEdit(consultation.id);
    await expect(updateSearchSynonyms({ consultationId: consultation.id, synonyms: "AI Board =\nx = X" })).rejects.toMatchObject({
      status: 422,
      fieldErrors: {
        synonyms: ["Line 1 has an empty term: write a word or phrase on each side of every “=”. Line 2 names “X” twice."],
      },
    });
    expect(await getSearchSynonymsForEdit(consultation.id)).toEqual(before);
  });

  it("answers not found for an unknown consultation", async () => {
    await signInAs(admin.id);
    await expect(updateSearchSynonyms({ consultationId: "missing", synonyms: "a = b" })).rejects.toMatchObject({ status: 404 });
    expect(await getSearchSynonymsForEdit("missing")).toBeNull();
  });
});
