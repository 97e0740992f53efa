import { spawn } from "node:child_process";
import fs from "node:fs";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { deliverPendingEmails, retryDelayMs } from "@/lib/mail/deliver-pending-emails";
import { decideContribution } from "@/lib/moderation/decide-contribution";
import { startWorker, type Worker, type WorkerLogger } from "@/lib/worker/start-worker";
import { createTestContribution } from "../helpers/contribution-factory";
import { createTestConsultation } from "../helpers/content-factories";
import { createTestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

// The background worker (lib/worker/start-worker.ts) against a real SMTP
// server in this process: in this process on both databases, and as its own
// process (`npm run worker`, PostgreSQL only: PGlite belongs to one process)
// killed at the worst moment. Deliveries are counted where they land, at the
// SMTP server, which accepts a message only when its onData callback is called.

const DAY_MS = 24 * 60 * 60_000;
const LEASE_MS = 5 * 60_000;
const isPostgresRun = inject("dbTemplate").kind === "postgres";

type Held = { mail: ParsedMail; accept(): void; refuse(): void };

/** An SMTP server on a fixed port that can be down, refuse mail, or hold a message before accepting or refusing it. */
class TestSmtp {
  accepted: ParsedMail[] = [];
  refusals = 0;
  refuse = false;
  hold = false;
  held: Held[] = [];
  private server: SMTPServer | undefined;

  constructor(readonly port: number) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      closeTimeout: 100,
      onMailFrom: (_address, _session, callback) => {
        if (!this.refuse) return callback();
        this.refusals += 1;
        callback(Object.assign(new Error("Mailbox temporarily unavailable"), { responseCode: 451 }));
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const accept = () => {
              this.accepted.push(mail);
              callback();
            };
            const refuse = () => {
              this.refusals += 1;
              callback(Object.assign(new Error("Mailbox temporarily unavailable"), { responseCode: 451 }));
            };
            if (this.hold) this.held.push({ mail, accept, refuse });
            else accept();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  deliveries(subject: string): number {
    return this.accepted.filter((mail) => mail.subject === subject).length;
  }

  reset(): void {
    this.accepted = [];
    this.refusals = 0;
    this.refuse = false;
    this.hold = false;
    this.held = [];
  }
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

// SMTP_URL must point at the test server before the first getEnv() of this file.
const smtp = new TestSmtp(await freePort());
process.env.SMTP_URL = smtp.url;

const waitUntil = (check: () => unknown | Promise<unknown>, timeout = 30_000) => vi.waitFor(check, { timeout, interval: 50 });

let counter = 0;
async function enqueue(label = "Message"): Promise<{ dedupeKey: string; subject: string }> {
  counter += 1;
  const email = { dedupeKey: `worker-test:${counter}`, to: `reader${counter}@example.org`, subject: `${label} ${counter}`, text: `Body ${counter}` };
  await db.$transaction((tx) => enqueueEmail(tx, email));
  return email;
}

const outboxRow = (dedupeKey: string) => db.emailOutbox.findUniqueOrThrow({ where: { dedupeKey } });

/** What the passage of time does to a retry or an expired lease: the row is due now. */
async function makeDue(dedupeKey: string): Promise<void> {
  await db.emailOutbox.update({ where: { dedupeKey }, data: { nextAttemptAt: new Date() } });
}

function collectingLogger() {
  const lines: string[] = [];
  const errors: { line: string; error: unknown }[] = [];
  const logger: WorkerLogger = { info: (line) => lines.push(line), error: (line, error) => errors.push({ line, error }) };
  return { lines, errors, logger };
}

function oldTempFile(name: string): string {
  const dir = path.join(getEnv().dataDir, "uploads", ".tmp");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, "half an upload");
  const twoDaysAgo = new Date(Date.now() - 2 * DAY_MS);
  fs.utimesSync(file, twoDaysAgo, twoDaysAgo);
  return file;
}

const running: Worker[] = [];
function start(options: Parameters<typeof startWorker>[0]): Worker {
  const worker = startWorker(options);
  running.push(worker);
  return worker;
}

beforeAll(() => smtp.start());
afterAll(() => smtp.stop());

beforeEach(async () => {
  smtp.reset();
  await db.emailOutbox.deleteMany();
  signOut();
  // Mail failures are logged with console.warn by the outbox; they are expected here.
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((worker) => worker.stop()));
  for (const held of smtp.held.splice(0)) held.accept();
  vi.mocked(console.warn).mockRestore();
});

describe("startWorker", () => {
  it("sends the due e-mails batch after batch until none is due, then keeps looking, and stops when asked", async () => {
    const emails = await Promise.all(Array.from({ length: 25 }, () => enqueue()));
    const { lines, errors, logger } = collectingLogger();

    const worker = start({ pollMs: 100, logger });

    await waitUntil(() => expect(smtp.accepted).toHaveLength(25));
    expect(smtp.accepted.map((mail) => mail.subject).sort()).toEqual(emails.map((email) => email.subject).sort());
    await waitUntil(async () => expect(await db.emailOutbox.count({ where: { status: "SENT" } })).toBe(25));
    // Twenty at a time (the outbox's batch), one log line each, written once
    // the batch's rows are marked: waited for, as the rows are.
    await waitUntil(() =>
      expect(lines.filter((line) => line.startsWith("[worker] e-mail batch"))).toEqual([
        "[worker] e-mail batch: 20 sent, 0 to retry, 0 given up",
        "[worker] e-mail batch: 5 sent, 0 to retry, 0 given up",
      ]),
    );

    // An e-mail enqueued while the worker waits goes out at its next look.
    const later = await enqueue("Later");
    await waitUntil(() => expect(smtp.deliveries(later.subject)).toBe(1));

    await worker.stop();
    expect(lines.at(-1)).toBe("[worker] stopped");
    expect(errors).toEqual([]);
    // Stopped means stopped: what is enqueued now is left to the next delivery.
    const afterStop = await enqueue("After stop");
    await expect(deliverPendingEmails()).resolves.toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.deliveries(afterStop.subject)).toBe(1);
    expect(smtp.accepted).toHaveLength(27);
  });

  it("leaves a refused e-mail to its retry time instead of trying it again at once", async () => {
    smtp.refuse = true;
    const email = await enqueue();
    const { lines, logger } = collectingLogger();
    const before = Date.now();

    start({ pollMs: 50, logger });

    await waitUntil(() => expect(lines).toContain("[worker] e-mail batch: 0 sent, 1 to retry, 0 given up"));
    const row = await outboxRow(email.dedupeKey);
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
    expect(row.lastError).toMatch(/Mailbox temporarily unavailable/);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + retryDelayMs(1));
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + retryDelayMs(1));
    // The worker keeps looking, and finds only what is due: a later e-mail, not the refused one.
    smtp.refuse = false;
    const marker = await enqueue("Marker");
    await waitUntil(() => expect(smtp.deliveries(marker.subject)).toBe(1));
    expect(smtp.refusals).toBe(1);
    expect((await outboxRow(email.dedupeKey)).attempts).toBe(1);
  });

  it("sweeps abandoned uploads at start and again every sweepEveryMs", async () => {
    const first = oldTempFile("first.part");
    const { lines, logger } = collectingLogger();

    start({ pollMs: 20, sweepEveryMs: 50, logger });

    await waitUntil(() => expect(fs.existsSync(first)).toBe(false));
    expect(lines).toContain("[worker] attachment sweep: 0 unattached attachments, 0 unreferenced files, 1 temporary files removed");
    const second = oldTempFile("second.part");
    await waitUntil(() => expect(fs.existsSync(second)).toBe(false));
  });

  it("logs a failing task and goes on with the others", async () => {
    // The sweep cannot list a temporary-upload folder that is a file.
    const uploads = path.join(getEnv().dataDir, "uploads");
    fs.rmSync(uploads, { recursive: true, force: true });
    fs.mkdirSync(uploads, { recursive: true });
    fs.writeFileSync(path.join(uploads, ".tmp"), "not a folder");
    const email = await enqueue();
    const { errors, logger } = collectingLogger();

    try {
      start({ pollMs: 20, sweepEveryMs: 20, logger });

      await waitUntil(() => expect(errors.length).toBeGreaterThanOrEqual(2));
      expect(errors[0]?.line).toBe("[worker] attachment sweep failed; it runs again at the next sweep time");
      expect(errors[0]?.error).toMatchObject({ code: "ENOTDIR" });
      // The loop lives on: e-mails still go out.
      await waitUntil(() => expect(smtp.deliveries(email.subject)).toBe(1));
      const later = await enqueue("Later");
      await waitUntil(() => expect(smtp.deliveries(later.subject)).toBe(1));
    } finally {
      fs.rmSync(path.join(uploads, ".tmp"));
    }
  });

  it("finishes the e-mail being sent when stopped, and hands the rest of its batch back untried", async () => {
    smtp.hold = true;
    const emails = [await enqueue(), await enqueue()];
    const worker = start({ pollMs: 50, logger: collectingLogger().logger });
    await waitUntil(() => expect(smtp.held).toHaveLength(1));

    const stopped = worker.stop();
    smtp.held[0]?.accept();
    await stopped;

    expect(smtp.accepted).toHaveLength(1);
    const rows = await Promise.all(emails.map((email) => outboxRow(email.dedupeKey)));
    const sent = rows.find((row) => row.status === "SENT");
    const untried = rows.find((row) => row !== sent);
    expect(sent).toMatchObject({ attempts: 1, subject: smtp.accepted[0]?.subject });
    // Due at once, and the attempt that never happened is not counted.
    expect(untried).toMatchObject({ status: "PENDING", attempts: 0, lastError: null });
    expect(untried?.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe("deliverPendingEmails leases", () => {
  it("claims each e-mail just before sending it: while one is being sent, the next is still due for any sender", async () => {
    smtp.hold = true;
    const emails = [await enqueue(), await enqueue()];
    const delivering = deliverPendingEmails();
    await waitUntil(() => expect(smtp.held).toHaveLength(1));

    const rows = await Promise.all(emails.map((email) => outboxRow(email.dedupeKey)));
    const sending = rows.find((row) => row.subject === smtp.held[0]?.mail.subject);
    const next = rows.find((row) => row !== sending);
    expect(sending).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(sending?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + LEASE_MS - 60_000);
    expect(next).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(next?.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());

    smtp.hold = false;
    smtp.held[0]?.accept();
    await expect(delivering).resolves.toEqual({ sent: 2, retrying: 0, failed: 0 });
  });

  /** One e-mail sent twice: the first sender's lease runs out while the mail server holds its message, and another sender claims it. */
  async function takenOver() {
    smtp.hold = true;
    const email = await enqueue();
    const late = deliverPendingEmails();
    await waitUntil(() => expect(smtp.held).toHaveLength(1));
    await makeDue(email.dedupeKey);
    const takeover = deliverPendingEmails();
    await waitUntil(() => expect(smtp.held).toHaveLength(2));
    return { email, late, takeover };
  }

  it("a sender whose lease ran out leaves alone the claim of the sender that took the e-mail over", async () => {
    const { email, late, takeover } = await takenOver();
    const claimed = await outboxRow(email.dedupeKey);
    expect(claimed).toMatchObject({ status: "PENDING", attempts: 2, lastError: null });

    // The first send fails now: no retry time replaces the second sender's lease.
    smtp.held[0]?.refuse();
    await expect(late).resolves.toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await outboxRow(email.dedupeKey)).toMatchObject({ status: "PENDING", attempts: 2, lastError: null, nextAttemptAt: claimed.nextAttemptAt });

    smtp.held[1]?.accept();
    await expect(takeover).resolves.toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await outboxRow(email.dedupeKey)).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
  });

  it("records an e-mail the mail server accepted as sent, even after its lease ran out, and the other claim's failure changes nothing", async () => {
    const { email, late, takeover } = await takenOver();

    smtp.held[0]?.accept();
    await expect(late).resolves.toEqual({ sent: 1, retrying: 0, failed: 0 });
    const sent = await outboxRow(email.dedupeKey);
    expect(sent).toMatchObject({ status: "SENT", attempts: 2 });

    smtp.held[1]?.refuse();
    await expect(takeover).resolves.toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await outboxRow(email.dedupeKey)).toEqual(sent);
  });
});

