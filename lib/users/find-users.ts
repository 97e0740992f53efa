import "server-only";
import { requireRole } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, StakeholderType } from "@/lib/generated/prisma/enums";
import { findUsersSchema, USERS_PAGE_SIZE } from "@/lib/users/schema";

export type UserRow = {
  id: string;
  email: string;
  displayName: string | null;
  stakeholderType: StakeholderType | null;
  country: string | null;
  role: Role;
  verified: boolean;
  suspended: boolean;
  createdAt: Date;
};

export type UserPage = { users: UserRow[]; total: number; page: number; pageCount: number; pageSize: number };

// Prisma passes `contains` to LIKE as is: escape the pattern characters so
// that a search for "first_last" does not match "firstXlast" (or "%" everything).
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Administrators only: users matching an e-mail or name search and a role, newest first, 25 a page. */
export async function findUsers(input: unknown = {}): Promise<UserPage> {
  await requireRole("ADMIN");
  const { query, role, page } = parseInput(findUsersSchema, input);
  const pattern = query ? likeLiteral(query) : undefined;
  const where: Prisma.UserWhereInput = {
    AND: [
      role ? { role } : {},
      pattern
        ? {
            OR: [
              { email: { contains: pattern, mode: "insensitive" } },
              { profile: { is: { displayName: { contains: pattern, mode: "insensitive" } } } },
            ],
          }
        : {},
    ],
  };
  const [total, rows] = await db.$transaction([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: {
        id: true,
        email: true,
        role: true,
        emailVerified: true,
        suspendedAt: true,
        createdAt: true,
        profile: { select: { displayName: true, stakeholderType: true, country: true } },
      },
    }),
  ]);
  return {
    users: rows.map((user) => ({
      id: user.id,
      email: user.email,
      displayName: user.profile?.displayName ?? null,
      stakeholderType: user.profile?.stakeholderType ?? null,
      country: user.profile?.country ?? null,
      role: user.role,
      verified: user.emailVerified !== null,
      suspended: user.suspendedAt !== null,
      createdAt: user.createdAt,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
    pageSize: USERS_PAGE_SIZE,
  };
}
