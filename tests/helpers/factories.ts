import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Role, StakeholderType } from "@/lib/generated/prisma/enums";

// Test data made through the data layer, each call unique.

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

export type TestUser = { id: string; email: string; role: Role };

export async function createTestUser(
  options: { role?: Role; email?: string; verified?: boolean; suspended?: boolean; stakeholderType?: StakeholderType; country?: string } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = options.email ?? `user-${randomBytes(5).toString("hex")}@example.org`;
  return db.user.create({
    data: {
      email,
      passwordHash: await passwordHash,
      role: options.role ?? "PARTICIPANT",
      emailVerified: options.verified === false ? null : new Date(),
      suspendedAt: options.suspended ? new Date() : null,
      profile: {
        create: {
          displayName: `Test ${email.split("@")[0]}`,
          stakeholderType: options.stakeholderType ?? "EU_CITIZEN",
          country: options.country ?? "BE",
        },
      },
    },
    select: { id: true, email: true, role: true },
  });
}
