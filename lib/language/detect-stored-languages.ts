import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { contributionLanguageColumns } from "@/lib/language/detect-language";

// The backfill of Contribution.detectedLanguage and languageConfident for
// rows written before detection existed (npm run languages:detect). Batches
// in id order (a keyset, so a long run neither skips nor repeats rows that
// change meanwhile), one UPDATE per batch. Each update regenerates the row's
// searchVector in its effective language.

export type LanguageBackfill = { total: number; done: number; changed: number };

type Options = {
  /** Detect again rows that already have a result (default: only rows never detected). */
  all?: boolean;
  batchSize?: number;
  onProgress?: (progress: LanguageBackfill) => void;
};

type Row = { id: string; title: string; body: string; language: string; detectedLanguage: string | null; languageConfident: boolean };

export async function detectStoredLanguages(db: PrismaClient, { all = false, batchSize = 500, onProgress }: Options = {}): Promise<LanguageBackfill> {
  const where = all ? {} : { detectedLanguage: null };
  const progress: LanguageBackfill = { total: await db.contribution.count({ where }), done: 0, changed: 0 };
  onProgress?.(progress);
  let after = "";
  for (;;) {
    const rows: Row[] = await db.contribution.findMany({
      where: { ...where, id: { gt: after } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, title: true, body: true, language: true, detectedLanguage: true, languageConfident: true },
    });
    const last = rows.at(-1);
    if (!last) break;
    after = last.id;
    const changes = rows
      .map((row) => ({ row, next: contributionLanguageColumns(row.title, row.body, row.language) }))
      .filter(({ row, next }) => row.detectedLanguage !== next.detectedLanguage || row.languageConfident !== next.languageConfident);
    if (changes.length > 0) {
      await db.$executeRaw`
        UPDATE "Contribution" AS c
        SET "detectedLanguage" = v."detectedLanguage", "languageConfident" = v."languageConfident"
        FROM unnest(${changes.map(({ row }) => row.id)}::text[], ${changes.map(({ next }) => next.detectedLanguage)}::text[],
                    ${changes.map(({ next }) => next.languageConfident)}::boolean[]) AS v("id", "detectedLanguage", "languageConfident")
        WHERE c."id" = v."id"`;
    }
    progress.done += rows.length;
    progress.changed += changes.length;
    onProgress?.(progress);
  }
  return progress;
}
