import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { clusterFingerprints, type ClusterInput } from "@/lib/similarity/cluster";
import { fingerprintSource, selectFingerprintSources, withIndexedBuckets, writeFingerprints } from "@/lib/similarity/contribution-text";
import { groupsNearly } from "@/lib/similarity/fingerprint";
import { lockConsultationGroups } from "@/lib/similarity/lock";

// The batch: every fingerprint of a consultation recomputed and every group
// made again, in one pass (`npm run similarity:regroup`, or a job). The
// contributions are read and fingerprinted in chunks; what stays in memory
// is a text hash, a word count and the attachment hashes per contribution,
// and a signature per distinct text long enough to compare nearly.
// A group keeps its id when most of its members stay together, so links to
// group pages survive a regroup.

export const REGROUP_CHUNK = 1000;

export type RegroupProgress = { phase: "fingerprints" | "grouping" | "writing"; done: number; total: number };

export type RegroupResult = { contributions: number; groups: number; grouped: number; exactGroups: number; nearGroups: number };

type Member = ClusterInput & { contributionId: string; oldGroupId: string | null };

export async function regroupConsultation(
  consultationId: string,
  options: { onProgress?: (progress: RegroupProgress) => void; chunkSize?: number } = {},
): Promise<RegroupResult> {
  const chunkSize = options.chunkSize ?? REGROUP_CHUNK;
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { id: true } });
  if (!consultation) throw notFound("This consultation");
  const total = await db.contribution.count({ where: { consultationId, status: { not: "WITHDRAWN" } } });

  // Fingerprints, chunk by chunk: the next chunk is read and hashed while
  // the database writes the one before (two cores, two workers).
  const members: Member[] = [];
  const texts = new Set<string>();
  let after = "";
  let writing: Promise<unknown> = Promise.resolve();
  for (;;) {
    const sources = await selectFingerprintSources(db, { consultationId, after, limit: chunkSize });
    const rows = sources.map((source) => {
      const row = fingerprintSource(source);
      members.push({
        contributionId: row.contributionId,
        oldGroupId: source.similarityGroupId,
        textHash: row.textHash,
        wordCount: row.wordCount,
        minhash: groupsNearly(row.wordCount) ? Int32Array.from(row.minhash) : null,
        attachmentHashes: row.attachmentHashes,
      });
      const copy = texts.has(row.textHash);
      texts.add(row.textHash);
      return withIndexedBuckets(row, copy);
    });
    await writing;
    writing = writeFingerprints(db, rows);
    // Awaited before the next write or after the loop; a failure meanwhile is not unhandled.
    writing.catch(() => undefined);
    options.onProgress?.({ phase: "fingerprints", done: members.length, total });
    if (sources.length < chunkSize) break;
    after = sources[sources.length - 1]!.id;
  }
  await writing;

  const { leaders, kinds } = clusterFingerprints(members, (band) => options.onProgress?.({ phase: "grouping", done: band + 1, total: 32 }));
  // Identical texts share one signature's worth of memory no longer needed.
  for (const member of members) member.minhash = null;

  return db.$transaction(
    async (tx) => {
      await lockConsultationGroups(tx, consultationId);
      const assignment = await assignGroupIds(tx, consultationId, members, leaders, kinds);
      let done = 0;
      for (let start = 0; start < members.length; start += chunkSize * 10) {
        const slice = members.slice(start, start + chunkSize * 10).map((member, offset) => ({ id: member.contributionId, groupId: assignment.groupOf[start + offset] }));
        const changed = slice.filter((row, offset) => members[start + offset]!.oldGroupId !== row.groupId);
        if (changed.length > 0) {
          await tx.$executeRaw`
            UPDATE "Contribution" c SET "similarityGroupId" = r."groupId"
            FROM json_to_recordset(${JSON.stringify(changed)}::json) AS r("id" text, "groupId" text)
            WHERE c."id" = r."id"`;
        }
        done += slice.length;
        options.onProgress?.({ phase: "writing", done, total: members.length });
      }
      // Withdrawn contributions leave their groups; groups no member holds any more go.
      await tx.$executeRaw`
        UPDATE "Contribution" SET "similarityGroupId" = NULL
        WHERE "consultationId" = ${consultationId} AND "status" = 'WITHDRAWN'::"ContributionStatus" AND "similarityGroupId" IS NOT NULL`;
      await tx.$executeRaw`DELETE FROM "SimilarityGroup" WHERE "consultationId" = ${consultationId} AND NOT ("id" = ANY(${assignment.kept}::text[]))`;
      const grouped = members.filter((_, index) => leaders[index]! >= 0).length;
      const exactGroups = [...kinds.values()].filter((kind) => kind === "EXACT").length;
      return { contributions: members.length, groups: kinds.size, grouped, exactGroups, nearGroups: kinds.size - exactGroups };
    },
    { timeout: 300_000 },
  );
}

