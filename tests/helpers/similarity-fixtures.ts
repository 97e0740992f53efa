import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestContribution, type TestContributionOptions } from "./contribution-factory";

// Contributions for the near-duplicate tests: a body, and files whose bytes
// (sha256) and extracted pages are given.

export const FORM_LETTER =
  "I am writing to support a strong and enforceable regulation of artificial intelligence in Europe. " +
  "High risk systems must be registered, audited by independent bodies and explained to the people they affect. " +
  "Remote biometric identification in public spaces should be banned without exceptions for commercial actors. " +
  "Please make sure that civil society is heard in the implementation of these rules.";

export const ADDED_SENTENCE = "As a nurse I see every day how automated triage tools misjudge older patients.";

export type TestFile = { bytes: string; fileName?: string; pages?: string[] };

export async function createGroupedCandidate(
  options: TestContributionOptions & { files?: TestFile[] },
  client: PrismaClient = db,
): Promise<{ id: string; reference: string }> {
  const { files = [], ...rest } = options;
  const contribution = await createTestContribution(rest, client);
  for (const file of files) {
    await client.attachment.create({
      data: {
        contributionId: contribution.id,
        uploaderId: options.authorId,
        fileName: file.fileName ?? "position-paper.pdf",
        mediaType: "application/pdf",
        size: file.bytes.length,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        storageKey: `test/${randomBytes(8).toString("hex")}`,
        textStatus: file.pages ? "EXTRACTED" : "PENDING",
        ...(file.pages ? { pages: { create: file.pages.map((text, index) => ({ pageNumber: index + 1, text, language: "en" })) } } : {}),
      },
    });
  }
  return { id: contribution.id, reference: contribution.reference };
}

/** Each contribution's group, null when alone. */
export async function groupsOf(ids: string[]): Promise<(string | null)[]> {
  const rows = await db.contribution.findMany({ where: { id: { in: ids } }, select: { id: true, similarityGroupId: true } });
  const byId = new Map(rows.map((row) => [row.id, row.similarityGroupId]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** The partition as sets of indexes, comparable whatever the group ids. */
export function partitionOf(groups: (string | null)[]): number[][] {
  const byGroup = new Map<string, number[]>();
  groups.forEach((group, index) => {
    if (group === null) return;
    byGroup.set(group, [...(byGroup.get(group) ?? []), index]);
  });
  return [...byGroup.values()].sort((a, b) => a[0]! - b[0]!);
}
