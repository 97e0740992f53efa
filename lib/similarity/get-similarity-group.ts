import "server-only";
import { z } from "zod";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import type { ContributionStatus, SimilarityKind } from "@/lib/generated/prisma/enums";
import { selectFingerprintSources } from "@/lib/similarity/contribution-text";
import { wordDiff, type WordDiff } from "@/lib/similarity/word-diff";

// A group of identical or near-identical contributions as moderators see it:
// every member (but withdrawn ones) with who sent it and where it stands, and
// what each adds to, or leaves out of, the group's representative (its
// earliest member). Moderators only: pending members and real names are here.

/** Members listed per page of a group. */
export const GROUP_PAGE_SIZE = 100;

export type SimilarityBadge = { groupId: string; kind: SimilarityKind; memberCount: number };

export type GroupMember = {
  id: string;
  reference: string;
  title: string;
  language: string;
  status: ContributionStatus;
  version: number;
  submittedAt: Date;
  authorId: string;
  author: { displayName: string | null; organisationName: string | null };
  /** Against the representative; null for the representative itself. */
  diff: WordDiff | null;
};

export type SimilarityGroupView = {
  id: string;
  kind: SimilarityKind;
  consultation: { slug: string; title: string };
  /** Members that are not withdrawn. */
  memberCount: number;
  pendingCount: number;
  approvedCount: number;
  representative: GroupMember & { text: string };
  /** The page's members, earliest first, the representative first of all. */
  members: GroupMember[];
  page: number;
  pageCount: number;
  /** Shared attachment files, when the group is one of a joint paper. */
  sharedFiles: string[];
};

const groupQuerySchema = z.object({
  id: z.string().trim().min(1).max(64),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});

const memberSelect = {
  id: true,
  reference: true,
  title: true,
  language: true,
  status: true,
  version: true,
  submittedAt: true,
  authorId: true,
  author: { select: { profile: { select: { displayName: true, organisationName: true } } } },
} as const;

/** Null when there is no such group. */
export async function getSimilarityGroup(input: unknown): Promise<SimilarityGroupView | null> {
  await requireRole("MODERATOR");
  const query = groupQuerySchema.safeParse(input);
  // An address no group has: not found, like any other.
  if (!query.success) return null;
  const { id, page } = query.data;
  const group = await db.similarityGroup.findUnique({ where: { id }, select: { id: true, kind: true, consultation: { select: { slug: true, title: true } } } });
  if (!group) return null;
  const inGroup = { similarityGroupId: id, status: { not: "WITHDRAWN" as const } };
  const [counts, members] = await Promise.all([
    db.contribution.groupBy({ by: ["status"], where: inGroup, _count: { _all: true } }),
    db.contribution.findMany({
      where: inGroup,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * GROUP_PAGE_SIZE,
      take: GROUP_PAGE_SIZE,
      select: memberSelect,
    }),
  ]);
  const countOf = (status: ContributionStatus) => counts.find((row) => row.status === status)?._count._all ?? 0;
  const memberCount = counts.reduce((total, row) => total + row._count._all, 0);
  const first = page === 1 ? members[0] : await db.contribution.findFirst({ where: inGroup, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], select: memberSelect });
  if (!first) return null;

  const sources = await selectFingerprintSources(db, { ids: [first.id, ...members.map((member) => member.id)] });
  const textOf = new Map(sources.map((source) => [source.id, fingerprintedText(source)]));
  const representativeText = textOf.get(first.id) ?? "";
  const view = (member: typeof first): GroupMember => ({
    id: member.id,
    reference: member.reference,
    title: member.title,
    language: member.language,
    status: member.status,
    version: member.version,
    submittedAt: member.submittedAt,
    authorId: member.authorId,
    author: { displayName: member.author.profile?.displayName ?? null, organisationName: member.author.profile?.organisationName ?? null },
    diff: member.id === first.id ? null : wordDiff(representativeText, textOf.get(member.id) ?? ""),
  });
  const shared = await sharedFiles(members.map((member) => member.id), memberCount <= GROUP_PAGE_SIZE);

  return {
    id: group.id,
    kind: group.kind,
    consultation: group.consultation,
    memberCount,
    pendingCount: countOf("PENDING"),
    approvedCount: countOf("APPROVED"),
    representative: { ...view(first), text: representativeText },
    members: members.map(view),
    page,
    pageCount: Math.max(1, Math.ceil(memberCount / GROUP_PAGE_SIZE)),
    sharedFiles: shared,
  };
}

/** The text the fingerprint is made of, as the author wrote it (not normalised): body, then the attachments' pages. */
function fingerprintedText(source: { body: string; attachmentText: string }): string {
  return source.attachmentText === "" ? source.body : `${source.body}\n\n${source.attachmentText}`;
}

/** Names of the files every listed member carries (same bytes), when the whole group is listed. */
async function sharedFiles(ids: string[], whole: boolean): Promise<string[]> {
  if (!whole || ids.length === 0) return [];
  const files = await db.attachment.findMany({ where: { contributionId: { in: ids } }, select: { contributionId: true, sha256: true, fileName: true } });
  const holders = new Map<string, { name: string; members: Set<string> }>();
  for (const file of files) {
    const entry = holders.get(file.sha256) ?? { name: file.fileName, members: new Set<string>() };
    entry.members.add(file.contributionId ?? "");
    holders.set(file.sha256, entry);
  }
  return [...holders.values()].filter((entry) => entry.members.size === ids.length).map((entry) => entry.name);
}

/** The group of each contribution that has one, for the queue and the review page. Moderators only. */
export async function findSimilarityBadges(contributionIds: string[]): Promise<Record<string, SimilarityBadge>> {
  await requireRole("MODERATOR");
  if (contributionIds.length === 0) return {};
  const rows = await db.contribution.findMany({
    where: { id: { in: contributionIds }, similarityGroupId: { not: null } },
    select: { id: true, similarityGroup: { select: { id: true, kind: true, memberCount: true } } },
  });
  const badges: Record<string, SimilarityBadge> = {};
  for (const row of rows) if (row.similarityGroup) badges[row.id] = { groupId: row.similarityGroup.id, kind: row.similarityGroup.kind, memberCount: row.similarityGroup.memberCount };
  return badges;
}
