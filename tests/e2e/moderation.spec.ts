import type { Browser, Locator, Page } from "@playwright/test";
import type { Role } from "@/lib/generated/prisma/enums";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { expect, signInViaApi, test } from "./fixtures";
import {
  BULK_CONSULTATION,
  BULK_TITLES,
  CONFLICT_CONSULTATION,
  CONFLICT_TITLE,
  MODERATION_AUTHOR,
  MODERATION_CONSULTATION,
  QUEUE_TITLES,
  REJECTION,
} from "./moderation-fixtures";

// The moderation journey against the rows of tests/e2e/seed/moderation.ts:
// a consultation of its own with six pending contributions by one author.
// Who may decide what, conflicts and bulk all-or-nothing are proved in the
// integration tests; here the queue and review pages are under test.

const demoAccount = (role: Role) => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`No demo ${role.toLowerCase()}`);
  return account;
};
const demo = (role: Role) => demoAccount(role).email;

// The keyboard test takes the last contribution the journey leaves waiting.
test.describe.configure({ mode: "serial" });

const status = (page: Page) => page.locator("#moderation-status");

/**
 * Waits until React has hydrated the element (its props are attached to the
 * node): a click on a button before that does nothing, a click on a link
 * loads the whole next page.
 */
async function interactive(locator: Locator): Promise<Locator> {
  await expect.poll(() => locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps")))).toBe(true);
  return locator;
}

/** A new browser context: nobody signed in. */
async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function referenceOf(page: Page, title: string): Promise<string> {
  const row = page.getByRole("row", { name: new RegExp(title) });
  const reference = (await row.getByText(/^AGR-\d{4}-\d{6,}$/).textContent()) ?? "";
  expect(reference).toMatch(/^AGR-/);
  return reference;
}

test("a moderator filters the queue, approves, rejects with a reason and bulk-approves; the public, the author and the author's mailbox see it", async ({
  page,
  browser,
  mailbox,
}) => {
  await page.goto("/sign-in?callbackUrl=%2Fmoderation");
  await page.getByLabel("E-mail address").fill(demo("MODERATOR"));
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/moderation");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Moderation queue");
  await expect(page.getByRole("navigation", { name: "Moderation" }).getByRole("link", { name: "Queue" })).toHaveAttribute("aria-current", "page");

  await page.getByLabel("Consultation").selectOption({ label: `${MODERATION_CONSULTATION.title} (6)` });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`/moderation\\?consultation=${MODERATION_CONSULTATION.slug}&`));
  const table = page.getByRole("table");
  await expect(table.locator("tbody tr")).toHaveCount(6);
  await expect(table.getByRole("caption")).toContainText("6 contributions match the filters");
  const titles = [QUEUE_TITLES.approve, QUEUE_TITLES.reject, ...QUEUE_TITLES.bulk, QUEUE_TITLES.shortcut];
  await expect(table.locator("tbody tr th")).toContainText(titles);
  await expect(table.getByRole("row", { name: new RegExp(QUEUE_TITLES.approve) })).toContainText(/Waiting 3 days( \d{1,2} h)?\s*since/);
  const references = Object.fromEntries(await Promise.all(titles.map(async (title) => [title, await referenceOf(page, title)] as const)));

  // Approve the oldest from its review page: the next one of the same queue opens.
  await table.getByRole("link", { name: QUEUE_TITLES.approve }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(QUEUE_TITLES.approve);
  await expect(page.getByRole("region", { name: "Contribution" })).toContainText("a contribution the moderation tests decide on");
  await expect(page.getByRole("region", { name: "History" })).toContainText("Submitted");
  await expect(page.getByRole("region", { name: "Author’s account" })).toContainText(MODERATION_AUTHOR.name);
  await (await interactive(page.getByRole("button", { name: "Approve", exact: true }))).click();
  await expect(status(page)).toHaveText(`Approved ${references[QUEUE_TITLES.approve]}. It is published. Next: ${references[QUEUE_TITLES.reject]} “${QUEUE_TITLES.reject}”.`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(QUEUE_TITLES.reject);
  await expect(page).toHaveURL(`/moderation/contributions/${references[QUEUE_TITLES.reject]}?consultation=${MODERATION_CONSULTATION.slug}`);

  // Reject: no reason is refused on the form, then a listed reason and words for the author.
  await page.getByRole("button", { name: "Reject…" }).click();
  const reason = page.getByLabel("Reason", { exact: true });
  await expect(reason).toBeFocused();
  await page.getByRole("button", { name: "Reject and tell the author" }).click();
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Choose a reason from the list or explain the decision to the author.")).toBeVisible();
  await reason.selectOption({ label: REJECTION.reason });
  await page.getByLabel("Explanation for the author").fill(REJECTION.text);
  await page.getByLabel("Internal note").first().fill("E2E internal: same text as elsewhere");
  await page.getByRole("button", { name: "Reject and tell the author" }).click();
  await expect(status(page)).toContainText(`Rejected ${references[QUEUE_TITLES.reject]}. The author has been told why. Next: ${references[QUEUE_TITLES.bulk[0]]}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(QUEUE_TITLES.bulk[0]);

  // Bulk: three selected on the queue page, approved in one go.
  await page.getByRole("link", { name: "Back to the queue" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(4);
  for (const title of QUEUE_TITLES.bulk) await page.getByLabel(`Select ${references[title]} “${title}”`).check();
  await expect(page.getByText("3 selected")).toBeVisible();
  await page.getByRole("button", { name: "Approve selected" }).click();
  await expect(status(page)).toHaveText("Approved 3 contributions.");
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table.locator("tbody tr th")).toContainText([QUEUE_TITLES.shortcut]);

  // A visitor reads the approved ones, not the rejected one.
  const visitor = await freshPage(browser);
  await visitor.goto(`/consultations/${MODERATION_CONSULTATION.slug}/contributions`);
  for (const title of [QUEUE_TITLES.approve, ...QUEUE_TITLES.bulk]) await expect(visitor.getByRole("link", { name: title })).toBeVisible();
  await expect(visitor.getByRole("link", { name: QUEUE_TITLES.reject })).toHaveCount(0);
  await visitor.getByRole("link", { name: QUEUE_TITLES.approve }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(QUEUE_TITLES.approve);
  await expect(visitor.getByText(MODERATION_AUTHOR.name).first()).toBeVisible();
  await visitor.context().close();

  // The author reads the reason under My contributions, and in the e-mail.
  const author = await freshPage(browser);
  await signInViaApi(author, MODERATION_AUTHOR.email, DEMO_PASSWORD);
  await author.goto("/my-contributions");
  const rejectedRow = author.getByRole("row", { name: new RegExp(QUEUE_TITLES.reject) });
  await expect(rejectedRow).toContainText("Rejected");
  await expect(rejectedRow).toContainText(`Reason: ${REJECTION.reason}: ${REJECTION.text}`);
  await expect(author.getByText("E2E internal")).toHaveCount(0);
  await author.context().close();

  const mail = await mailbox.waitFor(MODERATION_AUTHOR.email, new RegExp(`${references[QUEUE_TITLES.reject]} was not approved`));
  expect(mail.text).toContain(`Reason: ${REJECTION.reason}: ${REJECTION.text}`);
  expect(mail.text).not.toContain("E2E internal");
  expect(mail.text).not.toContain(demoAccount("MODERATOR").displayName);
});

test("keyboard: the shortcuts can be turned off and on; n opens the first contribution, a approves it and says so, and the shortcuts are listed", async ({ page }) => {
  await signInViaApi(page, demo("MODERATOR"), DEMO_PASSWORD);
  await page.goto(`/moderation?consultation=${MODERATION_CONSULTATION.slug}`);
  await expect(page.getByRole("table").getByRole("link", { name: QUEUE_TITLES.shortcut })).toBeVisible();

  // They can be turned off (WCAG 2.1.4): then n does nothing, and they stay off after a reload.
  const toggle = page.getByLabel("Use keyboard shortcuts (a, r, n)");
  await expect(toggle).toBeChecked();
  await (await interactive(toggle)).uncheck();
  await page.keyboard.press("n");
  await expect(status(page)).toBeEmpty();
  await page.reload();
  await interactive(toggle);
  await expect(toggle).not.toBeChecked();
  await page.locator("body").click();
  await page.keyboard.press("n");
  await expect(status(page)).toBeEmpty();
  await expect(page).toHaveURL(`/moderation?consultation=${MODERATION_CONSULTATION.slug}`);

  // On again.
  await toggle.check();
  await page.keyboard.press("n");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(QUEUE_TITLES.shortcut);
  await expect(status(page)).toHaveText(/^Showing AGR-\d{4}-\d{6,} “E2E queue: approve with the a key”\.$/);
  const reference = ((await page.getByText(/^AGR-\d{4}-\d{6,}$/).first().textContent()) ?? "").trim();

  const shortcuts = page.getByRole("region", { name: "Keyboard shortcuts" });
  await expect(shortcuts.getByLabel("Use keyboard shortcuts (a, r, n)")).toBeChecked();
  await expect(shortcuts).toContainText("aApprove");
  await expect(shortcuts).toContainText("rReject: the focus moves to the reason");
  await expect(page.getByRole("button", { name: "Approve", exact: true })).toHaveAttribute("aria-keyshortcuts", "a");
  await expect(page.getByRole("button", { name: "Reject…" })).toHaveAttribute("aria-keyshortcuts", "r");

  // Typing in a field, or with a modifier, decides nothing.
  const note = page.getByLabel("Internal note");
  await note.fill("");
  await note.press("a");
  await expect(note).toHaveValue("a");
  await note.fill("");
  await page.locator("body").click();
  await page.keyboard.press("Alt+a");
  await page.keyboard.press("Control+a");
  await expect(status(page)).toHaveText(/^Showing /);
  await expect(page.getByText("Status: Pending moderation")).toBeAttached();

  await page.keyboard.press("r");
  await expect(page.getByLabel("Reason", { exact: true })).toBeFocused();
  // A listed reason or an explanation is enough: neither field is required on its own, their group says one is needed.
  const told = page.getByRole("group", { name: "What the author is told: a reason from the list, an explanation, or both. One of the two is needed." });
  await expect(told.getByLabel("Reason", { exact: true })).not.toHaveAttribute("aria-required");
  await expect(told.getByLabel("Explanation for the author")).not.toHaveAttribute("aria-required");
  await page.getByRole("button", { name: "Cancel" }).click();

  await page.keyboard.press("a");
  await expect(status(page)).toHaveText(`Approved ${reference}. It is published. No other contribution waits in this queue.`);
  await expect(page).toHaveURL(`/moderation?consultation=${MODERATION_CONSULTATION.slug}`);
  await expect(page.getByText("Nothing waits with these filters.")).toBeVisible();
});

test("two moderators at once: the second decision is refused with who decided first, and the contribution shows as it now is", async ({ page, browser }) => {
  await signInViaApi(page, demo("MODERATOR"), DEMO_PASSWORD);
  await page.goto(`/moderation?consultation=${CONFLICT_CONSULTATION.slug}`);
  await (await interactive(page.getByRole("table").getByRole("link", { name: CONFLICT_TITLE }))).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CONFLICT_TITLE);
  const review = page.url();

  const admin = await freshPage(browser);
  await signInViaApi(admin, demo("ADMIN"), DEMO_PASSWORD);
  await admin.goto(review);
  await (await interactive(admin.getByRole("button", { name: "Approve", exact: true }))).click();
  await expect(status(admin)).toContainText("Approved");
  await admin.context().close();

  await (await interactive(page.getByRole("button", { name: "Reject…" }))).click();
  await page.getByLabel("Reason", { exact: true }).selectOption({ label: REJECTION.reason });
  await page.getByRole("button", { name: "Reject and tell the author" }).click();
  // Shown where the form was, with the focus on it, and said once: not in the status region too.
  const refusal = page.getByText(/^Already decided by/);
  await expect(refusal).toContainText(`Already decided by ${demoAccount("ADMIN").displayName} at`);
  await expect(refusal).toContainText("(approved and published)");
  await expect(refusal).toBeFocused();
  await expect(status(page)).not.toContainText("Already decided");
  await expect(page).toHaveURL(review);
  // Refreshed: it is published now, so hiding is what applies.
  await expect(page.getByText("Status: Published")).toBeAttached();
  await expect(page.getByRole("button", { name: "Hide…" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Reject…" })).toHaveCount(0);
});

test("bulk: only pending contributions can be selected, a reported one is decided on its own page", async ({ page }) => {
  await signInViaApi(page, demo("MODERATOR"), DEMO_PASSWORD);
  await page.goto(`/moderation?consultation=${BULK_CONSULTATION.slug}`);
  const table = page.getByRole("table");
  await expect(table.locator("tbody tr th")).toContainText([...BULK_TITLES.pending, BULK_TITLES.reported]);
  const reportedRow = table.getByRole("row", { name: new RegExp(BULK_TITLES.reported) });
  await expect(reportedRow.getByRole("checkbox")).toHaveCount(0);
  await expect(reportedRow).toContainText("Reported contributions are decided one at a time, on their review page.");
  await expect(page.getByText("Reported contributions are decided one at a time, on their review page.", { exact: true }).first()).toBeVisible();

  await (await interactive(page.getByLabel("Select all pending on this page"))).check();
  await expect(page.getByText("2 selected")).toBeVisible();
  await page.getByRole("button", { name: "Approve selected" }).click();
  await expect(status(page)).toHaveText("Approved 2 contributions.");
  // The button that had the focus is gone with the rows: the focus is on the queue's heading.
  await expect(page.getByRole("heading", { name: "Waiting" })).toBeFocused();
  await expect(table.locator("tbody tr th")).toContainText([BULK_TITLES.reported]);
  await expect(table.locator("tbody tr")).toHaveCount(1);
});

test("a participant opening the moderation pages gets the 403 page, a visitor is sent to sign in", async ({ page }) => {
  await page.goto("/moderation");
  await expect(page).toHaveURL("/sign-in?callbackUrl=%2Fmoderation");
  await signInViaApi(page, demo("PARTICIPANT"), DEMO_PASSWORD);
  const response = await page.goto("/moderation");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
  await expect(page.getByRole("table")).toHaveCount(0);
});
