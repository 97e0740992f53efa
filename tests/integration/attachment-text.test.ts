import { createHash } from "node:crypto";
import fs from "node:fs";
import { PDFDocument } from "pdf-lib";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { commitToStore, newTempPath } from "@/lib/attachments/storage";
import { attachmentTextJobKey, enqueueAttachmentText } from "@/lib/attachments/text/attachment-text-job";
import { countFinishedAttachmentText, enqueueAttachmentTextBackfill, runAttachmentTextJobs, summariseAttachmentText } from "@/lib/attachments/text/backfill-attachment-text";
import { alignAttachmentLanguage } from "@/lib/attachments/text/extract-attachment-text";
import { findAttachmentTexts } from "@/lib/attachments/text/find-attachment-texts";
import { runDueJobs } from "@/lib/jobs/run-due-jobs";
import { fingerprintAndGroup } from "@/lib/similarity/fingerprint-and-group";
import { jobHandlers } from "@/lib/worker/job-handlers";
import { startWorker } from "@/lib/worker/start-worker";
import { DOCUMENT_TYPES, FIXTURES_DIR, manyPagePdf, oneLinePdf, PAGE_TWO_PHRASE } from "@/scripts/make-document-fixtures";
import { pdfDocument } from "../fixtures/documents";
import { uploadOk } from "../helpers/attachment-uploads";
import { createTestConsultation } from "../helpers/content-factories";
import { createTestContribution } from "../helpers/contribution-factory";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

// The "attachment-text" job end to end on a real database and real files:
// enqueued with the upload, run by the worker's job runner, every outcome
// recorded on the attachment with its pages; bad files never stop the next
// job.

const fixture = (name: string) => fs.readFileSync(`${FIXTURES_DIR}/${name}`);
const { pdf, docx, odt } = DOCUMENT_TYPES;

let participant: TestUser;
let moderator: TestUser;
let consultationId: string;

beforeAll(async () => {
  [participant, moderator] = await Promise.all([createTestUser(), createTestUser({ role: "MODERATOR" })]);
  consultationId = (await createTestConsultation()).id;
});

beforeEach(() => signOut());

/** Stores bytes as an attachment row of the given (sniffed) type, as an upload would, and enqueues its reading. */
async function storedAttachment(bytes: Buffer, fileName: string, mediaType: string, contributionId: string | null = null): Promise<string> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const temp = await newTempPath();
  fs.writeFileSync(temp, bytes);
  const storageKey = await commitToStore(temp, sha256);
  return db.$transaction(async (tx) => {
    const { id } = await tx.attachment.create({
      data: { uploaderId: participant.id, contributionId, fileName, mediaType, size: bytes.length, sha256, storageKey },
      select: { id: true },
    });
    await enqueueAttachmentText(id, { transaction: tx });
    return id;
  });
}

const attachment = (id: string) =>
  db.attachment.findUniqueOrThrow({
    where: { id },
    select: { textStatus: true, textMessage: true, pageCount: true, textChars: true, textTruncated: true, textExtractedAt: true, detectedLanguage: true, languageConfident: true },
  });
const pages = (attachmentId: string) => db.attachmentPage.findMany({ where: { attachmentId }, orderBy: { pageNumber: "asc" }, select: { pageNumber: true, text: true, language: true } });

