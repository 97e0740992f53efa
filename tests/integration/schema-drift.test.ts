import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteDirFor } from "@/lib/db/create-client";
import { getEnv } from "@/lib/env";
import { openSqlConnection, type SqlConnection } from "@/lib/migrations/sql-connection";
import { findSchemaDrift } from "../helpers/schema-drift";

// The database of this file was built by applying every migration to an
// empty database (tests/setup/integration-global.ts); schema.prisma must
// describe exactly that. A schema change without its migration fails here.
//
// To see it fail on a real change without touching the shared file, point
// SCHEMA_DRIFT_SCHEMA at an edited copy:
//   cp prisma/schema.prisma /tmp/schema.prisma   # then add a field to User
//   SCHEMA_DRIFT_SCHEMA=/tmp/schema.prisma npx vitest run --project integration tests/integration/schema-drift.test.ts

const SCHEMA = path.resolve("prisma/schema.prisma");
const schemaUnderTest = process.env.SCHEMA_DRIFT_SCHEMA?.trim() || SCHEMA;

// A schema using what ours does not use yet (@map, @@map, native types,
// mapped enums, composite keys, sorted and hash indexes, list and
// dbgenerated defaults, a mapped Unsupported column that PostgreSQL
// generates) and the SQL Prisma Migrate writes for it.
const FIXTURE_SCHEMA = `
datasource db {
  provider = "postgresql"
}

enum Mood {
  HAPPY @map("happy")
  SAD
  @@map("mood")
}

model Account {
  id          Int          @id @default(autoincrement())
  handle      String       @unique(map: "account_handle_unique") @db.VarChar(30)
  balance     Decimal      @default(0) @db.Decimal(10, 2)
  ratio       Float        @default(1.5)
  externalId  String       @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  tags        Int[]        @default([1, 2])
  mood        Mood         @default(HAPPY)
  moods       Mood[]
  openedAt    DateTime     @default(now()) @map("opened_at") @db.Timestamptz(6)
  settings    Json         @default("{\\"a\\": 1}")
  search      Unsupported("tsvector")? @map("search_vector")
  memberships Membership[]

  @@index([openedAt(sort: Desc), handle])
  @@index([search], type: Gin)
  @@index([handle], type: Hash, map: "account_handle_hash")
  @@map("accounts")
}

model Membership {
  accountId Int
  groupId   Int
  account   Account @relation(fields: [accountId], references: [id])

  @@id([accountId, groupId])
}
`;

const FIXTURE_SQL = `
CREATE TYPE "mood" AS ENUM ('happy', 'SAD');
CREATE TABLE "accounts" (
    "id" SERIAL NOT NULL,
    "handle" VARCHAR(30) NOT NULL,
    "balance" DECIMAL(10,2) NOT NULL DEFAULT 0,
    "ratio" DOUBLE PRECISION NOT NULL DEFAULT 1.5,
    "externalId" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tags" INTEGER[] DEFAULT ARRAY[1, 2]::INTEGER[],
    "mood" "mood" NOT NULL DEFAULT 'happy',
    "moods" "mood"[],
    "opened_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settings" JSONB NOT NULL DEFAULT '{"a": 1}',
    "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "handle")) STORED,
    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);
CREATE TABLE "Membership" (
    "accountId" INTEGER NOT NULL,
    "groupId" INTEGER NOT NULL,
    CONSTRAINT "Membership_pkey" PRIMARY KEY ("accountId","groupId")
);
CREATE UNIQUE INDEX "account_handle_unique" ON "accounts"("handle");
CREATE INDEX "accounts_opened_at_handle_idx" ON "accounts"("opened_at" DESC, "handle");
CREATE INDEX "account_handle_hash" ON "accounts" USING HASH ("handle");
CREATE INDEX "accounts_search_vector_idx" ON "accounts" USING GIN ("search_vector");
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
`;

let connection: SqlConnection;

