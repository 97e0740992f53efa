import fs from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { CSV_COLUMNS } from "@/lib/open-data/csv-columns";
import { DEMO_ACCOUNTS } from "@/lib/seed/demo-accounts";
import { FIXTURE_CONSULTATION, XSS } from "./contribution-fixtures";
import { expect, test } from "./fixtures";

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
