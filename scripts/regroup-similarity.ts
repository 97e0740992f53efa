import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { db } from "@/lib/db";
import { regroupConsultation, type RegroupProgress } from "@/lib/similarity/regroup-consultation";

// npm run similarity:regroup [-- <slug> …] — recomputes every fingerprint
// and group of identical or near-identical contributions of the consultations
// named (all of them without a slug), in the configured database
// (DATABASE_URL, or the embedded one under DATA_DIR: stop the app first, the
// embedded database has one process). lib/similarity does the work.

const HELP = `Usage: npm run similarity:regroup [-- <consultation slug> …]

Recomputes the near-duplicate fingerprints and groups of the consultations
given by slug, or of every consultation when none is given, one batch each
(docs/decisions/0013-near-duplicates.md). Safe to run while contributions
arrive on PostgreSQL: a submission checked meanwhile is grouped again by the
next run if the batch missed it.`;

const PHASES: Record<RegroupProgress["phase"], string> = { fingerprints: "fingerprints", grouping: "grouping (bands)", writing: "writing groups" };

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ args: process.argv.slice(2), options: { help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  if (values.help) {
    console.info(HELP);
    return;
  }
  const consultations = await db.consultation.findMany({
    where: positionals.length > 0 ? { slug: { in: positionals } } : {},
    orderBy: { slug: "asc" },
    select: { id: true, slug: true },
  });
  const missing = positionals.filter((slug) => !consultations.some((consultation) => consultation.slug === slug));
  if (missing.length > 0) throw new Error(`No consultation has the slug ${missing.map((slug) => `“${slug}”`).join(", ")}. Slugs are in the consultation's address: /consultations/<slug>.`);
  if (consultations.length === 0) {
    console.info("There is no consultation to regroup.");
    return;
  }
  for (const consultation of consultations) {
    const bar = new cliProgress.SingleBar({ format: `${consultation.slug} {phase} [{bar}] {value}/{total}`, hideCursor: true }, cliProgress.Presets.shades_classic);
    let phase: RegroupProgress["phase"] | null = null;
    const started = performance.now();
    const result = await regroupConsultation(consultation.id, {
      onProgress: (progress) => {
        if (progress.phase !== phase) {
          if (phase) bar.stop();
          phase = progress.phase;
          bar.start(progress.total, 0, { phase: PHASES[progress.phase] });
        }
        bar.update(progress.done);
      },
    });
    bar.stop();
    console.info(
      `${consultation.slug}: ${result.contributions} contributions, ${result.grouped} in ${result.groups} groups (${result.exactGroups} identical, ${result.nearGroups} near-identical), ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  }
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await db.$disconnect();
    process.exit(1);
  });
