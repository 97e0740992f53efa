import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser } from "@playwright/test";
import ts from "typescript";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import {
  GUARD_CONFERENCE,
  GUARD_CONSULTATION,
  GUARD_IDS_FILE,
  GUARD_NOTICE,
  GUARD_PARTICIPANT,
  GUARD_PENDING_TITLE,
  GUARD_REASON,
  GUARD_REPORTED_TITLE,
  GUARD_TARGET,
  HIJACKED,
  type GuardIds,
} from "./action-guard-fixtures";
import { expect, signInViaApi, test } from "./fixtures";

// Every server action of the build, called through HTTP the way the browser
// calls it, by a visitor, a participant and (for the administrators' ones) a
// moderator: each must refuse whoever it is not for, so that an action whose
// domain function forgets its check fails here. The list of actions comes
// from the build's manifest and must equal the exports of lib/*/actions.ts,
// each with its rule in ACCESS below: a new action cannot be left out.
//
// The request is a React Server Components reply as Next.js 16's client
// sends it (next/dist/client/components/router-reducer/reducers/
// server-action-reducer.js): a POST to a page that uses the action, with the
// action's id in the Next-Action header and the arguments encoded by
// React's encodeReply, which for plain JSON values is the JSON array of the
// arguments. The answer is an RSC stream whose row 0 holds { a: "$@<row>" },
// the row with the action's return value
// (next/dist/server/app-render/action-handler.js).

type Access = "public" | "participant" | "moderator" | "admin";

type Rule = {
  access: Access;
  /** The arguments, aimed at real records of someone else where the action takes any. */
  args: (ids: GuardIds) => unknown[];
  /** A participant may call it, but these arguments are someone else's records: refused all the same. */
  othersRecords?: true;
};

const conferenceInput = { description: "Written by a call that must be refused.", venue: "Nowhere", isOnline: false, timeZone: "Europe/Brussels", startsAt: "2031-01-10T10:00", endsAt: "2031-01-11T17:00" };
const consultationInput = {
  summary: "Written by a call that must be refused.",
  topics: "Testing",
  body: "Written by a call that must be refused.",
  participationRules: "",
  conferenceId: "",
  timeZone: "Europe/Brussels",
  opensAt: "2031-01-01T09:00",
  closesAt: "2031-02-01T17:00",
  questions: [],
};

