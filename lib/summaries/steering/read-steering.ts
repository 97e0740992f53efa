import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { steeringSchema, type Steering } from "@/lib/summaries/steering/schema";

export type SteeringState = { steps: Steering; version: number; updatedAt: Date | null };

/**
 * The moderators' steering of a consultation's themes as it stands (none
 * yet: no steps, version 0). Steps were checked when saved; a stored list
 * that no longer parses (written by newer code) is an error, not "no
 * steering": applying part of it would show themes nobody chose.
 */
export async function readSteering(consultationId: string, client: Prisma.TransactionClient = db): Promise<SteeringState> {
  const row = await client.themeSteering.findUnique({ where: { consultationId }, select: { steps: true, version: true, updatedAt: true } });
  if (!row) return { steps: [], version: 0, updatedAt: null };
  const parsed = steeringSchema.safeParse(row.steps);
  if (!parsed.success) throw new Error(`The theme steering of consultation ${consultationId} does not parse: ${parsed.error.message}`);
  return { steps: parsed.data, version: row.version, updatedAt: row.updatedAt };
}
