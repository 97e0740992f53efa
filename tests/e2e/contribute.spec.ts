import type { Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { DEMO_CONSULTATIONS } from "@/prisma/seed/demo-consultations";
import { expect, signInViaApi, test, type Mailbox } from "./fixtures";
import { pdfDocument, windowsExecutable } from "../fixtures/documents";

// The contribution form of issue 3, as the demo participant uses it: the
// consultation around the upcoming conference is in its "before" phase.

const participant = DEMO_ACCOUNTS.find((account) => account.role === "PARTICIPANT");
const consultation = DEMO_CONSULTATIONS.find((definition) => definition.conference === "upcoming" && definition.status === "OPEN");
if (!participant || !consultation) throw new Error("The demo seed needs a participant and an open consultation around the upcoming conference");
const FORM = `/consultations/${consultation.slug}/contribute`;
const RECEIPT = /\/contributions\/(AGR-\d{4}-\d{6,})\/receipt/;
const BODY =
  "Small providers need practical templates for the technical documentation, a helpdesk with named contacts, and access to a regulatory sandbox before the obligations apply.";

let counter = 0;
const uniqueTitle = (label: string) => `E2E ${label} ${Date.now()}-${(counter += 1)}`;

async function signIn(page: Page) {
  await signInViaApi(page, participant?.email ?? "", DEMO_PASSWORD);
}

/** Opens the form; a draft an earlier test left is discarded, through the form's own button. */
async function openForm(page: Page) {
  await page.goto(FORM);
  const discard = page.getByRole("button", { name: "Discard draft and start again" });
  if (await discard.isVisible()) {
    await discard.click();
    await expect(page.getByRole("button", { name: "Keep the draft" })).toBeFocused();
    await page.getByRole("button", { name: "Discard it" }).click();
    await expect(page.getByText("Draft discarded.")).toBeVisible();
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue("");
  }
}

async function fillValidForm(page: Page, title: string) {
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Your contribution", { exact: true }).fill(BODY);
  await page.getByRole("group", { name: /Which part of the AI Act matters most/ }).getByLabel("Human oversight").check();
  await page.getByRole("group", { name: /How prepared do you feel/ }).getByLabel("4", { exact: true }).check();
}

/** Waits until the draft saved after the last change has reached the server. */
async function draftSettled(page: Page) {
  await page.keyboard.press("Tab");
  await page.waitForTimeout(2_000);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("status").filter({ hasText: "Draft saved" })).toHaveText(/^Draft saved at \d{2}:\d{2}$/);
}

function receiptsWith(mailbox: Mailbox, title: string) {
  return mailbox.all().filter((mail) => /^We received your contribution AGR-/.test(mail.subject ?? "") && mail.text?.includes(`Title: ${title}`));
}

