import fs from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { CSV_COLUMNS } from "@/lib/open-data/csv-columns";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { DEMO_CONSULTATIONS } from "@/prisma/seed/demo-consultations";
import { FIXTURE_CONSULTATION, XSS } from "./contribution-fixtures";
import { expect, signInViaApi, test } from "./fixtures";
import { waitForCurrentThemes } from "./summary-helpers";

// The open data as a visitor finds it: the documentation page (axe runs on it
// like on every page) and a real download through the browser. What the files
// and the API hold is proved in tests/integration/open-data.test.ts.

test("a visitor finds the open data from the footer and downloads a consultation's contributions as CSV", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Open data" }).click();
  await expect(page).toHaveURL("/open-data");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open data");
  await expect(page.getByRole("link", { name: "Creative Commons Attribution 4.0 International (CC BY 4.0)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Approved contributions", exact: true, level: 3 })).toBeVisible();

  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: FIXTURE_CONSULTATION.title, exact: true }) });
  const downloading = page.waitForEvent("download");
  await row.getByRole("link", { name: `CSV of the contributions to “${FIXTURE_CONSULTATION.title}”` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${FIXTURE_CONSULTATION.slug}-contributions-\\d{4}-\\d{2}-\\d{2}\\.csv$`));

  const text = await fs.readFile(await download.path(), "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
  expect(Object.keys(rows[0] ?? {}).slice(0, CSV_COLUMNS.length)).toEqual(CSV_COLUMNS.map((column) => column.header));
  expect(rows.map((csvRow) => csvRow.title)).toContain(XSS.title);
  for (const account of DEMO_ACCOUNTS) expect(text).not.toContain(account.email);
});

test("the public list of contributions links to its JSON download", async ({ page }) => {
  await page.goto(`/consultations/${FIXTURE_CONSULTATION.slug}/contributions`);
  const link = page.getByRole("link", { name: "JSON", exact: true });
  const response = await page.request.get((await link.getAttribute("href")) ?? "");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename=".+-contributions-\d{4}-\d{2}-\d{2}\.json"$/);
  const records = (await response.json()) as { title: string; author: { anonymous: boolean } }[];
  expect(records.map((record) => record.title)).toContain(XSS.title);
  await page.getByRole("link", { name: "about the open data" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open data");
});

test("once a moderator publishes a summary, the download table links its newest version as CSV and JSON", async ({ page }) => {
  test.setTimeout(120_000);
  // The closed consultation: the seed published its version 1 (issue 11);
  // no other spec publishes a summary of it.
  const closed = DEMO_CONSULTATIONS.find((consultation) => consultation.status === "CLOSED");
  const moderator = DEMO_ACCOUNTS.find((account) => account.role === "MODERATOR");
  if (!closed || !moderator) throw new Error("The demo seed needs a closed consultation and a moderator");
  const rowOf = (title: string) => page.getByRole("row").filter({ has: page.getByRole("link", { name: title, exact: true }) });

  await page.goto("/open-data");
  await expect(rowOf(closed.title).getByRole("cell").last()).toContainText(/^Version 1: CSV/);

  await signInViaApi(page, moderator.email, DEMO_PASSWORD);
  await page.goto(`/consultations/${closed.slug}/summary?view=live`);
  await waitForCurrentThemes(page);
  const editor = page.getByRole("complementary", { name: "Synthesis editor" });
  await editor.getByLabel("Synthesis", { exact: true }).fill("What the partners should agree on, in the contributors' words.");
  await editor.getByRole("button", { name: "Publish…" }).click();
  await page.getByRole("dialog", { name: "Publish this summary?" }).getByRole("button", { name: "Publish now" }).click();
  await expect(editor.getByRole("status")).toHaveText("Version 2 is published.", { timeout: 30_000 });
  await page.context().clearCookies();

  await page.goto("/open-data");
  const row = rowOf(closed.title);
  await expect(row.getByRole("cell").last()).toContainText(/^Version 2: CSV/);
  // A consultation without a published summary still has none.
  await expect(rowOf(FIXTURE_CONSULTATION.title)).toContainText("None yet");

  const csvLink = row.getByRole("link", { name: `CSV of the latest summary of “${closed.title}”` });
  expect(await csvLink.getAttribute("href")).toBe(`/api/v1/consultations/${closed.slug}/summaries/latest.csv`);
  const downloading = page.waitForEvent("download");
  await csvLink.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${closed.slug}-summary-v2-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const rows = parse(await fs.readFile(await download.path(), "utf8"), { bom: true, columns: true }) as Record<string, string>[];
  const approved = ((await row.getByRole("cell").nth(1).textContent()) ?? "").replaceAll(",", "");
  expect(rows.find((csvRow) => csvRow.section === "total")?.count).toBe(approved);

  const jsonLink = row.getByRole("link", { name: `JSON of the latest summary of “${closed.title}”` });
  const response = await page.request.get((await jsonLink.getAttribute("href")) ?? "");
  expect(response.status()).toBe(200);
  const summary = (await response.json()) as { version: number; synthesis: string };
  expect(summary).toMatchObject({ version: 2, synthesis: "What the partners should agree on, in the contributors' words." });
});
