import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { enqueueAttachmentText } from "@/lib/attachments/text/attachment-text-job";
import { commitToStore, newTempPath } from "@/lib/attachments/storage";
import { formatContributionReference } from "@/lib/contributions/reference";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import { detectLanguage } from "@/lib/language/detect-language";
import { phaseAt } from "@/lib/vocabulary/phases";
import { composeAnswers } from "@/prisma/seed/compose-contribution";
import { advanceReferenceSequence } from "@/prisma/seed/demo-contributions";
import type { SeededConsultation } from "@/prisma/seed/demo-consultations";
import {
  FORM_LETTER_ADDITIONS,
  FORM_LETTER_BODY,
  FORM_LETTER_TITLE,
  FORM_LETTER_UNCHANGED,
  FRENCH_DECLARED_ENGLISH,
  GERMAN_STATEMENT,
  JOINT_PAPER_COVER_NOTES,
  JOINT_PAPER_FILE_NAME,
  SCANNED_LETTER,
  UNIVERSITY_RESPONSE,
} from "@/prisma/seed/demo-reading-texts";
import { createRandom } from "@/prisma/seed/random";

// What issue 10 reads, in the demo: contributions whose substance is in an
// attached PDF, DOCX or ODT (one joint position paper filed by three
// associations, byte for byte the same file), a campaign of form letters
// (some with a sentence of their own), a French text declared English and
// a scanned letter with no text layer. The files are real documents in
// prisma/seed/documents (made by scripts/make-seed-documents.ts); their text
// is extracted by the same background job as an upload's.
//
// Reference numbers follow the demo's 300 (natural keys: a number already
// there is skipped, so the seed stays idempotent).

export const READING_CONSULTATION_SLUG = "ai-act-implementation-stakeholder-needs";
const FIRST_REFERENCE_NUMBER = 301;
const DOCUMENTS_DIR = path.join(process.cwd(), "prisma", "seed", "documents");

const MEDIA_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
} as const;

export type ReadingAuthors = {
  /** The contact of an organisation, by its name. */
  organisation(name: string): string;
  /** Citizens, in a fixed order. */
  citizens: readonly string[];
  moderators: readonly string[];
};

type PlannedReading = {
  /** Seeds the answers to the consultation's questions: the same seed, the same answers (a campaign's). */
  answersSeed: number;
  authorId: string;
  title: string;
  body: string;
  language: string;
  status: Extract<ContributionStatus, "APPROVED" | "PENDING">;
  fileName?: string;
};

function planReading(authors: ReadingAuthors): PlannedReading[] {
  const jointAuthors = ["European Digital SME Network", "Associazione Imprese del Software Italiane", "Nordic Tech Business Council"];
  const joint = JOINT_PAPER_COVER_NOTES.map(
    (note, index): PlannedReading => ({
      answersSeed: 1,
      authorId: authors.organisation(jointAuthors[index] ?? ""),
      ...note,
      language: "en",
      status: index === 2 ? "PENDING" : "APPROVED",
      fileName: JOINT_PAPER_FILE_NAME,
    }),
  );
  const letters = [...Array.from({ length: FORM_LETTER_UNCHANGED }, () => ""), ...FORM_LETTER_ADDITIONS].map((addition, index): PlannedReading => {
    const authorId = authors.citizens[index % authors.citizens.length];
    if (!authorId) throw new Error("The demo has no citizens for the form letters");
    return {
      answersSeed: 2,
      authorId,
      title: FORM_LETTER_TITLE,
      body: addition ? `${FORM_LETTER_BODY} ${addition}` : FORM_LETTER_BODY,
      language: "en",
      // Half of the campaign waits for a moderator: one group decision approves it.
      status: index % 2 === 0 ? "APPROVED" : "PENDING",
    };
  });
  return [
    ...joint,
    ...letters,
    {
      answersSeed: 3,
      authorId: authors.organisation("Helsinki Centre for Data Science Policy"),
      title: UNIVERSITY_RESPONSE.title,
      body: UNIVERSITY_RESPONSE.body,
      language: "en",
      status: "APPROVED",
      fileName: UNIVERSITY_RESPONSE.fileName,
    },
    {
      answersSeed: 4,
      authorId: authors.organisation("Gewerkschaft Digitale Arbeit"),
      title: GERMAN_STATEMENT.title,
      body: GERMAN_STATEMENT.body,
      language: "de",
      status: "APPROVED",
      fileName: GERMAN_STATEMENT.fileName,
    },
    {
      answersSeed: 5,
      authorId: authors.organisation("Observatoire citoyen du numérique"),
      ...FRENCH_DECLARED_ENGLISH,
      // The form's language was left on English.
      language: "en",
      status: "APPROVED",
    },
    {
      answersSeed: 6,
      authorId: authors.organisation("Consumer Voice Europe"),
      title: SCANNED_LETTER.title,
      body: SCANNED_LETTER.body,
      language: "en",
      status: "PENDING",
      fileName: SCANNED_LETTER.fileName,
    },
  ];
}

