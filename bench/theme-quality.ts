import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { BenchError, log, step } from "@/bench/output";
import { polisDir, readPolisComments } from "@/bench/polis";
import { appendResults, describeMachine, loadAverage, sourceRevision } from "@/bench/report";
import { extractText } from "@/lib/attachments/text/extract-text";
import { formatContributionReference } from "@/lib/contributions/reference";
import type { StakeholderType } from "@/lib/generated/prisma/enums";
import { detectLanguage } from "@/lib/language/detect-language";
import { assignThemes } from "@/bench/legacy-themes/assign-themes";
import { findThemes } from "@/lib/summaries/themes/engine/find-themes";
import { buildTermVectors } from "@/bench/legacy-themes/build-term-vectors";
import { countTerms } from "@/bench/legacy-themes/count-terms";
import { languageTools } from "@/lib/summaries/themes/engine/language-tools";
import { measureThemeQuality, RECOVERED_SHARE, themeMajority, TOP_DOCUMENTS, type ThemeQuality } from "@/lib/summaries/themes/quality-metrics";
import type { ContributionKind, IssueId } from "@/tests/fixtures/theme-eval/source/types";

// How good the themes are against hand labels (issue 11, item 5): each
// theme engine, through an adapter, on the made-up AI-regulation
// consultation (tests/fixtures/theme-eval/consultation, its attachments
// read by the app's own extractor) and on two hand-labelled Polis
// conversations (tests/fixtures/theme-eval/polis, the comments read from
// ../shared/corpora/polis). Needs no database and no build:
//
//   npm run bench:theme-quality                 print the table and each theme
//   npm run bench:theme-quality -- --write      …and append a section to bench/RESULTS.md
//   npm run bench:theme-quality -- --engine old-full-text   only the engines named
//
// The measures are in lib/summaries/themes/quality-metrics.ts; the data
// sets and how they were labelled in tests/fixtures/theme-eval/README.md.

// ————— What an engine is given and what it returns —————

export type AttachmentPageInput = { attachmentId: string; fileName: string; page: number; text: string; language: string };

/** One contribution as the engines see it: what production would read from the database. */
export type ContributionInput = {
  id: string;
  reference: string;
  title: string;
  body: string;
  /** The effective language: detected from title and body when the detector is confident, else the declared one. */
  language: string;
  stakeholderType: StakeholderType;
  /** Contributions of identical or near-identical text share it (the joint paper, the campaign); null alone. */
  similarityGroupId: string | null;
  /** The pages of its attachments that hold text, in file and page order. */
  attachmentPages: AttachmentPageInput[];
};

export type ThemeRun = {
  /** Each theme's members best first (the first min(10, size) are its "top documents"); a contribution may be in several. */
  themes: { key: string; label: string; rankedMemberIds: string[] }[];
  unthemedIds: string[];
};

export type ThemeEngine = {
  name: string;
  /** Whether it reads the attachments: a cover note's contribution is boilerplate to an engine that does not. */
  readsAttachments: boolean;
  run: (contributions: readonly ContributionInput[]) => ThemeRun;
};

// ————— The old engine (lib/summaries/themes/assign-themes.ts) —————

/**
 * The old engine themes one text per document and returns each document's
 * theme, not a ranking: its members are ranked here by cosine similarity to
 * the theme's mean vector, on the engine's own TF-IDF vectors of the
 * theme's language (the same vectors its k-means clustered), so that "top
 * documents" are the ones nearest the theme's centre, as its quotes are.
 */
function oldEngine(name: string, textOf: (contribution: ContributionInput) => string, readsAttachments: boolean): ThemeEngine {
  return {
    name,
    readsAttachments,
    run(contributions) {
      const documents = contributions.map((contribution) => ({
        id: contribution.id,
        reference: contribution.reference,
        text: textOf(contribution),
        language: contribution.language,
        stakeholderType: contribution.stakeholderType,
      }));
      const assignment = assignThemes(documents);
      const themes = assignment.themes.map((theme) => {
        const members = documents.filter((document) => assignment.themeKeyById.get(document.id) === theme.key).map((document) => document.id);
        const sameLanguage = documents.filter((document) => document.language === theme.language).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        return { key: theme.key, label: theme.terms.slice(0, 4).join(", "), rankedMemberIds: rankByCentroid(members, sameLanguage, theme.language) };
      });
      return { themes, unthemedIds: documents.filter((document) => !assignment.themeKeyById.has(document.id)).map((document) => document.id) };
    },
  };
}

