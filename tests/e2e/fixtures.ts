import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { SMTP_PORT } from "../../playwright.config";

// Every page a test visits is checked with axe (WCAG 2.1 AA) when it loads
// and again when the test ends; any violation fails the test. The app's
// e-mail is caught by a real SMTP server (smtp-server) running in the test.

export type Mailbox = {
  /** Waits for the newest e-mail to `to` whose subject matches. */
  waitFor(to: string, subject: RegExp, timeoutMs?: number): Promise<ParsedMail>;
  all(): ParsedMail[];
};

type Fixtures = { axeCheck: void };
type WorkerFixtures = { mailbox: Mailbox };

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes.map((node) => node.target.join(" ")).join("\n    ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Signs in through next-auth's credentials endpoint, without the UI, for
 * tests where the sign-in form is not what is under test. The session cookie
 * lands in the page's browser context.
 */
export async function signInViaApi(page: Page, email: string, password: string): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status(), "sign-in through the API").toBeLessThan(400);
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => cookie.name.endsWith("next-auth.session-token")), `session cookie for ${email}`).toBe(true);
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  mailbox: [
    async ({}, use) => {
      const messages: ParsedMail[] = [];
      const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS"],
        logger: false,
        onData(stream, _session, callback) {
          simpleParser(stream)
            .then((mail) => {
              messages.push(mail);
              callback();
            })
            .catch(callback);
        },
      });
      await new Promise<void>((resolve) => server.listen(SMTP_PORT, "127.0.0.1", resolve));
      await use({
        all: () => messages,
        async waitFor(to, subject, timeoutMs = 15_000) {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const found = messages.findLast((mail) => {
              const recipients = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
              return subject.test(mail.subject ?? "") && recipients.some((address) => address.value.some((v) => v.address === to));
            });
            if (found) return found;
            if (Date.now() > deadline) throw new Error(`No e-mail to ${to} matching ${subject} within ${timeoutMs} ms`);
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        },
      });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    { scope: "worker", auto: true },
  ],
  axeCheck: [
    async ({ page }, use) => {
      const failures: string[] = [];
      const pending: Promise<void>[] = [];
      page.on("load", () => {
        pending.push(
          new AxeBuilder({ page })
            .withTags(WCAG_TAGS)
            .analyze()
            .then((results) => {
              for (const violation of results.violations) {
                failures.push(`${page.url()}: ${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
              }
            })
            // The test moved on before the check finished: that page is
            // checked again only if the test comes back to it.
            .catch(() => {}),
        );
      });
      await use();
      await Promise.all(pending);
      if (!page.isClosed() && page.url().startsWith("http")) await expectNoAxeViolations(page);
      expect(failures, "axe violations on pages visited").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
