import { getEnv } from "@/lib/env";
import { closePrismaClient, createPrismaClient, pgliteDirFor } from "@/lib/db/create-client";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { createUser } from "@/lib/users/create-user";
import { createTestContribution } from "../../helpers/contribution-factory";
import { SIMILARITY_CONSULTATION, SIMILARITY_MEMBERS } from "../similarity-fixtures";

// Run by scripts/e2e-server.sh after the seed, before the server starts. See ../similarity-fixtures.ts.

const DAY = 24 * 60 * 60 * 1000;

async function main() {
  const env = getEnv();
  const db = createPrismaClient(env.databaseUrl ? { databaseUrl: env.databaseUrl } : { pgliteDir: pgliteDirFor(env.dataDir) });
  try {
    if (await db.consultation.findUnique({ where: { slug: SIMILARITY_CONSULTATION.slug }, select: { id: true } })) return;
    const now = Date.now();
    const consultation = await db.consultation.create({
      data: {
        ...SIMILARITY_CONSULTATION,
        summary: "A consultation of the end-to-end tests of near-duplicate groups.",
        body: "Form letters wait here for the moderators of the end-to-end tests.",
        topics: ["Testing"],
        status: "OPEN",
        opensAt: new Date(now - 7 * DAY),
        closesAt: new Date(now + 30 * DAY),
      },
      select: { id: true },
    });
    const { fingerprintAndGroup } = await import("@/lib/similarity/fingerprint-and-group");
    for (const [index, member] of SIMILARITY_MEMBERS.entries()) {
      const { id: authorId } = await createUser(db, { email: member.author.email, role: "participant", name: member.author.name, password: DEMO_PASSWORD });
      const { id } = await createTestContribution(
        { authorId, consultationId: consultation.id, status: "PENDING", title: member.title, body: member.body, submittedAt: new Date(now - (3 - index) * DAY) },
        db,
      );
      // In this client's transaction: a second client would open a second PGlite on the same files.
      await db.$transaction((tx) => fingerprintAndGroup(id, { transaction: tx }));
    }
  } finally {
    await closePrismaClient(db);
  }
}

// lib/db.ts, imported with the grouping, may leave a handle open: the script ends here.
main()
  .then(() => {
    console.info("E2E similarity: a campaign of three pending form letters, grouped");
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