test("a participant drafts a contribution with answers and a PDF, finds the draft after a reload, submits, gets the receipt and the e-mail, and edits it", async ({
  page,
  mailbox,
  playwright,
  baseURL,
}) => {
  await signIn(page);
  await page.goto(`/consultations/${consultation.slug}`);
  await page.getByRole("link", { name: "Contribute", exact: true }).click();
  await expect(page).toHaveURL(FORM);
  await openForm(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Contribute to “${consultation.title}”`);
  await expect(page.getByText("A contribution submitted now counts as “before the conference”.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Participation rules" })).toBeVisible();

  const title = uniqueTitle("journey");
  await page.getByLabel(/^Attachments/).setInputFiles({ name: "position-paper.pdf", mimeType: "application/pdf", buffer: pdfDocument("Our position paper") });
  const attached = page.getByRole("list", { name: "Attached files" });
  await expect(attached.getByRole("listitem")).toHaveCount(1);
  await expect(attached).toContainText("position-paper.pdf");
  await expect(attached).toContainText("PDF");
  await fillValidForm(page, title);
  await page.getByRole("group", { name: /Which kinds of support would help you most/ }).getByLabel("Training for staff").check();
  await page.getByRole("group", { name: /How should your contribution be published/ }).getByLabel("Anonymously").check();
  await expect(page.getByText(/^\d[\d,]* of 5,000 characters/)).toHaveText(`${BODY.length} of 5,000 characters (${(5000 - BODY.length).toLocaleString("en-GB")} characters left)`);
  await draftSettled(page);

  await page.reload();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await expect(page.getByLabel("Your contribution", { exact: true })).toHaveValue(BODY);
  await expect(page.getByRole("group", { name: /Which part of the AI Act/ }).getByLabel("Human oversight")).toBeChecked();
  await expect(page.getByRole("group", { name: /How prepared do you feel/ }).getByLabel("4", { exact: true })).toBeChecked();
  await expect(page.getByRole("group", { name: /Which kinds of support/ }).getByLabel("Training for staff")).toBeChecked();
  await expect(page.getByRole("group", { name: /How should your contribution be published/ }).getByLabel("Anonymously")).toBeChecked();
  await expect(page.getByRole("list", { name: "Attached files" })).toContainText("position-paper.pdf");
  await expect(page.getByText(/^Your draft was restored \(saved at \d{2}:\d{2}\)\.$/)).toBeVisible();

  await page.getByRole("button", { name: "Submit contribution" }).click();
  await expect(page).toHaveURL(RECEIPT);
  const reference = RECEIPT.exec(page.url())?.[1] ?? "";
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: your contribution was received");
  await expect(page.getByText(reference, { exact: true })).toBeVisible();
  const details = page.getByRole("region", { name: "Your contribution" });
  await expect(details).toContainText(title);
  await expect(details).toContainText(consultation.title);
  await expect(details).toContainText("before the conference");
  await expect(details).toContainText("Pending moderation");
  await expect(details).toContainText("Anonymously");
  await expect(page.getByRole("region", { name: "What happens next" })).toContainText("A moderator reads your contribution");

  const mail = await mailbox.waitFor(participant.email, new RegExp(`^We received your contribution ${reference}$`));
  expect(mail.text).toContain(`Title: ${title}`);
  expect(mail.text).toContain(`${baseURL}/contributions/${reference}/receipt`);

  // The file: the author downloads it; a visitor gets "not found" while the contribution is pending.
  const fileLink = details.getByRole("link", { name: "position-paper.pdf" });
  const fileUrl = (await fileLink.getAttribute("href")) ?? "";
  const asAuthor = await page.request.get(fileUrl);
  expect(asAuthor.status()).toBe(200);
  expect(asAuthor.headers()["content-type"]).toBe("application/pdf");
  expect(asAuthor.headers()["content-disposition"]).toMatch(/^attachment;/);
  const visitor = await playwright.request.newContext({ baseURL });
  expect((await visitor.get(fileUrl)).status()).toBe(404);
  expect((await visitor.get(`/contributions/${reference}/receipt`)).url()).toContain("/sign-in");
  await visitor.dispose();

  await page.goto("/my-contributions");
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText(reference);
  await expect(row).toContainText("Pending moderation");

  await page.goto(`/contributions/${reference}/receipt`);
  await page.getByRole("link", { name: "Edit this contribution" }).click();
  await expect(page).toHaveURL(`/contributions/${reference}/edit`);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await expect(page.getByRole("list", { name: "Attached files" })).toContainText("position-paper.pdf");
  const edited = `${title} (edited)`;
  await page.getByLabel("Title", { exact: true }).fill(edited);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(`/contributions/${reference}/receipt?updated=1`);
  await expect(page.getByText("Your changes were saved.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Your contribution" })).toContainText(edited);
  await expect(page.getByRole("region", { name: "Your contribution" })).toContainText("Pending moderation");
});

test("a double click on submit makes exactly one contribution", async ({ page, mailbox }) => {
  await signIn(page);
  await openForm(page);
  const title = uniqueTitle("double click");
  await fillValidForm(page, title);
  await page.getByRole("button", { name: "Submit contribution" }).dblclick();
  await expect(page).toHaveURL(RECEIPT);
  const reference = RECEIPT.exec(page.url())?.[1] ?? "";

  await mailbox.waitFor(participant.email, new RegExp(`^We received your contribution ${reference}$`));
  // Long enough for a second submission's receipt to arrive, were there one.
  await page.waitForTimeout(2_000);
  expect(receiptsWith(mailbox, title)).toHaveLength(1);
  await page.goto("/my-contributions");
  await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(1);
});

test("missing answers and a body over the limit are listed in an error summary that takes the focus, and nothing is sent", async ({ page, mailbox }) => {
  await signIn(page);
  await openForm(page);
  const title = uniqueTitle("refused");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Your contribution", { exact: true }).fill("x".repeat(5_010));
  await expect(page.getByText("5,010 of 5,000 characters (10 characters too many)")).toBeVisible();
  await page.getByRole("button", { name: "Submit contribution" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "Your contribution is 10 characters over the limit of 5,000. Please shorten it, or attach a longer text as a file.",
    "Question 1: Please choose an answer.",
    "Question 2: Please choose a value on the scale.",
  ]);
  await expect(page.getByLabel("Your contribution", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Your contribution", { exact: true })).toHaveAccessibleDescription(/Your contribution is 10 characters over the limit/);
  await summary.getByRole("link", { name: /Question 1/ }).click();
  await expect(page.getByRole("group", { name: /Which part of the AI Act/ }).getByRole("radio").first()).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`${FORM}`));
  expect(receiptsWith(mailbox, title)).toHaveLength(0);
});

test("a program renamed .pdf and an 11 MB file are refused with their messages", async ({ page, baseURL }) => {
  await signIn(page);
  await openForm(page);
  const input = page.getByLabel(/^Attachments/);

  await input.setInputFiles({ name: "setup.pdf", mimeType: "application/pdf", buffer: windowsExecutable() });
  await expect(page.getByText("“setup.pdf” is not a PDF, ODT or DOCX file. Only these formats can be attached.")).toBeVisible();
  await expect(input).toHaveAccessibleDescription(/“setup\.pdf” is not a PDF, ODT or DOCX file/);
  await expect(page.getByRole("list", { name: "Attached files" })).toHaveCount(0);

  const big = Buffer.concat([pdfDocument(), Buffer.alloc(11 * 1024 * 1024)]);
  await input.setInputFiles({ name: "annex.pdf", mimeType: "application/pdf", buffer: big });
  await expect(page.getByText("“annex.pdf” is larger than 10 MB. Please attach a smaller file.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Attached files" })).toHaveCount(0);

  // The browser's check spares the upload; the server refuses it on its own as well.
  const response = await page.request.post(`${baseURL}/api/attachments`, {
    multipart: { file: { name: "annex.pdf", mimeType: "application/pdf", buffer: big } },
    headers: { origin: baseURL ?? "" },
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).error.message).toBe("This file is larger than 10 MB. Please attach a smaller file.");
});
