import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { phaseAt } from "@/lib/vocabulary/phases";
import { formatContributionReference } from "@/lib/contributions/reference";
import { composeAnswers, composeText, pickLanguage, timeBetween } from "@/prisma/seed/compose-contribution";
import { DEMO_CONSULTATIONS } from "@/prisma/seed/demo-consultations";
import { moderationDelay } from "@/prisma/seed/demo-contributions";
import { DEMO_LANGUAGES, DEMO_TOPICS, type DemoLanguage, type DemoTopic } from "@/prisma/seed/demo-texts";
import { createRandom } from "@/prisma/seed/random";

// npm run db:seed -- --contributions N: N more contributions for scale tests,
// spread over the consultations open now. Unlike the demo this ADDS rows on
// every run. Reference numbers come from the same sequence the app uses
// (reserved a batch at a time), so they never collide with real ones.

export class SyntheticSeedError extends Error {}

export type SyntheticOptions = {
  count: number;
  batchSize?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
};

export async function addSyntheticContributions(db: PrismaClient, options: SyntheticOptions): Promise<number> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 2_000;
  const latest = new Date(now.getTime() - 60_000);

  const consultations = await db.consultation.findMany({
    where: { status: "OPEN", opensAt: { lte: latest }, closesAt: { gt: now } },
    orderBy: { slug: "asc" },
    select: {
      id: true,
      slug: true,
      opensAt: true,
      conference: { select: { startsAt: true, endsAt: true } },
      questions: { orderBy: { position: "asc" }, select: { id: true, kind: true, required: true, options: true } },
    },
  });
  if (consultations.length === 0) {
    throw new SyntheticSeedError("There is no open consultation to add contributions to. Run the base seed first (npm run db:seed).");
  }
  const authors = (
    await db.user.findMany({
      where: { role: "PARTICIPANT", suspendedAt: null, profile: { isNot: null } },
      orderBy: { email: "asc" },
      take: 1_000,
      select: { id: true, locale: true, profile: { select: { publicationPreference: true } } },
    })
  ).map((user) => ({
    id: user.id,
    languages: [DEMO_LANGUAGES.find((language) => language === user.locale) ?? "en"] as DemoLanguage[],
    publication: user.profile?.publicationPreference ?? "PUBLIC",
  }));
  if (authors.length === 0) throw new SyntheticSeedError("There are no participants to write contributions. Run the base seed first (npm run db:seed).");
  const moderatorIds = (await db.user.findMany({ where: { role: { in: ["MODERATOR", "ADMIN"] } }, orderBy: { email: "asc" }, select: { id: true } })).map(
    (user) => user.id,
  );

  const themesOf = (slug: string): readonly DemoTopic[] => DEMO_CONSULTATIONS.find((definition) => definition.slug === slug)?.themes ?? DEMO_TOPICS;
  let done = 0;
  options.onProgress?.(0, options.count);
  while (done < options.count) {
    const size = Math.min(batchSize, options.count - done);
    const numbers = await reserveReferenceNumbers(db, size);
    // Seeded by the batch's first number: the same database state gives the same rows.
    const random = createRandom(numbers[0] ?? 0);
    const contributions = new Columns<ContributionColumn>(CONTRIBUTION_COLUMNS);
    const events = new Columns<EventColumn>(EVENT_COLUMNS);

    for (const referenceNumber of numbers) {
      const consultation = random.pick(consultations);
      const author = random.pick(authors);
      const submittedAt = timeBetween(random, consultation.opensAt, latest);
      const decidedAt = new Date(submittedAt.getTime() + moderationDelay(random));
      const approved = moderatorIds.length > 0 && decidedAt <= latest && random.chance(0.85);
      const language = pickLanguage(random, author.languages);
      const themes = themesOf(consultation.slug);
      const topic = random.pick(themes);
      const { title, body } = composeText(random, language, topic, themes);
      const id = newId();
      contributions.push({
        id,
        referenceNumber,
        reference: formatContributionReference(referenceNumber, submittedAt),
        consultationId: consultation.id,
        authorId: author.id,
        phase: phaseAt(consultation.conference ?? null, submittedAt),
        title,
        body,
        answers: JSON.stringify(composeAnswers(random, consultation.questions, language, topic)),
        language,
        publication: author.publication,
        status: approved ? "APPROVED" : "PENDING",
        submittedAt: submittedAt.toISOString(),
        decidedAt: approved ? decidedAt.toISOString() : null,
        awaitingSince: approved ? null : submittedAt.toISOString(),
        createdAt: submittedAt.toISOString(),
        updatedAt: (approved ? decidedAt : submittedAt).toISOString(),
      });
      events.push({ id: newId(), contributionId: id, actorId: author.id, action: "SUBMIT", fromStatus: null, toStatus: "PENDING", createdAt: submittedAt.toISOString() });
      if (approved) {
        events.push({
          id: newId(),
          contributionId: id,
          actorId: random.pick(moderatorIds),
          action: "APPROVE",
          fromStatus: "PENDING",
          toStatus: "APPROVED",
          createdAt: decidedAt.toISOString(),
        });
      }
    }

    // Raw INSERT ... SELECT FROM unnest(arrays): one statement and a few
    // parameters per batch. createMany took three times as long, most of it
    // spent building and serialising row objects.
    const c = contributions.values;
    const e = events.values;
    await db.$transaction([
      db.$executeRaw`
        INSERT INTO "Contribution" ("id", "referenceNumber", "reference", "consultationId", "authorId", "phase", "title", "body",
          "answers", "language", "publication", "status", "submittedAt", "decidedAt", "awaitingSince", "createdAt", "updatedAt")
        SELECT * FROM unnest(${c.id}::text[], ${c.referenceNumber}::int[], ${c.reference}::text[], ${c.consultationId}::text[],
          ${c.authorId}::text[], ${c.phase}::text[]::"Phase"[], ${c.title}::text[], ${c.body}::text[], ${c.answers}::jsonb[],
          ${c.language}::text[], ${c.publication}::text[]::"PublicationPreference"[], ${c.status}::text[]::"ContributionStatus"[],
          ${c.submittedAt}::text[]::timestamp(3)[], ${c.decidedAt}::text[]::timestamp(3)[], ${c.awaitingSince}::text[]::timestamp(3)[], ${c.createdAt}::text[]::timestamp(3)[],
          ${c.updatedAt}::text[]::timestamp(3)[])`,
      db.$executeRaw`
        INSERT INTO "ModerationEvent" ("id", "contributionId", "actorId", "action", "fromStatus", "toStatus", "createdAt")
        SELECT * FROM unnest(${e.id}::text[], ${e.contributionId}::text[], ${e.actorId}::text[], ${e.action}::text[]::"ModerationAction"[],
          ${e.fromStatus}::text[]::"ContributionStatus"[], ${e.toStatus}::text[]::"ContributionStatus"[], ${e.createdAt}::text[]::timestamp(3)[])`,
    ]);
    done += size;
    options.onProgress?.(done, options.count);
  }
  // After a bulk load, as autovacuum would do later: fresh statistics for the
  // planner and a visibility map, so counts by phase and the list's facets use
  // index-only scans straight away (bench/RESULTS.md: 94 ms → 8 ms).
  if (done > 0) await db.$executeRawUnsafe('VACUUM ANALYZE "Contribution", "ModerationEvent"');
  return done;
}

