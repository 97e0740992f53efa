import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { Locator, Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { expect, signInViaApi, test } from "./fixtures";
import { SUMMARY_CONSULTATION, SUMMARY_PENDING } from "./summary-fixtures";
import { waitForCurrentThemes } from "./summary-helpers";

// The summary of the consultation whose conference is running (issue 5's
// acceptance journey): a moderator reads the live figures and themes of the
// NGOs, pins two quotes, writes and publishes the synthesis; a visitor reads
// it and downloads the contributions; a contribution approved afterwards
// changes nothing published until the summary is published again.

const slug = SUMMARY_CONSULTATION.slug;
const summaryPath = `/consultations/${slug}/summary`;

function demoEmail(role: "MODERATOR" | "PARTICIPANT"): string {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`No demo ${role.toLowerCase()}`);
  return account.email;
}

async function signInAs(page: Page, role: "MODERATOR" | "PARTICIPANT") {
  await page.context().clearCookies();
  await signInViaApi(page, demoEmail(role), DEMO_PASSWORD);
}

async function signOut(page: Page) {
  await page.context().clearCookies();
}

/** The total of approved contributions the page shows ("62 approved contributions …"). */
async function shownTotal(page: Page): Promise<number> {
  const text = (await page.locator("#summary-total strong").textContent()) ?? "";
  return Number(text.replaceAll(",", ""));
}

/** The reference of the first quote of a theme, and its Pin button. */
async function firstQuote(theme: Locator): Promise<{ reference: string; pin: Locator }> {
  const reference = ((await theme.getByRole("link", { name: /^AGR-\d{4}-\d+$/ }).first().textContent()) ?? "").trim();
  return { reference, pin: theme.getByRole("button", { name: `Pin ${reference} as highlight` }) };
}

