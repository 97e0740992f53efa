import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { expect, signInViaApi, test } from "./fixtures";
import { SIMILARITY_ADDED, SIMILARITY_CONSULTATION, SIMILARITY_MEMBERS } from "./similarity-fixtures";

// Against the rows of tests/e2e/seed/similarity.ts: three pending form
// letters grouped as submissions are. The grouping rules and the bulk
// decision's refusals are proved in the integration tests; here the queue's
// badge, the group page and its decision are under test (axe runs on every
// page through the fixture).

const moderator = DEMO_ACCOUNTS.find((account) => account.role === "MODERATOR");

test("a moderator sees the campaign on the queue, reads what each letter adds and approves the whole group", async ({ page }) => {
  if (!moderator) throw new Error("No demo moderator");
  await signInViaApi(page, moderator.email, DEMO_PASSWORD);
  await page.goto(`/moderation?consultation=${SIMILARITY_CONSULTATION.slug}`);
  const table = page.getByRole("table");
  await expect(table.locator("tbody tr")).toHaveCount(3);
  for (const member of SIMILARITY_MEMBERS) {
    await expect(table.getByRole("row", { name: new RegExp(member.title) })).toContainText("One of 3 near-identical contributions");
  }

  // The review page says it too, and links to the group.
  await table.getByRole("link", { name: SIMILARITY_MEMBERS[1].title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SIMILARITY_MEMBERS[1].title);
  await page.getByRole("link", { name: "One of 3 near-identical contributions" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("One of 3 near-identical contributions");
  const members = page.getByRole("table");
  await expect(members.locator("tbody tr")).toHaveCount(3);
  for (const member of SIMILARITY_MEMBERS) await expect(members.getByRole("row", { name: new RegExp(member.title) })).toContainText(member.author.name);
  // The second letter's added sentence is marked as inserted; the third's changed word as left out and added.
  const second = members.getByRole("row", { name: new RegExp(SIMILARITY_MEMBERS[1].title) });
  await expect(second.locator("ins")).toHaveText(new RegExp(SIMILARITY_ADDED.replace(".", "\\.")));
  await expect(second.locator("del")).toHaveCount(0);
  const third = members.getByRole("row", { name: new RegExp(SIMILARITY_MEMBERS[2].title) });
  await expect(third.locator("del")).toContainText("and");
  await expect(third.locator("ins")).toContainText(",");

  const approve = page.getByRole("button", { name: "Approve 3 pending members" });
  await expect.poll(() => approve.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps")))).toBe(true);
  await approve.click();
  await expect(page.locator("#moderation-status")).toHaveText("Approved 3 contributions.");
  for (const member of SIMILARITY_MEMBERS) await expect(members.getByRole("row", { name: new RegExp(member.title) })).toContainText("Status: Published");
  await expect(page.getByText("No member of this page waits for your decision.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Members" })).toBeFocused();
});
