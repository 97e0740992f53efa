import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as downloadRoute } from "@/app/api/attachments/[id]/route";
import { POST as uploadRoute } from "@/app/api/attachments/route";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { deleteMyUpload } from "@/lib/attachments/delete-my-upload";
import { MAX_ATTACHMENT_BYTES } from "@/lib/attachments/rules";
import { sweepUnattachedAttachments } from "@/lib/attachments/sweep-unattached-attachments";
import { MAX_UNATTACHED_UPLOADS } from "@/lib/attachments/upload-attachment";
import { docxDocument, MEDIA_TYPES, odtDocument, pdfDocument, plainZip, windowsExecutable } from "../fixtures/documents";
import { uploadFile, uploadOk } from "../helpers/attachment-uploads";
import { createTestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

const DAY = 24 * 60 * 60 * 1000;
const uploads = () => path.join(getEnv().dataDir, "uploads");
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const storedFile = (hash: string) => path.join(uploads(), hash.slice(0, 2), hash);

/** Every stored and temporary file, for "nothing was written" checks. */
function filesOnDisk(): string[] {
  if (!fs.existsSync(uploads())) return [];
  return (fs.readdirSync(uploads(), { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(uploads(), path.join(entry.parentPath, entry.name)))
    .sort();
}

async function snapshot() {
  return { rows: await db.attachment.findMany({ orderBy: { id: "asc" } }), files: filesOnDisk() };
}

async function download(id: string) {
  return downloadRoute(new Request(`http://localhost:3000/api/attachments/${id}`), { params: Promise.resolve({ id }) });
}

let participant: TestUser;
let stranger: TestUser;
let moderator: TestUser;
let admin: TestUser;
let sequence = 0;
/** A PDF with bytes of its own, so no two tests share a stored file by accident. */
const uniquePdf = () => pdfDocument(`Position paper number ${(sequence += 1)} of ${Date.now()}`);

beforeAll(async () => {
  [participant, stranger, moderator, admin] = await Promise.all([
    createTestUser(),
    createTestUser(),
    createTestUser({ role: "MODERATOR" }),
    createTestUser({ role: "ADMIN" }),
  ]);
});

beforeEach(() => signOut());

describe("POST /api/attachments", () => {
  it("refuses a visitor before reading the file, and writes nothing", async () => {
    const before = await snapshot();
    const { status, body } = await uploadFile(uniquePdf(), "paper.pdf", MEDIA_TYPES.pdf);
    expect(status).toBe(401);
    expect(body.error).toEqual({ code: "UNAUTHENTICATED", message: "Please sign in to continue." });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["a PDF", () => uniquePdf(), "Position paper.pdf", MEDIA_TYPES.pdf],
    ["an ODT", () => odtDocument(`ODT ${Date.now()}`), "Stellungnahme für die Konferenz.odt", MEDIA_TYPES.odt],
    ["a DOCX", () => docxDocument(`DOCX ${Date.now()}`), "提言書.docx", MEDIA_TYPES.docx],
  ])("stores %s under its SHA-256, records it as the uploader's and attached to nothing", async (_kind, make, fileName, mediaType) => {
    await signInAs(participant.id);
    const bytes = make();
    const { status, body } = await uploadFile(bytes, fileName);
    expect(status).toBe(201);
    expect(body).toEqual({ id: expect.any(String), fileName, size: bytes.length, mediaType });

    const row = await db.attachment.findUniqueOrThrow({ where: { id: body.id } });
    const hash = sha256(bytes);
    expect(row).toMatchObject({ uploaderId: participant.id, contributionId: null, sha256: hash, storageKey: `${hash.slice(0, 2)}/${hash}`, mediaType, size: bytes.length });
    expect(fs.readFileSync(storedFile(hash))).toEqual(bytes);
    // Outside anything served: DATA_DIR/uploads, not public/.
    expect(storedFile(hash).startsWith(path.join(getEnv().dataDir, "uploads"))).toBe(true);
    expect(fs.readdirSync(path.join(uploads(), ".tmp"))).toEqual([]);
  });

  it("takes the type from the bytes, not from the name or the browser", async () => {
    await signInAs(participant.id);
    const { status, body } = await uploadFile(uniquePdf(), "really a word file.docx", MEDIA_TYPES.docx);
    expect(status).toBe(201);
    expect(body).toMatchObject({ mediaType: MEDIA_TYPES.pdf, fileName: "really a word file.pdf" });
  });

  it("stores the same file once, however often it is uploaded", async () => {
    await signInAs(participant.id);
    const bytes = uniquePdf();
    const first = await uploadOk(bytes, "a.pdf");
    const second = await uploadOk(bytes, "b.pdf");
    expect(first).not.toBe(second);
    const hash = sha256(bytes);
    expect(filesOnDisk().filter((file) => file.endsWith(hash))).toEqual([`${hash.slice(0, 2)}/${hash}`]);
  });

  it.each([
    ["a Windows program renamed .pdf", () => windowsExecutable(), "setup.pdf", MEDIA_TYPES.pdf],
    ["a plain zip renamed .docx", () => plainZip(), "report.docx", MEDIA_TYPES.docx],
    ["a text file renamed .odt", () => Buffer.from("Just text, not a document.\n"), "notes.odt", MEDIA_TYPES.odt],
    ["an HTML page renamed .pdf", () => Buffer.from("<!doctype html><script>alert(1)</script>"), "page.pdf", MEDIA_TYPES.pdf],
  ])("refuses %s with a message naming the file, and writes nothing", async (_kind, make, fileName, clientType) => {
    await signInAs(participant.id);
    const before = await snapshot();
    const { status, body } = await uploadFile(make(), fileName, clientType);
    expect(status).toBe(422);
    expect(body.error).toMatchObject({ code: "VALIDATION", message: `“${fileName}” is not a PDF, ODT or DOCX file. Only these formats can be attached.` });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an 11 MB file with 413 and a message, keeping none of it", async () => {
    await signInAs(participant.id);
    const before = await snapshot();
    const big = Buffer.concat([pdfDocument(), Buffer.alloc(11 * 1024 * 1024)]);
    const { status, body } = await uploadFile(big, "annex.pdf");
    expect(status).toBe(413);
    // This body reaches the server in one piece, cut off before its part headers are read.
    expect(body.error).toEqual({
      code: "PAYLOAD_TOO_LARGE",
      message: "This file is larger than 10 MB. Please attach a smaller file.",
      fieldErrors: { file: ["This file is larger than 10 MB. Please attach a smaller file."] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("accepts a file of exactly 10 MB", async () => {
    await signInAs(participant.id);
    const head = uniquePdf();
    const exact = Buffer.concat([head, Buffer.alloc(MAX_ATTACHMENT_BYTES - head.length)]);
    const { status, body } = await uploadFile(exact, "annex.pdf");
    expect(status).toBe(201);
    expect(body.size).toBe(MAX_ATTACHMENT_BYTES);
  });

  it("refuses a body announced larger than the limit without reading it", async () => {
    await signInAs(participant.id);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request("http://localhost:3000/api/attachments", {
      method: "POST",
      body: endless,
      duplex: "half",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(50 * 1024 * 1024) },
    } as RequestInit);
    const response = await uploadRoute(request);
    expect(response.status).toBe(413);
    // The stream's first pull happens when it is created; nothing more was asked for.
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("stops reading a body that keeps coming without a length, soon after the limit", async () => {
    await signInAs(participant.id);
    const before = await snapshot();
    let sent = 0;
    const boundary = "----agora-test";
    const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`);
    const endless = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
      },
      pull(controller) {
        sent += 256 * 1024;
        controller.enqueue(new Uint8Array(256 * 1024));
      },
    });
    const request = new Request("http://localhost:3000/api/attachments", {
      method: "POST",
      body: endless,
      duplex: "half",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    } as RequestInit);
    const response = await uploadRoute(request);
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toBe("“huge.pdf” is larger than 10 MB. Please attach a smaller file.");
    expect(sent).toBeLessThan(MAX_ATTACHMENT_BYTES + 2 * 1024 * 1024);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an empty file, a request without a file and one that is not multipart", async () => {
    await signInAs(participant.id);
    const before = await snapshot();
    expect(await uploadFile(Buffer.alloc(0), "empty.pdf")).toMatchObject({ status: 422, body: { error: { message: "“empty.pdf” is empty." } } });

    const noFile = new FormData();
    noFile.append("comment", "no file here");
    const withoutFile = await uploadRoute(new Request("http://localhost:3000/api/attachments", { method: "POST", body: noFile }));
    expect(withoutFile.status).toBe(422);
    expect((await withoutFile.json()).error.message).toBe("Please choose a file to attach.");

    const json = await uploadRoute(
      new Request("http://localhost:3000/api/attachments", { method: "POST", body: JSON.stringify({ file: "x" }), headers: { "content-type": "application/json" } }),
    );
    expect(json.status).toBe(422);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a request a browser marks as coming from another site", async () => {
    await signInAs(participant.id);
    const before = await snapshot();
    const { status } = await uploadFile(uniquePdf(), "paper.pdf", MEDIA_TYPES.pdf, { "sec-fetch-site": "cross-site" });
    expect(status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it(`refuses more than ${MAX_UNATTACHED_UPLOADS} files waiting to be attached`, async () => {
    const hoarder = await createTestUser();
    await signInAs(hoarder.id);
    for (let index = 0; index < MAX_UNATTACHED_UPLOADS; index += 1) await uploadOk(uniquePdf(), `paper-${index}.pdf`);
    const before = await snapshot();
    const { status, body } = await uploadFile(uniquePdf(), "one-more.pdf");
    expect(status).toBe(429);
    expect(body.error?.message).toMatch(/^You have uploaded many files that are not attached/);
    expect(await snapshot()).toEqual(before);
  });

  it("keeps the limit when many uploads arrive at once", async () => {
    const hoarder = await createTestUser();
    await signInAs(hoarder.id);
    const results = await Promise.all(
      Array.from({ length: MAX_UNATTACHED_UPLOADS + 6 }, (_, index) => uploadFile(uniquePdf(), `burst-${index}.pdf`)),
    );
    expect(results.filter((result) => result.status === 201 || result.status === 200)).toHaveLength(MAX_UNATTACHED_UPLOADS);
    expect(results.filter((result) => result.status === 429)).toHaveLength(6);
    expect(await db.attachment.count({ where: { uploaderId: hoarder.id } })).toBe(MAX_UNATTACHED_UPLOADS);
  });
});

describe("GET /api/attachments/[id]", () => {
  let consultationId: string;

  beforeAll(async () => {
    consultationId = (await createTestConsultation()).id;
  });

  async function attachedTo(status: "PENDING" | "APPROVED" | "REJECTED" | "HIDDEN" | "WITHDRAWN") {
    await signInAs(participant.id);
    const bytes = uniquePdf();
    const id = await uploadOk(bytes, 'Annex <1> & "quotes".pdf');
    const contribution = await db.contribution.create({
      data: {
        reference: `AGR-2026-${String(900_000 + (sequence += 1)).padStart(6, "0")}`,
        consultationId,
        authorId: participant.id,
        phase: "BEFORE",
        title: "Attached",
        body: "A contribution with a file.",
        language: "en",
        publication: "PUBLIC",
        status,
      },
    });
    await db.attachment.update({ where: { id }, data: { contributionId: contribution.id } });
    signOut();
    return { id, bytes };
  }

  it("serves the author's file as a download of its sniffed type, never to be rendered", async () => {
    const { id, bytes } = await attachedTo("PENDING");
    await signInAs(participant.id);
    const response = await download(id);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": MEDIA_TYPES.pdf,
      "content-length": String(bytes.length),
      "content-disposition": `attachment; filename="Annex <1> & _quotes_.pdf"; filename*=UTF-8''Annex%20%3C1%3E%20%26%20%22quotes%22.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it("answers 404 to a visitor and to other participants for a pending contribution's file, as for no file at all", async () => {
    const { id } = await attachedTo("PENDING");
    const visitor = await download(id);
    expect(visitor.status).toBe(404);
    const missing = await download("clxxxxxxxxxxxxxxxxxxxxxxx");
    expect(await visitor.json()).toEqual(await missing.json());
    await signInAs(stranger.id);
    expect((await download(id)).status).toBe(404);
  });

  it.each(["REJECTED", "HIDDEN", "WITHDRAWN"] as const)("keeps a %s contribution's file from visitors and other participants", async (status) => {
    const { id } = await attachedTo(status);
    expect((await download(id)).status).toBe(404);
    await signInAs(stranger.id);
    expect((await download(id)).status).toBe(404);
    await signInAs(participant.id);
    expect((await download(id)).status).toBe(200);
  });

  it("lets moderators and administrators read any contribution's file", async () => {
    const { id } = await attachedTo("PENDING");
    for (const user of [moderator, admin]) {
      await signInAs(user.id);
      expect((await download(id)).status).toBe(200);
    }
  });

  it("serves an approved contribution's file to everyone", async () => {
    const { id, bytes } = await attachedTo("APPROVED");
    const response = await download(id);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it("keeps a file not attached yet to its uploader, moderators included", async () => {
    await signInAs(participant.id);
    const id = await uploadOk(uniquePdf(), "draft.pdf");
    expect((await download(id)).status).toBe(200);
    for (const user of [stranger, moderator, admin]) {
      await signInAs(user.id);
      expect((await download(id)).status).toBe(404);
    }
    signOut();
    expect((await download(id)).status).toBe(404);
  });

  it("answers 404 to malformed ids", async () => {
    for (const id of ["../../etc/passwd", "x", "' OR 1=1 --"]) expect((await download(id)).status).toBe(404);
  });
});

describe("deleteMyUpload", () => {
  it("deletes the caller's own file that is not attached yet", async () => {
    await signInAs(participant.id);
    const id = await uploadOk(uniquePdf(), "mistake.pdf");
    await deleteMyUpload({ attachmentId: id });
    expect(await db.attachment.findUnique({ where: { id } })).toBeNull();
  });

  it("refuses a visitor, another participant and a moderator, and nothing changes", async () => {
    await signInAs(participant.id);
    const id = await uploadOk(uniquePdf(), "mine.pdf");
    const before = await snapshot();
    signOut();
    await expect(deleteMyUpload({ attachmentId: id })).rejects.toMatchObject({ status: 401 });
    for (const user of [stranger, moderator]) {
      await signInAs(user.id);
      await expect(deleteMyUpload({ attachmentId: id })).rejects.toMatchObject({ status: 404, code: "NOT_FOUND" });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("sweepUnattachedAttachments", () => {
  it("removes old unattached files nobody's draft lists, and only those", async () => {
    const owner = await createTestUser();
    await signInAs(owner.id);
    const consultation = await createTestConsultation();
    const upload = (text: string) => uploadOk(pdfDocument(`${text} ${Date.now()}`), `${text}.pdf`);
    const oldLoose = await upload("old loose");
    const oldInDraft = await upload("old in draft");
    const oldAttached = await upload("old attached");
    const young = await upload("young");
    const sharedBytes = pdfDocument(`shared ${Date.now()}`);
    const sharedOld = await uploadOk(sharedBytes, "shared-old.pdf");
    const sharedYoung = await uploadOk(sharedBytes, "shared-young.pdf");

    const contribution = await db.contribution.create({
      data: { reference: `AGR-2026-${String(800_000 + (sequence += 1))}`, consultationId: consultation.id, authorId: owner.id, phase: "BEFORE", title: "T", body: "B", language: "en", publication: "PUBLIC" },
    });
    await db.attachment.update({ where: { id: oldAttached }, data: { contributionId: contribution.id } });
    await db.contributionDraft.create({ data: { userId: owner.id, consultationId: consultation.id, data: { title: "", body: "", attachmentIds: [oldInDraft] } } });

    // Two days old: the rows and their files.
    const twoDaysAgo = new Date(Date.now() - 2 * DAY);
    await db.attachment.updateMany({ where: { id: { in: [oldLoose, oldInDraft, oldAttached, sharedOld] } }, data: { createdAt: twoDaysAgo } });
    const rows = await db.attachment.findMany({ where: { uploaderId: owner.id }, select: { id: true, storageKey: true } });
    const keyOf = (id: string) => rows.find((row) => row.id === id)?.storageKey ?? "";
    for (const id of [oldLoose, oldInDraft, oldAttached]) fs.utimesSync(path.join(uploads(), keyOf(id)), twoDaysAgo, twoDaysAgo);
    fs.utimesSync(path.join(uploads(), keyOf(sharedOld)), twoDaysAgo, twoDaysAgo);
    // A crashed upload's leftovers: an unfinished temporary file and a stored file without a row.
    fs.writeFileSync(path.join(uploads(), ".tmp", "crashed.part"), "half a file");
    fs.utimesSync(path.join(uploads(), ".tmp", "crashed.part"), twoDaysAgo, twoDaysAgo);
    const orphanHash = sha256(Buffer.from("orphan"));
    fs.mkdirSync(path.dirname(storedFile(orphanHash)), { recursive: true });
    fs.writeFileSync(storedFile(orphanHash), "orphan");
    fs.utimesSync(storedFile(orphanHash), twoDaysAgo, twoDaysAgo);

    const report = await sweepUnattachedAttachments();
    expect(report.attachments).toBeGreaterThanOrEqual(2);
    const left = new Set((await db.attachment.findMany({ where: { uploaderId: owner.id }, select: { id: true } })).map((row) => row.id));
    expect([...left].sort()).toEqual([oldInDraft, oldAttached, young, sharedYoung].sort());
    expect(fs.existsSync(path.join(uploads(), keyOf(oldLoose)))).toBe(false);
    for (const id of [oldInDraft, oldAttached, young]) expect(fs.existsSync(path.join(uploads(), keyOf(id)))).toBe(true);
    // Still used by the young row with the same bytes.
    expect(fs.existsSync(path.join(uploads(), keyOf(sharedOld)))).toBe(true);
    expect(fs.existsSync(storedFile(orphanHash))).toBe(false);
    expect(fs.existsSync(path.join(uploads(), ".tmp", "crashed.part"))).toBe(false);

    // Nothing more to do the second time.
    const again = await sweepUnattachedAttachments();
    expect(again).toMatchObject({ files: 0, tempFiles: 0 });
  });
});
