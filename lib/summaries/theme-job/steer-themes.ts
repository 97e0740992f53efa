import "server-only";
import { isDeepStrictEqual } from "node:util";
import { requireRole } from "@/lib/auth/current-user";
import { canSeeDraftConsultations, visibleConsultationsWhere } from "@/lib/consultations/visibility";
import { db } from "@/lib/db";
import { AppError, notFound, parseInput } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readSteering } from "@/lib/summaries/steering/read-steering";
import { steerThemesSchema, STEERING_STEPS_MAX, type Steering, type SteeringStep } from "@/lib/summaries/steering/schema";
import { requestThemes } from "@/lib/summaries/theme-job/theme-job";

// Moderators steer a consultation's themes (issue 11): each change adds a
// step to the working copy (ThemeSteering) or takes one out, is logged
// (ThemeSteeringEvent), and asks for the theme job, which applies the
// steps to what the engine finds. Publishing copies the steps into the
// version and waits until the themes carry the newest ones.

export type SteeredVersion = { consultationId: string; version: number; steps: Steering };

// The first key of the advisory lock that serialises steering changes (the
// summary lock is 5_301_777; the migration runner's lock has one key).
const STEERING_LOCK_CLASS = 5_301_778;

/** Moderators and administrators; a consultation the caller cannot see is "not found". */
export async function steerThemes(input: unknown): Promise<SteeredVersion> {
  const me = await requireRole("MODERATOR");
  // Before the transaction: on the embedded database a query outside it
  // would wait for the one connection the transaction holds.
  return unsafeSteerThemes(me.id, input, visibleConsultationsWhere(await canSeeDraftConsultations()));
}

/**
 * The change as `actorId`, with no check that they may (steerThemes checks
 * first; the demo seed steers as one of its moderators). `baseVersion` is
 * the steering the moderator saw: a change on top of someone else's is
 * refused, but the same change sent twice (a double click) gives the
 * version the first one made.
 */
export async function unsafeSteerThemes(actorId: string, input: unknown, visible: Prisma.ConsultationWhereInput): Promise<SteeredVersion> {
  const fields = parseInput(steerThemesSchema, input);
  return db.$transaction(async (tx) => {
    const consultation = await tx.consultation.findFirst({ where: { AND: [{ id: fields.consultationId }, visible] }, select: { id: true } });
    if (!consultation) throw notFound("This consultation");
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${STEERING_LOCK_CLASS}::int, hashtext(${consultation.id}))`;

    const current = await readSteering(consultation.id, tx);
    const change = fields.change === "add" ? { change: "add", step: fields.step } : { change: "remove", index: fields.index, step: current.steps[fields.index] ?? null };
    if (current.version !== fields.baseVersion) {
      if (await isSameAgain(tx, consultation.id, actorId, current.version, fields.baseVersion, change)) {
        return { consultationId: consultation.id, version: current.version, steps: current.steps };
      }
      throw new AppError("CONFLICT", "Another moderator steered these themes after you opened the page. Reload it to see their change, then make yours.");
    }

    let steps: Steering;
    if (fields.change === "add") {
      if (current.steps.length >= STEERING_STEPS_MAX) {
        throw new AppError("INVALID_STATE", `These themes hold ${STEERING_STEPS_MAX} steering steps, the most a summary can: take some out first.`);
      }
      if (fields.step.kind === "move") await checkContribution(tx, consultation.id, fields.step.contribution);
      steps = [...current.steps, fields.step];
    } else {
      if (fields.index >= current.steps.length) throw new AppError("INVALID_STATE", "That step is no longer in the list: reload the page.");
      steps = current.steps.filter((_, at) => at !== fields.index);
    }

    const now = new Date();
    const version = current.version + 1;
    const data = { steps: steps as Prisma.InputJsonValue, version, updatedById: actorId, updatedAt: now };
    await tx.themeSteering.upsert({ where: { consultationId: consultation.id }, create: { consultationId: consultation.id, ...data }, update: data });
    await tx.themeSteeringEvent.create({ data: { consultationId: consultation.id, actorId, change: { ...change, version } as Prisma.InputJsonValue, createdAt: now } });
    await requestThemes(consultation.id, { transaction: tx });
    return { consultationId: consultation.id, version, steps };
  });
}

/** The newest logged change is this one, by the same moderator, made from the same base version. */
async function isSameAgain(
  tx: Prisma.TransactionClient,
  consultationId: string,
  actorId: string,
  version: number,
  baseVersion: number,
  change: { change: string; step: SteeringStep | null; index?: number },
): Promise<boolean> {
  if (version !== baseVersion + 1) return false;
  const last = await tx.themeSteeringEvent.findFirst({ where: { consultationId }, orderBy: { createdAt: "desc" }, select: { actorId: true, change: true } });
  if (!last || last.actorId !== actorId) return false;
  const logged = last.change as { change?: string; step?: unknown; index?: number };
  if (logged.change !== change.change) return false;
  // Compared as values: jsonb keeps the keys in an order of its own.
  return change.change === "add" ? isDeepStrictEqual(logged.step, change.step) : logged.index === change.index;
}

async function checkContribution(tx: Prisma.TransactionClient, consultationId: string, reference: string): Promise<void> {
  const found = await tx.contribution.findFirst({ where: { consultationId, reference }, select: { status: true } });
  const message = !found
    ? `No contribution to this consultation has the reference ${reference}.`
    : found.status !== "APPROVED"
      ? `${reference} is not approved: only approved contributions are in the themes.`
      : null;
  if (message) throw new AppError("VALIDATION", message, { "step.contribution": [message] });
}
