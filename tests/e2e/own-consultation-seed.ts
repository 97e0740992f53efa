import { hashPassword } from "@/lib/auth/password";
import { closePrismaClient, createPrismaClient, pgliteDirFor } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import type { StakeholderType } from "@/lib/generated/prisma/enums";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { createTestContribution } from "../helpers/contribution-factory";

// What the seeds of tests/e2e/seed/ share when a spec needs a consultation
// of its own (open, no conference, no summary): its authors, its approved
// contributions an hour apart, and those still pending. Run by
// scripts/e2e-server.sh once, while no server holds the database; a second
// run changes nothing.

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

type Author = { email: string; name: string; organisation: string; stakeholderType: StakeholderType; country: string };
type Text = { title: string; body: string };

export type OwnConsultation = {
  /** Names the seed in its log and in its error. */
  name: string;
  consultation: { slug: string; title: string };
  authors: readonly Author[];
  approved: readonly Text[];
  pending?: readonly Text[];
};

export function seedOwnConsultation({ name, consultation: fields, authors, approved, pending = [] }: OwnConsultation): void {
  main().catch((error: unknown) => {
    console.error(`E2E ${name} seed failed:`, error);
    process.exit(1);
  });

  async function main() {
    const env = getEnv();
    const db = createPrismaClient(env.databaseUrl ? { databaseUrl: env.databaseUrl } : { pgliteDir: pgliteDirFor(env.dataDir) });
    try {
      if (await db.consultation.findUnique({ where: { slug: fields.slug }, select: { id: true } })) return;
      const now = Date.now();
      const consultation = await db.consultation.create({
        data: {
          ...fields,
          summary: `A consultation of the end-to-end tests: ${name}.`,
          body: "Collected for the end-to-end tests.",
          topics: ["Testing"],
          status: "OPEN",
          opensAt: new Date(now - 7 * DAY),
          closesAt: new Date(now + 30 * DAY),
        },
        select: { id: true },
      });
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      const ids: string[] = [];
      for (const author of authors) {
        const user = await db.user.create({
          data: {
            email: author.email,
            passwordHash,
            emailVerified: new Date(),
            profile: { create: { displayName: author.name, organisationName: author.organisation, stakeholderType: author.stakeholderType, country: author.country } },
          },
          select: { id: true },
        });
        ids.push(user.id);
      }
      const texts = [...approved.map((text) => ({ text, status: "APPROVED" as const })), ...pending.map((text) => ({ text, status: "PENDING" as const }))];
      for (const [index, { text, status }] of texts.entries()) {
        const authorId = ids[index % ids.length] as string;
        await createTestContribution({ ...text, authorId, consultationId: consultation.id, status, phase: "DURING", submittedAt: new Date(now - (index + 1) * HOUR) }, db);
      }
      console.log(`E2E ${name}: ${approved.length} approved and ${pending.length} pending contributions to ${fields.slug}`);
    } finally {
      await closePrismaClient(db);
    }
  }
}
