import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StakeholderType } from "@/lib/generated/prisma/enums";
import { effectiveLanguageSql } from "@/lib/language/effective-language-sql";
import type { TextPart, ThemeInput } from "@/lib/summaries/themes/engine/types";

// What the theme engine reads of a consultation (issue 11, built on the
// reading layer of issue 10): each approved contribution's title and body in
// its effective language, the text of every page of its attachments in the
// page's own language, its group of near-identical texts, its author's
// stakeholder type; and, for each free-text question, the answers. Read in
// one snapshot with the digest of what was read, so that the themes can tell
// when they are out of date (themeInputDigest).

export type ThemeInputs = {
  /** By contribution id. */
  contributions: ThemeInput[];
  /** The answers to each free-text question, by question id (in question order). */
  answers: { questionId: string; inputs: ThemeInput[] }[];
  digest: string;
};

type ContributionRow = {
  id: string;
  reference: string;
  title: string;
  body: string;
  language: string;
  stakeholderType: StakeholderType | null;
  similarityGroupId: string | null;
  answers: Prisma.JsonValue;
};

type PageRow = { contributionId: string; attachmentId: string; fileName: string; pageNumber: number; text: string; language: string };

/**
 * A fingerprint of everything the themes of a consultation are found from:
 * which contributions are approved, their versions (an edit changes the
 * text), groups and effective languages, and how much attachment text each
 * has (read later by the worker). The same SQL runs when the themes are
 * computed and when the live summary asks whether they are current.
 */
export async function themeInputDigest(consultationId: string, client: Prisma.TransactionClient = db): Promise<string> {
  const [row] = await client.$queryRaw<{ digest: string | null }[]>`
    SELECT md5(string_agg(c."id" || ':' || c."version" || ':' || coalesce(c."similarityGroupId", '') || ':' || ${effectiveLanguageSql("c")} || ':' || coalesce(t."chars", 0), ',' ORDER BY c."id")) AS "digest"
    FROM "Contribution" c
    LEFT JOIN LATERAL (
      SELECT sum(a."textChars")::bigint AS "chars" FROM "Attachment" a WHERE a."contributionId" = c."id" AND a."textStatus" = 'EXTRACTED'
    ) t ON true
    WHERE c."consultationId" = ${consultationId} AND c."status" = 'APPROVED'`;
  return row?.digest ?? "none";
}

/** The inputs of a consultation's themes, read from one snapshot (`client`: a transaction that gives it). */
export async function loadThemeInputs(consultationId: string, client: Prisma.TransactionClient): Promise<ThemeInputs> {
  const digest = await themeInputDigest(consultationId, client);
  const rows = await client.$queryRaw<ContributionRow[]>`
    SELECT c."id", c."reference", c."title", c."body", ${effectiveLanguageSql("c")} AS "language",
           p."stakeholderType"::text AS "stakeholderType", c."similarityGroupId", c."answers"
    FROM "Contribution" c LEFT JOIN "StakeholderProfile" p ON p."userId" = c."authorId"
    WHERE c."consultationId" = ${consultationId} AND c."status" = 'APPROVED'
    ORDER BY c."id"`;
  const pages = await client.$queryRaw<PageRow[]>`
    SELECT a."contributionId", a."id" AS "attachmentId", a."fileName", pg."pageNumber", pg."text", pg."language"
    FROM "AttachmentPage" pg
    JOIN "Attachment" a ON a."id" = pg."attachmentId"
    JOIN "Contribution" c ON c."id" = a."contributionId"
    WHERE c."consultationId" = ${consultationId} AND c."status" = 'APPROVED' AND a."textStatus" = 'EXTRACTED'
    ORDER BY a."contributionId", a."createdAt", a."id", pg."pageNumber"`;
  const questions = await client.question.findMany({
    where: { consultationId, kind: "FREE_TEXT" },
    orderBy: { position: "asc" },
    select: { id: true },
  });

  const pagesOf = new Map<string, TextPart[]>();
  for (const page of pages) {
    if (page.text.trim() === "") continue;
    const parts = pagesOf.get(page.contributionId) ?? [];
    parts.push({ text: page.text, language: page.language, source: { kind: "attachment", attachmentId: page.attachmentId, fileName: page.fileName, page: page.pageNumber } });
    pagesOf.set(page.contributionId, parts);
  }
  // Authors without a stakeholder profile (accounts made before profiles
  // were required) count as "Other" in a theme's spread.
  const base = (row: ContributionRow) => ({
    id: row.id,
    reference: row.reference,
    stakeholderType: row.stakeholderType ?? "OTHER",
    groupId: row.similarityGroupId,
  });
  const contributions = rows.map(
    (row): ThemeInput => ({
      ...base(row),
      parts: [
        { text: row.title, language: row.language, source: { kind: "title" } },
        { text: row.body, language: row.language, source: { kind: "body" } },
        ...(pagesOf.get(row.id) ?? []),
      ],
    }),
  );
  const answers = questions.map((question) => ({
    questionId: question.id,
    inputs: rows.flatMap((row): ThemeInput[] => {
      const text = answerText(row.answers, question.id);
      // An answer is its own text: near-identical contributions can answer differently.
      return text ? [{ ...base(row), groupId: null, parts: [{ text, language: row.language, source: { kind: "body" } }] }] : [];
    }),
  }));
  return { contributions, answers, digest };
}

function answerText(answers: Prisma.JsonValue, questionId: string): string | null {
  if (answers === null || typeof answers !== "object" || Array.isArray(answers)) return null;
  const value = answers[questionId];
  return typeof value === "string" && value.trim() !== "" ? value : null;
}
