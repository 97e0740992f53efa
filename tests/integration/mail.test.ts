import fs from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { deliverPendingEmails, MAX_ATTEMPTS, retryDelayMs } from "@/lib/mail/deliver-pending-emails";
import { createMailTransport } from "@/lib/mail/transport";

// A real SMTP server in this process. SMTP_URL must point at it before the
// first getEnv() of this file (lib/env.ts parses once).
const received: ParsedMail[] = [];
let refuse = false;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onMailFrom(_address, _session, callback) {
    if (refuse) return callback(Object.assign(new Error("Mailbox temporarily unavailable"), { responseCode: 451 }));
    callback();
  },
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        received.push(mail);
        callback();
      })
      .catch(callback);
  },
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let counter = 0;
async function enqueue(overrides: { to?: string; subject?: string } = {}) {
  counter += 1;
  const email = { dedupeKey: `test:${counter}`, to: overrides.to ?? `reader${counter}@example.org`, subject: overrides.subject ?? `Message ${counter}`, text: `Body of message ${counter}` };
  await db.$transaction((tx) => enqueueEmail(tx, email));
  return email;
}

async function outboxRow(dedupeKey: string) {
  return db.emailOutbox.findUniqueOrThrow({ where: { dedupeKey } });
}

beforeEach(async () => {
  received.length = 0;
  refuse = false;
  await db.emailOutbox.deleteMany();
});

describe("e-mail outbox", () => {
  it("delivers a pending e-mail to the SMTP server and marks it sent", async () => {
    expect(getEnv().smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    const email = await enqueue({ to: "kenji@example.jp", subject: "Confirm your address" });
    await expect(deliverPendingEmails()).resolves.toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail?.subject).toBe("Confirm your address");
    expect(mail?.text?.trim()).toBe(email.text);
    expect(mail?.from?.value).toEqual([{ name: "Agora", address: "no-reply@agora.localhost" }]);
    expect(mail?.to).toMatchObject({ text: "kenji@example.jp" });
    const row = await outboxRow(email.dedupeKey);
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);

    // Nothing left to do: a second run sends nothing again.
    await expect(deliverPendingEmails()).resolves.toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
  });

  it("enqueues each dedupe key once, and only if the caller's transaction commits", async () => {
    const email = await enqueue();
    await db.$transaction((tx) => enqueueEmail(tx, { ...email, subject: "A second copy" }));
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, { dedupeKey: "rolled-back", to: "x@example.org", subject: "Never", text: "Never" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.emailOutbox.findMany({ select: { dedupeKey: true, subject: true } })).toEqual([{ dedupeKey: email.dedupeKey, subject: email.subject }]);
  });

  it("retries with exponential back-off while the server refuses, then delivers", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const email = await enqueue();
    const start = new Date();
    refuse = true;

    await expect(deliverPendingEmails({ now: start })).resolves.toEqual({ sent: 0, retrying: 1, failed: 0 });
    let row = await outboxRow(email.dedupeKey);
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
    expect(row.lastError).toMatch(/Mailbox temporarily unavailable/);
    expect(row.nextAttemptAt.getTime()).toBe(start.getTime() + retryDelayMs(1));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("attempt 1 of 8"));

    // Not due yet: nothing is tried before the back-off has passed.
    await expect(deliverPendingEmails({ now: new Date(start.getTime() + retryDelayMs(1) - 1000) })).resolves.toEqual({ sent: 0, retrying: 0, failed: 0 });

    const second = new Date(start.getTime() + retryDelayMs(1));
    await expect(deliverPendingEmails({ now: second })).resolves.toEqual({ sent: 0, retrying: 1, failed: 0 });
    row = await outboxRow(email.dedupeKey);
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt.getTime()).toBe(second.getTime() + retryDelayMs(2));
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));

    refuse = false;
    await expect(deliverPendingEmails({ now: row.nextAttemptAt })).resolves.toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await outboxRow(email.dedupeKey)).toMatchObject({ status: "SENT", attempts: 3 });
    expect(received.map((mail) => mail.subject)).toEqual([email.subject]);
    warn.mockRestore();
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts and marks the e-mail failed`, async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const email = await enqueue();
    refuse = true;
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const report = await deliverPendingEmails({ now });
      expect(report).toEqual(attempt < MAX_ATTEMPTS ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 });
      now = (await outboxRow(email.dedupeKey)).nextAttemptAt;
    }
    expect(await outboxRow(email.dedupeKey)).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    await expect(deliverPendingEmails({ now: new Date(now.getTime() + 365 * 86_400_000) })).resolves.toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(warn).toHaveBeenLastCalledWith(expect.stringContaining("giving up"));
    warn.mockRestore();
  });

  it("sends each e-mail once when several deliveries run at the same time", async () => {
    const emails = await Promise.all(Array.from({ length: 12 }, () => enqueue()));
    const reports = await Promise.all([deliverPendingEmails(), deliverPendingEmails(), deliverPendingEmails()]);
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(12);
    expect(received.map((mail) => mail.subject).sort()).toEqual(emails.map((email) => email.subject).sort());
    expect(new Set(received.map((mail) => mail.messageId)).size).toBe(12);
    expect(await db.emailOutbox.count({ where: { status: "SENT" } })).toBe(12);
  });

  it("delivers only the named e-mails when asked to (what a request does after its commit)", async () => {
    const mine = await enqueue();
    const other = await enqueue();
    await expect(deliverPendingEmails({ dedupeKeys: [mine.dedupeKey] })).resolves.toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(received.map((mail) => mail.subject)).toEqual([mine.subject]);
    expect((await outboxRow(other.dedupeKey)).status).toBe("PENDING");
  });

  it("writes an .eml file and logs its path when no SMTP server is configured", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const dataDir = path.join(getEnv().dataDir, "file-transport");
    const transport = createMailTransport({ smtpUrl: undefined, dataDir, mailFrom: "Agora <no-reply@agora.test>" });
    await transport.send({ id: "outbox1", to: "demo@example.org", subject: "Reset your Agora password", text: "Open http://localhost:3000/reset-password?token=abc" });

    const files = fs.readdirSync(path.join(dataDir, "mail"));
    expect(files).toHaveLength(1);
    const file = path.join(dataDir, "mail", files[0] ?? "");
    expect(file).toMatch(/outbox1\.eml$/);
    const mail = await simpleParser(fs.readFileSync(file));
    expect(mail).toMatchObject({ subject: "Reset your Agora password", messageId: "<outbox1@agora.outbox>" });
    expect(mail.text).toContain("http://localhost:3000/reset-password?token=abc");
    expect(info).toHaveBeenCalledTimes(1);
    expect(info).toHaveBeenCalledWith(expect.stringContaining(file));
    info.mockRestore();
  });
});
