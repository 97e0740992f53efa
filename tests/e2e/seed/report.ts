import { hashPassword } from "@/lib/auth/password";
import { closePrismaClient, createPrismaClient, pgliteDirFor } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { createTestContribution } from "../../helpers/contribution-factory";
import { REPORT_AUTHORS, REPORT_CONSULTATION, REPORT_CONTRIBUTIONS } from "../report-fixtures";

// Run by scripts/e2e-server.sh after the seed, before the server starts. See ../report-fixtures.ts.

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

async function main() {
  const env = getEnv();
  const db = createPrismaClient(env.databaseUrl ? { databaseUrl: env.databaseUrl } : { pgliteDir: pgliteDirFor(env.dataDir) });
  try {
    if (await db.consultation.findUnique({ where: { slug: REPORT_CONSULTATION.slug }, select: { id: true } })) return;
    const now = Date.now();
    const consultation = await db.consultation.create({
      data: {
        ...REPORT_CONSULTATION,
        summary: "A consultation of the end-to-end tests of the summary report.",
        body: "Priorities for the city, collected for the end-to-end tests.",
        topics: ["Testing"],
        status: "OPEN",
        opensAt: new Date(now - 7 * DAY),
        closesAt: new Date(now + 30 * DAY),
      },
      select: { id: true },
    });
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const authors = [];
    for (const author of REPORT_AUTHORS) {
      authors.push(
        await db.user.create({
          data: {
            email: author.email,
            passwordHash,
            emailVerified: new Date(),
            profile: {
              create: { displayName: author.name, organisationName: author.organisation, stakeholderType: author.stakeholderType, country: author.country },
            },
          },
          select: { id: true },
        }),
      );
    }
    for (const [index, text] of REPORT_CONTRIBUTIONS.entries()) {
      const author = authors[index % authors.length] as { id: string };
      await createTestContribution(
        { ...text, authorId: author.id, consultationId: consultation.id, status: "APPROVED", phase: "DURING", submittedAt: new Date(now - (index + 1) * HOUR) },
        db,
      );
    }
    console.log(`E2E report: ${REPORT_CONTRIBUTIONS.length} approved contributions to ${REPORT_CONSULTATION.slug}`);
  } finally {
    await closePrismaClient(db);
  }
}

main().catch((error: unknown) => {
  console.error("E2E report seed failed:", error);
  process.exit(1);
});
