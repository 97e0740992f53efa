import type { Role } from "@/lib/generated/prisma/enums";

// Pure predicates: importable from client and server alike. A hidden button
// is not access control: every domain function checks again with these.

const RANK: Record<Role, number> = { PARTICIPANT: 0, MODERATOR: 1, ADMIN: 2 };

export const ROLE_LABELS: Record<Role, string> = {
  PARTICIPANT: "Participant",
  MODERATOR: "Moderator",
  ADMIN: "Administrator",
};

export function hasRole(role: Role, atLeast: Role): boolean {
  return RANK[role] >= RANK[atLeast];
}

export const canModerate = (role: Role) => hasRole(role, "MODERATOR");
export const canAdminister = (role: Role) => hasRole(role, "ADMIN");
