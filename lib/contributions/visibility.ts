import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { canModerate } from "@/lib/auth/roles";

// Who may read a contribution, in one place for every read of a single
// contribution (its page, its attachments, a report against it):
// a published (APPROVED) contribution is public, its author sees it in every
// state, moderators and administrators see everything. Everyone else is told
// it does not exist (404, not 403), so a reference number reveals nothing.

export type ContributionReader = { id: string; role: Role } | null;

export function visibleContributionsWhere(reader: ContributionReader): Prisma.ContributionWhereInput {
  if (reader && canModerate(reader.role)) return {};
  // A consultation in draft is the administrators' alone, with all it holds.
  const published: Prisma.ContributionWhereInput = { status: "APPROVED", consultation: { status: { not: "DRAFT" } } };
  return reader ? { OR: [published, { authorId: reader.id }] } : published;
}