const CONTRIBUTION_COLUMNS = [
  "id",
  "referenceNumber",
  "reference",
  "consultationId",
  "authorId",
  "phase",
  "title",
  "body",
  "answers",
  "language",
  "publication",
  "status",
  "submittedAt",
  "decidedAt",
  "awaitingSince",
  "createdAt",
  "updatedAt",
] as const;
type ContributionColumn = (typeof CONTRIBUTION_COLUMNS)[number];

const EVENT_COLUMNS = ["id", "contributionId", "actorId", "action", "fromStatus", "toStatus", "createdAt"] as const;
type EventColumn = (typeof EVENT_COLUMNS)[number];

/** Rows kept column by column, the shape unnest() takes. */
class Columns<K extends string> {
  readonly values: Record<K, Array<string | number | null>>;
  constructor(columns: readonly K[]) {
    const values = {} as Record<K, Array<string | number | null>>;
    for (const column of columns) values[column] = [];
    this.values = values;
  }
  push(row: Record<K, string | number | null>): void {
    for (const column of Object.keys(this.values) as K[]) this.values[column].push(row[column]);
  }
}

// Ids in the shape of Prisma's cuid() (a "c", then 24 base-36 characters),
// made here because raw inserts bypass Prisma's client-side defaults.
let idCounter = 0;
function newId(): string {
  idCounter = (idCounter + 1) % 36 ** 4;
  const random = randomBytes(8).readBigUInt64BE().toString(36).padStart(13, "0").slice(0, 12);
  return `c${Date.now().toString(36).padStart(8, "0")}${idCounter.toString(36).padStart(4, "0")}${random}`;
}

/** Takes `count` numbers from the sequence behind Contribution.referenceNumber. */
async function reserveReferenceNumbers(db: PrismaClient, count: number): Promise<number[]> {
  const rows = await db.$queryRaw<Array<{ n: bigint }>>`
    SELECT nextval(pg_get_serial_sequence('"Contribution"', 'referenceNumber')) AS n FROM generate_series(1, ${count}::int)`;
  return rows.map((row) => Number(row.n));
}
