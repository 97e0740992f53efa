import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { bulkDecide } from "@/lib/moderation/bulk-decide";
import { decideContribution } from "@/lib/moderation/decide-contribution";
import { createTestContribution } from "../helpers/contribution-factory";
import { createTestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs } from "../helpers/session";

// Decisions while the mail server accepts connections and never says a
// word: the moderator's request must not wait for it. SMTP_URL points at
// that server before the first getEnv() of this file (lib/env.ts parses once).

const sockets = new Set<net.Socket>();
let connections = 0;
const silent = net.createServer((socket) => {
  connections += 1;
  sockets.add(socket);
  socket.on("close", () => sockets.delete(socket));
});
await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
process.env.SMTP_URL = `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`;

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

let consultationId: string;
let author: TestUser;
let moderator: TestUser;

beforeAll(async () => {
  consultationId = (await createTestConsultation()).id;
  author = await createTestUser();
  moderator = await createTestUser({ role: "MODERATOR" });
});

beforeEach(async () => {
  connections = 0;
  await signInAs(moderator.id);
  // A send that gives up is logged with console.warn by the outbox; expected here.
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

const pending = () => createTestContribution({ authorId: author.id, consultationId, status: "PENDING" });
const emailsAbout = (references: string[]) =>
  db.emailOutbox.findMany({ where: { OR: references.map((reference) => ({ subject: { contains: reference } })) }, orderBy: { subject: "asc" } });

describe("decisions with a mail server that never answers", () => {
  it("a bulk decision leaves its e-mails to the worker: none is tried in the request, all are due", async () => {
    const selection = [await pending(), await pending(), await pending()];
    await expect(bulkDecide({ decision: "APPROVE", items: selection.map((row) => ({ contributionId: row.id, version: 1 })) })).resolves.toMatchObject({
      count: 3,
    });

    const emails = await emailsAbout(selection.map((row) => row.reference));
    expect(emails).toHaveLength(3);
    for (const email of emails) {
      expect(email).toMatchObject({ status: "PENDING", attempts: 0, lastError: null, sentAt: null });
      expect(email.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
    expect(connections).toBe(0);
  });

  it("a single decision returns while its e-mail is still being sent, whose failure is recorded once the send gives up", async () => {
    const contribution = await pending();
    await decideContribution({ contributionId: contribution.id, version: 1, decision: "APPROVE" });

    // Back before the mail server's greeting timed out: claimed, not failed yet.
    const [claimed] = await emailsAbout([contribution.reference]);
    expect(claimed).toMatchObject({ status: "PENDING", attempts: 1, lastError: null });
    expect(connections).toBe(1);

    await vi.waitFor(async () => expect((await emailsAbout([contribution.reference]))[0]?.lastError).toMatch(/Greeting never received/), { timeout: 20_000, interval: 100 });
    const [failed] = await emailsAbout([contribution.reference]);
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
  });
});
