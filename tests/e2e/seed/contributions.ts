import { getEnv } from "@/lib/env";
import { closePrismaClient, createPrismaClient, pgliteDirFor } from "@/lib/db/create-client";
import { DEMO_ACCOUNTS } from "@/prisma/seed/demo-accounts";
import { createTestContribution } from "../../helpers/contribution-factory";
import { FIXTURE_CONSULTATION, FRENCH_DECISION, OTHERS_CONSULTATION, PENDING_TITLE, REJECTED, TO_WITHDRAW_TITLE, XSS } from "../contribution-fixtures";

// Run by scripts/e2e-server.sh after the seed, before the server starts (an
// embedded database has one process at a time). See ../contribution-fixtures.ts.

function demoEmail(role: "PARTICIPANT" | "MODERATOR"): string {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`No demo ${role.toLowerCase()}`);
  return account.email;
}

async function main() {
  const env = getEnv();
  const db = createPrismaClient(env.databaseUrl ? { databaseUrl: env.databaseUrl } : { pgliteDir: pgliteDirFor(env.dataDir) });
  try {
    if ((await db.contribution.count({ where: { title: XSS.title } })) > 0) return;
    const participant = await db.user.findUniqueOrThrow({ where: { email: demoEmail("PARTICIPANT") }, select: { id: true } });
    const moderator = await db.user.findUniqueOrThrow({ where: { email: demoEmail("MODERATOR") }, select: { id: true } });
    const consultation = await db.consultation.findUniqueOrThrow({ where: { slug: FIXTURE_CONSULTATION.slug }, select: { id: true } });
    const base = { authorId: participant.id, consultationId: consultation.id, phase: "BEFORE" as const };

    const xss = await createTestContribution({ ...base, title: XSS.title, body: XSS.body, status: "APPROVED" }, db);
    const rejected = await createTestContribution({ ...base, title: REJECTED.title, status: "REJECTED", rejectionReason: REJECTED.reason }, db);
    await db.moderationEvent.createMany({
      data: [
        { contributionId: xss.id, actorId: moderator.id, action: "APPROVE", fromStatus: "PENDING", toStatus: "APPROVED", note: XSS.moderatorNote },
        {
          contributionId: rejected.id,
          actorId: moderator.id,
          action: "REJECT",
          fromStatus: "PENDING",
          toStatus: "REJECTED",
          reason: REJECTED.reason,
          note: XSS.moderatorNote,
        },
      ],
    });
    await createTestContribution({ ...base, title: PENDING_TITLE, status: "PENDING" }, db);
    await createTestContribution({ ...base, title: TO_WITHDRAW_TITLE, status: "PENDING" }, db);

    const others = await db.consultation.findUniqueOrThrow({ where: { slug: OTHERS_CONSULTATION.slug }, select: { id: true } });
    const stakeholder = await db.user.findFirstOrThrow({
      where: { role: "PARTICIPANT", email: { notIn: DEMO_ACCOUNTS.map((account) => account.email) } },
      orderBy: { email: "asc" },
      select: { id: true },
    });
    await createTestContribution({ ...FRENCH_DECISION, authorId: stakeholder.id, consultationId: others.id, phase: "BEFORE", status: "APPROVED" }, db);
    console.log("E2E contributions: 4 added for the demo participant, 1 in French for a stakeholder");
  } finally {
    await closePrismaClient(db);
  }
}

main().catch((error: unknown) => {
  console.error("E2E contributions failed:", error);
  process.exit(1);
});
