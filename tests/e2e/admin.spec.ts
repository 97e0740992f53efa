import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { DEMO_CONSULTATIONS } from "@/prisma/seed/demo-consultations";
import { expect, signInViaApi, test } from "./fixtures";

// Refusals are checked here at the page; that the domain functions behind the
// admin actions refuse a participant and change nothing is proved in
// tests/integration/users.test.ts.

function demo(role: "ADMIN" | "MODERATOR" | "PARTICIPANT") {
  const account = DEMO_ACCOUNTS.find((item) => item.role === role);
  if (!account) throw new Error(`no demo ${role}`);
  return account;
}

test("an anonymous visitor is sent to sign in", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers$/);
});

for (const role of ["PARTICIPANT", "MODERATOR"] as const) {
  test(`a ${role.toLowerCase()} gets 403 and no admin form`, async ({ page }) => {
    await signInViaApi(page, demo(role).email, DEMO_PASSWORD);
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Change role/ })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Administration" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
  });
}

test("an administrator finds the demo participant, promotes them to moderator and back", async ({ page }) => {
  const participant = demo("PARTICIPANT");
  await signInViaApi(page, demo("ADMIN").email, DEMO_PASSWORD);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL("/admin/users");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users and roles");
  await expect(page.getByRole("link", { name: "Users and roles" })).toHaveAttribute("aria-current", "page");

  await page.getByLabel("E-mail or name").fill(participant.email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/query=participant%40agora\.example/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2); // header + the participant
  const row = rows.filter({ hasText: participant.email });
  await expect(row.getByRole("rowheader")).toContainText(participant.displayName);

  const roleField = row.getByLabel(`Role of ${participant.displayName}`);
  await expect(roleField).toHaveValue("PARTICIPANT");
  await roleField.selectOption("MODERATOR");
  await row.getByRole("button", { name: /Change role/ }).click();
  const announcement = page.getByRole("main").getByRole("status");
  await expect(announcement).toHaveText(`${participant.displayName}: Role changed from Participant to Moderator. They have been signed out everywhere.`);
  await expect(row).toContainText("Role changed from Participant to Moderator.");

  // The list agrees after a reload, and filtering by role finds them.
  await page.goto("/admin/users?role=MODERATOR");
  await expect(page.getByRole("row").filter({ hasText: participant.email }).getByLabel(`Role of ${participant.displayName}`)).toHaveValue("MODERATOR");

  // Demoted while the list shows moderators only: the row leaves the list,
  // the confirmation stays.
  await page.getByLabel("E-mail or name").fill(participant.displayName);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/role=MODERATOR/);
  const sameRow = page.getByRole("row").filter({ hasText: participant.email });
  await sameRow.getByLabel(`Role of ${participant.displayName}`).selectOption("PARTICIPANT");
  await sameRow.getByRole("button", { name: /Change role/ }).click();
  await expect(announcement).toHaveText(`${participant.displayName}: Role changed from Moderator to Participant. They have been signed out everywhere.`);
  await expect(sameRow).toHaveCount(0);
  await expect(page.getByText("No user matches these filters.")).toBeVisible();
});

test("an administrator cannot change their own role from the page", async ({ page }) => {
  const admin = demo("ADMIN");
  await signInViaApi(page, admin.email, DEMO_PASSWORD);
  await page.goto(`/admin/users?query=${encodeURIComponent(admin.email)}`);
  const row = page.getByRole("row").filter({ hasText: admin.email });
  await expect(row).toContainText("This is you");
  await expect(row.getByRole("combobox")).toHaveCount(0);
});

test("an administrator sees a draft consultation with a notice", async ({ page }) => {
  const draft = DEMO_CONSULTATIONS.find((consultation) => consultation.status === "DRAFT");
  test.skip(!draft, "the seed has no draft consultation");
  if (!draft) return;
  await signInViaApi(page, demo("ADMIN").email, DEMO_PASSWORD);
  const response = await page.goto(`/consultations/${draft.slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(draft.title);
  await expect(page.getByRole("note")).toContainText("Only administrators can see this consultation");
});

test("an administrator suspends an account with a reason, then lifts the suspension", async ({ page }) => {
  const moderator = demo("MODERATOR");
  await signInViaApi(page, demo("ADMIN").email, DEMO_PASSWORD);
  await page.goto(`/admin/users?query=${encodeURIComponent(moderator.email)}`);
  const row = page.getByRole("row").filter({ hasText: moderator.email });
  const announcement = page.getByRole("main").getByRole("status");

  await row.getByText(`Suspend ${moderator.displayName}…`).click();
  const reason = row.getByLabel(`Reason for suspending ${moderator.displayName}`);
  await row.getByRole("button", { name: "Suspend account" }).click();
  await expect(reason).toHaveAccessibleDescription("Say why you are suspending this account (at least 5 characters).");
  await expect(row).not.toContainText("Suspended");

  await reason.fill("Shared their account with a colleague");
  await row.getByRole("button", { name: "Suspend account" }).click();
  await expect(announcement).toHaveText(`${moderator.displayName}: Account suspended. They have been signed out and cannot sign in.`);
  await expect(row.getByRole("cell", { name: "E-mail verified Suspended", exact: false })).toBeVisible();

  await row.getByRole("button", { name: `Lift suspension of ${moderator.displayName}` }).click();
  await expect(announcement).toHaveText(`${moderator.displayName}: Suspension lifted. They can sign in again.`);
  await expect(row.getByText(`Suspend ${moderator.displayName}…`)).toBeVisible();
});