const ACCESS: Record<string, Rule> = {
  // Anyone: creating an account and the links sent by e-mail.
  registerAction: { access: "public", args: () => [{}] },
  resendVerificationAction: { access: "public", args: () => [{ email: "nobody@example.org" }] },
  requestPasswordResetAction: { access: "public", args: () => [{ email: "nobody@example.org" }] },
  resetPasswordAction: { access: "public", args: () => [{ token: "not-a-token", password: "not-a-password", confirmPassword: "not-a-password" }] },
  // Anyone signed in, on their own account and contributions. Empty input
  // where a valid one would change the participant's own data.
  updateMyProfileAction: { access: "participant", args: () => [{}] },
  changeMyPasswordAction: { access: "participant", args: () => [{}] },
  saveDraftAction: { access: "participant", args: () => [{}] },
  discardDraftAction: { access: "participant", args: (ids) => [{ consultationId: ids.consultationId }] },
  deleteUploadAction: { access: "participant", args: () => [{}] },
  submitContributionAction: { access: "participant", args: () => [{}] },
  updateContributionAction: {
    access: "participant",
    othersRecords: true,
    args: (ids) => [
      {
        reference: ids.pending.reference,
        version: 1,
        title: HIJACKED.title,
        body: "Written by a call that must be refused, long enough to be a contribution.",
        answers: {},
        language: "en",
        publication: "PUBLIC",
        attachmentIds: [],
      },
    ],
  },
  withdrawContributionAction: { access: "participant", othersRecords: true, args: (ids) => [{ reference: ids.pending.reference }] },
  flagContributionAction: { access: "participant", args: () => [{}] },
  markNoticeReadAction: { access: "participant", othersRecords: true, args: (ids) => [{ noticeId: ids.noticeId }] },
  markAllNoticesReadAction: { access: "participant", args: () => [] },
  // Moderators.
  decideContributionAction: { access: "moderator", args: (ids) => [{ contributionId: ids.pending.id, version: 1, decision: "APPROVE" }] },
  bulkDecideAction: { access: "moderator", args: (ids) => [{ decision: "APPROVE", items: [{ contributionId: ids.pending.id, version: 1 }] }] },
  addModeratorNoteAction: { access: "moderator", args: (ids) => [{ contributionId: ids.pending.id, note: HIJACKED.note }] },
  dismissFlagsAction: { access: "moderator", args: (ids) => [{ contributionId: ids.reported.id, version: 1, openFlagCount: 1 }] },
  suspendAuthorAction: { access: "moderator", args: (ids) => [{ userId: ids.targetUserId, reason: "Written by a call that must be refused." }] },
  // The users page's switch: moderators may suspend participants too (issue 4), so it is theirs.
  setUserSuspendedAction: { access: "moderator", args: (ids) => [{ userId: ids.targetUserId, suspended: true, reason: "Written by a call that must be refused." }] },
  saveSummaryAction: {
    access: "moderator",
    args: (ids) => [GUARD_CONSULTATION.slug, { consultationId: ids.consultationId, synthesis: HIJACKED.title, highlights: [], baseVersion: 0, publish: true }],
  },
  steerThemesAction: {
    access: "moderator",
    args: (ids) => [GUARD_CONSULTATION.slug, { change: "add", consultationId: ids.consultationId, baseVersion: 0, step: { kind: "add", label: HIJACKED.title, seeds: ["hijacked"] } }],
  },
  // Administrators.
  createConferenceAction: { access: "admin", args: () => [{ ...conferenceInput, title: HIJACKED.title, slug: HIJACKED.conferenceSlug }] },
  updateConferenceAction: { access: "admin", args: (ids) => [{ ...conferenceInput, id: ids.conferenceId, title: HIJACKED.title, slug: GUARD_CONFERENCE.slug }] },
  createConsultationAction: { access: "admin", args: () => [{ ...consultationInput, title: HIJACKED.title, slug: HIJACKED.consultationSlug }] },
  updateConsultationAction: { access: "admin", args: (ids) => [{ ...consultationInput, id: ids.consultationId, title: HIJACKED.title, slug: GUARD_CONSULTATION.slug }] },
  changeConsultationStatusAction: { access: "admin", args: (ids) => [{ id: ids.consultationId, status: "CLOSED" }] },
  createRejectionReasonAction: { access: "admin", args: () => [{ label: HIJACKED.reason }] },
  updateRejectionReasonAction: { access: "admin", args: (ids) => [{ id: ids.reasonId, label: HIJACKED.title, active: true }] },
  moveRejectionReasonAction: { access: "admin", args: (ids) => [{ id: ids.reasonId, direction: "UP" }] },
  changeUserRoleAction: { access: "admin", args: (ids) => [{ userId: ids.targetUserId, role: "ADMIN" }] },
  updateSearchSynonymsAction: { access: "admin", args: (ids) => [{ consultationId: ids.consultationId, synonyms: `${HIJACKED.title} = written by a refused call` }] },

};

const SIGN_IN = { ok: false, message: "Please sign in to continue." };
const FORBIDDEN = { ok: false, message: "You do not have permission to do this." };

type Caller = "visitor" | "participant" | "moderator";

/** The refusal a caller must get, or "through" where the action is for them; undefined: not called. */
function expectedAnswer(access: Access, caller: Caller): typeof SIGN_IN | "through" | undefined {
  if (caller === "visitor") return access === "public" ? "through" : SIGN_IN;
  if (caller === "participant") return access === "public" || access === "participant" ? "through" : FORBIDDEN;
  // A moderator may do what moderators do: only the administrators' actions are called.
  return access === "admin" ? FORBIDDEN : undefined;
}

type BuiltAction = { id: string; name: string; file: string; page: string };

/** The server actions of the build, from .next/server/server-reference-manifest.json. */
function builtActions(): BuiltAction[] {
  type Manifest = { node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }> };
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
  return Object.entries(manifest.node)
    .map(([id, entry]) => {
      const worker = Object.keys(entry.workers)[0];
      if (!entry.exportedName || !entry.filename || !worker) throw new Error(`server action ${id} has no name, file or page in the manifest`);
      return { id, name: entry.exportedName, file: entry.filename, page: pageOf(worker) };
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}

/** A path the page of a worker answers on ("app/(account)/account/page" → "/account"). Parameters need no real value: an action that changes nothing renders no page. */
function pageOf(worker: string): string {
  const segments = worker.replace(/^app\//, "").replace(/\/?page$/, "").split("/");
  const kept = segments.filter((segment) => segment && !/^\(.*\)$/.test(segment)).map((segment) => (/^\[.*\]$/.test(segment) ? "x" : segment));
  return `/${kept.join("/")}`;
}

/** The exported names of every lib/*\/actions.ts, read from the source. */
function exportedActions(): { name: string; file: string }[] {
  const found: { name: string; file: string }[] = [];
  for (const folder of readdirSync("lib", { withFileTypes: true })) {
    const file = path.posix.join("lib", folder.name, "actions.ts");
    if (!folder.isDirectory() || !readdirSync(path.join("lib", folder.name)).includes("actions.ts")) continue;
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      if (ts.isFunctionDeclaration(statement) && statement.name) found.push({ name: statement.name.text, file });
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) found.push({ name: declaration.name.text, file });
      }
    }
  }
  return found.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}

