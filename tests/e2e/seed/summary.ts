import { hashPassword } from "@/lib/auth/password";
import { phaseAt } from "@/lib/vocabulary/phases";
import { closePrismaClient, createPrismaClient, pgliteDirFor } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { createTestContribution } from "../../helpers/contribution-factory";
import { SUMMARY_CONSULTATION, SUMMARY_CONTRIBUTIONS, SUMMARY_NGOS, SUMMARY_PENDING } from "../summary-fixtures";

// Run by scripts/e2e-server.sh after the seed, before the server starts. See
// ../summary-fixtures.ts.

const HOUR = 60 * 60 * 1000;

async function main() {
  const env = getEnv();
  const db = createPrismaClient(env.databaseUrl ? { databaseUrl: env.databaseUrl } : { pgliteDir: pgliteDirFor(env.dataDir) });
  try {
    if ((await db.contribution.count({ where: { title: SUMMARY_PENDING.title } })) > 0) return;
    const consultation = await db.consultation.findUniqueOrThrow({
      where: { slug: SUMMARY_CONSULTATION.slug },
      select: {
        id: true,
        conference: { select: { startsAt: true, endsAt: true } },
        questions: { orderBy: { position: "asc" }, select: { id: true, kind: true, options: true } },
      },
    });
    // The admin form numbers a consultation's questions from 0, the demo seed
    // from 1: this one is renumbered as the admin form would have made it,
    // so the spec sees the summary number them from 1 all the same. In
    // ascending order, each position is free when it is taken.
    for (const [index, question] of consultation.questions.entries()) await db.question.update({ where: { id: question.id }, data: { position: index } });
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const authors = [];
    for (const ngo of SUMMARY_NGOS) {
      authors.push(
        await db.user.create({
          data: {
            email: ngo.email,
            passwordHash,
            emailVerified: new Date(),
            profile: { create: { displayName: ngo.name, organisationName: ngo.organisation, stakeholderType: "NGO", country: ngo.country } },
          },
          select: { id: true },
        }),
      );
    }
    // The questions the consultation requires, answered the same way by all.
    const answers: Record<string, string | string[] | number> = {};
    for (const question of consultation.questions) {
      if (question.kind === "SCALE") answers[question.id] = 2;
      if (question.kind === "MULTIPLE_CHOICE") answers[question.id] = question.options.slice(0, 1);
    }
    // The free-text question answered with the contribution's own text: its
    // answers have themes too, beside the contributions' themes.
    const freeText = consultation.questions.find((question) => question.kind === "FREE_TEXT");
    // Within the last hours: during the running conference, which started the day before.
    const now = Date.now();
    const at = (hoursAgo: number) => {
      const submittedAt = new Date(now - hoursAgo * HOUR);
      return { submittedAt, phase: phaseAt(consultation.conference, submittedAt) };
    };
    for (const [index, text] of SUMMARY_CONTRIBUTIONS.entries()) {
      const author = authors[index % authors.length] as { id: string };
      const answered = freeText ? { ...answers, [freeText.id]: text.body } : answers;
      await createTestContribution({ ...text, ...at(8 - index / 2), answers: answered, authorId: author.id, consultationId: consultation.id, status: "APPROVED" }, db);
    }
    const author = authors[0] as { id: string };
    await createTestContribution({ ...SUMMARY_PENDING, ...at(1), answers, authorId: author.id, consultationId: consultation.id, status: "PENDING" }, db);
    console.log(`E2E summary: ${SUMMARY_CONTRIBUTIONS.length} approved NGO contributions and 1 pending added`);
  } finally {
    await closePrismaClient(db);
  }
}

main().catch((error: unknown) => {
  console.error("E2E summary seed failed:", error);
  process.exit(1);
});
