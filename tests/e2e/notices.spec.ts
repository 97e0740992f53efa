import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { NOTICE_READER, NOTICES } from "./notice-fixtures";
import { expect, signInViaApi, test } from "./fixtures";

// Notices on My contributions and the unread count in the header, for the
// account tests/e2e/seed/notices.ts gives two unread notices and a read one.
// Who may mark what is proved in tests/integration/notices.test.ts.

const demoEmail = (role: "MODERATOR" | "PARTICIPANT") => DEMO_ACCOUNTS.find((account) => account.role === role)?.email ?? `no demo ${role}`;

test("an author sees the unread count in the header, reads the notices and marks them read with the keyboard", async ({ page }) => {
  await signInViaApi(page, NOTICE_READER.email, DEMO_PASSWORD);
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "My contributions 2 new" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Moderation" })).toHaveCount(0);

  await nav.getByRole("link", { name: /My contributions/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My contributions" })).toBeVisible();
  const notices = page.getByRole("region", { name: "Notices" });
  await expect(notices.getByText("2 new notices.")).toBeVisible();
  const items = notices.getByRole("list", { name: "Your notices, newest first" }).getByRole("listitem");
  await expect(items).toHaveCount(3);
  const [newest, second, older] = NOTICES;
  await expect(items.nth(0)).toContainText(newest.message);
  await expect(items.nth(0)).toContainText("New");
  await expect(items.nth(0).getByRole("link", { name: "Open" })).toHaveAttribute("href", newest.link);
  await expect(items.nth(1)).toContainText(second.message);
  await expect(items.nth(2)).toContainText(older.message);
  await expect(items.nth(2)).not.toContainText("New");
  await expect(items.nth(2).getByRole("button", { name: "Mark as read" })).toHaveCount(0);

  // One notice, from the keyboard: the outcome is announced and the focus stays on that notice.
  await items.nth(0).getByRole("button", { name: "Mark as read" }).focus();
  await page.keyboard.press("Enter");
  await expect(notices.getByRole("status")).toHaveText("Notice marked as read.");
  await expect(items.nth(0)).toBeFocused();
  await expect(items.nth(0).getByRole("button", { name: "Mark as read" })).toHaveCount(0);
  await expect(items.nth(0)).not.toContainText("New");
  await expect(notices.getByText("1 new notice.")).toBeVisible();
  await expect(nav.getByRole("link", { name: "My contributions 1 new" })).toBeVisible();

  await notices.getByRole("button", { name: "Mark all as read" }).focus();
  await page.keyboard.press("Enter");
  await expect(notices.getByRole("status")).toHaveText("All notices marked as read.");
  await expect(notices.getByText("No new notices.")).toBeVisible();
  await expect(notices.getByRole("button", { name: /Mark/ })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "My contributions", exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("region", { name: "Notices" }).getByText("No new notices.")).toBeVisible();
  await expect(nav.getByRole("link", { name: "My contributions", exact: true })).toBeVisible();
});

test("moderators find Moderation in the header, participants do not", async ({ page }) => {
  await signInViaApi(page, demoEmail("MODERATOR"), DEMO_PASSWORD);
  await page.goto("/consultations");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Moderation" })).toHaveAttribute("href", "/moderation");

  await page.context().clearCookies();
  await signInViaApi(page, demoEmail("PARTICIPANT"), DEMO_PASSWORD);
  await page.goto("/consultations");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /My contributions/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Moderation" })).toHaveCount(0);
});