// `npm run worker` as a real child process, against this file's PostgreSQL database.
type ChildWorker = {
  output: () => string;
  waitForLine(pattern: RegExp, count?: number): Promise<void>;
  /** SIGTERM to the worker; resolves with its exit code. */
  terminate(): Promise<number | null>;
  /** SIGKILL to the worker and everything it started: no chance to clean up. */
  kill(): Promise<void>;
};

const children: ChildWorker[] = [];

function spawnWorker(): ChildWorker {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SMTP_URL: smtp.url,
    DATA_DIR: getEnv().dataDir,
    WORKER_POLL_MS: "100",
  };
  // Its own process group, so that SIGKILL reaches the Node.js process tsx starts.
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/worker.ts"], {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let alive = true;
  void exited.then(() => (alive = false));
  const handle: ChildWorker = {
    output: () => output,
    async waitForLine(pattern, count = 1) {
      await waitUntil(() => {
        expect(alive, `the worker exited:\n${output}`).toBe(true);
        expect(output.split("\n").filter((line) => pattern.test(line)).length, output).toBeGreaterThanOrEqual(count);
      }, 60_000);
    },
    async terminate() {
      if (alive) child.kill("SIGTERM");
      return exited;
    },
    async kill() {
      const group = child.pid;
      if (!alive || group === undefined) return;
      process.kill(-group, "SIGKILL");
      await exited;
      // Gone with tsx: the Node.js process that ran the worker.
      await waitUntil(() => expect(() => process.kill(-group, 0)).toThrow(expect.objectContaining({ code: "ESRCH" })));
    },
  };
  children.push(handle);
  return handle;
}

