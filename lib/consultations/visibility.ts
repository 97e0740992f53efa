import "server-only";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canAdminister } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";

// Drafts are work in progress of the administrators: nobody else may see
// them, not even by guessing a slug. Every public read of consultations goes
// through this filter.

export async function canSeeDraftConsultations(): Promise<boolean> {
  const user = await getCurrentUser();
  return user !== null && canAdminister(user.role);
}

export function visibleConsultationsWhere(includeDrafts: boolean): Prisma.ConsultationWhereInput {
  return includeDrafts ? {} : { status: { not: "DRAFT" } };
}
