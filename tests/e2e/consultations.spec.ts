import { randomBytes } from "node:crypto";
import { utcToZonedTime } from "@/lib/vocabulary/time-zones";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { expect, signInViaApi, test } from "./fixtures";

// An administrator sets up a conference running now and a consultation
// around it; a visitor then finds the consultation with the list's filters
// and sees, on its page, that the "during" phase is the one open now.

const HOUR = 60 * 60 * 1000;
const ZONE = "Asia/Tokyo";
const run = randomBytes(3).toString("hex");
const conferenceTitle = `Tokyo dialogue on AI evaluation ${run}`;
const consultationTitle = `Evaluating advanced AI models together ${run}`;
const topic = `Evaluation ${run}`;
/** A datetime-local value `hours` from now, on the clocks in Tokyo. */
const tokyo = (hours: number) => utcToZonedTime(new Date(Date.now() + hours * HOUR), ZONE);

function account(role: "ADMIN" | "PARTICIPANT") {
  const found = DEMO_ACCOUNTS.find((item) => item.role === role);
  if (!found) throw new Error(`no demo ${role}`);
  return found;
}

test.describe.serial("conferences and consultations", () => {
  let consultationSlug = "";

  test("visitors and participants cannot reach the admin pages", async ({ page }) => {
    await page.goto("/admin/consultations/new");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fconsultations%2Fnew$/);
    await signInViaApi(page, account("PARTICIPANT").email, DEMO_PASSWORD);
    for (const path of ["/admin/consultations", "/admin/conferences/new"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
    }
  });

  test("an administrator creates a conference and a consultation with two questions, and opens it", async ({ page }) => {
    await signInViaApi(page, account("ADMIN").email, DEMO_PASSWORD);
    await page.goto("/admin/users");
    const adminNav = page.getByRole("navigation", { name: "Administration" });
    await adminNav.getByRole("link", { name: "Conferences" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Conferences");
    await page.getByRole("link", { name: "New conference" }).click();

    // The conference runs from yesterday to tomorrow, Tokyo time.
    await page.getByLabel("Title").fill(conferenceTitle);
    await expect(page.getByLabel("Slug")).toHaveValue(`tokyo-dialogue-on-ai-evaluation-${run}`);
    await page.getByLabel("Description").fill("Delegations compare how they evaluate advanced models.");
    await page.getByRole("button", { name: "Create conference" }).click();
    // Checked in the browser first: the errors sit on their fields.
    await expect(page.getByLabel("Venue")).toHaveAccessibleDescription(/Give the venue, or tick “Online” for an online conference\./);
    await expect(page.getByLabel("Starts")).toHaveAccessibleDescription(/Enter a date and time\./);
    await page.getByLabel("Venue").fill("Tokyo International Forum");
    await page.getByLabel("Time zone").selectOption(ZONE);
    await page.getByLabel("Starts").fill(tokyo(-24));
    await page.getByLabel("Ends").fill(tokyo(24));
    await page.getByRole("button", { name: "Create conference" }).click();
    await expect(page).toHaveURL(/\/admin\/conferences\/\w+\/edit\?saved=created$/);
    await expect(page.getByRole("status")).toHaveText("Conference created. You can go on editing it here.");
    await expect(page.getByLabel("Starts")).toHaveValue(tokyo(-24));

    // A second conference with the same slug is refused by the server, on the slug field.
    await page.goto("/admin/conferences/new");
    await page.getByLabel("Title").fill(conferenceTitle);
    await page.getByLabel("Description").fill("The same conference again.");
    await page.getByLabel("Online (streamed, or online only)").check();
    await page.getByLabel("Starts").fill(tokyo(48));
    await page.getByLabel("Ends").fill(tokyo(50));
    await page.getByRole("button", { name: "Create conference" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("This slug is already used");
    await expect(page.getByLabel("Slug")).toHaveAccessibleDescription(/This slug is already used/);
    await expect(page.getByLabel("Slug")).toBeFocused();

    await page.goto("/admin/consultations");
    await page.getByRole("link", { name: "New consultation" }).click();
    await page.getByLabel("Title").fill(consultationTitle);
    await page.getByLabel("Summary").fill("How should partners evaluate advanced AI models, and share the results?");
    await page.getByLabel("Topics").fill(`${topic}, International cooperation`);
    await page.getByLabel("Description").fill("## Why we ask\n\nShared **evaluation methods** make results comparable.");
    await page.getByLabel("Participation rules").fill("Anyone may contribute. Contributions are moderated before publication.");
    await page.getByLabel("Conference (optional)").selectOption({ label: conferenceTitle });
    await expect(page.getByLabel("Time zone of the dates")).toHaveValue(ZONE);
    await page.getByLabel("Opens").fill(tokyo(-48));
    await page.getByLabel("Closes").fill(tokyo(24 * 14));

    await page.getByRole("button", { name: "Add a question" }).click();
    const first = page.getByRole("group", { name: "Question 1" });
    await expect(first.getByLabel("Kind of question")).toBeFocused();
    await first.getByLabel("Kind of question").selectOption("SINGLE_CHOICE");
    await first.getByLabel("Question", { exact: true }).fill("Who should run the evaluations?");
    await first.getByLabel("Choices").fill("Public institutes\nIndependent labs");
    await first.getByLabel("An answer is required").check();
    await page.getByRole("button", { name: "Add a question" }).click();
    const second = page.getByRole("group", { name: "Question 2" });
    await second.getByLabel("Kind of question").selectOption("SCALE");
    await second.getByLabel("Question", { exact: true }).fill("How much do you trust today's evaluations?");
    await second.getByLabel("Help text").fill("1 = not at all, 5 = fully");
    // Reordering moves the question and keeps the keyboard on it.
    await second.getByRole("button", { name: "Move up question 2" }).click();
    await expect(page.getByRole("group", { name: "Question 1" }).getByLabel("Question", { exact: true })).toHaveValue("How much do you trust today's evaluations?");
    await expect(page.getByRole("button", { name: "Move up question 1" })).toBeDisabled();
    await page.getByRole("button", { name: "Move down question 1" }).click();
    // At the bottom, "Move down" is disabled: the keyboard lands on "Move up" of the same question.
    await expect(page.getByRole("button", { name: "Move up question 2" })).toBeFocused();
    await expect(page.getByRole("group", { name: "Question 1" }).getByLabel("Question", { exact: true })).toHaveValue("Who should run the evaluations?");

    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/admin\/consultations\/\w+\/edit\?saved=created$/);
    await expect(page.getByRole("status").filter({ hasText: "Draft created." })).toBeVisible();
    await expect(page.getByRole("group", { name: "Question 2" }).getByLabel("Kind of question")).toHaveValue("SCALE");
    consultationSlug = await page.getByLabel("Slug").inputValue();
    expect(consultationSlug).toBe(`evaluating-advanced-ai-models-together-${run}`);

    // Opening it: the status control answers in words, and the page follows.
    await page.getByRole("button", { name: `Open ${consultationTitle}` }).click();
    await expect(page.getByRole("region", { name: "Status" }).getByRole("status").first()).toHaveText(`${consultationTitle}: The consultation is now open.`);
    await expect(page.getByRole("button", { name: `Close ${consultationTitle}` })).toBeVisible();

    await page.goto("/admin/consultations?status=OPEN");
    const row = page.getByRole("row").filter({ hasText: consultationTitle });
    await expect(row).toContainText("Open");
    await expect(row).toContainText(conferenceTitle);
  });

  test("a visitor finds it with the filters and sees the phase open now on its timeline", async ({ page }) => {
    expect(consultationSlug, "the previous test created the consultation").not.toBe("");
    await page.goto("/consultations");
    const filters = page.getByRole("search", { name: "Filter consultations" });
    await filters.getByLabel("Open now, in the phase").selectOption("DURING");
    await filters.getByLabel("Topic", { exact: true }).selectOption(topic);
    await filters.getByLabel("Conference", { exact: true }).selectOption({ label: conferenceTitle });
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/phase=DURING/);
    const results = page.getByRole("region", { name: /Matching consultations/ });
    await expect(results.getByRole("heading", { level: 2 })).toContainText("1 consultation");
    await expect(results.getByRole("link", { name: consultationTitle })).toBeVisible();
    await expect(results).toContainText("No published contributions yet");

    // Not open before the conference: the same search in the "before" phase finds nothing.
    await filters.getByLabel("Open now, in the phase").selectOption("BEFORE");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.getByText("No consultation matches these filters.")).toBeVisible();

    await page.goto(`/consultations?query=${encodeURIComponent(`advanced ${run}`)}`);
    await page.getByRole("link", { name: consultationTitle }).click();
    await expect(page).toHaveURL(`/consultations/${consultationSlug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(consultationTitle);

    const timeline = page.getByRole("region", { name: "Timeline" }).getByRole("list").first();
    const steps = timeline.locator(":scope > li");
    await expect(steps).toHaveCount(7);
    await expect(steps.nth(0)).toContainText("Consultation opens");
    await expect(steps.nth(1)).toContainText("Before the conference");
    await expect(steps.nth(1)).toContainText("Over");
    await expect(steps.nth(2)).toContainText("Conference starts");
    await expect(steps.nth(6)).toContainText("Consultation closes");
    const current = timeline.locator('[aria-current="step"]');
    await expect(current).toHaveCount(1);
    await expect(current).toContainText("During the conference");
    await expect(current).toContainText("Open now");
    await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Asia/Tokyo time");

    await expect(page.getByRole("region", { name: "The conference" }).getByRole("link", { name: conferenceTitle })).toBeVisible();
    await expect(page.getByRole("region", { name: "Participation rules" })).toContainText("Contributions are moderated before publication.");
    await expect(page.getByRole("region", { name: "About this consultation" }).getByRole("heading", { name: "Why we ask" })).toBeVisible();
    const questions = page.getByRole("region", { name: "Questions" });
    await expect(questions.getByRole("listitem").filter({ hasText: "Who should run the evaluations?" })).toContainText("Single choice · Required");
    await expect(questions.getByRole("listitem").filter({ hasText: "How much do you trust" })).toContainText("Scale · Optional");
    const counts = page.getByRole("region", { name: "Contributions" });
    await expect(counts).toContainText("Published contributions");
    await expect(counts).not.toContainText("Waiting for moderation");
    await expect(counts.getByRole("link", { name: "Read the contributions" })).toHaveAttribute("href", `/consultations/${consultationSlug}/contributions`);

    // A visitor is sent to sign in first, and comes back to the form.
    await expect(page.getByText("A contribution made now counts as “during the conference”.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Contribute" })).toHaveAttribute(
      "href",
      `/sign-in?callbackUrl=${encodeURIComponent(`/consultations/${consultationSlug}/contribute`)}`,
    );
  });
});
