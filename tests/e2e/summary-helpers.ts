import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** The theme job runs in the server's worker, which looks for work every few seconds. */
const THEMES_TIMEOUT = 90_000;

/**
 * Waits until the live view's themes are those of the contributions
 * approved now and of the steering as it stands: the theme status says so,
 * and the page has reloaded its figures (the status asks for that once it
 * is current, so the themes are read after the next navigation settles).
 */
export async function waitForCurrentThemes(page: Page): Promise<void> {
  await expect(page.getByTestId("theme-status")).toContainText("they are up to date", { timeout: THEMES_TIMEOUT });
  await page.waitForLoadState("networkidle");
}
