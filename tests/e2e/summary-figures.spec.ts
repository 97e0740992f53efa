import { expect, test } from "./fixtures";

// Issue 11: a visitor of a fresh install finds the demo's published summary
// (the seed publishes the closed consultation's version 1), reads the
// answers to its closed questions by stakeholder type in a table, and
// filters the figures by language. Axe checks every page (fixtures.ts).

const slug = "international-cooperation-trustworthy-ai";
const summaryPath = `/consultations/${slug}/summary`;

test("a visitor reads the demo's published summary, by stakeholder type and by language", async ({ page }) => {
  await test.step("the closed consultation links to its published summary, version 1", async () => {
    await page.goto(`/consultations/${slug}`);
    await page.getByRole("link", { name: "Read the summary of this consultation" }).click();
    await expect(page).toHaveURL(new RegExp(`${summaryPath}$`));
    await expect(page.getByText(/^Version \d+, published /)).toBeVisible();
    // The seed's version (open-data.spec.ts publishes a second one).
    await page.goto(`${summaryPath}?version=1`);
    await expect(page.getByText(/^Version 1, published /)).toBeVisible();
    await expect(page.getByRole("heading", { name: "What we heard" })).toBeVisible();
    const highlights = page.getByRole("region", { name: "Highlights" });
    await expect(highlights.getByRole("listitem")).toHaveCount(3);
    await expect(page.getByRole("heading", { level: 2, name: "Themes" })).toBeVisible();
  });

  await test.step("each closed question's answers by stakeholder type are a table with a caption and headers", async () => {
    const table = page.getByRole("table", { name: /^Answers to question 1 by stakeholder type/ });
    await expect(table).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Stakeholder type" })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "International standards" })).toBeVisible();
    // A row per type that answered, its count first.
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(1);
    await expect(rows.first().getByRole("rowheader")).not.toBeEmpty();
    await expect(page.locator("[data-agreement]").first()).toContainText("The types differ most on");
    // The scale question has its table too, with the average of each type.
    await expect(page.getByRole("table", { name: /^Answers to question 2 by stakeholder type/ }).getByRole("columnheader", { name: "Average" })).toBeVisible();
  });

  await test.step("the figures filtered by language keep the version and say what they count", async () => {
    const total = Number(((await page.locator("#summary-total strong").textContent()) ?? "").replaceAll(",", ""));
    const filters = page.getByRole("search", { name: "Filter the summary" });
    const language = filters.getByLabel("Language");
    const english = language.locator("option", { hasText: /^English \(\d+\)$/ });
    await expect(english).toHaveCount(1);
    await language.selectOption("en");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/language=en/);
    await expect(page.getByText(/contributions with language “English”\./)).toBeVisible();
    const filtered = Number(((await page.locator("#summary-total strong").textContent()) ?? "").replaceAll(",", ""));
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(total);
    // Together with "count each group once".
    await filters.getByLabel("Count each group of identical or near-identical contributions once").check();
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/language=en.*groups=once|groups=once.*language=en/);
    await expect(page.getByText(/language “English” and each group of near-identical contributions counted once/)).toBeVisible();
  });
});