type StoredFile = { fileName: string; mediaType: string; size: number; sha256: string; storageKey: string };

async function storeDocument(fileName: string): Promise<StoredFile> {
  const extension = path.extname(fileName).slice(1) as keyof typeof MEDIA_TYPES;
  const mediaType = MEDIA_TYPES[extension];
  if (!mediaType) throw new Error(`No media type for demo document ${fileName}`);
  const bytes = await fs.readFile(path.join(DOCUMENTS_DIR, fileName));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const temp = await newTempPath();
  await fs.writeFile(temp, bytes);
  const storageKey = await commitToStore(temp, sha256);
  return { fileName, mediaType, size: bytes.length, sha256, storageKey };
}

/** Adds the reading demo's contributions that are missing: how many it added, of how many. */
export async function seedReadingDemo(
  db: PrismaClient,
  options: { consultations: readonly SeededConsultation[]; authors: ReadingAuthors; now: Date },
): Promise<{ created: number; total: number }> {
  const consultation = options.consultations.find((candidate) => candidate.slug === READING_CONSULTATION_SLUG);
  if (!consultation) throw new Error(`The demo has no consultation ${READING_CONSULTATION_SLUG}`);
  const plan = planReading(options.authors).map((planned, index) => ({ ...planned, referenceNumber: FIRST_REFERENCE_NUMBER + index }));
  const taken = new Set(
    (
      await db.contribution.findMany({ where: { referenceNumber: { in: plan.map((planned) => planned.referenceNumber) } }, select: { referenceNumber: true } })
    ).map((row) => row.referenceNumber),
  );
  const missing = plan.filter((planned) => !taken.has(planned.referenceNumber));
  if (missing.length === 0) return { created: 0, total: plan.length };

  const files = new Map<string, StoredFile>();
  for (const fileName of new Set(missing.flatMap((planned) => (planned.fileName ? [planned.fileName] : [])))) {
    files.set(fileName, await storeDocument(fileName));
  }

  // Spread over the hours before now, inside the consultation's window.
  const latest = Math.min(options.now.getTime(), consultation.closesAt.getTime()) - 60_000;
  const earliest = Math.max(consultation.opensAt.getTime(), latest - 14 * 24 * 60 * 60_000);
  const step = (latest - earliest) / plan.length;
  const [moderatorId] = options.authors.moderators;

  await db.$transaction(
    async (tx) => {
      for (const planned of missing) {
        const submittedAt = new Date(earliest + step * (planned.referenceNumber - FIRST_REFERENCE_NUMBER));
        const decidedAt = planned.status === "APPROVED" ? new Date(submittedAt.getTime() + 3 * 60 * 60_000) : null;
        const verdict = detectLanguage(`${planned.title}\n\n${planned.body}`, planned.language);
        const created = await tx.contribution.create({
          data: {
            referenceNumber: planned.referenceNumber,
            reference: formatContributionReference(planned.referenceNumber, submittedAt),
            consultationId: consultation.id,
            authorId: planned.authorId,
            phase: phaseAt(consultation.conference, submittedAt),
            title: planned.title,
            body: planned.body,
            answers: composeAnswers(createRandom(planned.answersSeed), consultation.questions, planned.language === "de" ? "de" : "en", "transparency"),
            language: planned.language,
            detectedLanguage: verdict.detected,
            languageConfident: verdict.confident,
            publication: "PUBLIC",
            status: planned.status,
            submittedAt,
            createdAt: submittedAt,
            decidedAt,
            awaitingSince: planned.status === "PENDING" ? submittedAt : null,
            moderationEvents: {
              create: [
                { action: "SUBMIT", actorId: planned.authorId, toStatus: "PENDING", createdAt: submittedAt },
                ...(decidedAt && moderatorId
                  ? [{ action: "APPROVE" as const, actorId: moderatorId, fromStatus: "PENDING" as const, toStatus: "APPROVED" as const, createdAt: decidedAt }]
                  : []),
              ],
            },
          },
          select: { id: true },
        });
        const file = planned.fileName ? files.get(planned.fileName) : undefined;
        if (file) {
          const attachment = await tx.attachment.create({
            data: { ...file, contributionId: created.id, uploaderId: planned.authorId, createdAt: submittedAt },
            select: { id: true },
          });
          await enqueueAttachmentText(attachment.id, { transaction: tx });
        }
      }
      await advanceReferenceSequence(tx);
    },
    { timeout: 60_000 },
  );
  return { created: missing.length, total: plan.length };
}
