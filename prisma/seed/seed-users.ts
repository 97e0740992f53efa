import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DemoStakeholder } from "@/prisma/seed/demo-stakeholders";

type SeedUser = Pick<DemoStakeholder, "email" | "role" | "locale" | "profile">;

/**
 * Creates the users (verified, with their stakeholder profile) whose e-mail is
 * not taken yet; existing accounts keep their role, password and profile.
 * The password hash is computed only when someone is missing, since argon2 is
 * deliberately slow.
 */
export async function seedUsers(
  db: PrismaClient,
  users: readonly SeedUser[],
  options: { passwordHash: () => Promise<string>; verifiedAt: Date },
): Promise<{ created: number; idByEmail: Map<string, string> }> {
  const emails = users.map((user) => user.email);
  const existing = new Set((await db.user.findMany({ where: { email: { in: emails } }, select: { email: true } })).map((row) => row.email));
  const missing = users.filter((user) => !existing.has(user.email));
  let created = 0;
  if (missing.length > 0) {
    const passwordHash = await options.passwordHash();
    created = await db.$transaction(async (tx) => {
      const { count } = await tx.user.createMany({
        data: missing.map((user) => ({
          email: user.email,
          role: user.role,
          locale: user.locale,
          passwordHash,
          emailVerified: options.verifiedAt,
        })),
        skipDuplicates: true,
      });
      const ids = await tx.user.findMany({ where: { email: { in: missing.map((user) => user.email) } }, select: { id: true, email: true } });
      const idOf = new Map(ids.map((row) => [row.email, row.id]));
      await tx.stakeholderProfile.createMany({
        data: missing.flatMap((user) => {
          const userId = idOf.get(user.email);
          return userId ? [{ userId, ...user.profile }] : [];
        }),
        skipDuplicates: true,
      });
      return count;
    });
  }
  const rows = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  return { created, idByEmail: new Map(rows.map((row) => [row.email, row.id])) };
}
