import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import pg from "pg";
import { recreateDatabase, migrate } from "@/bench/database";
import { explainQueries } from "@/bench/explain";
import { openInProcessApp, type SentQuery } from "@/bench/in-process";
import { BenchError, intFromEnv, log, seconds, step } from "@/bench/output";
import { appendResults, describeMachine, loadAverage, sourceRevision } from "@/bench/report";
import { createRandom, type Random } from "@/prisma/seed/random";

// Search at scale (issue 10): 100,000 contributions and 50,000 attachment
// pages in one consultation, searched through findConsultationContributions
// as a visitor's list page does (lib/contributions/find-consultation-
// contributions.ts), against a ceiling measured in the same run: the same
// tsquery on the two GIN indexes in raw SQL, SELECT … WHERE searchVector @@ q
// LIMIT 20 on Contribution and on AttachmentPage. Then EXPLAIN (ANALYZE,
// BUFFERS) of the list query, which must show the Bitmap Index Scans.
//
//   npm run bench:search      (PostgreSQL: BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/agora_bench_search)
//
// BENCH_CONTRIBUTIONS (100000), BENCH_PAGES (50000), BENCH_ROUNDS (7).
// The texts are real comments from the Polis corpora (CC BY 4.0, see
// /work/shared/corpora/README.md): the three English conversations and the
// Austrian climate assembly in German, shuffled and joined, so words repeat
// as they do in real consultations. The section is appended to
// bench/RESULTS.md.

const CORPORA = process.env.BENCH_CORPORA ?? path.resolve(process.cwd(), "../../shared/corpora/polis");
const ENGLISH = ["american-assembly.bowling-green", "canadian-electoral-reform", "scoop-hivemind.biodiversity"];
const GERMAN = ["austria-climate.5tzfrp5eaa.2022-07-07"];
const ATTRIBUTION =
  "Data was gathered using the Polis software (compdemocracy.org/polis) and is sub-licensed under CC BY 4.0 with Attribution to The Computational Democracy Project.";

const QUERIES = [
  "public transport",
  "SME",
  "climate change",
  '"electoral reform"',
  "biodiversity",
  "housing",
  "bike lanes",
  "standardisation",
  "Klimaschutz",
  "öffentlicher Verkehr",
  "Photovoltaik",
  "opioid",
  "zzzxqv",
];
const SYNONYMS = [["bike lanes", "cycle paths", "Radwege"], ["SME", "small business"]];

