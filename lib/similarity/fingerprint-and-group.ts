import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { kindOf } from "@/lib/similarity/cluster";
import { fingerprintSource, selectFingerprintSources, withIndexedBuckets, writeFingerprints, type ContributionFingerprintRow } from "@/lib/similarity/contribution-text";
import { estimatedJaccard, groupsExactly, groupsNearly } from "@/lib/similarity/fingerprint";
import { MIN_NEAR_WORDS, NEAR_THRESHOLD } from "@/lib/similarity/method";
import { lockConsultationGroups } from "@/lib/similarity/lock";

// The incremental check, on every submission and after an attachment's text
// is extracted: the contribution's fingerprint, then its best match in the
// consultation (the same text, the same file, or the most similar text over
// the threshold among the LSH candidates); it joins that one's group, and
// any other group it matches merges into it (it bridges them). The batch
// (regroup-consultation.ts) makes the same links; a change of text that
// should split a group waits for the next batch.

/** Near candidates read per check: a campaign's members share every bucket, a hundred of them tell enough. */
const NEAR_CANDIDATES = 100;
/** Contributions with the same file read per check (distinct groups first). */
const FILE_CANDIDATES = 50;

export type GroupingOutcome = { groupId: string | null; kind: "EXACT" | "NEAR" | null; memberCount: number };

type Candidate = {
  id: string;
  groupId: string | null;
  textHash: string;
  wordCount: number;
  attachmentHashes: string[];
  minhash: number[] | null;
};

type Match = Candidate & { similarity: number };

const CANDIDATE_COLUMNS = Prisma.sql`c."id", c."similarityGroupId" AS "groupId", f."textHash", f."wordCount", f."attachmentHashes"`;

/** Fingerprints one contribution and puts it in its group, in the transaction given or one of its own. */
export async function fingerprintAndGroup(contributionId: string, options: { transaction?: Prisma.TransactionClient } = {}): Promise<GroupingOutcome> {
  if (options.transaction) return groupIn(options.transaction, contributionId);
  return db.$transaction((tx) => groupIn(tx, contributionId));
}

/**
 * For the extraction worker, once an attachment's text is stored: the
 * contribution's fingerprint now includes it. Same as fingerprintAndGroup;
 * named for the caller that does not submit anything.
 */
export function refreshContributionFingerprint(contributionId: string): Promise<GroupingOutcome> {
  return fingerprintAndGroup(contributionId);
}

async function groupIn(tx: Prisma.TransactionClient, contributionId: string): Promise<GroupingOutcome> {
  const current = await tx.contribution.findUnique({ where: { id: contributionId }, select: { consultationId: true, status: true, similarityGroupId: true } });
  if (!current) return { groupId: null, kind: null, memberCount: 0 };
  await lockConsultationGroups(tx, current.consultationId);
  // Withdrawn: out of every group (its fingerprint stays until the contribution goes).
  if (current.status === "WITHDRAWN") {
    if (current.similarityGroupId) await leaveGroup(tx, contributionId, current.similarityGroupId);
    return { groupId: null, kind: null, memberCount: 0 };
  }
  const [source] = await selectFingerprintSources(tx, { ids: [contributionId] });
  if (!source) return { groupId: null, kind: null, memberCount: 0 };
  const row = fingerprintSource(source);
  const before = await tx.contributionFingerprint.findUnique({ where: { contributionId }, select: { textHash: true, attachmentHashes: true } });

  let groupId = current.similarityGroupId;
  const unchanged = before && before.textHash === row.textHash && sameList(before.attachmentHashes, row.attachmentHashes);
  if (groupId && !unchanged) {
    // Its text changed: it may no longer belong where it was.
    await leaveGroup(tx, contributionId, groupId);
    groupId = null;
  }
  const matches = await findMatches(tx, row);
  const copy = matches.some((match) => match.textHash === row.textHash);
  await writeFingerprints(tx, [withIndexedBuckets(row, copy)]);
  if (matches.length === 0) {
    if (!groupId) return { groupId: null, kind: null, memberCount: 0 };
    const group = await tx.similarityGroup.findUniqueOrThrow({ where: { id: groupId }, select: { kind: true, memberCount: true } });
    return { groupId, ...group };
  }
  return joinMatches(tx, current.consultationId, row, groupId, matches);
}