describe.runIf(isPostgresRun)("npm run worker (its own process)", { timeout: 120_000 }, () => {
  afterEach(async () => {
    for (const held of smtp.held.splice(0)) held.accept();
    await Promise.all(children.splice(0).map((child) => child.kill()));
  });

  /** An e-mail the worker sends after everything due before it: once it has arrived, the worker has looked at the rest. */
  async function barrier(worker: ChildWorker): Promise<void> {
    const marker = await enqueue("Barrier");
    await worker.waitForLine(/\[worker\] e-mail batch: 1 sent/);
    await waitUntil(() => expect(smtp.deliveries(marker.subject)).toBe(1));
  }

  /**
   * A moderator approves a contribution while no worker runs and the mail
   * server is down: the decision commits with its notice and e-mail, and the
   * send right after the commit fails. Returns the author's e-mail, due now
   * (as it is once its retry time has come), with the mail server back up.
   */
  async function decisionWhoseSendFailed() {
    const moderator = await createTestUser({ role: "MODERATOR" });
    const author = await createTestUser();
    const consultation = await createTestConsultation();
    const contribution = await createTestContribution({ authorId: author.id, consultationId: consultation.id, status: "PENDING" });
    await smtp.stop();
    await signInAs(moderator.id);
    await decideContribution({ contributionId: contribution.id, version: 1, decision: "APPROVE" });
    const email = await db.emailOutbox.findFirstOrThrow({ where: { to: author.email } });
    expect(email).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
    expect(email.lastError).toMatch(/ECONNREFUSED/);
    expect(await db.contribution.findUniqueOrThrow({ where: { id: contribution.id }, select: { status: true } })).toEqual({ status: "APPROVED" });
    expect(await db.notice.count({ where: { userId: author.id } })).toBe(1);
    await smtp.start();
    await makeDue(email.dedupeKey);
    return email;
  }

  it("sends a moderation decision's e-mail exactly once when the worker starts after the send at commit failed", async () => {
    const email = await decisionWhoseSendFailed();

    const worker = spawnWorker();

    await worker.waitForLine(/\[worker\] e-mail batch: 1 sent, 0 to retry/);
    await waitUntil(async () => expect((await outboxRow(email.dedupeKey)).status).toBe("SENT"));
    expect(await outboxRow(email.dedupeKey)).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    await barrier(worker);
    expect(smtp.deliveries(email.subject)).toBe(1);
    expect(smtp.accepted.find((mail) => mail.subject === email.subject)?.messageId).toBe(`<${email.id}@agora.outbox>`);
    expect(await worker.terminate()).toBe(0);
  });

  it("killed after the decision, while sending its e-mail: the e-mail is sent exactly once after restart, once the lease has run out", async () => {
    const email = await decisionWhoseSendFailed();
    smtp.hold = true;
    const first = spawnWorker();
    // The mail server has the whole message and has not answered yet.
    await waitUntil(() => expect(smtp.held).toHaveLength(1), 60_000);
    await first.kill();
    smtp.held = [];
    smtp.hold = false;
    expect(smtp.accepted).toEqual([]);

    // The row stays claimed for the rest of its lease, with the attempt counted.
    const leased = await outboxRow(email.dedupeKey);
    expect(leased).toMatchObject({ status: "PENDING", attempts: 2, sentAt: null });
    expect(leased.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + LEASE_MS - 60_000);

    // A worker restarted at once leaves it alone while the lease runs.
    const second = spawnWorker();
    await barrier(second);
    expect(smtp.deliveries(email.subject)).toBe(0);
    expect(await outboxRow(email.dedupeKey)).toMatchObject({ status: "PENDING", attempts: 2 });

    // Then the lease runs out.
    await makeDue(email.dedupeKey);
    await waitUntil(async () => expect((await outboxRow(email.dedupeKey)).status).toBe("SENT"));
    expect(await outboxRow(email.dedupeKey)).toMatchObject({ status: "SENT", attempts: 3 });
    await barrier(second);
    expect(smtp.deliveries(email.subject)).toBe(1);
    expect(await second.terminate()).toBe(0);
  });

  it("retries a refused e-mail with growing back-off and sends it once the mail server accepts again", async () => {
    smtp.refuse = true;
    const worker = spawnWorker();
    const email = await enqueue();

    const attemptsSeen: { attempts: number; waitMs: number }[] = [];
    for (const attempt of [1, 2]) {
      const before = Date.now();
      if (attempt > 1) await makeDue(email.dedupeKey);
      await worker.waitForLine(/\[worker\] e-mail batch: 0 sent, 1 to retry/, attempt);
      const row = await outboxRow(email.dedupeKey);
      expect(row).toMatchObject({ status: "PENDING", attempts: attempt, sentAt: null });
      expect(row.lastError).toMatch(/Mailbox temporarily unavailable/);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + retryDelayMs(attempt));
      expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + retryDelayMs(attempt));
      attemptsSeen.push({ attempts: row.attempts, waitMs: retryDelayMs(attempt) });
    }
    expect(attemptsSeen).toEqual([
      { attempts: 1, waitMs: 60_000 },
      { attempts: 2, waitMs: 120_000 },
    ]);
    expect(smtp.refusals).toBe(2);

    smtp.refuse = false;
    await makeDue(email.dedupeKey);
    await worker.waitForLine(/\[worker\] e-mail batch: 1 sent, 0 to retry/);
    await waitUntil(async () => expect((await outboxRow(email.dedupeKey)).status).toBe("SENT"));
    expect(await outboxRow(email.dedupeKey)).toMatchObject({ status: "SENT", attempts: 3, lastError: null });
    await barrier(worker);
    expect(smtp.deliveries(email.subject)).toBe(1);
    expect(await worker.terminate()).toBe(0);
  });

  it("stops on SIGTERM once the e-mail being sent is accepted, and exits with 0", async () => {
    smtp.hold = true;
    const emails = [await enqueue(), await enqueue()];
    const worker = spawnWorker();
    await waitUntil(() => expect(smtp.held).toHaveLength(1), 60_000);

    const exit = worker.terminate();
    await worker.waitForLine(/\[worker\] SIGTERM: stopping once the e-mail being sent is done/);
    smtp.held[0]?.accept();

    expect(await exit).toBe(0);
    expect(worker.output()).toContain("[worker] stopped");
    expect(smtp.accepted).toHaveLength(1);
    const rows = await Promise.all(emails.map((email) => outboxRow(email.dedupeKey)));
    expect(rows.map((row) => row.status).sort()).toEqual(["PENDING", "SENT"]);
    expect(rows.find((row) => row.status === "PENDING")).toMatchObject({ attempts: 0 });
  });
});
