import { getEnv } from "@/lib/env";
import { closePrismaClient, createPrismaClient, pgliteDirFor } from "@/lib/db/create-client";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { createUser } from "@/lib/users/create-user";
import { createTestContribution } from "../../helpers/contribution-factory";
import {
  BULK_CONSULTATION,
  BULK_TITLES,
  CONFLICT_CONSULTATION,
  CONFLICT_TITLE,
  MODERATION_AUTHOR,
  MODERATION_CONSULTATION,
  MODERATION_REPORTER,
  QUEUE_TITLES,
} from "../moderation-fixtures";

// Run by scripts/e2e-server.sh after the seed, before the server starts. See ../moderation-fixtures.ts.

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60_000;

async function main() {
  const env = getEnv();
  const db = createPrismaClient(env.databaseUrl ? { databaseUrl: env.databaseUrl } : { pgliteDir: pgliteDirFor(env.dataDir) });
  try {
    if (await db.consultation.findUnique({ where: { slug: MODERATION_CONSULTATION.slug }, select: { id: true } })) return;
    const now = Date.now();
    const { id: authorId } = await createUser(db, { email: MODERATION_AUTHOR.email, role: "participant", name: MODERATION_AUTHOR.name, password: DEMO_PASSWORD });
    const { id: reporterId } = await createUser(db, { email: MODERATION_REPORTER.email, role: "participant", name: MODERATION_REPORTER.name, password: DEMO_PASSWORD });
    const queues = [
      { ...MODERATION_CONSULTATION, titles: [QUEUE_TITLES.approve, QUEUE_TITLES.reject, ...QUEUE_TITLES.bulk, QUEUE_TITLES.shortcut] },
      { ...CONFLICT_CONSULTATION, titles: [CONFLICT_TITLE] },
      { ...BULK_CONSULTATION, titles: [...BULK_TITLES.pending] },
    ];
    for (const queue of queues) {
      const consultation = await db.consultation.create({
        data: {
          slug: queue.slug,
          title: queue.title,
          summary: "A consultation of the end-to-end tests of moderation.",
          body: "Contributions here wait for the moderators of the end-to-end tests.",
          topics: ["Testing"],
          status: "OPEN",
          opensAt: new Date(now - 7 * DAY),
          closesAt: new Date(now + 30 * DAY),
        },
        select: { id: true },
      });
      if (queue.slug === BULK_CONSULTATION.slug) {
        // Published a week ago, reported two days ago: in the queue after the pending ones.
        const reported = await createTestContribution(
          { authorId, consultationId: consultation.id, status: "APPROVED", title: BULK_TITLES.reported, submittedAt: new Date(now - 7 * DAY) },
          db,
        );
        await db.flag.create({ data: { contributionId: reported.id, userId: reporterId, reason: "OFF_TOPIC", createdAt: new Date(now - 2 * DAY) } });
        await db.contribution.update({ where: { id: reported.id }, data: { openFlagCount: 1, awaitingSince: new Date(now - 2 * DAY) } });
      }
      for (const [index, title] of queue.titles.entries()) {
        await createTestContribution(
          {
            authorId,
            consultationId: consultation.id,
            status: "PENDING",
            title,
            body: `${title}: a contribution the moderation tests decide on.`,
            // Three days ago, a minute apart, oldest first: "waiting 3 days" on the page for the next 21 hours.
            submittedAt: new Date(now - 3 * DAY + index * MINUTE),
          },
          db,
        );
      }
    }
    console.log(`E2E moderation: three consultations with pending contributions by ${MODERATION_AUTHOR.email}, one with a reported one`);
  } finally {
    await closePrismaClient(db);
  }
}

main().catch((error: unknown) => {
  console.error("E2E moderation data failed:", error);
  process.exit(1);
});