/** React's encodeReply for plain JSON values: a string that starts with "$" is escaped with one more. */
function encodeReply(args: unknown[]): string {
  return JSON.stringify(args, (_key, value: unknown) => (typeof value === "string" && value.startsWith("$") ? `$${value}` : value));
}

/** The action's return value in an RSC answer (row 0 points at its row), with React's "$" escapes undone. */
function actionResultOf(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined && !rows.has(match[1])) rows.set(match[1], match[2]);
  }
  const root = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
  const reference = typeof root?.a === "string" ? /^\$@([0-9a-f]+)$/.exec(root.a)?.[1] : undefined;
  const row = reference === undefined ? undefined : rows.get(reference);
  if (row === undefined) throw new Error(`no action result in the answer:\n${body.slice(0, 500)}`);
  if (!row.startsWith("{") && !row.startsWith("[")) throw new Error(`the action threw or answered something else: ${row.slice(0, 300)}`);
  return JSON.parse(row, (_key, value: unknown) => {
    if (typeof value !== "string" || !value.startsWith("$")) return value;
    if (value === "$undefined") return undefined;
    if (value.startsWith("$$")) return value.slice(1);
    throw new Error(`unexpected RSC reference ${value} in an action result`);
  });
}

async function callAction(request: APIRequestContext, baseURL: string, action: BuiltAction, args: unknown[]): Promise<{ ok?: unknown; message?: unknown }> {
  const response = await request.post(action.page, {
    headers: { "Next-Action": action.id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", Origin: baseURL },
    data: encodeReply(args),
    maxRedirects: 0,
  });
  expect(response.headers()["content-type"], `${action.name} answers with an RSC stream`).toContain("text/x-component");
  expect(response.headers()["x-action-redirect"], `${action.name} does not redirect`).toBeUndefined();
  const result = actionResultOf(await response.text());
  if (typeof result !== "object" || result === null) throw new Error(`${action.name} answered ${JSON.stringify(result)}`);
  return result;
}

function readIds(): GuardIds {
  return JSON.parse(readFileSync(GUARD_IDS_FILE, "utf8")) as GuardIds;
}

function demo(role: "ADMIN" | "MODERATOR") {
  const account = DEMO_ACCOUNTS.find((item) => item.role === role);
  if (!account) throw new Error(`no demo ${role}`);
  return account;
}

/** A request context of its own, signed in as the caller (none for a visitor). */
async function requestAs(browser: Browser, caller: Caller): Promise<{ request: APIRequestContext; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (caller === "participant") await signInViaApi(page, GUARD_PARTICIPANT.email, DEMO_PASSWORD);
  if (caller === "moderator") await signInViaApi(page, demo("MODERATOR").email, DEMO_PASSWORD);
  return { request: page.request, close: () => context.close() };
}

test("the build's server actions are the exports of lib/*/actions.ts, each with an access rule", () => {
  const built = builtActions().map(({ name, file }) => ({ name, file }));
  expect(built.length).toBeGreaterThan(0);
  expect(built, "every action of the build is exported by a lib/*/actions.ts, and every export is used by a page").toEqual(exportedActions());
  expect(built.map(({ name }) => name).sort(), "every action has its rule in ACCESS, and ACCESS names no other").toEqual(Object.keys(ACCESS).sort());
});

test("every server action refuses a visitor, a participant and a moderator unless it is for them", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const ids = readIds();
  const actions = builtActions().filter((action) => ACCESS[action.name]);
  const callers: Caller[] = ["visitor", "participant", "moderator"];
  const answers = new Map<string, Partial<Record<Caller, string>>>();

  for (const caller of callers) {
    const { request, close } = await requestAs(browser, caller);
    try {
      for (const action of actions) {
        const rule = ACCESS[action.name];
        const expected = rule ? expectedAnswer(rule.access, caller) : undefined;
        if (!rule || expected === undefined) continue;
        const result = await callAction(request, baseURL ?? "", action, rule.args(ids));
        answers.set(action.name, { ...answers.get(action.name), [caller]: `${result.ok ? "ok" : "refused"}: ${String(result.message ?? "")}` });
        const what = `${action.name} (${rule.access}) called by a ${caller}`;
        if (expected === "through") {
          expect.soft([SIGN_IN.message, FORBIDDEN.message], `${what} gets past the access check`).not.toContain(result.message);
          if (caller === "participant" && rule.othersRecords) expect.soft(result.ok, `${what} on someone else's records is refused`).toBe(false);
        } else {
          expect.soft(result, what).toEqual(expected);
        }
      }
    } finally {
      await close();
    }
  }

  // The list the closing note of issue 9 quotes: every action of the build and what each caller got.
  const lines = actions.map((action) => {
    const got = answers.get(action.name) ?? {};
    const calls = callers.map((caller) => `${caller}: ${got[caller] ?? "not called"}`).join(" | ");
    return `  ${action.name.padEnd(32)} ${action.file.padEnd(34)} ${(ACCESS[action.name]?.access ?? "").padEnd(11)} ${calls}`;
  });
  console.log([`Server actions of the build: ${actions.length}`, ...lines].join("\n"));
  expect(answers.size).toBe(actions.length);
});

