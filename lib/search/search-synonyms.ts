import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { notFound, parseInput } from "@/lib/errors";
import { synonymText, updateSearchSynonymsSchema } from "@/lib/search/synonym-schema";

// The synonym sets of a consultation's search (table SearchSynonym), which
// administrators edit on the consultation's admin page.

export type SearchSynonymsForEdit = { consultationId: string; slug: string; synonyms: string; setCount: number };

/** Administrators only. Null when there is no such consultation. */
export async function getSearchSynonymsForEdit(consultationId: string): Promise<SearchSynonymsForEdit | null> {
  await requireRole("ADMIN");
  const consultation = await db.consultation.findUnique({
    where: { id: consultationId },
    select: { id: true, slug: true, synonyms: { select: { terms: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
  if (!consultation) return null;
  const sets = consultation.synonyms.map((row) => row.terms);
  return { consultationId: consultation.id, slug: consultation.slug, synonyms: synonymText(sets), setCount: sets.length };
}

export type UpdatedSearchSynonyms = { slug: string; setCount: number };

/** Administrators only: replaces the consultation's sets with those of the text. */
export async function updateSearchSynonyms(input: unknown): Promise<UpdatedSearchSynonyms> {
  await requireRole("ADMIN");
  const { consultationId, sets } = parseInput(updateSearchSynonymsSchema, input);
  return db.$transaction(async (tx) => {
    const consultation = await tx.consultation.findUnique({ where: { id: consultationId }, select: { slug: true } });
    if (!consultation) throw notFound("This consultation");
    await tx.searchSynonym.deleteMany({ where: { consultationId } });
    // A millisecond apart, so createdAt keeps the order the administrator wrote.
    const base = Date.now();
    await tx.searchSynonym.createMany({
      data: sets.map((terms, index) => ({ consultationId, terms, createdAt: new Date(base + index) })),
    });
    return { slug: consultation.slug, setCount: sets.length };
  });
}
