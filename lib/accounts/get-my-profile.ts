import "server-only";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Profile } from "@/lib/accounts/schema";

export type MyProfile = {
  email: string;
  role: Role;
  emailVerified: Date | null;
  createdAt: Date;
  /** Null for an account made with `npm run user:create` that never filled one in. */
  profile: Profile | null;
};

export async function getMyProfile(): Promise<MyProfile> {
  const me = await requireUser();
  return db.user.findUniqueOrThrow({
    where: { id: me.id },
    select: {
      email: true,
      role: true,
      emailVerified: true,
      createdAt: true,
      profile: {
        select: {
          displayName: true,
          stakeholderType: true,
          organisationName: true,
          organisationSize: true,
          country: true,
          transparencyRegisterNumber: true,
          publicationPreference: true,
        },
      },
    },
  });
}
