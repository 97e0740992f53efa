import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { contributionListSql, findConsultationContributions } from "@/lib/contributions/find-consultation-contributions";
import { getContribution } from "@/lib/contributions/get-contribution";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionStatus, StakeholderType } from "@/lib/generated/prisma/enums";
import { createTestContribution, type TestContribution, type TestContributionOptions } from "../helpers/contribution-factory";
import { createTestConsultation, type TestConsultation } from "../helpers/content-factories";
import { createTestUser, type TestUser } from "../helpers/factories";
import { signInAs, signOut } from "../helpers/session";

const MINUTE = 60_000;
const start = Date.now() - 24 * 60 * MINUTE;
const minutes = (n: number) => new Date(start + n * MINUTE);

let consultation: TestConsultation;
let otherConsultation: TestConsultation;
let draftConsultation: TestConsultation;
let users: Record<"alice" | "bruno" | "chiyo" | "dario" | "admin" | "moderator" | "reader", TestUser>;
let c: Record<"fr" | "de" | "enTitle" | "enBody" | "universities" | "pending" | "rejected" | "hidden" | "withdrawn" | "elsewhere" | "inDraft", TestContribution>;

async function participant(displayName: string, stakeholderType: StakeholderType, country: string, organisationName: string | null) {
  const user = await createTestUser({ stakeholderType, country });
  await db.stakeholderProfile.update({ where: { userId: user.id }, data: { displayName, organisationName } });
  return user;
}

beforeAll(async () => {
  consultation = await createTestConsultation({
    title: "Trustworthy AI",
    questions: [
      { kind: "FREE_TEXT", prompt: "What worries you most?" },
      { kind: "MULTIPLE_CHOICE", prompt: "Which sectors?", options: ["Health", "Transport", "Education"] },
      { kind: "SCALE", prompt: "How urgent is it?" },
      { kind: "SINGLE_CHOICE", prompt: "Unanswered", options: ["Yes", "No"] },
    ],
  });
  otherConsultation = await createTestConsultation({ title: "AI skills" });
  draftConsultation = await createTestConsultation({ title: "Not published yet", status: "DRAFT" });
  users = {
    alice: await participant("Alice Martin", "NGO", "FR", "Les Amis des Chevaux"),
    bruno: await participant("Bruno Keller", "COMPANY", "DE", "Keller Maschinenbau GmbH"),
    chiyo: await participant("Chiyo Tanaka", "ACADEMIC", "JP", "Kyoto Institute"),
    dario: await participant("Dario Rossi", "TRADE_UNION", "IT", "Sindacato"),
    admin: await createTestUser({ role: "ADMIN" }),
    moderator: await createTestUser({ role: "MODERATOR" }),
    reader: await createTestUser(),
  };
  const add = (
    authorId: string,
    fields: Partial<TestContributionOptions> & { status?: ContributionStatus },
    consultationId = consultation.id,
  ) => createTestContribution({ authorId, consultationId, ...fields });
  c = {
    fr: await add(users.alice.id, {
      title: "Les chevaux de trait et l'intelligence artificielle",
      body: "Les chevaux de trait travaillent encore dans les vignes.",
      language: "fr",
      phase: "BEFORE",
      submittedAt: minutes(1),
    }),
    de: await add(users.bruno.id, {
      title: "Künstliche Intelligenz in der Schule",
      body: "Die Kinder lernen schon heute mit Algorithmen.",
      language: "de",
      phase: "DURING",
      publication: "ANONYMOUS",
      submittedAt: minutes(2),
    }),
    enTitle: await add(users.chiyo.id, {
      title: "Clear regulations for small companies",
      body: "Small firms cannot afford lawyers.",
      language: "en",
      phase: "AFTER",
      submittedAt: minutes(3),
      answers: {},
    }),
    enBody: await add(users.chiyo.id, {
      title: "Another view from the lab",
      body: "We ask for one regulation, applied the same way everywhere.",
      language: "en",
      phase: "AFTER",
      submittedAt: minutes(4),
    }),
    universities: await add(users.alice.id, {
      title: "Funding for universities",
      body: "Public research needs computing power.",
      language: "en",
      phase: "DURING",
      submittedAt: minutes(5),
    }),
    pending: await add(users.dario.id, { title: "Pending regulations", language: "it", status: "PENDING", submittedAt: minutes(6) }),
    rejected: await add(users.dario.id, { title: "Rejected regulations", status: "REJECTED", rejectionReason: "Off topic", submittedAt: minutes(7) }),
    hidden: await add(users.dario.id, { title: "Hidden regulations", status: "HIDDEN", rejectionReason: "Personal data", submittedAt: minutes(8) }),
    withdrawn: await add(users.dario.id, { title: "Withdrawn regulations", status: "WITHDRAWN", submittedAt: minutes(9) }),
    elsewhere: await add(users.alice.id, { title: "Regulations elsewhere", submittedAt: minutes(10) }, otherConsultation.id),
    inDraft: await add(users.alice.id, { title: "Regulations in a draft" }, draftConsultation.id),
  };
});