describe("the attachment-text job", () => {
  it("is enqueued with the upload and reads the PDF page by page into AttachmentPage", async () => {
    await signInAs(participant.id);
    const id = await uploadOk(fixture("two-pages.pdf"), "position-paper.pdf");
    expect(await db.job.findUniqueOrThrow({ where: { dedupeKey: attachmentTextJobKey(id) } })).toMatchObject({ kind: "attachment-text", status: "PENDING", payload: { attachmentId: id } });
    expect(await attachment(id)).toMatchObject({ textStatus: "PENDING", pageCount: null });

    expect(await runDueJobs({ handlers: jobHandlers })).toMatchObject({ done: 1, failed: 0 });

    const row = await attachment(id);
    expect(row).toMatchObject({ textStatus: "EXTRACTED", textMessage: null, pageCount: 2, textTruncated: false, detectedLanguage: "en", languageConfident: true });
    expect(row.textExtractedAt).toBeInstanceOf(Date);
    const stored = await pages(id);
    expect(stored.map((page) => page.pageNumber)).toEqual([1, 2]);
    expect(stored[1]?.text).toContain(PAGE_TWO_PHRASE);
    expect(stored[0]?.text).not.toContain(PAGE_TWO_PHRASE);
    expect(stored.every((page) => page.language === "en")).toBe(true);
    expect(row.textChars).toBe(stored.reduce((sum, page) => sum + page.text.length, 0));
    expect(await db.job.findUniqueOrThrow({ where: { dedupeKey: attachmentTextJobKey(id) } })).toMatchObject({ status: "DONE", attempts: 1, progressDone: 2, progressTotal: 2 });

    // The page is searchable in its language.
    const [hit] = await db.$queryRaw<{ pageNumber: number }[]>`
      SELECT "pageNumber" FROM "AttachmentPage" WHERE "attachmentId" = ${id} AND "searchVector" @@ plainto_tsquery('english', 'municipal sandboxes')`;
    expect(hit?.pageNumber).toBe(2);
  });

  it("groups the contribution again once its file's text is read: two cover notes, one paper", async () => {
    const paper = fs.readFileSync("prisma/seed/documents/joint-position-paper-ai-act.pdf");
    const notes = ["Please see the attached paper of our association.", "We support the attached position paper, as filed by our partners."];
    const contributions = await Promise.all(notes.map((body) => createTestContribution({ authorId: participant.id, consultationId, body, status: "PENDING" })));
    // The same text in two files that are not the same bytes: only the text can tell.
    const copy = await PDFDocument.load(paper);
    copy.setTitle("Saved again");
    const files = [paper, Buffer.from(await copy.save())];
    for (const [index, contribution] of contributions.entries()) {
      await fingerprintAndGroup(contribution.id);
      await storedAttachment(files[index] ?? paper, `paper-${index}.pdf`, pdf, contribution.id);
    }
    const groups = () => db.contribution.findMany({ where: { id: { in: contributions.map((contribution) => contribution.id) } }, select: { similarityGroupId: true } });
    expect((await groups()).map((row) => row.similarityGroupId)).toEqual([null, null]);

    await runDueJobs({ handlers: jobHandlers });
    const [first, second] = await groups();
    expect(first?.similarityGroupId).toBeTruthy();
    expect(second?.similarityGroupId).toBe(first?.similarityGroupId);
  });

  it("records every bad input with its status and message, and goes on with the next job each time", async () => {
    const cases: { name: string; bytes: Buffer; mediaType: string; status: string; message: RegExp | null; pageCount?: number | null }[] = [
      { name: "encrypted.pdf", bytes: fixture("encrypted.pdf"), mediaType: pdf, status: "ENCRYPTED", message: /^The file is encrypted \(password-protected\)/ },
      { name: "good-1.docx", bytes: fixture("position-paper.docx"), mediaType: docx, status: "EXTRACTED", message: null, pageCount: 2 },
      { name: "scanned.pdf", bytes: fixture("scanned.pdf"), mediaType: pdf, status: "NO_TEXT", message: /^No text layer: this looks like a scanned document/, pageCount: 2 },
      { name: "javascript.pdf", bytes: fixture("javascript.pdf"), mediaType: pdf, status: "EXTRACTED", message: /^The file contains JavaScript, which was not run\.$/, pageCount: 1 },
      { name: "damaged.pdf", bytes: fixture("damaged.pdf"), mediaType: pdf, status: "DAMAGED", message: /^The file is damaged or not a valid PDF/ },
      { name: "zip-bomb.docx", bytes: fixture("zip-bomb.docx"), mediaType: docx, status: "TOO_LARGE", message: /zip bomb/ },
      { name: "good-2.odt", bytes: fixture("position-paper.odt"), mediaType: odt, status: "EXTRACTED", message: null, pageCount: 2 },
      { name: "declared-bomb.docx", bytes: fixture("declared-bomb.docx"), mediaType: docx, status: "TOO_LARGE", message: /^The file unpacks to 2,048 MB/ },
      { name: "contract.pdf", bytes: fixture("really-a-docx.pdf"), mediaType: docx, status: "EXTRACTED", message: null, pageCount: 1 },
      { name: "notes.pdf", bytes: fixture("plain-text.pdf"), mediaType: pdf, status: "DAMAGED", message: /not a valid PDF/ },
      { name: "notes.txt", bytes: Buffer.from("plain words"), mediaType: "text/plain", status: "UNSUPPORTED", message: /^Text is read from PDF, DOCX and ODT files only/ },
      { name: "annex.pdf", bytes: await manyPagePdf(5_000), mediaType: pdf, status: "EXTRACTED", message: /^Only the first 2,000 of 5,000 pages were read\.$/, pageCount: 5_000 },
      { name: "one-line.pdf", bytes: oneLinePdf(10 * 1024 * 1024), mediaType: pdf, status: "EXTRACTED", message: /^A page longer than 200,000 characters was cut/, pageCount: 1 },
      { name: "good-3.pdf", bytes: fixture("two-pages.pdf"), mediaType: pdf, status: "EXTRACTED", message: null, pageCount: 2 },
    ];
    const ids: string[] = [];
    for (const item of cases) ids.push(await storedAttachment(item.bytes, item.name, item.mediaType));

    const report = await runDueJobs({ handlers: jobHandlers, limit: 100 });
    expect(report).toEqual({ done: cases.length, retrying: 0, failed: 0, released: 0 });

    for (const [index, item] of cases.entries()) {
      const row = await attachment(ids[index] ?? "");
      expect({ name: item.name, status: row.textStatus }).toEqual({ name: item.name, status: item.status });
      if (item.message) expect(row.textMessage).toMatch(item.message);
      else expect(row.textMessage).toBeNull();
      if (item.pageCount !== undefined) expect(row.pageCount).toBe(item.pageCount);
      expect(row.textExtractedAt).toBeInstanceOf(Date);
    }
    const [annex, oneLine] = [ids.at(-3) ?? "", ids.at(-2) ?? ""];
    expect(await db.attachmentPage.count({ where: { attachmentId: annex } })).toBe(2_000);
    expect(await attachment(annex)).toMatchObject({ textTruncated: true });
    const [line] = await pages(oneLine);
    expect(line?.text).toHaveLength(200_000);
    expect(await attachment(oneLine)).toMatchObject({ textTruncated: true, textChars: 200_000 });
  }, 240_000);

  it("copies the outcome of a file with the same bytes instead of reading it again, unless asked to read again", async () => {
    const bytes = pdfDocument("A joint position paper filed by three organisations about conformity assessment for small companies.");
    const first = await storedAttachment(bytes, "joint-1.pdf", pdf);
    await runDueJobs({ handlers: jobHandlers });
    const second = await storedAttachment(bytes, "joint-2.pdf", pdf);
    const started = Date.now();
    await runDueJobs({ handlers: jobHandlers });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await attachment(second)).toMatchObject({ textStatus: "EXTRACTED", pageCount: 1 });
    expect(await pages(second)).toEqual(await pages(first));

    // Read again (the backfill's --force): the page is replaced, not doubled.
    await enqueueAttachmentText(second, { again: true, force: true });
    expect(await db.job.findUniqueOrThrow({ where: { dedupeKey: attachmentTextJobKey(second) } })).toMatchObject({ status: "PENDING", payload: { attachmentId: second, reuse: false } });
    await runDueJobs({ handlers: jobHandlers });
    expect(await pages(second)).toEqual(await pages(first));
  });

  it("searches an unattached file's pages in the detector's language when it is sure, and in the contribution's once attached when not", async () => {
    const contribution = await createTestContribution({ authorId: participant.id, consultationId, language: "fr" });
    const short = await storedAttachment(pdfDocument("Note brève"), "note.pdf", pdf);
    const long = await storedAttachment(fixture("two-pages.pdf"), "paper.pdf", pdf);
    await runDueJobs({ handlers: jobHandlers });
    expect(await attachment(short)).toMatchObject({ textStatus: "EXTRACTED", detectedLanguage: null, languageConfident: false });
    expect((await pages(short))[0]?.language).toBe("und");
    expect((await pages(long))[0]?.language).toBe("en");

    // What a submission does in its transaction: attach, then align.
    const aligned = await db.$transaction(async (tx) => {
      await tx.attachment.updateMany({ where: { id: { in: [short, long] } }, data: { contributionId: contribution.id } });
      return alignAttachmentLanguage(contribution.id, tx);
    });
    expect(aligned).toBe(1);
    expect((await pages(short))[0]?.language).toBe("fr");
    expect((await pages(long)).map((page) => page.language)).toEqual(["en", "en"]);

    // Read once attached: the contribution's language from the start.
    const attached = await storedAttachment(pdfDocument("Autre note"), "autre.pdf", pdf, contribution.id);
    await runDueJobs({ handlers: jobHandlers });
    expect((await pages(attached))[0]?.language).toBe("fr");
  });

  it("finishes the job of an attachment deleted before it was read", async () => {
    const id = await storedAttachment(pdfDocument("Soon gone"), "gone.pdf", pdf);
    await db.attachment.delete({ where: { id } });
    expect(await runDueJobs({ handlers: jobHandlers })).toMatchObject({ done: 1, failed: 0 });
  });

  it("is run by the worker loop, which logs its batch", async () => {
    const id = await storedAttachment(fixture("position-paper.odt"), "worker.odt", odt);
    const lines: string[] = [];
    const worker = startWorker({ pollMs: 50, sweepEveryMs: 60 * 60_000, logger: { info: (line) => lines.push(line), error: (line) => lines.push(line) } });
    try {
      await vi.waitFor(async () => expect((await attachment(id)).textStatus).toBe("EXTRACTED"), { timeout: 30_000, interval: 100 });
      await vi.waitFor(() => expect(lines).toContain("[worker] job batch: 1 done, 0 to retry, 0 given up"), { timeout: 5_000 });
    } finally {
      await worker.stop();
    }
  });
});

