import Link from "next/link";
import type { SimilarityKind } from "@/lib/generated/prisma/enums";

export type SimilarityBadgeData = { groupId: string; kind: SimilarityKind; memberCount: number };

const KIND_WORDS: Record<SimilarityKind, string> = { EXACT: "identical", NEAR: "near-identical" };

/** "One of 37 near-identical contributions": the way to the group's page. */
export function similarityPhrase(kind: SimilarityKind, memberCount: number): string {
  return `One of ${memberCount} ${KIND_WORDS[kind]} contributions`;
}

/** Where a contribution belongs to a group of identical or near-identical ones; nothing otherwise. */
export function SimilarityBadge({ badge, className }: { badge: SimilarityBadgeData | undefined | null; className?: string }) {
  if (!badge) return null;
  return (
    <Link href={`/moderation/groups/${badge.groupId}`} className={`block font-medium ${className ?? ""}`}>
      {similarityPhrase(badge.kind, badge.memberCount)}
    </Link>
  );
}
