import fs from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { DEMO_CONSULTATIONS } from "@/prisma/seed/demo-consultations";
import { FIXTURES_DIR, PAGE_TWO_PHRASE } from "@/scripts/make-document-fixtures";
import { expect, expectNoAxeViolations, signInViaApi, test } from "./fixtures";

// Issue 10, attachment text: a participant submits a contribution with a
// two-page PDF whose second page alone holds a phrase; the inline worker of
// `next start` reads it in the background; the moderator reads the text,
// page by page, on the review page, approves it and sees the job on the jobs
// page; a visitor's search for the phrase finds the contribution "in the
// file, page 2" with the phrase highlighted.

const participant = DEMO_ACCOUNTS.find((account) => account.role === "PARTICIPANT");
const moderator = DEMO_ACCOUNTS.find((account) => account.role === "MODERATOR");
const consultation = DEMO_CONSULTATIONS.find((definition) => definition.conference === "upcoming" && definition.status === "OPEN");
if (!participant || !moderator || !consultation) throw new Error("The demo seed needs a participant, a moderator and an open consultation around the upcoming conference");
const RECEIPT = /\/contributions\/(AGR-\d{4}-\d{6,})\/receipt/;

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInViaApi(page, email, DEMO_PASSWORD);
  return page;
}

test("the moderator reads a submitted PDF page by page once the worker has read it; a visitor's search finds page 2", async ({ page, browser }) => {
  await signInViaApi(page, participant?.email ?? "", DEMO_PASSWORD);
  await page.goto(`/consultations/${consultation.slug}/contribute`);
  const discard = page.getByRole("button", { name: "Discard draft and start again" });
  if (await discard.isVisible()) {
    await discard.click();
    await page.getByRole("button", { name: "Discard it" }).click();
    await expect(page.getByText("Draft discarded.")).toBeVisible();
  }
  await page.getByLabel(/^Attachments/).setInputFiles({
    name: "sandbox-position-paper.pdf",
    mimeType: "application/pdf",
    buffer: fs.readFileSync(`${FIXTURES_DIR}/two-pages.pdf`),
  });
  await expect(page.getByRole("list", { name: "Attached files" })).toContainText("sandbox-position-paper.pdf");
  const title = `E2E attachment text ${Date.now()}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Your contribution", { exact: true }).fill("Please see the attached position paper: our proposal is on its second page.");
  await page.getByRole("group", { name: /Which part of the AI Act matters most/ }).getByLabel("Human oversight").check();
  await page.getByRole("group", { name: /How prepared do you feel/ }).getByLabel("4", { exact: true }).check();
  await page.getByRole("button", { name: "Submit contribution" }).click();
  await expect(page).toHaveURL(RECEIPT);
  const reference = RECEIPT.exec(page.url())?.[1] ?? "";

  const review = await signedIn(browser, moderator?.email ?? "");
  const section = review.getByRole("region", { name: "Text of the attachments" });
  // The inline worker looks for due jobs every few seconds.
  await expect(async () => {
    await review.goto(`/moderation/contributions/${reference}`);
    await expect(section.getByRole("heading", { name: "sandbox-position-paper.pdf" })).toBeVisible();
    await expect(section).toContainText("Text read");
  }).toPass({ timeout: 45_000, intervals: [1_000, 2_000] });
  await expect(section).toContainText("2 pages");
  const pages = section.getByRole("list", { name: "sandbox-position-paper.pdf" }).getByRole("listitem");
  await expect(pages).toHaveCount(2);
  await expect(pages.nth(0)).toContainText("Page 1");
  await expect(pages.nth(0)).not.toContainText(PAGE_TWO_PHRASE);
  await expect(pages.nth(1)).toContainText("Page 2");
  await expect(pages.nth(1)).toContainText(PAGE_TWO_PHRASE);
  await expectNoAxeViolations(review);
  await review.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(review.getByRole("status").filter({ hasText: `Approved ${reference}` })).toBeVisible();

  await review.getByRole("navigation", { name: "Moderation" }).getByRole("link", { name: "Background jobs" }).click();
  await expect(review.getByRole("heading", { level: 1 })).toHaveText("Background jobs");
  const counts = review.getByRole("table", { name: "Background jobs by kind and status." });
  await expect(counts.getByRole("rowheader", { name: "Reading attachment text" })).toBeVisible();
  await expectNoAxeViolations(review);

  // A visitor searches the published contributions for the phrase of page 2.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/consultations/${consultation.slug}/contributions`);
  await visitor.getByLabel("Search the contributions").fill(`"${PAGE_TWO_PHRASE}"`);
  await visitor.getByRole("button", { name: "Search" }).click();
  const hit = visitor.getByRole("article").filter({ hasText: title });
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText("Found in sandbox-position-paper.pdf, page 2.");
  const marked = hit.locator("blockquote mark");
  await expect(marked.first()).toBeVisible();
  // Each word of the phrase is marked, stop words ("for") aside.
  const words = (await marked.allTextContents()).join(" ").toLowerCase();
  for (const word of ["interoperable", "sandboxes", "municipal", "procurement"]) expect(words).toContain(word);
  await expectNoAxeViolations(visitor);
});