/**
 * An id per component: the old group most of its members were in, when no
 * bigger component claims it; a new group otherwise. Writes the groups'
 * kind and member count.
 */
async function assignGroupIds(
  tx: Prisma.TransactionClient,
  consultationId: string,
  members: Member[],
  leaders: Int32Array,
  kinds: Map<number, "EXACT" | "NEAR">,
): Promise<{ groupOf: (string | null)[]; kept: string[] }> {
  const votes = new Map<number, Map<string, number>>();
  const sizes = new Map<number, number>();
  members.forEach((member, index) => {
    const leader = leaders[index]!;
    if (leader < 0) return;
    sizes.set(leader, (sizes.get(leader) ?? 0) + 1);
    if (!member.oldGroupId) return;
    const tally = votes.get(leader) ?? new Map<string, number>();
    tally.set(member.oldGroupId, (tally.get(member.oldGroupId) ?? 0) + 1);
    votes.set(leader, tally);
  });
  const existing = new Set((await tx.similarityGroup.findMany({ where: { consultationId }, select: { id: true } })).map((group) => group.id));
  const claimed = new Set<string>();
  const idOf = new Map<number, string>();
  const byLeader = [...kinds.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)! || a - b);
  const toCreate: { leader: number; kind: "EXACT" | "NEAR"; memberCount: number }[] = [];
  const toUpdate: { id: string; kind: "EXACT" | "NEAR"; memberCount: number }[] = [];
  for (const leader of byLeader) {
    const tally = [...(votes.get(leader) ?? new Map<string, number>())].filter(([id]) => existing.has(id) && !claimed.has(id)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const kind = kinds.get(leader)!;
    const memberCount = sizes.get(leader)!;
    const reuse = tally[0]?.[0];
    if (reuse) {
      claimed.add(reuse);
      idOf.set(leader, reuse);
      toUpdate.push({ id: reuse, kind, memberCount });
    } else toCreate.push({ leader, kind, memberCount });
  }
  if (toUpdate.length > 0) {
    await tx.$executeRaw`
      UPDATE "SimilarityGroup" g SET "kind" = r."kind"::"SimilarityKind", "memberCount" = r."memberCount", "updatedAt" = now()
      FROM json_to_recordset(${JSON.stringify(toUpdate)}::json) AS r("id" text, "kind" text, "memberCount" int)
      WHERE g."id" = r."id"`;
  }
  for (let start = 0; start < toCreate.length; start += 1000) {
    const slice = toCreate.slice(start, start + 1000);
    const created = await tx.similarityGroup.createManyAndReturn({
      data: slice.map(({ kind, memberCount }) => ({ consultationId, kind, memberCount })),
      select: { id: true },
    });
    slice.forEach((entry, offset) => idOf.set(entry.leader, created[offset]!.id));
  }
  return { groupOf: members.map((_, index) => (leaders[index]! < 0 ? null : idOf.get(leaders[index]!)!)), kept: [...idOf.values()] };
}