describe("findAttachmentTexts", () => {
  it("refuses visitors and participants, and shows moderators each file's outcome and pages", async () => {
    const contribution = await createTestContribution({ authorId: participant.id, consultationId });
    const good = await storedAttachment(fixture("two-pages.pdf"), "a-paper.pdf", pdf, contribution.id);
    const scanned = await storedAttachment(fixture("scanned.pdf"), "b-scan.pdf", pdf, contribution.id);
    const waiting = await storedAttachment(pdfDocument("Still waiting"), "c-waiting.pdf", pdf, contribution.id);
    await db.job.update({ where: { dedupeKey: attachmentTextJobKey(waiting) }, data: { runAfter: new Date(Date.now() + 60 * 60_000) } });
    await runDueJobs({ handlers: jobHandlers });

    await expect(findAttachmentTexts(contribution.id)).rejects.toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    await signInAs(participant.id);
    await expect(findAttachmentTexts(contribution.id)).rejects.toMatchObject({ status: 403, code: "FORBIDDEN" });

    await signInAs(moderator.id);
    const texts = await findAttachmentTexts(contribution.id);
    expect(texts.map((text) => [text.id, text.textStatus])).toEqual([
      [good, "EXTRACTED"],
      [scanned, "NO_TEXT"],
      [waiting, "PENDING"],
    ]);
    expect(texts[0]?.pages.map((page) => page.pageNumber)).toEqual([1, 2]);
    expect(texts[0]?.pages[1]?.text).toContain(PAGE_TWO_PHRASE);
    expect(texts[1]).toMatchObject({ pages: [], storedPages: 0, pageCount: 2, textMessage: expect.stringMatching(/^No text layer/) });
    expect(texts[2]?.job).toMatchObject({ status: "PENDING", attempts: 0 });
  });
});

