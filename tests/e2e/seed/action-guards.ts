import { writeFile } from "node:fs/promises";
import path from "node:path";
import { closePrismaClient, createPrismaClient, pgliteDirFor } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { createUser } from "@/lib/users/create-user";
import { createTestContribution } from "../../helpers/contribution-factory";
import {
  GUARD_CONFERENCE,
  GUARD_CONSULTATION,
  GUARD_IDS_FILE,
  GUARD_NOTICE,
  GUARD_PARTICIPANT,
  GUARD_PENDING_TITLE,
  GUARD_REASON,
  GUARD_REPORTED_TITLE,
  GUARD_TARGET,
  type GuardIds,
} from "../action-guard-fixtures";

// Run by scripts/e2e-server.sh after the seed, before the server starts. See ../action-guard-fixtures.ts.

const DAY = 24 * 60 * 60 * 1000;

async function main() {
  const env = getEnv();
  const db = createPrismaClient(env.databaseUrl ? { databaseUrl: env.databaseUrl } : { pgliteDir: pgliteDirFor(env.dataDir) });
  try {
    const now = Date.now();
    const { id: targetUserId } = await createUser(db, { email: GUARD_TARGET.email, role: "participant", name: GUARD_TARGET.name, password: DEMO_PASSWORD });
    await createUser(db, { email: GUARD_PARTICIPANT.email, role: "participant", name: GUARD_PARTICIPANT.name, password: DEMO_PASSWORD });
    const conference = await db.conference.create({
      data: {
        ...GUARD_CONFERENCE,
        description: "A conference of the end-to-end tests of the server actions.",
        venue: "Brussels",
        timeZone: "Europe/Brussels",
        startsAt: new Date(now + 60 * DAY),
        endsAt: new Date(now + 61 * DAY),
      },
      select: { id: true },
    });
    const consultation = await db.consultation.create({
      data: {
        ...GUARD_CONSULTATION,
        summary: "A consultation of the end-to-end tests of the server actions.",
        body: "Every server action is called here by someone who may not call it.",
        topics: ["Testing"],
        status: "OPEN",
        opensAt: new Date(now - 7 * DAY),
        closesAt: new Date(now + 30 * DAY),
      },
      select: { id: true },
    });
    const pending = await createTestContribution({ authorId: targetUserId, consultationId: consultation.id, status: "PENDING", title: GUARD_PENDING_TITLE }, db);
    const reported = await createTestContribution({ authorId: targetUserId, consultationId: consultation.id, status: "APPROVED", title: GUARD_REPORTED_TITLE }, db);
    await db.flag.create({ data: { contributionId: reported.id, userId: targetUserId, reason: "OFF_TOPIC" } });
    await db.contribution.update({ where: { id: reported.id }, data: { openFlagCount: 1, awaitingSince: new Date(now) } });
    const position = (await db.rejectionReason.count()) + 1;
    const reason = await db.rejectionReason.create({ data: { label: GUARD_REASON, position, active: false }, select: { id: true } });
    const notice = await db.notice.create({ data: { userId: targetUserId, message: GUARD_NOTICE }, select: { id: true } });

    const ids: GuardIds = {
      targetUserId,
      conferenceId: conference.id,
      consultationId: consultation.id,
      pending: { id: pending.id, reference: pending.reference },
      reported: { id: reported.id, reference: reported.reference },
      reasonId: reason.id,
      noticeId: notice.id,
    };
    await writeFile(path.join(env.dataDir, path.basename(GUARD_IDS_FILE)), JSON.stringify(ids, null, 2));
    console.log("E2E action guards: records of someone else for every server action to aim at");
  } finally {
    await closePrismaClient(db);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
