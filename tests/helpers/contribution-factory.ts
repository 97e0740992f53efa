import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { formatContributionReference } from "@/lib/contributions/reference";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ContributionStatus, Phase, PublicationPreference } from "@/lib/generated/prisma/enums";

// Contributions straight through the data layer, in any state, with the
// SUBMIT event the app writes. Tests of reading and moderating need states
// the submission form cannot produce. Integration tests use the app's client;
// the e2e data scripts pass their own (tests/e2e/seed).

export type TestContribution = { id: string; reference: string; authorId: string; consultationId: string; status: ContributionStatus };

export type TestContributionOptions = {
  authorId: string;
  consultationId: string;
  status?: ContributionStatus;
  title?: string;
  body?: string;
  language?: string;
  publication?: PublicationPreference;
  phase?: Phase;
  answers?: Record<string, string | string[] | number>;
  rejectionReason?: string | null;
  submittedAt?: Date;
};

export async function createTestContribution(options: TestContributionOptions, client: PrismaClient = db): Promise<TestContribution> {
  const submittedAt = options.submittedAt ?? new Date();
  const status = options.status ?? "APPROVED";
  const created = await client.contribution.create({
    data: {
      // Replaced below by the real format, which needs the number the sequence gives.
      reference: `TMP-${randomBytes(8).toString("hex")}`,
      consultationId: options.consultationId,
      authorId: options.authorId,
      phase: options.phase ?? "DURING",
      title: options.title ?? `Contribution ${randomBytes(3).toString("hex")}`,
      body: options.body ?? "A contribution written for a test.",
      answers: options.answers ?? {},
      language: options.language ?? "en",
      publication: options.publication ?? "PUBLIC",
      status,
      rejectionReason: options.rejectionReason ?? null,
      submittedAt,
      decidedAt: status === "PENDING" ? null : submittedAt,
      awaitingSince: status === "PENDING" ? submittedAt : null,
      moderationEvents: { create: { action: "SUBMIT", actorId: options.authorId, toStatus: "PENDING", createdAt: submittedAt } },
    },
    select: { id: true, referenceNumber: true },
  });
  return client.contribution.update({
    where: { id: created.id },
    data: { reference: formatContributionReference(created.referenceNumber, submittedAt) },
    select: { id: true, reference: true, authorId: true, consultationId: true, status: true },
  });
}