function withSchemaFile<T>(content: string, check: (file: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-schema-"));
  const file = path.join(dir, "schema.prisma");
  fs.writeFileSync(file, content);
  return check(file).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}

beforeAll(async () => {
  const env = getEnv();
  connection = await openSqlConnection(env.databaseUrl ? { databaseUrl: env.databaseUrl } : { pgliteDir: pgliteDirFor(env.dataDir) });
});

afterAll(async () => {
  await connection.close();
});

describe("schema drift", () => {
  it("finds none between schema.prisma and the migrated database", async () => {
    expect(await findSchemaDrift(connection, schemaUnderTest)).toEqual([]);
  });

  it("reports every kind of change made to schema.prisma without a migration", async () => {
    let schema = fs.readFileSync(SCHEMA, "utf8");
    const edit = (from: string | RegExp, to: string) => {
      const edited = schema.replace(from, to);
      expect(edited, `schema.prisma no longer contains ${String(from)}; update this test`).not.toBe(schema);
      schema = edited;
    };
    // A new optional field and a new index on User, a changed default.
    edit(/(model User \{\n\s+id\s+String\s+@id @default\(cuid\(\)\)\n)/, "$1  nickname String?\n");
    edit(/(model User \{[^}]*)(\n\s+@@index\(\[role\]\))/, "$1$2\n  @@index([locale])");
    edit(/(locale\s+String\s+)@default\("en"\)/, '$1@default("fr")');
    // Nullability both ways, a native type and a new @unique.
    edit(/(venue\s+)String\?/, "$1String");
    edit(/(suspendedReason\s+)String\?/, "$1String");
    edit(/(emailVerified\s+)DateTime\?/, "$1DateTime");
    edit(/(message\s+)String\n/, "$1String?\n");
    edit(/(country\s+String\s+)@db\.Char\(2\)/, "$1@db.Char(3)");
    edit(/(model Conference \{[^}]*\n\s+title\s+String)/, "$1 @unique");
    // An enum value, a referential action, a new relation.
    edit(/(enum Role \{[^}]*ADMIN)/, "$1\n  OBSERVER");
    edit(/(user\s+User\s+@relation\(fields: \[userId\], references: \[id\], onDelete: )Cascade(\)\n\n\s+@@unique\(\[contributionId, userId\]\))/, "$1Restrict$2");
    edit(/(model Conference \{[^}]*)(\n\s+consultations Consultation\[\])/, "$1\n  hostId String?\n  host   User?   @relation(fields: [hostId], references: [id], onDelete: SetNull)$2");
    edit(/(\n\s+notices\s+Notice\[\])/, "$1\n  hostedConferences Conference[]");
    // Things the database has and the schema no longer declares.
    edit(/\n\s+link\s+String\?/, "");
    edit(/\n\/\/ Reasons a moderator can pick[^\n]*\nmodel RejectionReason \{[^}]*\}\n/, "\n");

    const differences = await withSchemaFile(schema, (file) => findSchemaDrift(connection, file));

    expect([...differences].sort()).toEqual(
      [
        `User.nickname: column "User"."nickname" (String?) is missing from the database`,
        `User: @@index([locale]): index on "User" ("locale") ("User_locale_idx") is missing from the database`,
        `User.locale: schema.prisma declares @default("fr"), the database has the default 'en'::text`,
        `Conference.venue: the column is nullable in the database, schema.prisma declares it required (String)`,
        `User.suspendedReason: the column is nullable in the database, schema.prisma declares it required (String)`,
        `User.emailVerified: the column is nullable in the database, schema.prisma declares it required (DateTime)`,
        `Notice.message: the column is NOT NULL in the database, schema.prisma declares it optional (String?)`,
        `StakeholderProfile.country: the column's type is character(2) in the database, schema.prisma (String) expects character(3)`,
        `Conference: title @unique: unique index on "Conference" ("title") ("Conference_title_key") is missing from the database`,
        `enum Role: the database has values (PARTICIPANT, MODERATOR, ADMIN), schema.prisma has (PARTICIPANT, MODERATOR, ADMIN, OBSERVER) (same values in the same order expected)`,
        `Flag.user (@relation to User): the database has foreign key "Flag" ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE, schema.prisma expects foreign key "Flag" ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE`,
        `Conference.hostId: column "Conference"."hostId" (String?) is missing from the database`,
        `Conference.host (@relation to User): foreign key "Conference" ("hostId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE is missing from the database`,
        `model Notice: column "Notice"."link" is in the database but not in schema.prisma`,
        `table "RejectionReason" is in the database but no model of schema.prisma maps to it`,
      ].sort(),
    );
  });

  it("reports what only the database has: a column, an index, a foreign key, an enum, a table", async () => {
    await connection.exec(`
      BEGIN;
      ALTER TABLE "User" ADD COLUMN "legacyId" INTEGER;
      CREATE INDEX "Notice_readAt_idx" ON "Notice" ("readAt" DESC);
      ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_storageKey_fkey" FOREIGN KEY ("storageKey") REFERENCES "User"("id");
      CREATE TYPE "Mood" AS ENUM ('HAPPY', 'SAD');
      CREATE TABLE "Scratch" ("id" INTEGER PRIMARY KEY);
    `);
    try {
      const differences = await findSchemaDrift(connection, SCHEMA);

      expect([...differences].sort()).toEqual(
        [
          `model User: column "User"."legacyId" is in the database but not in schema.prisma`,
          `index on "Notice" ("readAt" DESC) ("Notice_readAt_idx") is in the database but not in schema.prisma`,
          `foreign key "Attachment" ("storageKey") REFERENCES "User" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION ("Attachment_storageKey_fkey") is in the database but not in schema.prisma`,
          `enum type "Mood" is in the database but schema.prisma has no enum that maps to it`,
          `table "Scratch" is in the database but no model of schema.prisma maps to it`,
        ].sort(),
      );
    } finally {
      await connection.exec("ROLLBACK");
    }
  });

  it("understands mapped names, native types, mapped enums, Unsupported columns, composite keys, sorted, hash and GIN indexes", async () => {
    // In a schema of its own inside a transaction that is rolled back: the
    // file's database is left as the migrations made it.
    await connection.exec(`BEGIN; CREATE SCHEMA "drift_fixture"; SET LOCAL search_path TO "drift_fixture";`);
    try {
      await connection.exec(FIXTURE_SQL);
      await withSchemaFile(FIXTURE_SCHEMA, async (file) => {
        expect(await findSchemaDrift(connection, file)).toEqual([]);

        await connection.exec(`
          ALTER INDEX "account_handle_hash" RENAME TO "accounts_handle_idx";
          ALTER TABLE "accounts" ALTER COLUMN "mood" SET DEFAULT 'SAD';
          ALTER TABLE "accounts" ALTER COLUMN "externalId" DROP DEFAULT;
          ALTER TABLE "accounts" ALTER COLUMN "search_vector" SET NOT NULL;
        `);
        expect([...(await findSchemaDrift(connection, file))].sort()).toEqual(
          [
            `Account.externalId: schema.prisma declares @default(dbgenerated("gen_random_uuid()")), the database has no default`,
            `Account.mood: schema.prisma declares @default(HAPPY), the database has the default 'SAD'::mood`,
            `Account.search: the column is NOT NULL in the database, schema.prisma declares it optional (Unsupported("tsvector")?)`,
            `Account: @@index([handle]): the index USING hash on "accounts" ("handle") is named "accounts_handle_idx" in the database, schema.prisma expects "account_handle_hash"`,
          ].sort(),
        );
      });
    } finally {
      await connection.exec("ROLLBACK");
    }
  });
});