test("nothing the refused calls aimed at has changed", async ({ page, request }) => {
  const ids = readIds();
  // Public: the consultation, its published summaries, the conference; nothing created.
  const consultation = await request.get(`/api/v1/consultations/${GUARD_CONSULTATION.slug}`);
  expect(await consultation.json()).toMatchObject({ title: GUARD_CONSULTATION.title, status: "OPEN" });
  expect((await request.get(`/api/v1/consultations/${HIJACKED.consultationSlug}`)).status()).toBe(404);
  expect(await (await request.get(`/api/v1/consultations/${GUARD_CONSULTATION.slug}/summaries`)).json()).toMatchObject({ data: [] });
  await page.goto(`/conferences/${GUARD_CONFERENCE.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(GUARD_CONFERENCE.title);
  expect((await page.goto(`/conferences/${HIJACKED.conferenceSlug}`))?.status()).toBe(404);

  // The author: the contribution still waits, the notice is still unread.
  await signInViaApi(page, GUARD_TARGET.email, DEMO_PASSWORD);
  await page.goto("/my-contributions");
  await expect(page.getByText("1 new notice.")).toBeVisible();
  await expect(page.getByText(GUARD_NOTICE)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: GUARD_PENDING_TITLE })).toContainText("Pending");

  // Moderators: both contributions still in the queue as they were, no note.
  await page.context().clearCookies();
  await signInViaApi(page, demo("MODERATOR").email, DEMO_PASSWORD);
  await page.goto(`/moderation?consultation=${GUARD_CONSULTATION.slug}`);
  const queue = page.getByRole("table");
  await expect(queue.locator("tbody tr")).toHaveCount(2);
  await expect(queue.getByRole("row").filter({ hasText: GUARD_PENDING_TITLE })).toBeVisible();
  await expect(queue.getByRole("row").filter({ hasText: GUARD_REPORTED_TITLE })).toContainText("1 open report");
  await page.goto(`/moderation/contributions/${ids.pending.reference}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(GUARD_PENDING_TITLE);
  await expect(page.getByText(HIJACKED.note)).toHaveCount(0);

  // Administrators: the author's role and account, the list of reasons.
  await page.context().clearCookies();
  await signInViaApi(page, demo("ADMIN").email, DEMO_PASSWORD);
  await page.goto(`/admin/users?query=${encodeURIComponent(GUARD_TARGET.email)}`);
  const row = page.getByRole("row").filter({ hasText: GUARD_TARGET.email });
  await expect(row.getByLabel(`Role of ${GUARD_TARGET.name}`)).toHaveValue("PARTICIPANT");
  await expect(row).not.toContainText("Suspended");
  await page.goto("/admin/rejection-reasons");
  const reasons = page.getByRole("table").locator("tbody tr");
  await expect(reasons.last()).toContainText(GUARD_REASON);
  await expect(reasons.last()).toContainText("Inactive");
  await expect(page.getByText(HIJACKED.reason)).toHaveCount(0);
  await expect(page.getByText(HIJACKED.title)).toHaveCount(0);
});