function rankByCentroid(memberIds: string[], languageDocuments: { id: string; text: string }[], language: string): string[] {
  const vectors = buildTermVectors(countTerms(languageDocuments.map((document) => document.text), languageTools(language)));
  const rowOf = new Map(languageDocuments.map((document, row) => [document.id, row]));
  const centroid = new Float64Array(vectors.columns);
  for (const id of memberIds) {
    const row = rowOf.get(id) as number;
    for (let p = vectors.offsets[row] as number; p < (vectors.offsets[row + 1] as number); p += 1) {
      centroid[vectors.indices[p] as number] = (centroid[vectors.indices[p] as number] as number) + (vectors.values[p] as number);
    }
  }
  const similarity = (id: string) => {
    const row = rowOf.get(id) as number;
    let dot = 0;
    for (let p = vectors.offsets[row] as number; p < (vectors.offsets[row + 1] as number); p += 1) dot += (vectors.values[p] as number) * (centroid[vectors.indices[p] as number] as number);
    return dot;
  };
  const scored = memberIds.map((id) => ({ id, score: similarity(id) }));
  scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.map((entry) => entry.id);
}

const titleAndBody = (contribution: ContributionInput) => `${contribution.title}\n\n${contribution.body}`;
const withAttachments = (contribution: ContributionInput) => [titleAndBody(contribution), ...contribution.attachmentPages.map((page) => page.text)].join("\n\n");

/**
 * The engines measured. The new engine's adapter goes here: a ThemeEngine
 * whose run() calls it on the same inputs (it may read attachmentPages,
 * similarityGroupId and the page languages as it likes).
 */
/** The new engine (lib/summaries/themes/engine), on the parts production gives it: title, body, attachment pages. */
const newEngine: ThemeEngine = {
  name: "new",
  readsAttachments: true,
  run(contributions) {
    const result = findThemes(
      contributions.map((contribution) => ({
        id: contribution.id,
        reference: contribution.reference,
        stakeholderType: contribution.stakeholderType,
        groupId: contribution.similarityGroupId,
        parts: [
          { text: contribution.title, language: contribution.language, source: { kind: "title" as const } },
          { text: contribution.body, language: contribution.language, source: { kind: "body" as const } },
          ...contribution.attachmentPages.map((page) => ({
            text: page.text,
            language: page.language,
            source: { kind: "attachment" as const, attachmentId: page.attachmentId, fileName: page.fileName, page: page.page },
          })),
        ],
      })),
    );
    const members = new Map<string, { id: string; weight: number }[]>();
    const unthemedIds: string[] = [];
    for (const [id, placement] of result.placements) {
      if ("reason" in placement) unthemedIds.push(id);
      else for (const { key, weight } of placement.themes) members.set(key, [...(members.get(key) ?? []), { id, weight }]);
    }
    return {
      themes: result.themes.map((theme) => ({
        key: theme.key,
        label: [theme.label, ...theme.terms.filter((term) => term !== theme.label)].slice(0, 6).join(", "),
        rankedMemberIds: (members.get(theme.key) ?? []).sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : 1)).map((member) => member.id),
      })),
      unthemedIds,
    };
  },
};

export const ENGINES: ThemeEngine[] = [
  newEngine,
  oldEngine("old, title + body + attachments", withAttachments, true),
  // What production does today (lib/summaries/compute-summary-figures.ts).
  oldEngine("old, title + body", titleAndBody, false),
];

// ————— The data sets —————

const EVAL_DIR = path.join(process.cwd(), "tests/fixtures/theme-eval");

