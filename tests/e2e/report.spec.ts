import { readFile } from "node:fs/promises";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { paragraphs, readDocx, tableAfterCaption } from "../helpers/read-docx";
import { expect, signInViaApi, test } from "./fixtures";
import { REPORT_CONSULTATION, REPORT_CONTRIBUTIONS, REPORT_SYNTHESIS } from "./report-fixtures";
import { waitForCurrentThemes } from "./summary-helpers";

// The summary report as a visitor gets it (issue 11): a moderator publishes
// version 1 of the report consultation's summary (tests/e2e/seed/report.ts),
// a visitor downloads its report from the summary page through the browser
// and the file is a Word document holding the synthesis, the figures as
// tables and the themes' quotes with their sources. What each section holds
// is proved in tests/integration/summary-report.test.ts.

const summaryPath = `/consultations/${REPORT_CONSULTATION.slug}/summary`;

test("a visitor downloads the report of a published summary as a Word document", async ({ page }) => {
  test.setTimeout(120_000);
  const moderator = DEMO_ACCOUNTS.find((account) => account.role === "MODERATOR");
  if (!moderator) throw new Error("The demo seed needs a moderator");

  await test.step("a moderator publishes version 1", async () => {
    await signInViaApi(page, moderator.email, DEMO_PASSWORD);
    await page.goto(`${summaryPath}?view=live`);
    await waitForCurrentThemes(page);
    const editor = page.getByRole("complementary", { name: "Synthesis editor" });
    await editor.getByLabel("Synthesis", { exact: true }).fill(REPORT_SYNTHESIS);
    await editor.getByRole("button", { name: "Publish…" }).click();
    await page.getByRole("dialog", { name: "Publish this summary?" }).getByRole("button", { name: "Publish now" }).click();
    await expect(editor.getByRole("status")).toHaveText("Version 1 is published.", { timeout: 30_000 });
    await page.context().clearCookies();
  });

  await test.step("a visitor downloads the report from the summary page", async () => {
    await page.goto(summaryPath);
    await expect(page.getByText(/^Version 1, published /)).toBeVisible();
    const link = page.getByRole("link", { name: "Download the report (DOCX)" });
    await expect(link).toHaveAccessibleDescription(/Word document with the synthesis, the figures as tables and the themes/);
    const downloading = page.waitForEvent("download");
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${REPORT_CONSULTATION.slug}-summary-v1-report.docx`);

    const { blocks, properties } = await readDocx(await readFile(await download.path()));
    expect(properties).toMatchObject({ title: `Summary of “${REPORT_CONSULTATION.title}”`, creator: "Agora" });
    const all = paragraphs(blocks);
    expect(all.find((paragraph) => paragraph.text === "What the city heard")?.style).toBe("Heading2");
    expect(all.find((paragraph) => paragraph.text.startsWith("People asked for"))?.bold).toEqual(["protected cycle lanes"]);
    const byType = tableAfterCaption(blocks, "Contributions by the stakeholder type of their authors");
    expect(byType?.rows[0]?.header).toBe(true);
    expect(byType?.rows.find((row) => row.cells[0] === "Non-governmental organisation (NGO)")?.cells[1]).toBe(String(Math.ceil(REPORT_CONTRIBUTIONS.length / 2)));
    // Each quote is followed by its source, a link to the contribution's public page on this site.
    const quoteAt = all.findIndex((paragraph) => paragraph.style === "Quote");
    expect(quoteAt).toBeGreaterThan(0);
    const source = all[quoteAt + 1]?.links[0];
    expect(source?.url).toMatch(/\/contributions\/AGR-\d{4}-\d+$/);
    const response = await page.request.get(new URL(source?.url ?? "").pathname);
    expect(response.status()).toBe(200);
  });

  await test.step("the live report stays with the moderators", async () => {
    const response = await page.request.get(`${summaryPath}/report?view=live`);
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  });
});