test("a moderator publishes the NGO-informed synthesis; visitors read it frozen until it is published again", async ({ page }) => {
  test.setTimeout(240_000);
  const synthesis = [
    "## What non-governmental organisations asked for",
    "",
    "NGOs ask for **accessible automated decisions**: easy-read letters and sign language for benefit claims.",
    "",
    "- A public register of the algorithms municipalities use.",
    "- A person to talk to, not only a chatbot.",
  ].join("\n");

  await test.step("before anything is published, visitors are told so and cannot open the live view", async () => {
    await page.goto(summaryPath);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Summary of “${SUMMARY_CONSULTATION.title}”`);
    await expect(page.getByText("No summary has been published yet")).toBeVisible();
    await page.goto(`${summaryPath}?view=live`);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  });

  await signInAs(page, "MODERATOR");
  let total = 0;
  const pinned: string[] = [];

  await test.step("the moderator opens the live summary from the consultation page and filters it to NGOs", async () => {
    await page.goto(`/consultations/${slug}`);
    await page.getByRole("link", { name: "Read the summary of this consultation" }).click();
    await page.getByRole("link", { name: "Live view and synthesis editor" }).click();
    await expect(page).toHaveURL(/view=live/);
    await expect(page.getByText("Live view, for moderators only.")).toBeVisible();
    await waitForCurrentThemes(page);
    total = await shownTotal(page);
    expect(total).toBeGreaterThan(20);

    const filters = page.getByRole("search", { name: "Filter the summary" });
    await filters.getByLabel("Stakeholder type").selectOption("NGO");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/type=NGO/);
    await expect(page).toHaveURL(/view=live/);
    const ngos = await shownTotal(page);
    expect(ngos).toBeGreaterThanOrEqual(8);
    expect(ngos).toBeLessThan(total);
    await expect(page.getByText(`Figures and themes of the ${ngos} of ${total} contributions with stakeholder type “Non-governmental organisation (NGO)”.`)).toBeVisible();
    // Every contribution counted is an NGO's.
    const byType = page.getByRole("table", { name: "Contributions by the stakeholder type of their authors" });
    await expect(byType.getByRole("row")).toHaveCount(2);
    await expect(byType.getByRole("row", { name: /Non-governmental organisation \(NGO\)/ })).toContainText(`${ngos}`);
    // The filter stays selected in the form.
    await expect(filters.getByLabel("Stakeholder type")).toHaveValue("NGO");
  });

  await test.step("reads the themes of the NGOs and pins a quote of two of them", async () => {
    const themes = page.getByRole("region", { name: "Themes" });
    const withTerm = (term: RegExp) => themes.getByRole("article").filter({ has: page.getByText(term) });
    const registers = withTerm(/^Key terms: .*\bregister\b/);
    const accessibility = withTerm(/^Key terms: .*\b(disabilities|blind)\b/);
    await expect(registers).toHaveCount(1);
    await expect(accessibility).toHaveCount(1);
    // Each theme: its size and share, its spread over stakeholder types (NGOs only here) and quotes linking to the contributions.
    // The first is the theme's own; its sub-themes say theirs below.
    await expect(registers.getByText(/^\d+ contributions \(\d+(\.\d)?%\)$/).first()).toBeVisible();
    await expect(registers.getByRole("table", { name: /^Theme \d+ by stakeholder type$/ }).getByRole("row", { name: /Non-governmental organisation/ })).toBeVisible();
    await expect(registers.locator("blockquote").first()).toBeVisible();

    // The answers to the free-text question have themes of their own: each table's caption says whose.
    const freeText = SUMMARY_CONSULTATION.questions.findIndex((question) => question.kind === "FREE_TEXT") + 1;
    const answers = page.getByRole("region", { name: "Answers to the questions" });
    await expect(answers.getByRole("table", { name: `Question ${freeText}, theme 1 by stakeholder type` })).toBeVisible();

    for (const theme of [registers, accessibility]) {
      const { reference, pin } = await firstQuote(theme);
      await pin.click();
      await expect(pin).toHaveAttribute("aria-pressed", "true");
      pinned.push(reference);
    }
    const editor = page.getByRole("complementary", { name: "Synthesis editor" });
    await expect(editor.getByText("2 of at most 10 pinned.")).toBeVisible();
    for (const reference of pinned) await expect(editor.getByRole("link", { name: reference })).toBeVisible();
  });

  await test.step("reorders the highlights from the keyboard: focus stays on the highlight moved, its new place is announced", async () => {
    const editor = page.getByRole("complementary", { name: "Synthesis editor" });
    const highlights = editor.getByRole("group", { name: "Highlights" }).getByRole("listitem");
    const [first, second] = pinned as [string, string];
    const announcement = page.getByRole("status").filter({ hasText: /moved to position/ });
    // Down on the first makes it the last, where its Down button is disabled: focus goes to its Up button.
    await editor.getByRole("button", { name: `move ${first} down` }).focus();
    await page.keyboard.press("Enter");
    await expect(highlights.nth(0)).toContainText(second);
    await expect(highlights.nth(1)).toContainText(first);
    await expect(editor.getByRole("button", { name: `move ${first} up` })).toBeFocused();
    await expect(announcement).toHaveText(`${first} moved to position 2 of 2.`);
    // And back, from the focused button.
    await page.keyboard.press("Enter");
    await expect(highlights.nth(0)).toContainText(first);
    await expect(editor.getByRole("button", { name: `move ${first} down` })).toBeFocused();
    await expect(announcement).toHaveText(`${first} moved to position 1 of 2.`);
  });

  await test.step("writes the synthesis, previews it and publishes it", async () => {
    const editor = page.getByRole("complementary", { name: "Synthesis editor" });
    await editor.getByLabel("Synthesis", { exact: true }).fill(synthesis);
    await editor.getByRole("button", { name: "Preview" }).click();
    await expect(editor.getByRole("region", { name: "Preview of the synthesis" }).getByRole("heading", { name: "What non-governmental organisations asked for" })).toBeVisible();

    // The confirmation is put into a live region already on the page: one inserted with its text is not read out by every screen reader.
    const outcome = editor.getByRole("status");
    await expect(outcome).toBeAttached();
    await expect(outcome).toBeEmpty();
    await editor.getByRole("button", { name: "Publish…" }).click();
    const dialog = page.getByRole("dialog", { name: "Publish this summary?" });
    await expect(dialog).toContainText(`the ${total} contributions approved now`);
    await dialog.getByRole("button", { name: "Publish now" }).click();
    await expect(outcome).toHaveText("Version 1 is published.", { timeout: 30_000 });
    await expect(editor.getByRole("link", { name: "Read the published version 1" })).toBeVisible();
  });

  await test.step("in print, the live view leaves out the editor, the filters and the navigation", async () => {
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("complementary", { name: "Synthesis editor" })).toBeHidden();
    await expect(page.getByRole("search", { name: "Filter the summary" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByRole("region", { name: "Themes" })).toBeVisible();
    await page.emulateMedia({ media: "screen" });
  });

  await signOut(page);
  await test.step("a visitor reads the published summary: the synthesis, the two highlights and the figures", async () => {
    await page.goto(`/consultations/${slug}`);
    await page.getByRole("link", { name: "Read the summary of this consultation" }).click();
    await expect(page).toHaveURL(new RegExp(`${summaryPath}$`));
    await expect(page.getByText(/^Version 1, published /)).toBeVisible();
    const published = page.getByRole("region", { name: "Synthesis" });
    await expect(published.getByRole("heading", { name: "What non-governmental organisations asked for" })).toBeVisible();
    await expect(published.getByText("accessible automated decisions")).toBeVisible();
    const highlights = page.getByRole("region", { name: "Highlights" }).getByRole("listitem");
    await expect(highlights).toHaveCount(2);
    for (const [index, reference] of pinned.entries()) await expect(highlights.nth(index)).toContainText(reference);
    expect(await shownTotal(page)).toBe(total);
    await expect(page.getByRole("link", { name: "Live view and synthesis editor" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /as highlight$/ })).toHaveCount(0);
  });

  await test.step("the questions are numbered from 1 in their order, though the seed stored them from 0 as the admin form does", async () => {
    const questions = page.getByRole("region", { name: "Answers to the questions" });
    await expect(questions.getByRole("heading", { level: 3 })).toHaveText(
      SUMMARY_CONSULTATION.questions.map((question, index) => `Question ${index + 1}: ${question.prompt}`),
    );
    await expect(questions.getByRole("table", { name: /^Answers to question 1, from \d+ to \d+$/ })).toBeVisible();
    await expect(questions.getByRole("table", { name: "Answers to question 2", exact: true })).toBeVisible();
    // Beside each closed question's answers, the same by stakeholder type (issue 11).
    await expect(questions.getByRole("table", { name: /^Answers to question 2 by stakeholder type/ })).toBeVisible();
  });

  await test.step("downloads the contributions as CSV", async () => {
    const downloading = page.waitForEvent("download");
    await page.getByRole("region", { name: "Open data" }).getByRole("link", { name: "CSV", exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const rows = parse(await readFile(await download.path()), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(total);
    const references = rows.map((row) => row.reference);
    for (const reference of pinned) expect(references).toContain(reference);
  });

  await test.step("downloads the figures of version 1 as CSV, and the whole version as JSON", async () => {
    const openData = page.getByRole("region", { name: "Open data" });
    const downloading = page.waitForEvent("download");
    await openData.getByRole("link", { name: "its figures as CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${slug}-summary-v1-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const rows = parse(await readFile(await download.path()), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.find((row) => row.section === "total")?.count).toBe(String(total));
    const response = await page.request.get((await openData.getByRole("link", { name: "the whole version as JSON" }).getAttribute("href")) ?? "");
    expect(response.status()).toBe(200);
    const version = (await response.json()) as { version: number; synthesis: string; highlights: { reference: string }[] };
    expect(version.version).toBe(1);
    expect(version.synthesis).toContain("accessible automated decisions");
    expect(version.highlights.map((highlight) => highlight.reference)).toEqual(pinned);
  });

  await test.step("prints to PDF: no navigation, filters or buttons; synthesis, figures and themes", async () => {
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByRole("search", { name: "Filter the summary" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
    await expect(page.getByRole("region", { name: "Synthesis" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Themes" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Who took part" })).toBeVisible();
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(20_000);
    await page.emulateMedia({ media: "screen" });
  });

  await signInAs(page, "MODERATOR");
  await test.step("a moderator approves a new NGO contribution", async () => {
    await page.goto(`/moderation?consultation=${slug}&type=NGO`);
    await page.getByRole("link", { name: SUMMARY_PENDING.title }).click();
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Approved AGR-\d{4}-\d+\. It is published\./ })).toBeVisible();
  });

  await signOut(page);
  await test.step("the published summary does not change", async () => {
    await page.goto(summaryPath);
    await expect(page.getByText(/^Version 1, published /)).toBeVisible();
    expect(await shownTotal(page)).toBe(total);
    // Its filtered views are computed over the contributions frozen with it, too.
    await page.goto(`${summaryPath}?type=NGO`);
    await expect(page.getByText(/^Figures and themes of the \d+ of \d+ contributions with stakeholder type/)).toContainText(`of ${total} contributions`);
  });

  await signInAs(page, "MODERATOR");
  await test.step("the live view counts it; publishing again makes version 2 from the same synthesis", async () => {
    await page.goto(`${summaryPath}?view=live`);
    // Publishing freezes what the themes were found from: they first take in the new contribution.
    await waitForCurrentThemes(page);
    expect(await shownTotal(page)).toBe(total + 1);
    const editor = page.getByRole("complementary", { name: "Synthesis editor" });
    await expect(editor.getByLabel("Synthesis", { exact: true })).toHaveValue(synthesis);
    await expect(editor.getByText("2 of at most 10 pinned.")).toBeVisible();
    await editor.getByRole("button", { name: "Publish…" }).click();
    const dialog = page.getByRole("dialog", { name: "Publish this summary?" });
    await expect(dialog).toContainText(`the ${total + 1} contributions approved now`);
    await dialog.getByRole("button", { name: "Publish now" }).click();
    await expect(editor.getByRole("status").filter({ hasText: "Version 2 is published." })).toBeVisible({ timeout: 30_000 });
  });

  await signOut(page);
  await test.step("visitors read version 2 with the new total, and version 1 as it was", async () => {
    await page.goto(summaryPath);
    await expect(page.getByText(/^Version 2, published /)).toBeVisible();
    expect(await shownTotal(page)).toBe(total + 1);
    const versions = page.getByRole("navigation", { name: "Versions of this summary" });
    await expect(versions.getByRole("link", { name: "Version 2" })).toHaveAttribute("aria-current", "page");
    await versions.getByRole("link", { name: "Version 1" }).click();
    await expect(page).toHaveURL(/version=1$/);
    await expect(page.getByText(/^Version 1, published /)).toBeVisible();
    expect(await shownTotal(page)).toBe(total);
    await expect(page.getByRole("link", { name: "Read the newest version (2)" })).toBeVisible();
  });
});

test("the live view is for moderators; a bad filter or version in the address is answered, never a failed page", async ({ page }) => {
  await signInAs(page, "PARTICIPANT");
  const response = await page.goto(`${summaryPath}?view=live`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();

  await signInAs(page, "MODERATOR");
  await page.goto(`${summaryPath}?view=live&type=MARTIAN&country=France&phase=DURING`);
  const filters = page.getByRole("search", { name: "Filter the summary" });
  await expect(filters.getByText("Choose a stakeholder type from the list. All values are counted.")).toBeVisible();
  await expect(filters.getByText("Choose a country from the list. All values are counted.")).toBeVisible();
  await expect(filters.getByLabel("Stakeholder type")).toHaveAttribute("aria-invalid", "true");
  // The valid filter still applies.
  await expect(filters.getByLabel("Phase")).toHaveValue("DURING");
  await expect(page.getByText(/^Figures and themes of the \d+ of \d+ contributions with phase “During the conference”\.$/)).toBeVisible();

  const missing = await page.goto(`${summaryPath}?version=999`);
  expect(missing?.status()).toBe(404);
  const malformed = await page.goto(`${summaryPath}?version=first`);
  expect(malformed?.status()).toBe(404);
});

test("two moderators at once: the later save is refused with a message and keeps what was written", async ({ page }) => {
  await signInAs(page, "MODERATOR");
  await page.goto(`${summaryPath}?view=live`);
  const other = await page.context().newPage();
  await other.goto(`${summaryPath}?view=live`);

  const first = page.getByRole("complementary", { name: "Synthesis editor" });
  await first.getByLabel("Synthesis", { exact: true }).fill("A first draft by the first moderator.");
  await first.getByRole("button", { name: "Save version" }).click();
  await expect(first.getByRole("status").filter({ hasText: /^Version \d+ is saved as a draft\.$/ })).toBeVisible({ timeout: 30_000 });

  const second = other.getByRole("complementary", { name: "Synthesis editor" });
  const text = "A second moderator's text, written in the meantime.";
  await second.getByLabel("Synthesis", { exact: true }).fill(text);
  await second.getByRole("button", { name: "Save version" }).click();
  await expect(second.getByRole("alert")).toContainText(/^Version \d+ was saved by .+ after you opened the editor\. Reload the page to see it/);
  await expect(second.getByLabel("Synthesis", { exact: true })).toHaveValue(text);
  await other.close();
});
