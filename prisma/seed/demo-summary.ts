import type { PrismaClient } from "@/lib/generated/prisma/client";
import { computeAndStoreThemes } from "@/lib/summaries/theme-job/theme-job";
import { unsafeSaveSummary } from "@/lib/summaries/unsafe-save-summary";

// The demo's published summary: version 1 of the closed consultation's
// summary, so that a visitor of a fresh install can review one (issue 11).
// Published through the app's own publishing (unsafeSaveSummary, the core
// of saveSummary: the figures, the themes and the frozen list of
// contributions, as a moderator publishes them), by one of the seed's
// moderators. Nobody is signed in during a seed, so saveSummary's role
// check is the seed's to make: the author is a moderator it created.

export const DEMO_SUMMARY_SYNTHESIS = `## What we heard

Most contributors want the European Union and its partner countries to recognise each other's
conformity assessments, so that a system checked once does not have to be checked again in every
market. Companies, and small ones most of all, say that the cost of several checks for the same
product is what holds them back.

Many asked for common **international standards** rather than rules of each country's own, and for
the partners to write them together in the standards bodies that already exist.

Researchers and civil society organisations asked for **shared incident reporting**: when an AI
system causes harm in one country, the others should hear of it quickly. Several added that
**joint research** on how to evaluate advanced models would help every partner trust the others'
results.

Some contributors warned that cooperation must not lower the level of protection the AI Act gives
people in Europe.

## What happens next

The moderators passed this summary to the organisers of the dialogue. The figures and themes below
are those of the contributions approved when this version was published.`;

/** How many highlights the demo pins: contributions of different kinds of stakeholder. */
const HIGHLIGHTS = 3;

/** Publishes version 1 of the closed consultation's summary unless it has a summary already; returns how many it published (0 or 1). */
export async function seedDemoSummary(db: PrismaClient, options: { consultationSlug: string; moderatorId: string }): Promise<number> {
  const consultation = await db.consultation.findUnique({ where: { slug: options.consultationSlug }, select: { id: true, summaries: { select: { id: true }, take: 1 } } });
  // Already summarised (by an earlier seed, or by a moderator since): never a second version.
  if (!consultation || consultation.summaries.length > 0) return 0;
  const approved = await db.contribution.findMany({
    where: { consultationId: consultation.id, status: "APPROVED" },
    orderBy: { referenceNumber: "asc" },
    select: { reference: true, publication: true, author: { select: { profile: { select: { stakeholderType: true } } } } },
  });
  // Authors who chose to be named first: a highlight reads better with a name (the order is stable).
  approved.sort((a, b) => Number(b.publication === "PUBLIC") - Number(a.publication === "PUBLIC"));
  if (approved.length === 0) return 0;
  // The earliest approved contribution of each of the first kinds of stakeholder: real ones, of different voices.
  const highlights: string[] = [];
  const types = new Set<string>();
  for (const contribution of approved) {
    const type = contribution.author.profile?.stakeholderType ?? "none";
    if (types.has(type)) continue;
    types.add(type);
    highlights.push(contribution.reference);
    if (highlights.length === HIGHLIGHTS) break;
  }
  // The themes first, as the theme job finds them: publishing freezes what it stored.
  await computeAndStoreThemes(consultation.id, { force: true });
  await unsafeSaveSummary(
    options.moderatorId,
    { consultationId: consultation.id, synthesis: DEMO_SUMMARY_SYNTHESIS, highlights, baseVersion: 0, publish: true },
    // The seed sees every consultation; a draft's summary is refused all the same.
    {},
  );
  return 1;
}
