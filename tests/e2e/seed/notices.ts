import { getEnv } from "@/lib/env";
import { closePrismaClient, createPrismaClient, pgliteDirFor } from "@/lib/db/create-client";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { createUser } from "@/lib/users/create-user";
import { NOTICE_READER, NOTICES } from "../notice-fixtures";

// Run by scripts/e2e-server.sh after the seed, before the server starts.
// Notices are written by moderation decisions; here they are made directly.

async function main() {
  const env = getEnv();
  const db = createPrismaClient(env.databaseUrl ? { databaseUrl: env.databaseUrl } : { pgliteDir: pgliteDirFor(env.dataDir) });
  try {
    const { id: userId } = await createUser(db, { email: NOTICE_READER.email, role: "participant", name: NOTICE_READER.name, password: DEMO_PASSWORD });
    if ((await db.notice.count({ where: { userId } })) > 0) return;
    const now = Date.now();
    await db.notice.createMany({
      data: NOTICES.map((notice) => {
        const createdAt = new Date(now - notice.minutesAgo * 60_000);
        return { userId, message: notice.message, link: notice.link, createdAt, readAt: notice.read ? createdAt : null };
      }),
    });
  } finally {
    await closePrismaClient(db);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
