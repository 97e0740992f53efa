import type { Locator, Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { expect, signInViaApi, test } from "./fixtures";
import { STEERING_CONSULTATION, STEERING_PENDING } from "./steering-fixtures";
import { waitForCurrentThemes } from "./summary-helpers";

// Issue 11's acceptance journey for steering: a moderator moves a
// contribution, merges two themes, renames one and adds one from seed
// words, then publishes; a visitor reads exactly those themes. Version 1
// stays as it was after another contribution is approved and the moderator
// steers again for version 2. The contributions (tests/e2e/seed/steering.ts)
// are on cycling, privacy and farming.

const slug = STEERING_CONSULTATION.slug;
const summaryPath = `/consultations/${slug}/summary`;

const moderator = DEMO_ACCOUNTS.find((account) => account.role === "MODERATOR");

async function signInAsModerator(page: Page) {
  if (!moderator) throw new Error("The demo seed needs a moderator");
  await page.context().clearCookies();
  await signInViaApi(page, moderator.email, DEMO_PASSWORD);
}

const themesOf = (page: Page) => page.getByRole("region", { name: "Themes", exact: true });
const themeHeadings = (page: Page) => themesOf(page).getByRole("heading", { level: 3, name: /^Theme \d+: / });
const steeringPanel = (page: Page) => page.getByRole("region", { name: "Steer the themes" });

/** What a reader sees of the themes: their headings, and each theme's and sub-theme's table by stakeholder type. */
async function shownThemes(page: Page): Promise<{ headings: string[]; tables: string[] }> {
  // The figures stream in after the rest of the page.
  await expect(themeHeadings(page).first()).toBeVisible();
  return { headings: await themeHeadings(page).allTextContents(), tables: await themesOf(page).getByRole("table").allInnerTexts() };
}

/** "Theme 2: Cycling lanes" → "Cycling lanes", for every theme shown. */
async function themeLabels(page: Page): Promise<string[]> {
  await expect(themeHeadings(page).first()).toBeVisible();
  return (await themeHeadings(page).allTextContents()).map((text) => text.replace(/^Theme \d+: /, ""));
}

async function labelOf(page: Page, terms: RegExp): Promise<{ label: string; article: Locator }> {
  const article = themesOf(page)
    .getByRole("article")
    .filter({ has: page.getByText(terms) })
    .first();
  const heading = (await article.getByRole("heading", { level: 3 }).textContent()) ?? "";
  return { label: heading.replace(/^Theme \d+: /, ""), article };
}

/** A form of the panel sits in a disclosure: opened by its summary, unless it is open already. */
async function openDisclosure(panel: Locator, title: string) {
  const disclosure = panel.locator("details", { has: panel.page().locator("summary", { hasText: title }) });
  if ((await disclosure.getAttribute("open")) === null) await disclosure.locator("summary").click();
}

/** Opens one of the panel's forms, fills it with `fill`, saves it and waits for the page to list the new step. */
async function saveStep(page: Page, title: string, version: number, fill: (form: Locator) => Promise<void>) {
  const panel = steeringPanel(page);
  await openDisclosure(panel, title);
  const form = panel.getByRole("form", { name: title });
  await fill(form);
  await form.getByRole("button", { name: "Save this step" }).click();
  await expect(form.getByRole("status")).toHaveText(`Saved as steering version ${version}: the themes are being found again with it.`, { timeout: 30_000 });
  await expect(panel.getByText(`Steps in effect (steering version ${version})`)).toBeVisible();
}

async function publish(page: Page, version: number) {
  const editor = page.getByRole("complementary", { name: "Synthesis editor" });
  await editor.getByLabel("Synthesis", { exact: true }).fill(`Version ${version}: what the city heard about streets, data and farms.`);
  await editor.getByRole("button", { name: "Publish…" }).click();
  await page.getByRole("dialog", { name: "Publish this summary?" }).getByRole("button", { name: "Publish now" }).click();
  await expect(editor.getByRole("status")).toHaveText(`Version ${version} is published.`, { timeout: 30_000 });
}

test("a moderator steers the themes and publishes them; visitors read exactly those, version by version", async ({ page }) => {
  test.setTimeout(360_000);
  let cycling = "";
  let privacy = "";
  let farming = "";
  let moved = "";
  let published: Awaited<ReturnType<typeof shownThemes>> = { headings: [], tables: [] };

  await test.step("the moderator opens the live view and waits for the engine's themes", async () => {
    await signInAsModerator(page);
    await page.goto(`${summaryPath}?view=live`);
    await waitForCurrentThemes(page);
    await expect(steeringPanel(page).getByText("None yet: the themes are the engine's.")).toBeVisible();
    const bikes = await labelOf(page, /^Key terms: .*\b(bike|cycle|cycling|lanes)\b/);
    cycling = bikes.label;
    privacy = (await labelOf(page, /^Key terms: .*\b(personal|data|privacy)\b/)).label;
    farming = (await labelOf(page, /^Key terms: .*\b(farmers|farms|subsidies|farming)\b/)).label;
    expect(new Set([cycling, privacy, farming]).size).toBe(3);
    moved = ((await bikes.article.getByRole("link", { name: /^AGR-\d{4}-\d+$/ }).first().textContent()) ?? "").trim();
    expect(moved).toMatch(/^AGR-/);
  });

  await test.step("moves a contribution, merges two themes, renames one and adds one from seed words", async () => {
    await saveStep(page, "Move a contribution", 1, async (form) => {
      await form.getByLabel("Contribution").fill(moved);
      await form.getByLabel("Out of").selectOption({ label: cycling });
      await form.getByLabel("Into").selectOption({ label: privacy });
    });
    await saveStep(page, "Merge themes", 2, async (form) => {
      await form.getByLabel(privacy, { exact: true }).check();
      await form.getByLabel(farming, { exact: true }).check();
      await form.getByLabel("Name of the merged theme").fill("Data and farms");
    });
    await saveStep(page, "Rename a theme", 3, async (form) => {
      await form.getByLabel("Theme", { exact: true }).selectOption({ label: cycling });
      await form.getByLabel("New name").fill("Safe streets for cycling");
    });
    // A mistake the browser catches before anything is sent: no seed words.
    const panel = steeringPanel(page);
    await openDisclosure(panel, "Add a theme from seed words");
    const add = panel.getByRole("form", { name: "Add a theme from seed words" });
    await add.getByLabel("Name").fill("Water for farms");
    await add.getByRole("button", { name: "Save this step" }).click();
    await expect(add.getByText("Give at least one seed word or phrase.")).toBeVisible();
    await expect(add.getByLabel("Seed words or phrases")).toHaveAttribute("aria-invalid", "true");
    await saveStep(page, "Add a theme from seed words", 4, async (form) => {
      await form.getByLabel("Seed words or phrases").fill("drought, irrigation, water storage");
    });
  });

  await test.step("the themes are found again with the four steps, each said to be applied", async () => {
    await waitForCurrentThemes(page);
    const steps = steeringPanel(page).getByRole("listitem");
    await expect(steps).toHaveCount(4);
    await expect(steps.nth(0)).toContainText(`Moved ${moved} from “${cycling}” to “${privacy}”.`);
    await expect(steps.nth(1)).toContainText("into “Data and farms”.");
    await expect(steps.nth(2)).toContainText(`Renamed “${cycling}” to “Safe streets for cycling”.`);
    for (let index = 0; index < 4; index += 1) await expect(steps.nth(index)).toContainText("(applied)");
    const labels = await themeLabels(page);
    expect(labels).toEqual(expect.arrayContaining(["Safe streets for cycling", "Data and farms", "Water for farms"]));
    expect(labels).not.toContain(privacy);
    expect(labels).not.toContain(farming);
    published = await shownThemes(page);
    await publish(page, 1);
  });

  await test.step("a visitor reads exactly the themes the moderator published", async () => {
    await page.context().clearCookies();
    await page.goto(summaryPath);
    await expect(page.getByText(/^Version 1, published /)).toBeVisible();
    expect(await shownThemes(page)).toEqual(published);
    await expect(steeringPanel(page)).toHaveCount(0);
  });

  await test.step("another contribution is approved: version 1 does not change", async () => {
    await signInAsModerator(page);
    await page.goto(`/moderation?consultation=${slug}`);
    await page.getByRole("link", { name: STEERING_PENDING.title }).click();
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Approved AGR-\d{4}-\d+\. It is published\./ })).toBeVisible();
    await page.context().clearCookies();
    await page.goto(summaryPath);
    expect(await shownThemes(page)).toEqual(published);
  });

  await test.step("the moderator steers again and publishes version 2", async () => {
    await signInAsModerator(page);
    await page.goto(`${summaryPath}?view=live`);
    await waitForCurrentThemes(page);
    await saveStep(page, "Rename a theme", 5, async (form) => {
      await form.getByLabel("Theme", { exact: true }).selectOption({ label: "Data and farms" });
      await form.getByLabel("New name").fill("Personal data and farming");
    });
    await waitForCurrentThemes(page);
    // The page reloads its figures once the status says they are current.
    await expect.poll(() => themeLabels(page), { timeout: 30_000 }).toContain("Personal data and farming");
    await publish(page, 2);
  });

  await test.step("visitors read version 2 with the new name, and version 1 as it was", async () => {
    await page.context().clearCookies();
    await page.goto(summaryPath);
    await expect(page.getByText(/^Version 2, published /)).toBeVisible();
    expect(await themeLabels(page)).toContain("Personal data and farming");
    await page.goto(`${summaryPath}?version=1`);
    expect(await shownThemes(page)).toEqual(published);
  });
});