beforeEach(() => signOut());

const references = (result: Awaited<ReturnType<typeof findConsultationContributions>>) => result?.items.map((item) => item.reference);
const find = (input: Record<string, unknown> = {}) => findConsultationContributions(consultation.slug, input);

describe("findConsultationContributions: what is listed", () => {
  it("lists the consultation's published contributions only, newest first", async () => {
    const result = await find();
    expect(references(result)).toEqual([c.universities, c.enBody, c.enTitle, c.de, c.fr].map((row) => row.reference));
    expect(result).toMatchObject({ consultation: { slug: consultation.slug, title: consultation.title }, total: 5, page: 1, pageCount: 1, pageSize: 20 });
  });

  it("never lists pending, rejected, hidden or withdrawn ones, not even to their author or a moderator", async () => {
    const hidden = [c.pending, c.rejected, c.hidden, c.withdrawn].map((row) => row.reference);
    for (const who of [null, users.dario.id, users.moderator.id, users.admin.id]) {
      if (who) await signInAs(who);
      else signOut();
      for (const result of [await find(), await find({ q: "regulations" })]) {
        expect(result?.items.length).toBeGreaterThan(0);
        for (const reference of hidden) expect(references(result)).not.toContain(reference);
      }
    }
  });

  it("returns what a list item shows: name and organisation, type, country, phase, language, date, excerpt", async () => {
    const result = await find();
    const item = result?.items.find((row) => row.reference === c.fr.reference);
    expect(item).toEqual({
      reference: c.fr.reference,
      title: "Les chevaux de trait et l'intelligence artificielle",
      excerpt: "Les chevaux de trait travaillent encore dans les vignes.",
      author: { anonymous: false, displayName: "Alice Martin", organisationName: "Les Amis des Chevaux", stakeholderType: "NGO", country: "FR" },
      phase: "BEFORE",
      language: "fr",
      submittedAt: minutes(1),
      hit: null,
    });
  });

  it("shows an anonymous contribution as Anonymous: no name or organisation in the data at all", async () => {
    const result = await find();
    const item = result?.items.find((row) => row.reference === c.de.reference);
    expect(item?.author).toEqual({ anonymous: true, displayName: null, organisationName: null, stakeholderType: "COMPANY", country: "DE" });
    const text = JSON.stringify(result);
    expect(text).not.toContain("Bruno");
    expect(text).not.toContain("Keller");
  });

  it("never returns an e-mail address", async () => {
    const text = JSON.stringify([await find(), await find({ q: "regulation" })]);
    for (const user of Object.values(users)) expect(text).not.toContain(user.email);
    expect(text).not.toContain("@");
  });

  it("answers null for a draft consultation (except to administrators) and for an unknown slug", async () => {
    expect(await findConsultationContributions(draftConsultation.slug)).toBeNull();
    await signInAs(users.moderator.id);
    expect(await findConsultationContributions(draftConsultation.slug)).toBeNull();
    await signInAs(users.admin.id);
    expect(references(await findConsultationContributions(draftConsultation.slug))).toEqual([c.inDraft.reference]);
    expect(await findConsultationContributions("no-such-consultation")).toBeNull();
  });

  it("refuses filters that do not parse", async () => {
    await expect(find({ type: "ROBOT" })).rejects.toMatchObject({ status: 422, fieldErrors: { type: ["Choose a stakeholder type from the list."] } });
    await expect(find({ page: "0" })).rejects.toMatchObject({ status: 422 });
    await expect(find({ q: "x".repeat(201) })).rejects.toMatchObject({ status: 422 });
  });
});

