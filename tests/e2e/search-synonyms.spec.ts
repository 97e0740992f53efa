import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { FRENCH_DECISION, OTHERS_CONSULTATION } from "./contribution-fixtures";
import { expect, signInViaApi, test } from "./fixtures";

// Issue 10: an administrator gives a consultation a synonym set on its admin
// page; a visitor's search for one term then finds the texts that use the
// other, with the matched words marked where they matched.

const admin = DEMO_ACCOUNTS.find((account) => account.role === "ADMIN")?.email ?? "no demo admin";
const term = "zzqsynonym";

test("an administrator adds a synonym set, with a clear message for a bad line, and the public search uses it", async ({ page, context }) => {
  await signInViaApi(page, admin, DEMO_PASSWORD);
  await page.goto("/admin/consultations");
  await page.getByRole("link", { name: OTHERS_CONSULTATION.title, exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/consultations\/\w+\/edit$/);
  const section = page.getByRole("region", { name: "Search synonyms" });
  const field = section.getByLabel("Synonyms");

  await field.fill(`${term} =`);
  await section.getByRole("button", { name: "Save synonyms" }).click();
  await expect(field).toHaveAccessibleDescription(/Line 1 has an empty term: write a word or phrase on each side of every “=”\./);

  await field.fill(`${term} = décision`);
  await section.getByRole("button", { name: "Save synonyms" }).click();
  await expect(section.getByRole("status")).toHaveText("Synonyms saved: 1 set.");

  await context.clearCookies();
  await page.goto(`/consultations/${OTHERS_CONSULTATION.slug}/contributions?q=${term}`);
  await expect(page.locator("#result-count")).toContainText(new RegExp(`(\\d+ contributions match|1 contribution matches) your search for “${term}”`));
  await expect(page.getByRole("region", { name: "Results" }).getByRole("article").filter({ hasText: FRENCH_DECISION.title })).toHaveCount(1);
  const first = page.getByRole("region", { name: "Results" }).getByRole("article").first();
  await expect(first).toContainText(/Found in the text/);
  await expect(first.locator("mark").first()).toHaveText(/^décision/i);

  await signInViaApi(page, admin, DEMO_PASSWORD);
  await page.goto("/admin/consultations");
  await page.getByRole("link", { name: OTHERS_CONSULTATION.title, exact: true }).click();
  await page.getByRole("region", { name: "Search synonyms" }).getByLabel("Synonyms").fill("");
  await page.getByRole("region", { name: "Search synonyms" }).getByRole("button", { name: "Save synonyms" }).click();
  await expect(page.getByRole("region", { name: "Search synonyms" }).getByRole("status")).toHaveText("Synonyms saved: there are none now.");
});