function readComments(folders: string[]): string[] {
  const out: string[] = [];
  for (const folder of folders) {
    const file = path.join(CORPORA, folder, "comments.csv");
    if (!fs.existsSync(file)) throw new BenchError(`The Polis corpus is missing: ${file} (set BENCH_CORPORA to the polis folder).`);
    const rows = parse(fs.readFileSync(file, "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    for (const row of rows) {
      const text = (row["comment-body"] ?? "").replace(/\s+/g, " ").trim();
      if (text.length >= 20) out.push(text);
    }
  }
  return out;
}

const joinSome = (random: Random, pool: readonly string[], min: number, max: number) =>
  Array.from({ length: min + Math.floor(random.next() * (max - min + 1)) }, () => random.pick(pool)).join(" ");

type Timing = { total: number; list: number; count: number; hits: number; facets: number; other: number };

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

async function load(client: pg.Client, random: Random, contributions: number, pages: number) {
  const english = readComments(ENGLISH);
  const german = readComments(GERMAN);
  log(`  ${english.length} English and ${german.length} German comments from the Polis corpora`);

  const users = 2000;
  await client.query(
    `INSERT INTO "User" ("id", "email", "passwordHash", "emailVerified", "updatedAt")
     SELECT 'bu' || i, 'bench' || i || '@example.org', 'x', now(), now() FROM generate_series(1, $1) AS i`,
    [users],
  );
  await client.query(
    `INSERT INTO "StakeholderProfile" ("id", "userId", "displayName", "stakeholderType", "country", "updatedAt")
     SELECT 'bp' || i, 'bu' || i, 'Bench ' || i,
            (ARRAY['COMPANY','NGO','ACADEMIC','EU_CITIZEN','PUBLIC_AUTHORITY'])[1 + i % 5]::"StakeholderType",
            (ARRAY['AT','DE','US','CA','NZ','FR','BE'])[1 + i % 7], now()
     FROM generate_series(1, $1) AS i`,
    [users],
  );
  const {
    rows: [consultation],
  } = await client.query<{ id: string; slug: string }>(
    `INSERT INTO "Consultation" ("id", "slug", "title", "summary", "body", "topics", "opensAt", "closesAt", "status", "updatedAt")
     VALUES ('bench-search', 'bench-search', 'Search benchmark', 'Search at scale.', 'Body.', ARRAY['AI'], now() - interval '30 days', now() + interval '30 days', 'OPEN', now())
     RETURNING "id", "slug"`,
  );
  if (!consultation) throw new BenchError("The consultation was not created.");
  for (const terms of SYNONYMS) {
    await client.query(`INSERT INTO "SearchSynonym" ("id", "consultationId", "terms") VALUES ($1, $2, $3)`, [`bs-${terms[0]}`, consultation.id, terms]);
  }

  const started = performance.now();
  const languages: string[] = [];
  const batch = 5000;
  for (let from = 0; from < contributions; from += batch) {
    const size = Math.min(batch, contributions - from);
    const c = { id: [] as string[], number: [] as number[], author: [] as string[], title: [] as string[], body: [] as string[], language: [] as string[], detected: [] as (string | null)[], confident: [] as boolean[], status: [] as string[] };
    for (let index = from; index < from + size; index += 1) {
      const isGerman = random.next() < 0.3;
      const body = joinSome(random, isGerman ? german : english, 1, 4);
      // One in twenty German texts is declared English and detected as German.
      const misdeclared = isGerman && random.next() < 0.05;
      const roll = random.next();
      c.id.push(`bc${index}`);
      c.number.push(index + 1);
      c.author.push(`bu${1 + Math.floor(random.next() * users)}`);
      c.title.push(body.split(" ").slice(0, 8).join(" "));
      c.body.push(body);
      c.language.push(isGerman && !misdeclared ? "de" : "en");
      c.detected.push(isGerman ? "de" : "en");
      c.confident.push(true);
      c.status.push(roll < 0.85 ? "APPROVED" : roll < 0.95 ? "PENDING" : "HIDDEN");
      languages.push(isGerman ? "de" : "en");
    }
    await client.query(
      `INSERT INTO "Contribution" ("id", "referenceNumber", "reference", "consultationId", "authorId", "phase", "title", "body", "answers",
         "language", "detectedLanguage", "languageConfident", "publication", "status", "submittedAt", "decidedAt", "updatedAt")
       SELECT v.id, v.number, 'BENCH-' || v.number, $1, v.author, 'DURING', v.title, v.body, '{}'::jsonb, v.language, v.detected, v.confident,
              'PUBLIC', v.status::"ContributionStatus", now() - (v.number || ' seconds')::interval, now(), now()
       FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[], $10::text[])
         AS v(id, number, author, title, body, language, detected, confident, status)`,
      [consultation.id, c.id, c.number, c.author, c.title, c.body, c.language, c.detected, c.confident, c.status],
    );
  }
  log(`  ${contributions.toLocaleString("en-GB")} contributions (${seconds(started)})`);

  const pagesStarted = performance.now();
  const attachments = Math.ceil(pages / 2);
  for (let from = 0; from < attachments; from += batch / 2) {
    const size = Math.min(batch / 2, attachments - from);
    const a = { id: [] as string[], contribution: [] as string[], name: [] as string[] };
    const p = { attachment: [] as string[], number: [] as number[], text: [] as string[], language: [] as string[] };
    for (let index = from; index < from + size; index += 1) {
      const owner = Math.floor(random.next() * contributions);
      const language = languages[owner] ?? "en";
      a.id.push(`ba${index}`);
      a.contribution.push(`bc${owner}`);
      a.name.push(`position-paper-${index}.pdf`);
      for (const number of [1, 2]) {
        if (index * 2 + number > pages) continue;
        p.attachment.push(`ba${index}`);
        p.number.push(number);
        p.text.push(joinSome(random, language === "de" ? german : english, 8, 16));
        p.language.push(language);
      }
    }
    await client.query(
      `INSERT INTO "Attachment" ("id", "contributionId", "uploaderId", "fileName", "mediaType", "size", "sha256", "storageKey", "textStatus", "pageCount")
       SELECT v.id, v.contribution, 'bu1', v.name, 'application/pdf', 1000, repeat('0', 64), 'bench/' || v.id, 'EXTRACTED', 2
       FROM unnest($1::text[], $2::text[], $3::text[]) AS v(id, contribution, name)`,
      [a.id, a.contribution, a.name],
    );
    await client.query(
      `INSERT INTO "AttachmentPage" ("attachmentId", "pageNumber", "text", "language")
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[])`,
      [p.attachment, p.number, p.text, p.language],
    );
  }
  log(`  ${pages.toLocaleString("en-GB")} attachment pages (${seconds(pagesStarted)})`);
  await client.query("VACUUM ANALYZE");
  return consultation;
}

function classify(queries: SentQuery[]): Timing {
  const timing: Timing = { total: 0, list: 0, count: 0, hits: 0, facets: 0, other: 0 };
  for (const query of queries) {
    const key: keyof Timing = query.sql.includes("ts_headline")
      ? "hits"
      : query.sql.includes("GROUPING SETS")
        ? "facets"
        : query.sql.includes('m."rank"') && query.sql.includes("LIMIT")
          ? "list"
          : query.sql.includes("count(*)") && query.sql.includes('"AttachmentPage"')
            ? "count"
            : "other";
    timing[key] += query.durationMs;
  }
  return timing;
}

async function main() {
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/agora_bench_search";
  const contributions = intFromEnv("BENCH_CONTRIBUTIONS", 100_000, 100, 1_000_000);
  const pages = intFromEnv("BENCH_PAGES", 50_000, 0, 1_000_000);
  const rounds = intFromEnv("BENCH_ROUNDS", 7, 1, 100);
  const date = new Date();
  const loadBefore = loadAverage();

  step(`Database: ${contributions.toLocaleString("en-GB")} contributions, ${pages.toLocaleString("en-GB")} attachment pages`);
  await recreateDatabase(databaseUrl);
  await migrate(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const random = createRandom(20261207);
  const consultation = await load(client, random, contributions, pages);
  const {
    rows: [version],
  } = await client.query<{ server_version: string }>("SHOW server_version");
  const {
    rows: [published],
  } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Contribution" WHERE "status" = 'APPROVED'`);

  const app = await openInProcessApp({ databaseUrl, secret: "bench-search-secret-bench-search-secret", dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "agora-bench-search-")) });
  const { findConsultationContributions } = await import("@/lib/contributions/find-consultation-contributions");
  const { db } = await import("@/lib/db");
  const { Prisma } = await import("@/lib/generated/prisma/client");
  const { anyLanguageSql } = await import("@/lib/search/search-sql");
  const { synonymExpansions } = await import("@/lib/search/synonyms");

  step(`Searching: ${QUERIES.length} queries × ${rounds} rounds (the first round warms the caches and is not counted)`);
  const perQuery = new Map<string, { timings: Timing[]; ceiling: number[]; ranked: number[]; total: number; pageHits: number }>();
  let listSql: SentQuery | null = null;
  for (let round = 0; round <= rounds; round += 1) {
    for (const q of QUERIES) {
      const started = performance.now();
      const { result, queries } = await app.recording(() => findConsultationContributions(consultation.slug, { q }));
      const total = performance.now() - started;
      if (!listSql && q === "public transport") listSql = queries.find((query) => query.sql.includes('m."rank"') && query.sql.includes("LIMIT")) ?? null;

      // The ceiling: the same tsquery (every language in use, the synonyms)
      // straight on each GIN index, the first 20 ids.
      const terms = { q, expansions: synonymExpansions(q, SYNONYMS) };
      const tsquery = anyLanguageSql(["de", "en"], terms);
      const ceilingStarted = performance.now();
      await db.$queryRaw(Prisma.sql`SELECT "id" FROM "Contribution" WHERE "searchVector" @@ ${tsquery} LIMIT 20`);
      await db.$queryRaw(Prisma.sql`SELECT "attachmentId" FROM "AttachmentPage" WHERE "searchVector" @@ ${tsquery} LIMIT 20`);
      const ceiling = performance.now() - ceilingStarted;
      // The same with ranking: what ordering by relevance costs on its own.
      const rankedStarted = performance.now();
      await db.$queryRaw(Prisma.sql`SELECT "id" FROM "Contribution" WHERE "searchVector" @@ ${tsquery} ORDER BY ts_rank("searchVector", ${tsquery}) DESC LIMIT 20`);
      await db.$queryRaw(
        Prisma.sql`SELECT "attachmentId" FROM "AttachmentPage" WHERE "searchVector" @@ ${tsquery} ORDER BY ts_rank("searchVector", ${tsquery}) DESC LIMIT 20`,
      );
      const ranked = performance.now() - rankedStarted;
      if (round === 0) continue;
      const entry = perQuery.get(q) ?? { timings: [], ceiling: [], ranked: [], total: result?.total ?? 0, pageHits: 0 };
      entry.ranked.push(ranked);
      entry.timings.push({ ...classify(queries), total });
      entry.ceiling.push(ceiling);
      entry.pageHits = result?.items.filter((item) => item.hit?.page).length ?? 0;
      perQuery.set(q, entry);
    }
  }

  const all = [...perQuery.values()];
  const flat = (pick: (timing: Timing) => number) => all.flatMap((entry) => entry.timings.map(pick));
  const search = (timing: Timing) => timing.list + timing.count + timing.hits + timing.other;
  const ceilings = all.flatMap((entry) => entry.ceiling);
  const rankedCeilings = all.flatMap((entry) => entry.ranked);
  const ratio = percentile(flat(search), 95) / Math.max(0.01, percentile(ceilings, 95));

  const explained = listSql ? await explainQueries(databaseUrl, [{ source: "the list query for “public transport”", sql: listSql.sql, params: listSql.params }]) : [];
  const plan = explained[0]?.plan ?? "";
  const usesContributionGin = /Bitmap Index Scan on "Contribution_searchVector_idx"/.test(plan);
  const usesPageGin = /Bitmap Index Scan on "AttachmentPage_searchVector_idx"/.test(plan);
  await app.close();
  await client.end();

  const machine = describeMachine(version?.server_version ?? "unknown");
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  const lines = [
    `## Search: ${contributions.toLocaleString("en-GB")} contributions + ${pages.toLocaleString("en-GB")} attachment pages (issue 10)`,
    "",
    `- Date: ${date.toISOString()}; command: \`npm run bench:search\`; revision ${sourceRevision()}`,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, PostgreSQL ${machine.postgres}; load average before ${loadBefore}, after ${loadAverage()}`,
    `- Data: one consultation, ${(published?.n ?? 0).toLocaleString("en-GB")} published contributions (85 % approved, 10 % pending, 5 % hidden; 30 % German, a twentieth of those declared English and detected German), ${pages.toLocaleString("en-GB")} pages of ${Math.ceil(pages / 2).toLocaleString("en-GB")} attachments, all made of real comments from the Polis corpora, shuffled and joined (1–4 per text, 8–16 per page). ${ATTRIBUTION}`,
    `- Each query ${rounds} times after a warm-up round, through \`findConsultationContributions\` as a visitor (in process, no HTTP). "Search" is the SQL the search adds (the ranked list over both GIN indexes, its count, the languages and synonyms, the hits with ts_headline); "facets" the one pass over the published contributions every list view makes, searched or not. Ceiling: the same tsquery on each GIN index in raw SQL, \`SELECT id … WHERE "searchVector" @@ q LIMIT 20\` on Contribution then on AttachmentPage; ranked ceiling: the same two with \`ORDER BY ts_rank(…) DESC\` (what ordering by relevance costs by itself, with neither the per-row language check, the consultation and status conditions nor the count).`,
    "",
    "| query | matches | page hits on page 1 | search p50 | search p95 | of which hits (ts_headline) p95 | facets p95 | whole call p95 | ceiling p95 | ranked ceiling p95 |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...[...perQuery.entries()].map(([q, entry]) => {
      const searches = entry.timings.map(search);
      return `| ${q.replace(/\|/g, "\\|")} | ${entry.total.toLocaleString("en-GB")} | ${entry.pageHits} | ${f(percentile(searches, 50))} | ${f(percentile(searches, 95))} | ${f(percentile(entry.timings.map((t) => t.hits), 95))} | ${f(percentile(entry.timings.map((t) => t.facets), 95))} | ${f(percentile(entry.timings.map((t) => t.total), 95))} | ${f(percentile(entry.ceiling, 95))} | ${f(percentile(entry.ranked, 95))} |`;
    }),
    `| **all** | | | ${f(percentile(flat(search), 50))} | **${f(percentile(flat(search), 95))}** | ${f(percentile(flat((t) => t.hits), 95))} | ${f(percentile(flat((t) => t.facets), 95))} | ${f(percentile(flat((t) => t.total), 95))} | **${f(percentile(ceilings, 95))}** | **${f(percentile(rankedCeilings, 95))}** |`,
    "",
    `Search p95 / ceiling p95 = **${ratio.toFixed(1)}×**; / ranked ceiling p95 = **${(percentile(flat(search), 95) / Math.max(0.01, percentile(rankedCeilings, 95))).toFixed(1)}×**. The plan of the list query uses the GIN index of Contribution: ${usesContributionGin ? "yes" : "NO"}; of AttachmentPage: ${usesPageGin ? "yes" : "NO"} (Bitmap Index Scan).`,
    "",
    `EXPLAIN (ANALYZE, BUFFERS) of ${explained[0]?.source ?? "the list query"}:`,
    "",
    "```",
    plan,
    "```",
  ];
  const section = lines.join("\n");
  appendResults(section);
  step("Results");
  log(lines.slice(6, 8 + perQuery.size + 3).join("\n"));
  log("\nAppended to bench/RESULTS.md.");
  if (!usesContributionGin || !usesPageGin) throw new BenchError("The list query does not use both GIN indexes: see the plan in bench/RESULTS.md.");
}

main().catch((error: unknown) => {
  console.error(error instanceof BenchError ? error.message : error);
  process.exitCode = 1;
});
