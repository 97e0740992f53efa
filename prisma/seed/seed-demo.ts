import { randomBytes } from "node:crypto";
import { runAttachmentTextJobs } from "@/lib/attachments/text/backfill-attachment-text";
import { hashPassword } from "@/lib/auth/password";
import { regroupConsultation } from "@/lib/similarity/regroup-consultation";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "@/prisma/seed/demo-accounts";
import { seedConferences } from "@/prisma/seed/demo-conferences";
import { seedConsultations } from "@/prisma/seed/demo-consultations";
import { insertDemoContributions, planDemoContributions, type DemoAuthor } from "@/prisma/seed/demo-contributions";
import { buildDemoStakeholders } from "@/prisma/seed/demo-stakeholders";
import { DEFAULT_REJECTION_REASONS, seedRejectionReasons } from "@/prisma/seed/rejection-reasons";
import { seedReadingDemo } from "@/prisma/seed/demo-reading";
import { seedDemoSummary } from "@/prisma/seed/demo-summary";
import { seedUsers } from "@/prisma/seed/seed-users";

// npm run db:seed: the demo. Every step creates only what is missing, keyed by
// natural keys (labels, slugs, e-mails, reference numbers), and never updates
// a row that exists: running it twice, or a month later, changes nothing.

export type SeedDemoOptions = {
  /** Demo accounts with a published password (getEnv().demoAccounts). */
  demoAccounts: boolean;
  now?: Date;
  log?: (line: string) => void;
};

export type SeedDemoReport = {
  rejectionReasons: number;
  conferences: number;
  consultations: number;
  users: number;
  contributions: number;
  /** The reading demo's contributions with documents and campaigns. */
  reading: number;
  /** Published summary versions (the closed consultation's version 1, once). */
  summaries: number;
  demoAccounts: number;
};

export async function seedDemo(db: PrismaClient, options: SeedDemoOptions): Promise<SeedDemoReport> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const step = (label: string, created: number, total: number) =>
    log(`${label}: ${created} created, ${total - created} already there`);

  const rejectionReasons = await seedRejectionReasons(db);
  step("Rejection reasons", rejectionReasons, DEFAULT_REJECTION_REASONS.length);

  const { created: conferencesCreated, conferences } = await seedConferences(db, now);
  step("Conferences", conferencesCreated, Object.keys(conferences).length);

  const { created: consultationsCreated, consultations } = await seedConsultations(db, conferences);
  step("Consultations", consultationsCreated, consultations.length);

  // Nobody signs in as the generated stakeholders: their shared password is
  // random and thrown away, so the demo content cannot become a way in.
  const stakeholders = buildDemoStakeholders();
  const { created: usersCreated, idByEmail } = await seedUsers(db, stakeholders, {
    passwordHash: () => hashPassword(randomBytes(32).toString("base64url")),
    verifiedAt: now,
  });
  step("Stakeholders", usersCreated, stakeholders.length);

  const idOf = (email: string) => {
    const id = idByEmail.get(email);
    if (!id) throw new Error(`Seed user ${email} is missing`);
    return id;
  };
  const authors: DemoAuthor[] = stakeholders
    .filter((stakeholder) => stakeholder.role === "PARTICIPANT")
    .map((stakeholder) => ({
      id: idOf(stakeholder.email),
      languages: stakeholder.languages,
      publicationPreference: stakeholder.profile.publicationPreference,
    }));
  const moderatorIds = stakeholders.filter((stakeholder) => stakeholder.role === "MODERATOR").map((stakeholder) => idOf(stakeholder.email));
  const plan = planDemoContributions({ consultations, authors, moderatorIds, now });
  const contributions = await insertDemoContributions(db, plan);
  step("Contributions", contributions, plan.contributions.length);

  const organisationContact = new Map(
    stakeholders.flatMap((stakeholder) => (stakeholder.profile.organisationName ? [[stakeholder.profile.organisationName, stakeholder.email] as const] : [])),
  );
  const reading = await seedReadingDemo(db, {
    consultations,
    now,
    authors: {
      organisation: (name) => idOf(organisationContact.get(name) ?? `(no contact for ${name})`),
      citizens: stakeholders.filter((stakeholder) => stakeholder.profile.stakeholderType === "EU_CITIZEN").map((stakeholder) => idOf(stakeholder.email)),
      moderators: moderatorIds,
    },
  });
  step("Documents and campaigns", reading.created, reading.total);
  // Their text is read now, by the job the worker would run, so that the
  // demo shows it from the first page served.
  const texts = await readPendingAttachmentTexts();
  if (texts > 0) log(`Attachment texts: ${texts} read`);
  // Near-duplicates, in one batch per consultation (the app groups each new submission as it comes).
  if (contributions + reading.created > 0) {
    let groups = 0;
    for (const consultation of consultations) groups += (await regroupConsultation(consultation.id)).groups;
    log(`Groups of identical or near-identical contributions: ${groups}`);
  }

  // Last of the content: it freezes the approved contributions, their groups and their texts as they are now.
  const closed = consultations.find((consultation) => consultation.status === "CLOSED");
  const summaries = closed && moderatorIds[0] ? await seedDemoSummary(db, { consultationSlug: closed.slug, moderatorId: moderatorIds[0] }) : 0;
  step("Published summaries", summaries, closed ? 1 : 0);

  let demoAccounts = 0;
  if (options.demoAccounts) {
    ({ created: demoAccounts } = await seedDemoAccounts(db, now));
    step("Demo accounts", demoAccounts, DEMO_ACCOUNTS.length);
  }

  return {
    rejectionReasons,
    conferences: conferencesCreated,
    consultations: consultationsCreated,
    users: usersCreated,
    contributions,
    reading: reading.created,
    summaries,
    demoAccounts,
  };
}

/** Runs the due attachment-text jobs one by one until none is due; returns how many ran. */
async function readPendingAttachmentTexts(): Promise<number> {
  let ran = 0;
  for (;;) {
    const report = await runAttachmentTextJobs();
    const tried = report.done + report.retrying + report.failed;
    if (tried === 0) return ran;
    ran += tried;
  }
}

async function seedDemoAccounts(db: PrismaClient, now: Date) {
  return seedUsers(db, DEMO_ACCOUNTS.map(demoAccountUser), { passwordHash: () => hashPassword(DEMO_PASSWORD), verifiedAt: now });
}

function demoAccountUser(account: DemoAccount) {
  return {
    email: account.email,
    role: account.role,
    locale: "en",
    profile: {
      displayName: account.displayName,
      stakeholderType: account.stakeholderType,
      organisationName: account.organisationName,
      organisationSize: account.organisationName ? ("SMALL" as const) : null,
      country: account.country,
      transparencyRegisterNumber: null,
      publicationPreference: "PUBLIC" as const,
    },
  };
}
