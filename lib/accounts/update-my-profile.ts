import "server-only";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/current-user";
import { parseInput } from "@/lib/errors";
import { profileSchema } from "@/lib/accounts/schema";

/** Updates the caller's own stakeholder profile; there is no way to name another user. */
export async function updateMyProfile(input: unknown): Promise<{ message: string }> {
  const me = await requireUser();
  const data = parseInput(profileSchema, input);
  await db.stakeholderProfile.upsert({
    where: { userId: me.id },
    create: { userId: me.id, ...data },
    update: data,
    select: { id: true },
  });
  return { message: "Your profile has been saved." };
}