// Last: --force queues every attachment of the file again.
describe("the backfill (npm run attachments:extract)", () => {
  it("reads the attachments without text, then, with --force, every attachment again", async () => {
    // Leave this file's earlier attachments finished, so that only the ones below lack text.
    await runDueJobs({ handlers: jobHandlers, limit: 100 });
    const fresh = await storedAttachment(pdfDocument(`Stored before extraction existed ${Date.now()}`), "old.pdf", pdf);
    const timedOut = await storedAttachment(fixture("scanned.pdf"), "slow.pdf", pdf);
    await runDueJobs({ handlers: jobHandlers });
    await db.job.deleteMany({ where: { dedupeKey: attachmentTextJobKey(fresh) } });
    await db.attachment.update({ where: { id: fresh }, data: { textStatus: "PENDING" } });
    await db.attachment.update({ where: { id: timedOut }, data: { textStatus: "TIMED_OUT" } });

    // Besides these two, the one an earlier test left waiting for its (later) turn.
    const ids = await enqueueAttachmentTextBackfill();
    const mine = [fresh, timedOut];
    expect(ids).toEqual(expect.arrayContaining(mine));
    const others = ids.filter((id) => !mine.includes(id));
    expect(await db.attachment.count({ where: { id: { in: others }, textStatus: { notIn: ["PENDING", "TIMED_OUT"] } } })).toBe(0);
    expect(await countFinishedAttachmentText(mine)).toBe(0);
    while ((await runAttachmentTextJobs()).done > 0);
    expect(await countFinishedAttachmentText(mine)).toBe(2);
    expect(await summariseAttachmentText(mine)).toEqual(expect.arrayContaining([{ status: "EXTRACTED", count: 1 }, { status: "NO_TEXT", count: 1 }]));
    expect(await enqueueAttachmentTextBackfill()).toEqual(others);

    const all = await enqueueAttachmentTextBackfill({ force: true });
    expect(all.length).toBe(await db.attachment.count());
    expect(await db.job.findUniqueOrThrow({ where: { dedupeKey: attachmentTextJobKey(fresh) } })).toMatchObject({ status: "PENDING", payload: { attachmentId: fresh, reuse: false } });
  }, 120_000);
});
