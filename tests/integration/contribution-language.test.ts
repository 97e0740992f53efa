import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { submitContribution } from "@/lib/contributions/submit-contribution";
import { updateContribution } from "@/lib/contributions/update-contribution";
import { detectStoredLanguages } from "@/lib/language/detect-stored-languages";
import { createTestContribution } from "../helpers/contribution-factory";
import { createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs } from "../helpers/session";

// Issue 10, "detected language": submission and edit store what the
// detector read beside the declared language, and the search column is
// built in the effective one.

const french = fs.readFileSync(path.join(process.cwd(), "tests/fixtures/languages/fr.txt"), "utf8").split(/\n\s*\n/).slice(0, 2).join("\n\n");
const english = fs.readFileSync(path.join(process.cwd(), "tests/fixtures/languages/en.txt"), "utf8").split(/\n\s*\n/)[0] ?? "";

let consultation: TestConsultation;
let author: TestUser;

beforeAll(async () => {
  consultation = await createTestConsultation({ title: "Languages" });
  author = await createTestUser();
});

const input = (fields: { title: string; body: string; language: string }) => ({
  consultationId: consultation.id,
  submissionKey: randomUUID(),
  answers: {},
  publication: "PUBLIC",
  attachmentIds: [],
  ...fields,
});

const stored = (reference: string) =>
  db.contribution.findUniqueOrThrow({ where: { reference }, select: { language: true, detectedLanguage: true, languageConfident: true } });

describe("detected language on submission and edit", () => {
  it("stores French, confidently, for a French text declared English, and searches it in French", async () => {
    await signInAs(author.id);
    const { reference } = await submitContribution(input({ title: "Notre position", body: french, language: "en" }));
    expect(await stored(reference)).toEqual({ language: "en", detectedLanguage: "fr", languageConfident: true });
    // The generated column stems in French: "nouvelles" is stored as the
    // French stem "nouvel" (English would have made it "nouvell").
    const [row] = await db.$queryRaw<{ french: boolean; english: boolean }[]>`
      SELECT "searchVector" @@ plainto_tsquery(agora_search_config('fr'), 'nouvelles') AS "french",
             "searchVector" @@ plainto_tsquery(agora_search_config('en'), 'nouvelles') AS "english"
      FROM "Contribution" WHERE "reference" = ${reference}`;
    expect(row).toEqual({ french: true, english: false });
  });

  it("stores nothing detected for a short cover note: the declared language stands", async () => {
    await signInAs(author.id);
    const { reference } = await submitContribution(input({ title: "Paper", body: "Please see the attached paper.", language: "de" }));
    expect(await stored(reference)).toEqual({ language: "de", detectedLanguage: null, languageConfident: false });
  });

  it("detects again on an edit", async () => {
    await signInAs(author.id);
    const { reference } = await submitContribution(input({ title: "Our view", body: english, language: "en" }));
    expect(await stored(reference)).toEqual({ language: "en", detectedLanguage: "en", languageConfident: true });
    const { consultationId: _consultation, submissionKey: _key, ...fields } = input({ title: "Notre avis", body: french, language: "en" });
    await updateContribution({ ...fields, reference, version: 1 });
    expect(await stored(reference)).toEqual({ language: "en", detectedLanguage: "fr", languageConfident: true });
  });
});

describe("detectStoredLanguages (npm run languages:detect)", () => {
  it("fills in the rows never detected, in batches, and again with --all", async () => {
    const old = await Promise.all(
      [french, english, "Please see the attached paper."].map((body, index) =>
        createTestContribution({ authorId: author.id, consultationId: consultation.id, title: `Old ${index}`, body, language: "en" }),
      ),
    );
    const seen: number[] = [];
    const result = await detectStoredLanguages(db, { batchSize: 2, onProgress: (progress) => seen.push(progress.done) });
    expect(result.total).toBeGreaterThanOrEqual(3);
    expect(result.done).toBe(result.total);
    expect(seen[0]).toBe(0);
    expect(await Promise.all(old.map((row) => stored(row.reference)))).toEqual([
      { language: "en", detectedLanguage: "fr", languageConfident: true },
      { language: "en", detectedLanguage: "en", languageConfident: true },
      { language: "en", detectedLanguage: null, languageConfident: false },
    ]);
    // Only the short one is still undetected; --all reads everything and changes nothing.
    const again = await detectStoredLanguages(db);
    expect(again).toMatchObject({ changed: 0 });
    const everything = await detectStoredLanguages(db, { all: true });
    expect(everything).toMatchObject({ total: await db.contribution.count(), changed: 0 });
  });
});
