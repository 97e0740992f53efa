import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { computeStatistics } from "@/lib/summaries/compute-statistics";
import { createTestContribution } from "../helpers/contribution-factory";
import { createTestConsultation } from "../helpers/content-factories";
import { createTestUser } from "../helpers/factories";

// The summary counts a contribution in its effective language: the detected
// one when the detector was confident, the declared one otherwise.

let consultationId: string;

beforeAll(async () => {
  consultationId = (await createTestConsultation({ status: "OPEN" })).id;
  const authorId = (await createTestUser()).id;
  const french = await createTestContribution({ authorId, consultationId, language: "en", body: "Nous demandons l'interdiction de la reconnaissance faciale." });
  await db.contribution.update({ where: { id: french.id }, data: { detectedLanguage: "fr", languageConfident: true } });
  const unsure = await createTestContribution({ authorId, consultationId, language: "en", body: "Voir la pièce jointe." });
  await db.contribution.update({ where: { id: unsure.id }, data: { detectedLanguage: "fr", languageConfident: false } });
  await createTestContribution({ authorId, consultationId, language: "de", body: "Wir fordern ein Verbot." });
});

describe("summary statistics by language", () => {
  it("count a text declared English that was confidently detected as French as French, and an unsure one as declared", async () => {
    const { byLanguage } = await computeStatistics(consultationId);
    const counts = Object.fromEntries(byLanguage.map((entry) => [entry.code, entry.count]));
    expect(counts).toEqual({ de: 1, en: 1, fr: 1 });
  });
});
