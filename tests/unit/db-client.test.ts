import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closePrismaClient, createPrismaClient } from "@/lib/db/create-client";

// The database client opens nothing until its first query (issue 9): `next
// build` loads every route module, so lib/db.ts makes its client on import,
// and that must neither read the configuration nor create ./data.

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "agora-db-client-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("createPrismaClient", () => {
  it("opens PGlite on the first query, not when the client is made, and again after a disconnect", async () => {
    const dir = path.join(scratch, "pglite");
    let reads = 0;
    const client = createPrismaClient(() => {
      reads += 1;
      return { pgliteDir: dir };
    });
    expect(reads).toBe(0);
    expect(fs.existsSync(dir)).toBe(false);

    expect(await client.$queryRaw<{ one: number }[]>`SELECT 1::int AS "one"`).toEqual([{ one: 1 }]);
    expect(reads).toBe(1);
    expect(fs.existsSync(path.join(dir, "PG_VERSION"))).toBe(true);

    // The same PGlite serves the client after $disconnect: a second one on the same files would damage them.
    await client.$disconnect();
    expect(await client.$queryRaw<{ two: number }[]>`SELECT 2::int AS "two"`).toEqual([{ two: 2 }]);
    await closePrismaClient(client);
  }, 60_000);
});

describe("lib/db", () => {
  it("is a plain PrismaClient, made on import without reading the configuration, which its first query reads", async () => {
    // Read at import, this would stop it: the database URL is not one.
    process.env.DATABASE_URL = "mysql://localhost/agora";
    const { db } = await import("@/lib/db");
    // The client itself: the stand-in that opened it on first use answered property reads only.
    expect("$connect" in db && "$transaction" in db && "contribution" in db).toBe(true);
    // One per process, kept across hot reloads.
    expect(globalThis.agoraDb === db).toBe(true);
    await expect(db.$queryRaw`SELECT 1`).rejects.toThrow(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
  });
});