describe("findConsultationContributions: full-text search in each contribution's language", () => {
  it.each([
    ["cheval", "fr"],
    ["chevaux", "fr"],
    ["Kind", "de"],
    ["Schulen", "de"],
    ["künstlichen Intelligenzen", "de"],
  ] as const)("finds %s by the stem of its language (%s)", async (q, language) => {
    const result = await find({ q });
    expect(references(result)).toEqual([c[language].reference]);
  });

  it("finds 'regulations' and 'regulation' alike, a title match above a body match", async () => {
    for (const q of ["regulation", "regulations", "REGULATIONS"]) {
      expect(references(await find({ q }))).toEqual([c.enTitle.reference, c.enBody.reference]);
    }
  });

  it("matches a row only with its own language's dictionary", async () => {
    // French stems "université" to "univers", which is also the English stem of
    // "universities"; English does not: the English contribution must not match.
    expect(references(await find({ q: "université" }))).toEqual([]);
    expect(references(await find({ q: "universities" }))).toEqual([c.universities.reference]);
  });

  it("understands the web search syntax: phrases, OR and exclusion", async () => {
    expect(references(await find({ q: '"small companies"' }))).toEqual([c.enTitle.reference]);
    expect(references(await find({ q: '"regulations small"' }))).toEqual([]);
    expect(references(await find({ q: "regulation -lawyers" }))).toEqual([c.enBody.reference]);
    expect(new Set(references(await find({ q: "cheval or Kinder" })))).toEqual(new Set([c.fr.reference, c.de.reference]));
  });

  it("treats SQL and tsquery syntax in the search as text", async () => {
    for (const q of ["'; DROP TABLE \"Contribution\"; --", "cheval & | ! :* ( )", "\\", "the"]) {
      const result = await find({ q });
      expect(result?.total ?? -1).toBeGreaterThanOrEqual(0);
    }
    expect(await db.contribution.count()).toBeGreaterThan(0);
  });

  it("keeps the GIN index usable: the language-independent condition is what lets the planner use it", async () => {
    class Rollback extends Error {}
    // With a handful of rows the planner prefers other plans: in a transaction
    // that is rolled back, drop every plain btree index of the table (each
    // new one could serve the list too) and forbid sequential scans, so the
    // plan shows what the search itself can use.
    const planOf = async (sql: Prisma.Sql) => {
      let plan = "";
      await db
        .$transaction(async (tx) => {
          const btrees = await tx.$queryRaw<{ name: string }[]>`
            SELECT i.relname AS "name" FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_am a ON a.oid = i.relam
            WHERE t.relname = 'Contribution' AND a.amname = 'btree' AND NOT x.indisunique`;
          for (const { name } of btrees) await tx.$executeRawUnsafe(`DROP INDEX "${name}"`);
          await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
          const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN ${sql}`;
          plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
          throw new Rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Rollback)) throw error;
        });
      return plan;
    };
    const { from, where, order } = contributionListSql(consultation.id, { q: "regulation" }, ["en", "fr", "de"]);
    const used = await planOf(Prisma.sql`SELECT c."id" ${from} ${where} ORDER BY ${order} LIMIT 20`);
    expect(used).toContain("Contribution_searchVector_idx");
    // The per-row condition alone (the row's own dictionary) cannot use it.
    const perRowOnly = await planOf(
      Prisma.sql`SELECT c."id" FROM "Contribution" c WHERE c."consultationId" = ${consultation.id} AND c."searchVector" @@ websearch_to_tsquery(agora_search_config(c."language"), 'regulation')`,
    );
    expect(perRowOnly).not.toContain("Contribution_searchVector_idx");
    expect(await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = 'Contribution_status_submittedAt_idx'`).toEqual([{ n: 1 }]);
  });
});

describe("findConsultationContributions: filters", () => {
  it.each([
    [{ type: "NGO" }, ["universities", "fr"]],
    [{ country: "de" }, ["de"]],
    [{ phase: "AFTER" }, ["enBody", "enTitle"]],
    [{ language: "de" }, ["de"]],
    [{ language: "en", phase: "DURING" }, ["universities"]],
    [{ q: "regulation", type: "ACADEMIC", country: "JP", phase: "AFTER", language: "en" }, ["enTitle", "enBody"]],
    [{ q: "cheval", language: "en" }, []],
    [{ type: "TRADE_UNION" }, []],
  ] as const)("filters by %j", async (filters, expected) => {
    const result = await find({ ...filters });
    expect(references(result)).toEqual(expected.map((key) => c[key].reference));
    expect(result?.total).toBe(expected.length);
  });

  it("offers only the values present among the published contributions, with their counts", async () => {
    const result = await find({ type: "NGO" });
    // Facets describe the whole list, not the filtered one, so a filter can be changed without clearing the others.
    expect(result?.facets).toEqual({
      stakeholderTypes: [
        { value: "COMPANY", count: 1 },
        { value: "NGO", count: 2 },
        { value: "ACADEMIC", count: 2 },
      ],
      countries: [
        { value: "FR", count: 2 },
        { value: "DE", count: 1 },
        { value: "JP", count: 2 },
      ],
      phases: [
        { value: "BEFORE", count: 1 },
        { value: "DURING", count: 2 },
        { value: "AFTER", count: 2 },
      ],
      languages: [
        { value: "en", count: 3 },
        { value: "fr", count: 1 },
        { value: "de", count: 1 },
      ],
    });
  });
});

describe("findConsultationContributions: pages of 20", () => {
  let paged: TestConsultation;
  let all: TestContribution[];

  beforeAll(async () => {
    paged = await createTestConsultation({ title: "Many answers" });
    all = [];
    for (let index = 0; index < 45; index += 1) {
      all.push(await createTestContribution({ authorId: users.reader.id, consultationId: paged.id, submittedAt: minutes(100 + index) }));
    }
  });

  it("splits 45 contributions into pages of 20, 20 and 5, newest first, without overlap", async () => {
    const newestFirst = [...all].reverse().map((row) => row.reference);
    const pages = [];
    for (const page of [1, 2, 3]) {
      const result = await findConsultationContributions(paged.slug, { page: String(page) });
      expect(result).toMatchObject({ total: 45, page, pageCount: 3, pageSize: 20 });
      pages.push(...(references(result) ?? []));
    }
    expect(pages).toEqual(newestFirst);
  });

  it("returns an empty page past the end, with the true total", async () => {
    const result = await findConsultationContributions(paged.slug, { page: "4" });
    expect(result).toMatchObject({ items: [], total: 45, page: 4, pageCount: 3 });
  });
});

describe("getContribution: who may read the permanent page", () => {
  const statuses = ["pending", "rejected", "hidden", "withdrawn"] as const;

  it("shows a published contribution to everyone, with its answers in question order", async () => {
    const questions = await db.question.findMany({ where: { consultationId: consultation.id }, orderBy: { position: "asc" } });
    const [free, multiple, scale] = questions;
    if (!free || !multiple || !scale) throw new Error("questions missing");
    const answered = await createTestContribution({
      authorId: users.chiyo.id,
      consultationId: consultation.id,
      title: "With answers",
      body: "# Heading\n\nBody **bold**.",
      answers: { [scale.id]: 4, [multiple.id]: ["Health", "Education"], [free.id]: "Opacity of decisions.", unknownQuestion: "ignored" },
    });
    const detail = await getContribution(answered.reference);
    expect(detail).toEqual({
      reference: answered.reference,
      title: "With answers",
      body: "# Heading\n\nBody **bold**.",
      language: "en",
      phase: "DURING",
      status: "APPROVED",
      rejectionReason: null,
      submittedAt: expect.any(Date),
      consultation: { slug: consultation.slug, title: consultation.title },
      author: { anonymous: false, displayName: "Chiyo Tanaka", organisationName: "Kyoto Institute", stakeholderType: "ACADEMIC", country: "JP" },
      answers: [
        { questionId: free.id, prompt: "What worries you most?", kind: "FREE_TEXT", value: "Opacity of decisions." },
        { questionId: multiple.id, prompt: "Which sectors?", kind: "MULTIPLE_CHOICE", value: ["Health", "Education"] },
        { questionId: scale.id, prompt: "How urgent is it?", kind: "SCALE", value: 4 },
      ],
      attachments: [],
      viewer: { signedIn: false, isAuthor: false, canFlag: false, hasFlagged: false },
    });
    await signInAs(users.reader.id);
    expect((await getContribution(answered.reference))?.viewer).toEqual({ signedIn: true, isAuthor: false, canFlag: true, hasFlagged: false });
    await signInAs(users.chiyo.id);
    expect((await getContribution(answered.reference))?.viewer).toEqual({ signedIn: true, isAuthor: true, canFlag: false, hasFlagged: false });
  });

  it("lists the attachments and shows an anonymous author as Anonymous, without any e-mail", async () => {
    await db.attachment.create({
      data: {
        contributionId: c.de.id,
        uploaderId: users.bruno.id,
        fileName: "position.pdf",
        mediaType: "application/pdf",
        size: 1234,
        sha256: "a".repeat(64),
        storageKey: "aa/" + "a".repeat(64),
      },
    });
    const detail = await getContribution(c.de.reference);
    expect(detail?.attachments).toEqual([{ id: expect.any(String), fileName: "position.pdf", mediaType: "application/pdf", size: 1234 }]);
    expect(detail?.author).toEqual({ anonymous: true, displayName: null, organisationName: null, stakeholderType: "COMPANY", country: "DE" });
    const text = JSON.stringify(detail);
    for (const secret of ["Bruno", "Keller", users.bruno.email, "@"]) expect(text).not.toContain(secret);
  });

  it.each(statuses)("hides a %s contribution from visitors and other participants (null → 404)", async (key) => {
    expect(await getContribution(c[key].reference)).toBeNull();
    await signInAs(users.reader.id);
    expect(await getContribution(c[key].reference)).toBeNull();
  });

  it.each(statuses)("shows a %s contribution to its author and to moderators and administrators", async (key) => {
    for (const who of [users.dario, users.moderator, users.admin]) {
      await signInAs(who.id);
      const detail = await getContribution(c[key].reference);
      expect(detail?.status).toBe(c[key].status);
      expect(detail?.viewer.canFlag).toBe(false);
    }
    await signInAs(users.dario.id);
    expect((await getContribution(c.rejected.reference))?.rejectionReason).toBe("Off topic");
  });

  it("hides a contribution of a draft consultation from everyone but administrators and its author", async () => {
    expect(await getContribution(c.inDraft.reference)).toBeNull();
    await signInAs(users.reader.id);
    expect(await getContribution(c.inDraft.reference)).toBeNull();
    await signInAs(users.admin.id);
    expect(await getContribution(c.inDraft.reference)).not.toBeNull();
  });

  it("answers null for unknown and malformed references", async () => {
    expect(await getContribution("AGR-2026-999999")).toBeNull();
    expect(await getContribution("../../etc/passwd")).toBeNull();
    expect(await getContribution(c.fr.reference.toLowerCase())).not.toBeNull();
  });
});
