import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SummaryStatus } from "@/lib/generated/prisma/enums";
import { computeSummaryFiguresWithPlacement, type ThemePlacement } from "@/lib/summaries/compute-summary-figures";
import { toStoredFigures } from "@/lib/summaries/frozen-figures";
import { effectiveLanguageSql } from "@/lib/language/effective-language-sql";
import { saveSummarySchema } from "@/lib/summaries/schema";

export type SavedSummary = { consultationId: string; version: number; status: SummaryStatus; publishedAt: Date | null };

// Publishing computes the themes of every approved contribution inside the
// transaction that freezes them: at 100,000 contributions that takes seconds
// (bench/RESULTS.md), far beyond Prisma's 5-second default.
const PUBLISH_TIMEOUT_MS = 180_000;

// The first key of the advisory lock that serialises summary writes (the
// migration runner uses a single-key lock, which never collides with these).
const SUMMARY_LOCK_CLASS = 5_301_777;

// A second click on Save or Publish arrives with the same base version and
// the same text: it finds the version the first click made instead of being
// refused as a conflict.
const DOUBLE_SUBMIT_WINDOW_MS = 60_000;

/**
 * Saves the synthesis of a consultation as a new version, or publishes it,
 * as `authorId`, with no check that they may: saveSummary (save-summary.ts)
 * checks the caller's role first; the demo seed publishes as one of its
 * moderators with no one signed in. Publishing records which approved
 * contributions the summary covers and freezes its figures and themes with
 * it; a later contribution changes nothing until someone publishes again,
 * and older versions stay readable. All in one transaction, serialised per
 * consultation. `visible`: the consultations the caller may see (drafts are
 * the administrators'); one outside it is "not found". Imports nothing of
 * the request (auth, cookies), so that the seed's command line can run it.
 */
export async function unsafeSaveSummary(authorId: string, input: unknown, visible: Prisma.ConsultationWhereInput): Promise<SavedSummary> {
  const fields = parseInput(saveSummarySchema, input);

  return db.$transaction(
    async (tx) => {
      // Drafts are the administrators' own: anyone else gets "not found", as on every page.
      const consultation = await tx.consultation.findFirst({
        where: { AND: [{ id: fields.consultationId }, visible] },
        select: { id: true, status: true },
      });
      if (!consultation) throw notFound("This consultation");
      if (fields.publish && consultation.status === "DRAFT") {
        throw new AppError("INVALID_STATE", "This consultation is still a draft: open it before publishing its summary.");
      }
      // One writer of summaries per consultation at a time: the version
      // number and the frozen list are decided under this lock. An advisory
      // lock, not a row lock on the consultation: publishing runs for
      // seconds, and submissions to the consultation share-lock its row.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SUMMARY_LOCK_CLASS}::int, hashtext(${consultation.id}))`;

      const latest = await tx.consultationSummary.findFirst({
        where: { consultationId: consultation.id },
        orderBy: { version: "desc" },
        select: { version: true, status: true, synthesis: true, highlights: true, authorId: true, createdAt: true, publishedAt: true, author: { select: { profile: { select: { displayName: true } } } } },
      });
      const latestVersion = latest?.version ?? 0;
      if (latest && latestVersion !== fields.baseVersion) {
        const sameAgain =
          latest.authorId === authorId &&
          latest.synthesis === fields.synthesis &&
          latest.highlights.join() === fields.highlights.join() &&
          (latest.status === "PUBLISHED") === fields.publish &&
          Date.now() - latest.createdAt.getTime() < DOUBLE_SUBMIT_WINDOW_MS;
        if (sameAgain) return { consultationId: consultation.id, version: latest.version, status: latest.status, publishedAt: latest.publishedAt };
        const who = latest.author?.profile?.displayName ?? "another moderator";
        throw new AppError(
          "CONFLICT",
          `Version ${latest.version} was saved by ${who} at ${formatDateTime(latest.createdAt)} after you opened the editor. Reload the page to see it; copy your text first if you want to keep it.`,
        );
      }

      await checkHighlights(tx, consultation.id, fields.highlights);
      const now = new Date();
      const summary = await tx.consultationSummary.create({
        data: {
          consultationId: consultation.id,
          version: latestVersion + 1,
          status: fields.publish ? "PUBLISHED" : "DRAFT",
          synthesis: fields.synthesis,
          highlights: fields.highlights,
          authorId,
          createdAt: now,
          publishedAt: fields.publish ? now : null,
        },
        select: { id: true, version: true, status: true, publishedAt: true },
      });

      if (fields.publish) {
        // With each contribution, its author's stakeholder type and country,
        // its group of near-identical texts and its effective language now:
        // filtered views of this version count by these.
        await tx.$executeRaw`
          INSERT INTO "ConsultationSummaryContribution" ("summaryId", "contributionId", "stakeholderType", "country", "similarityGroupId", "language")
          SELECT ${summary.id}, c."id", p."stakeholderType", p."country", c."similarityGroupId", ${effectiveLanguageSql("c")}
          FROM "Contribution" c LEFT JOIN "StakeholderProfile" p ON p."userId" = c."authorId"
          WHERE c."consultationId" = ${consultation.id} AND c."status" = 'APPROVED'`;
        const { figures, placement } = await computeSummaryFiguresWithPlacement(
          { kind: "published", consultationId: consultation.id, summaryId: summary.id },
          {},
          tx,
        );
        await storePlacements(tx, summary.id, placement);
        await tx.consultationSummary.update({
          where: { id: summary.id },
          data: toStoredFigures(figures),
        });
      }
      return { consultationId: consultation.id, version: summary.version, status: summary.status, publishedAt: summary.publishedAt };
    },
    { timeout: PUBLISH_TIMEOUT_MS, maxWait: 10_000 },
  );
}

