import type { Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { FIXTURE_CONSULTATION, FRENCH_DECISION, OTHERS_CONSULTATION, PENDING_TITLE, REJECTED, TO_WITHDRAW_TITLE, XSS } from "./contribution-fixtures";
import { expect, signInViaApi, test } from "./fixtures";

// Public contributions, "My contributions" and reports, against the seeded
// demo plus the rows of tests/e2e/seed/contributions.ts. The rules behind
// these pages (who sees what, withdrawal, one report per person) are proved
// in the integration tests; here the pages themselves are under test.

const participantEmail = DEMO_ACCOUNTS.find((account) => account.role === "PARTICIPANT")?.email ?? "no demo participant";
const moderatorName = DEMO_ACCOUNTS.find((account) => account.role === "MODERATOR")?.displayName ?? "no moderator";

const listOf = (slug: string) => `/consultations/${slug}/contributions`;

async function signInAsParticipant(page: Page) {
  await signInViaApi(page, participantEmail, DEMO_PASSWORD);
}

/** Fails on anything the stored contribution could have made run or load. */
async function expectInert(page: Page) {
  const found = await page.evaluate(() => ({
    // The page's own scripts carry the text as escaped data; a script from the body would be one whose code is the alert.
    scripts: [...document.querySelectorAll("script")].filter((script) => /^\s*alert\(/.test(script.textContent ?? "")).length,
    handlers: [...document.querySelectorAll("*")].filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith("on"))).length,
    images: document.querySelectorAll('img[src="x"]').length,
    javascriptUrls: [...document.querySelectorAll("[href], [src]")].filter((element) =>
      /^\s*javascript:/i.test(element.getAttribute("href") ?? element.getAttribute("src") ?? ""),
    ).length,
    frames: document.querySelectorAll("iframe").length,
  }));
  expect(found).toEqual({ scripts: 0, handlers: 0, images: 0, javascriptUrls: 0, frames: 0 });
}

test("a stored script, image handler and javascript: link stay inert on the list, the contribution page and My contributions", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInAsParticipant(page);

  await page.goto(`${listOf(FIXTURE_CONSULTATION.slug)}?q=${encodeURIComponent("stored XSS")}`);
  const link = page.getByRole("link", { name: XSS.title });
  await expect(link).toBeVisible();
  await expectInert(page);

  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(XSS.title);
  const body = page.getByRole("region", { name: "Contribution" });
  await expect(body).toContainText("Body with a script:");
  await expect(body.getByRole("link", { name: "safe link" })).toHaveAttribute("href", "https://example.org/");
  // The javascript: link keeps its words but loses its target.
  await expect(body.getByText("javascript link")).toBeVisible();
  await expect(body.getByRole("link", { name: "javascript link" })).toHaveCount(0);
  await expectInert(page);

  await page.getByRole("link", { name: "Status, history and withdrawal of your contribution" }).click();
  await expect(page).toHaveURL(/\/my-contributions\/AGR-/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(XSS.title);
  await expectInert(page);

  await page.goto("/my-contributions");
  await expect(page.getByRole("link", { name: XSS.title })).toBeVisible();
  await expectInert(page);

  expect(dialogs).toEqual([]);
});

test("a visitor gets 404 for a pending contribution; its author sees it, its history without moderators' notes or names", async ({ page }) => {
  await signInAsParticipant(page);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My contributions" }).click();
  await expect(page).toHaveURL("/my-contributions");
  const row = page.getByRole("row", { name: new RegExp(PENDING_TITLE) });
  await expect(row.getByText("Status: Pending moderation")).toBeAttached();
  const reference = (await row.getByText(/^AGR-\d{4}-\d{6,}$/).textContent()) ?? "";
  expect(reference).toMatch(/^AGR-/);
  await expect(row.getByRole("link", { name: `Edit “${PENDING_TITLE}”` })).toHaveAttribute("href", `/contributions/${reference}/edit`);

  const rejectedRow = page.getByRole("row", { name: new RegExp(REJECTED.title) });
  await expect(rejectedRow.getByText("Status: Rejected")).toBeAttached();
  await expect(rejectedRow.getByText(`Reason: ${REJECTED.reason}`)).toBeVisible();
  await rejectedRow.getByRole("link", { name: REJECTED.title }).click();
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByText("Submitted", { exact: true })).toBeVisible();
  await expect(history.getByText("Rejected", { exact: true })).toBeVisible();
  await expect(history.getByText(`Reason: ${REJECTED.reason}`)).toBeVisible();
  await expect(page.getByText(XSS.moderatorNote)).toHaveCount(0);
  await expect(page.getByText(moderatorName)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Withdraw" })).toHaveCount(0);

  const own = await page.goto(`/contributions/${reference}`);
  expect(own?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PENDING_TITLE);
  await expect(page.getByRole("note")).toContainText("Only you and the moderators can see this contribution.");

  await page.context().clearCookies();
  const visitor = await page.goto(`/contributions/${reference}`);
  expect(visitor?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByText(PENDING_TITLE)).toHaveCount(0);
});

