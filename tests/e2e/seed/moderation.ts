import { getEnv } from "@/lib/env";
import { closePrismaClient, createPrismaClient, pgliteDirFor } from "@/lib/db/create-client";
import { DEMO_PASSWORD } from "@/lib/seed/demo-accounts";
import { createUser } from "@/lib/seed/create-user";
import { createTestContribution } from "../../helpers/contribution-factory";
import { CONFLICT_CONSULTATION, CONFLICT_TITLE, MODERATION_AUTHOR, MODERATION_CONSULTATION, QUEUE_TITLES } from "../moderation-fixtures";

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
    const queues = [
      { ...MODERATION_CONSULTATION, titles: [QUEUE_TITLES.approve, QUEUE_TITLES.reject, ...QUEUE_TITLES.bulk, QUEUE_TITLES.shortcut] },
      { ...CONFLICT_CONSULTATION, titles: [CONFLICT_TITLE] },
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
    console.log(`E2E moderation: two consultations with pending contributions by ${MODERATION_AUTHOR.email}`);
  } finally {
    await closePrismaClient(db);
  }
}

main().catch((error: unknown) => {
  console.error("E2E moderation data failed:", error);
  process.exit(1);
});
