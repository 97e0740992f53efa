import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SummaryStatus } from "@/lib/generated/prisma/enums";
import { computeStatistics } from "@/lib/summaries/compute-statistics";
import { countThemes } from "@/lib/summaries/count-themes";
import { parseStoredThemes, toStoredFigures } from "@/lib/summaries/frozen-figures";
import { effectiveLanguageSql } from "@/lib/language/effective-language-sql";
import { saveSummarySchema } from "@/lib/summaries/schema";
import { readSteering } from "@/lib/summaries/steering/read-steering";

export type SavedSummary = { consultationId: string; version: number; status: SummaryStatus; publishedAt: Date | null };

// Publishing freezes the themes the theme job stored and counts the figures
// in SQL: no theme engine in the transaction. At 100,000 contributions that
// is still a few seconds of database work on a busy server (bench/RESULTS.md),
// beyond Prisma's 5-second default.
const PUBLISH_TIMEOUT_MS = 120_000;

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
 * moderators with no one signed in. Every version keeps the theme steering
 * as it stands. Publishing freezes the themes the theme job found (with the
 * steering applied), the approved contributions they were found from and
 * the figures of those; a later contribution changes nothing until someone
 * publishes again, and older versions stay readable. Themes that are missing
 * or found before the last steering change are refused: the version would
 * not show what the moderators chose. All in one transaction, serialised per
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
      const steering = await readSteering(consultation.id, tx);
      const computation = fields.publish
        ? await tx.themeComputation.findUnique({ where: { consultationId: consultation.id }, select: { themes: true, steeringVersion: true } })
        : null;
      if (fields.publish && (!computation || computation.steeringVersion !== steering.version)) {
        throw new AppError(
          "INVALID_STATE",
          computation
            ? "The themes are being brought up to date with the latest steering. Publish when they are ready: the live view shows their progress."
            : "The themes of this consultation are still being found. Publish when they are ready: the live view shows their progress.",
        );
      }
      const now = new Date();
      const summary = await tx.consultationSummary.create({
        data: {
          consultationId: consultation.id,
          version: latestVersion + 1,
          status: fields.publish ? "PUBLISHED" : "DRAFT",
          synthesis: fields.synthesis,
          highlights: fields.highlights,
          steering: steering.steps,
          authorId,
          createdAt: now,
          publishedAt: fields.publish ? now : null,
        },
        select: { id: true, version: true, status: true, publishedAt: true },
      });

      if (computation) {
        // The contributions the themes were found from that are still
        // approved, each with where the themes put it, its author's
        // stakeholder type and country, its group of near-identical texts
        // and its effective language now: filtered views of this version
        // count by these. Set-based, in SQL, whatever the number: one
        // statement, each contribution written once with its placements in
        // the contributions' themes and in each question's. The planner
        // cannot know how many rows the JSON gives (it guesses 100): left to
        // itself it loops over the answers once per contribution, 10^10
        // pairs at 100,000 (minutes). Without nested loops it hashes each
        // side once.
        await tx.$executeRaw`SET LOCAL enable_nestloop = off`;
        const frozen = await tx.$executeRaw`
          INSERT INTO "ConsultationSummaryContribution" ("summaryId", "contributionId", "stakeholderType", "country", "similarityGroupId", "language", "themePlacement", "answerThemePlacements")
          SELECT ${summary.id}, c."id", p."stakeholderType", p."country", c."similarityGroupId", ${effectiveLanguageSql("c")}, e."value", coalesce(a."placements", '{}'::jsonb)
          FROM "Contribution" c
          JOIN jsonb_each((SELECT tc."placements" -> 'contributions' FROM "ThemeComputation" tc WHERE tc."consultationId" = ${consultation.id})) e ON e."key" = c."id"
          LEFT JOIN (
            SELECT answer."key" AS "contributionId", jsonb_object_agg(question."key", answer."value") AS "placements"
            FROM jsonb_each((SELECT tc."placements" -> 'answers' FROM "ThemeComputation" tc WHERE tc."consultationId" = ${consultation.id})) question
            CROSS JOIN LATERAL jsonb_each(question."value") answer
            GROUP BY answer."key"
          ) a ON a."contributionId" = c."id"
          LEFT JOIN "StakeholderProfile" p ON p."userId" = c."authorId"
          WHERE c."consultationId" = ${consultation.id} AND c."status" = 'APPROVED'`;
        await tx.$executeRaw`SET LOCAL enable_nestloop = on`;
        const base = parseStoredThemes(computation.themes, `the stored themes of consultation ${consultation.id}`);
        // Every contribution approved now frozen (the usual case, themes
        // current): the figures of the frozen rows are those of what is
        // approved, which PostgreSQL counts without the join to them (0.5 s
        // less at 100,000). Frozen rows are approved ones, so equal counts
        // are the same set.
        const approved = await tx.contribution.count({ where: { consultationId: consultation.id, status: "APPROVED" } });
        const statistics = await computeStatistics(consultation.id, {}, frozen === approved ? { transaction: tx } : { summaryId: summary.id, transaction: tx });
        const themes = await countThemes({ kind: "published", consultationId: consultation.id, summaryId: summary.id, weighted: true }, base, {}, tx);
        await tx.consultationSummary.update({
          where: { id: summary.id },
          data: toStoredFigures({ statistics, themes }),
        });
      }
      return { consultationId: consultation.id, version: summary.version, status: summary.status, publishedAt: summary.publishedAt };
    },
    { timeout: PUBLISH_TIMEOUT_MS, maxWait: 10_000 },
  );
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