async function findMatches(tx: Prisma.TransactionClient, row: ContributionFingerprintRow): Promise<Match[]> {
  const { consultationId, contributionId } = row;
  const columns = CANDIDATE_COLUMNS;
  const found = new Map<string, Match>();
  const add = (candidates: Candidate[], similarity: (candidate: Candidate) => number) => {
    for (const candidate of candidates) {
      const value = similarity(candidate);
      if (value < NEAR_THRESHOLD) continue;
      const known = found.get(candidate.id);
      if (!known || known.similarity < value) found.set(candidate.id, { ...candidate, similarity: value });
    }
  };
  if (groupsExactly(row.wordCount)) {
    // Every contribution of one text is in one group already: one of them says which.
    // Any copy: all copies of a text are in one group, or in none.
    const same = await tx.$queryRaw<Candidate[]>`
      SELECT ${columns} FROM "ContributionFingerprint" f JOIN "Contribution" c ON c."id" = f."contributionId"
      WHERE f."consultationId" = ${consultationId} AND f."textHash" = ${row.textHash} AND f."contributionId" <> ${contributionId}
        AND c."status" <> 'WITHDRAWN'::"ContributionStatus"
      LIMIT 1`;
    add(same, () => 1);
    // A text already there has been compared with all the others when it
    // came: its group is this one's, near neighbours included. Only files
    // could link this one further.
    if (same.length > 0 && row.attachmentHashes.length === 0) return [...found.values()];
  }
  if (row.attachmentHashes.length > 0) {
    const sharing = await tx.$queryRaw<Candidate[]>`
      SELECT DISTINCT ON (coalesce(c."similarityGroupId", c."id")) ${columns}
      FROM "ContributionFingerprint" f JOIN "Contribution" c ON c."id" = f."contributionId"
      WHERE f."consultationId" = ${consultationId} AND f."attachmentHashes" && ${row.attachmentHashes}::text[] AND f."contributionId" <> ${contributionId}
        AND c."status" <> 'WITHDRAWN'::"ContributionStatus"
      LIMIT ${FILE_CANDIDATES}`;
    add(sharing, () => 1);
  }
  if (groupsNearly(row.wordCount)) {
    const near = await tx.$queryRaw<Candidate[]>`
      SELECT ${columns}, f."minhash"
      FROM "ContributionFingerprint" f JOIN "Contribution" c ON c."id" = f."contributionId"
      WHERE f."consultationId" = ${consultationId} AND f."buckets" && ${row.buckets}::bigint[] AND f."contributionId" <> ${contributionId}
        AND f."wordCount" >= ${MIN_NEAR_WORDS} AND f."textHash" <> ${row.textHash}
        AND c."status" <> 'WITHDRAWN'::"ContributionStatus"
      LIMIT ${NEAR_CANDIDATES}`;
    add(near, (candidate) => (candidate.minhash ? estimatedJaccard(candidate.minhash, row.minhash) : 0));
  }
  return [...found.values()];
}


async function joinMatches(tx: Prisma.TransactionClient, consultationId: string, row: ContributionFingerprintRow, ownGroupId: string | null, matches: Match[]): Promise<GroupingOutcome> {
  // The best match first: the most similar, then the one already in a group, then the earliest id.
  const ranked = matches.toSorted((a, b) => b.similarity - a.similarity || Number(b.groupId !== null) - Number(a.groupId !== null) || a.id.localeCompare(b.id));
  const best = ranked[0]!;
  const groupIds = [...new Set([ownGroupId, ...ranked.map((match) => match.groupId)].filter((id): id is string => id !== null))];
  const target = best.groupId ?? ownGroupId ?? groupIds[0] ?? null;
  const loose = ranked.filter((match) => match.groupId === null).map((match) => match.id);
  const others = groupIds.filter((id) => id !== target);

  if (target === null) {
    // A new group: this contribution and the ungrouped ones it matches.
    const members = [row, ...ranked];
    const group = await tx.similarityGroup.create({ data: { consultationId, kind: kindOf(members), memberCount: members.length }, select: { id: true, kind: true, memberCount: true } });
    await tx.contribution.updateMany({ where: { id: { in: [row.contributionId, ...loose] } }, data: { similarityGroupId: group.id } });
    return { groupId: group.id, kind: group.kind, memberCount: group.memberCount };
  }

  const joining = [...(ownGroupId === target ? [] : [row.contributionId]), ...loose];
  if (others.length > 0) {
    await tx.contribution.updateMany({ where: { similarityGroupId: { in: others } }, data: { similarityGroupId: target } });
    await tx.similarityGroup.deleteMany({ where: { id: { in: others } } });
  }
  if (joining.length > 0) await tx.contribution.updateMany({ where: { id: { in: joining } }, data: { similarityGroupId: target } });
  const group = await tx.similarityGroup.findUniqueOrThrow({ where: { id: target }, select: { kind: true, memberCount: true } });
  // Merged groups are counted and judged from their members; one more member
  // of a big campaign is judged by its match alone (reading 100,000 members
  // would cost the submission).
  const kind =
    others.length > 0
      ? await kindFromMembers(tx, target)
      : group.kind === "EXACT" && kindOf([row, ...ranked.filter((match) => match.groupId === target || match.groupId === null)]) === "EXACT"
        ? "EXACT"
        : "NEAR";
  const memberCount = others.length > 0 ? await countMembers(tx, target) : group.memberCount + joining.length;
  const updated = await tx.similarityGroup.update({ where: { id: target }, data: { kind, memberCount }, select: { id: true, kind: true, memberCount: true } });
  return { groupId: updated.id, kind: updated.kind, memberCount: updated.memberCount };
}

async function kindFromMembers(tx: Prisma.TransactionClient, groupId: string): Promise<"EXACT" | "NEAR"> {
  const members = await tx.contributionFingerprint.findMany({
    where: { contribution: { similarityGroupId: groupId } },
    select: { textHash: true, wordCount: true, attachmentHashes: true },
  });
  return kindOf(members);
}

/** Out of its group; a group left with one member is no group. */
async function leaveGroup(tx: Prisma.TransactionClient, contributionId: string, groupId: string): Promise<void> {
  await tx.contribution.update({ where: { id: contributionId }, data: { similarityGroupId: null } });
  const count = await countMembers(tx, groupId);
  if (count < 2) await tx.similarityGroup.delete({ where: { id: groupId } });
  else await tx.similarityGroup.update({ where: { id: groupId }, data: { memberCount: count } });
}

async function countMembers(tx: Prisma.TransactionClient, groupId: string): Promise<number> {
  const [{ count }] = await tx.$queryRaw<[{ count: number }]>`SELECT count(*)::int AS "count" FROM "Contribution" WHERE "similarityGroupId" = ${groupId}`;
  return count;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