test("the author withdraws a pending contribution after confirming in a dialog", async ({ page }) => {
  await signInAsParticipant(page);
  await page.goto("/my-contributions");
  await page.getByRole("link", { name: TO_WITHDRAW_TITLE, exact: true }).click();
  // The list shows the same badge for every pending contribution: wait for the detail page itself.
  await expect(page).toHaveURL(/\/my-contributions\/AGR-/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TO_WITHDRAW_TITLE);
  await expect(page.getByText("Status: Pending moderation")).toBeAttached();

  await page.getByRole("button", { name: "Withdraw" }).click();
  const dialog = page.getByRole("dialog", { name: "Withdraw this contribution?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Status: Pending moderation")).toBeAttached();

  await page.getByRole("button", { name: "Withdraw" }).click();
  await dialog.getByRole("button", { name: "Yes, withdraw it" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your contribution has been withdrawn." })).toBeVisible();
  await expect(page.getByText("Status: Withdrawn")).toBeAttached();
  await expect(page.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "History" }).getByText("Withdrawn", { exact: true })).toBeVisible();

  await page.goto("/my-contributions");
  await expect(page.getByRole("row", { name: new RegExp(TO_WITHDRAW_TITLE) }).getByText("Status: Withdrawn")).toBeAttached();
});

test("the public list pages by 20, searches in each language and filters by what is there", async ({ page }) => {
  await page.goto(listOf(OTHERS_CONSULTATION.slug));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Contributions to “${OTHERS_CONSULTATION.title}”`);
  const count = page.locator("#result-count");
  const total = Number(/^(\d+) published/.exec((await count.textContent()) ?? "")?.[1]);
  expect(total).toBeGreaterThan(20);
  const items = page.getByRole("region", { name: "Results" }).getByRole("article");
  await expect(items).toHaveCount(20);
  await expect(count).toContainText(`Page 1 of ${Math.ceil(total / 20)}.`);
  await page.getByRole("navigation", { name: "Pages of contributions" }).getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2$/);
  await expect(count).toContainText(`Page 2 of ${Math.ceil(total / 20)}.`);

  // French: "décision" finds the contributions that speak of "décisions automatisées".
  await page.getByLabel("Search the contributions").fill("décision");
  await page.getByLabel("Language", { exact: true }).selectOption("fr");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=d%C3%A9cision/);
  await expect(page).toHaveURL(/language=fr/);
  await expect(count).toContainText(/(\d+ contributions match|1 contribution matches) your search for “décision”/);
  await expect(items.filter({ hasText: FRENCH_DECISION.title })).toHaveCount(1);
  for (const item of await items.all()) await expect(item).toContainText("French");
  await expect(page.getByLabel("Search the contributions")).toHaveValue("décision");

  await page.getByRole("link", { name: "Clear search and filters" }).click();
  await expect(count).toContainText(`${total} published contributions.`);
  // The form shows the cleared filters, not the ones typed before.
  await expect(page.getByLabel("Search the contributions")).toHaveValue("");
  await expect(page.getByLabel("Language", { exact: true })).toHaveValue("");

  // Each filter offers only values present; picking one narrows the list to it.
  const typeOptions = page.getByLabel("Stakeholder type").locator("option");
  expect(await typeOptions.count()).toBeGreaterThan(1);
  const option = (await typeOptions.nth(1).textContent()) ?? "";
  const [, label, expected] = /^(.*) \((\d+)\)$/.exec(option) ?? [];
  await page.getByLabel("Stakeholder type").selectOption({ label: option });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(count).toContainText(`${expected} ${expected === "1" ? "contribution matches" : "contributions match"} your search.`);
  for (const item of (await items.all()).slice(0, 5)) await expect(item).toContainText(label ?? "");
});

test("reports: a visitor is asked to sign in; a participant reports once, a second report is refused with a message", async ({ page }) => {
  await page.goto(listOf(OTHERS_CONSULTATION.slug));
  const first = page.getByRole("region", { name: "Results" }).getByRole("article").first().getByRole("link");
  const title = (await first.textContent()) ?? "";
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const address = page.url();
  await expect(page.getByRole("link", { name: "Sign in to report it" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send report" })).toHaveCount(0);

  await signInAsParticipant(page);
  await page.reload();
  // A second tab, opened before the first report is sent.
  const second = await page.context().newPage();
  await second.goto(address);

  await page.getByText("Report this contribution", { exact: true }).click();
  await page.getByRole("radio", { name: "Something else" }).check();
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Say what is wrong with this contribution.")).toBeVisible();
  await page.getByRole("radio", { name: "Spam or advertising" }).check();
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Thank you for your report." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send report" })).toHaveCount(0);

  await second.getByText("Report this contribution", { exact: true }).click();
  await second.getByRole("radio", { name: "Off topic" }).check();
  await second.getByRole("button", { name: "Send report" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "You have already reported this contribution." })).toBeVisible();
  await second.close();

  await page.reload();
  await expect(page.getByText("You have already reported this contribution. The moderators will look at it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send report" })).toHaveCount(0);
});