// Rows per UPDATE when storing where the themes put each contribution: a
// few hundred kilobytes of parameters per statement at most.
const PLACEMENT_BATCH = 5_000;

/** Where the theme engine put each frozen contribution and its free-text answers, for filtered views of this version. */
async function storePlacements(tx: Prisma.TransactionClient, summaryId: string, placement: ThemePlacement): Promise<void> {
  const ids = [...new Set([...placement.contributions.keys(), ...[...placement.answers.values()].flatMap((answers) => [...answers.keys()])])];
  for (let start = 0; start < ids.length; start += PLACEMENT_BATCH) {
    const batch = ids.slice(start, start + PLACEMENT_BATCH);
    const placements = batch.map((id) => placement.contributions.get(id) ?? null);
    const answers = batch.map((id) =>
      JSON.stringify(Object.fromEntries([...placement.answers].flatMap(([questionId, byId]) => (byId.has(id) ? [[questionId, byId.get(id)]] : [])))),
    );
    await tx.$executeRaw`
      UPDATE "ConsultationSummaryContribution" AS s
      SET "placement" = v."placement", "answerPlacements" = v."answers"::jsonb
      FROM unnest(${batch}::text[], ${placements}::text[], ${answers}::text[]) AS v("id", "placement", "answers")
      WHERE s."summaryId" = ${summaryId} AND s."contributionId" = v."id"`;
  }
}

/** Highlights must be approved contributions of this consultation. */
async function checkHighlights(tx: Prisma.TransactionClient, consultationId: string, references: string[]): Promise<void> {
  if (references.length === 0) return;
  const found = await tx.contribution.findMany({
    where: { consultationId, status: "APPROVED", reference: { in: references } },
    select: { reference: true },
  });
  const known = new Set(found.map((row) => row.reference));
  const unknown = references.filter((reference) => !known.has(reference));
  if (unknown.length > 0) {
    const message = `${unknown.join(", ")} ${unknown.length === 1 ? "is not a published contribution" : "are not published contributions"} of this consultation.`;
    throw new AppError("VALIDATION", message, { highlights: [message] });
  }
}