type DataSet = {
  name: string;
  contributions: ContributionInput[];
  /** Label of each labelled contribution: its primary issue or topic ("other" and off-topic left out). */
  labelOf: Map<string, string>;
  issues: string[];
  /** Contributions without substance for an engine that reads (or does not read) attachments. */
  boilerplate: (readsAttachments: boolean) => Set<string>;
};

type ManifestContribution = {
  id: string;
  title: string;
  body: string;
  declaredLanguage: string;
  stakeholderType: StakeholderType;
  kind: ContributionKind;
  bodyHasSubstance: boolean;
  similarityGroup: string | null;
  attachments: { fileName: string; format: "pdf" | "docx" | "scan" }[];
  labels: { primary: IssueId | null; issues: IssueId[] };
};

const MEDIA_TYPES = { pdf: "application/pdf", scan: "application/pdf", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" } as const;
const SUBMITTED_AT = new Date(Date.UTC(2026, 2, 15));

/** The attachment's pages as the app stores them: read by the extraction child, the language detected on the whole text. */
async function readAttachment(fileName: string, format: keyof typeof MEDIA_TYPES, contributionLanguage: string): Promise<{ pages: { page: number; text: string }[]; language: string; status: string }> {
  const outcome = await extractText(path.join(EVAL_DIR, "consultation", fileName), MEDIA_TYPES[format]);
  const text = outcome.pages.map((page) => page.text).join("\n\n");
  // As lib/attachments/text/extract-attachment-text.ts: the detected language when confident, else the contribution's.
  const verdict = text.trim() ? detectLanguage(text, contributionLanguage) : null;
  return { pages: outcome.pages.map((page) => ({ page: page.pageNumber, text: page.text })), language: verdict?.confident && verdict.detected ? verdict.detected : contributionLanguage, status: outcome.status };
}

async function loadConsultation(): Promise<DataSet> {
  const manifest = JSON.parse(fs.readFileSync(path.join(EVAL_DIR, "consultation", "manifest.json"), "utf8")) as { issues: { id: string }[]; contributions: ManifestContribution[] };
  const read = new Map<string, Awaited<ReturnType<typeof readAttachment>>>();
  const statuses = new Map<string, number>();
  const contributions: ContributionInput[] = [];
  for (const [index, entry] of manifest.contributions.entries()) {
    const language = detectLanguage(`${entry.title}\n\n${entry.body}`, entry.declaredLanguage).effective;
    const attachmentPages: AttachmentPageInput[] = [];
    for (const attachment of entry.attachments) {
      let pages = read.get(attachment.fileName);
      if (!pages) {
        pages = await readAttachment(attachment.fileName, attachment.format, language);
        read.set(attachment.fileName, pages);
        statuses.set(pages.status, (statuses.get(pages.status) ?? 0) + 1);
      }
      for (const page of pages.pages) attachmentPages.push({ attachmentId: `${entry.id}/${attachment.fileName}`, fileName: attachment.fileName, page: page.page, text: page.text, language: pages.language });
    }
    contributions.push({
      id: entry.id,
      reference: formatContributionReference(index + 1, SUBMITTED_AT),
      title: entry.title,
      body: entry.body,
      language,
      stakeholderType: entry.stakeholderType,
      similarityGroupId: entry.similarityGroup,
      attachmentPages,
    });
  }
  log(`  consultation: ${contributions.length} contributions, ${read.size} attachments read (${[...statuses].map(([status, n]) => `${n} ${status}`).join(", ")})`);
  const labelOf = new Map(manifest.contributions.flatMap((entry) => (entry.labels.primary ? [[entry.id, entry.labels.primary] as [string, string]] : [])));
  const boilerplate = (readsAttachments: boolean) =>
    new Set(
      manifest.contributions
        .filter((entry) => entry.kind === "cover-note-only" || entry.kind === "intro-only" || (!entry.bodyHasSubstance && !readsAttachments && (entry.kind === "position-paper" || entry.kind === "joint-paper")))
        .map((entry) => entry.id),
    );
  return { name: "AI-regulation consultation (made up)", contributions, labelOf, issues: manifest.issues.map((issue) => issue.id), boilerplate };
}

/** The labelled comments must be the selection the README states: accepted, at least 5 words, lowest comment ids first. */
const MIN_WORDS = 5;

function loadPolis(corpus: string, language: string): DataSet {
  const dir = path.join(EVAL_DIR, "polis", corpus);
  const rows = parse(fs.readFileSync(path.join(dir, "labels.csv"), "utf8"), { columns: true, skip_empty_lines: true }) as { "comment-id": string; topic: string }[];
  const topics = (JSON.parse(fs.readFileSync(path.join(dir, "topics.json"), "utf8")) as { id: string }[]).map((topic) => topic.id).filter((id) => id !== "other");
  let comments;
  try {
    comments = readPolisComments(corpus, polisDir());
  } catch (error) {
    throw new BenchError(`The Polis comments are read from ../shared/corpora/polis: ${(error as Error).message}`);
  }
  const selected = comments
    .filter((comment) => comment.moderated === 1 && comment.body.trim().split(/\s+/).length >= MIN_WORDS)
    .sort((a, b) => Number(a.id) - Number(b.id))
    .slice(0, rows.length);
  const labelled = rows.map((row) => row["comment-id"]);
  if (selected.map((comment) => comment.id).join() !== labelled.join()) throw new BenchError(`${corpus}: labels.csv does not hold the first ${rows.length} accepted comments of at least ${MIN_WORDS} words.`);
  const contributions = selected.map((comment, index) => ({
    id: `${corpus}:${comment.id}`,
    reference: formatContributionReference(index + 1, SUBMITTED_AT),
    title: "",
    body: comment.body,
    language,
    stakeholderType: "OTHER" as StakeholderType,
    similarityGroupId: null,
    attachmentPages: [],
  }));
  const labelOf = new Map(rows.filter((row) => row.topic !== "other").map((row) => [`${corpus}:${row["comment-id"]}`, row.topic]));
  log(`  ${corpus}: ${contributions.length} comments, ${labelOf.size} with a topic, ${topics.length} topics`);
  return { name: `Polis: ${corpus}`, contributions, labelOf, issues: topics, boilerplate: () => new Set() };
}

// ————— Running and reporting —————

type Row = { engine: string; dataSet: string; quality: ThemeQuality; issues: number; run: ThemeRun; seconds: number };

function score(engine: ThemeEngine, dataSet: DataSet): Row {
  const started = performance.now();
  const run = engine.run(dataSet.contributions);
  const seconds = (performance.now() - started) / 1000;
  const boilerplate = dataSet.boilerplate(engine.readsAttachments);
  const quality = measureThemeQuality({
    themes: run.themes,
    documentIds: dataSet.contributions.map((contribution) => contribution.id),
    labelOf: dataSet.labelOf,
    issues: dataSet.issues,
    languageOf: new Map(dataSet.contributions.map((contribution) => [contribution.id, contribution.language])),
    isBoilerplate: (id) => boilerplate.has(id),
  });
  return { engine: engine.name, dataSet: dataSet.name, quality, issues: dataSet.issues.length, run, seconds };
}

const percent = (share: number) => `${(share * 100).toFixed(0)} %`;

function table(rows: Row[]): string {
  const lines = [
    "| engine | data set | themes | NMI | purity | issues recovered | boilerplate themes | language themes | not themed |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const { engine, dataSet, quality, issues } of rows) {
    lines.push(
      `| ${engine} | ${dataSet} | ${quality.themes} | ${quality.nmi.toFixed(3)} | ${quality.purity.toFixed(3)} | ${quality.recovered.length} of ${issues} | ${quality.boilerplateThemes.length} | ${quality.languageThemes.length} | ${percent(quality.unthemedShare)} |`,
    );
  }
  return lines.join("\n");
}

function details(row: Row, dataSet: DataSet): string[] {
  const languageOf = new Map(dataSet.contributions.map((contribution) => [contribution.id, contribution.language]));
  const lines = [`${row.engine} × ${row.dataSet}: recovered ${row.quality.recovered.join(", ") || "none"} (${row.seconds.toFixed(2)} s)`];
  for (const theme of row.run.themes) {
    const majority = themeMajority(theme, dataSet.labelOf);
    const languages = new Map<string, number>();
    for (const id of theme.rankedMemberIds) languages.set(languageOf.get(id) ?? "?", (languages.get(languageOf.get(id) ?? "?") ?? 0) + 1);
    const flags = [row.quality.boilerplateThemes.includes(theme.key) ? "BOILERPLATE" : "", row.quality.languageThemes.includes(theme.key) ? "LANGUAGE" : ""].filter(Boolean).join(" ");
    lines.push(
      `  ${String(theme.rankedMemberIds.length).padStart(4)}  [${[...languages].map(([language, n]) => `${language} ${n}`).join(", ")}]  top ${percent(majority.share)} ${majority.label ?? "-"}  ${flags ? `${flags}  ` : ""}${theme.label}`,
    );
  }
  // Which of them had nothing to theme (the data set says so), and their languages.
  const empty = dataSet.boilerplate(ENGINES.find((engine) => engine.name === row.engine)?.readsAttachments ?? true);
  const unthemedLanguages = new Map<string, number>();
  for (const id of row.run.unthemedIds) unthemedLanguages.set(languageOf.get(id) ?? "?", (unthemedLanguages.get(languageOf.get(id) ?? "?") ?? 0) + 1);
  const withoutSubstance = row.run.unthemedIds.filter((id) => empty.has(id)).length;
  lines.push(
    `  not themed: ${row.run.unthemedIds.length} [${[...unthemedLanguages].map(([language, n]) => `${language} ${n}`).join(", ")}], ${withoutSubstance} of them without substance`,
  );
  return lines;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const write = args.includes("--write");
  const only = args.flatMap((arg, i) => (arg === "--engine" ? [args[i + 1] ?? ""] : []));
  const engines = only.length > 0 ? ENGINES.filter((engine) => only.some((name) => engine.name.includes(name))) : ENGINES;
  if (engines.length === 0) throw new BenchError(`No engine matches ${only.join(", ")}; the engines are: ${ENGINES.map((engine) => engine.name).join("; ")}.`);
  const loadBefore = loadAverage();

  step("Data sets");
  const dataSets = [await loadConsultation(), loadPolis("american-assembly.bowling-green", "en"), loadPolis("austria-climate.5tzfrp5eaa.2022-07-07", "de")];

  step("Themes");
  const rows: Row[] = [];
  for (const engine of engines) {
    for (const dataSet of dataSets) {
      const row = score(engine, dataSet);
      rows.push(row);
      for (const line of details(row, dataSet)) log(line);
    }
  }

  step("Scores");
  log(table(rows));
  log(`\n(top documents: the first min(${TOP_DOCUMENTS}, size) ranked members; recovered: some theme's top documents ≥ ${percent(RECOVERED_SHARE)} one issue.)`);

  if (write) {
    const machine = describeMachine("no database");
    appendResults(
      [
        `## Theme quality against hand labels (issue 11), ${new Date().toISOString().slice(0, 10)}`,
        "",
        `\`npm run bench:theme-quality -- --write\`: each engine on the made-up AI-regulation consultation (96 contributions, 8 known issues, attachments read by the app's extractor) and on 300 hand-labelled comments of each of two Polis conversations (CC BY 4.0, The Computational Democracy Project); data sets and labels in tests/fixtures/theme-eval/README.md, measures in lib/summaries/themes/quality-metrics.ts. NMI and purity over the themed documents that carry a label; "issues recovered": some theme's top min(${TOP_DOCUMENTS}, size) documents are at least ${percent(RECOVERED_SHARE)} one issue (or topic); not themed: share of all documents.`,
        `Machine: ${machine.cpu}, ${machine.cores} cores (load ${loadBefore} before, ${loadAverage()} after), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.os}. Source: ${sourceRevision()}.`,
        "",
        table(rows),
      ].join("\n"),
    );
    log("\nAppended to bench/RESULTS.md.");
  }
}

main().catch((error: unknown) => {
  if (error instanceof BenchError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
