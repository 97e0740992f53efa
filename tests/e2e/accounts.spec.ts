import type { Page } from "@playwright/test";
import { expect, test, type Mailbox } from "./fixtures";
import { ngoRegistration, STRONG_PASSWORD } from "../fixtures/registrations";

// The account journeys of issue 2 through the real pages. Each test makes
// its own accounts (unique addresses) and reads the app's e-mail from the
// mailbox fixture, a real SMTP server.

const NEUTRAL_REGISTRATION = /We have sent an e-mail to the address you gave/;
const INVALID_CREDENTIALS = "The e-mail address or the password is not correct.";
const EMAIL_NOT_VERIFIED = /Your e-mail address is not confirmed yet/;

let counter = 0;
function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}-${Date.now()}-${counter}@example.org`;
}

type Registration = ReturnType<typeof ngoRegistration>;

/** Fills the registration form as a visitor would; `submit` sends it. */
async function fillRegistration(page: Page, registration: Registration) {
  await page.goto("/register");
  const form = page.locator("form");
  await form.getByLabel("E-mail address").fill(registration.email);
  await form.getByLabel("Password").fill(registration.password);
  await form.getByLabel("Your name").fill(registration.displayName);
  await form.getByLabel("I am contributing as").selectOption({ label: "Non-governmental organisation (NGO)" });
  await form.getByLabel("Organisation name").fill(registration.organisationName);
  await form.getByLabel("Organisation size").selectOption({ label: "Small (10 to 49 employees)" });
  await form.getByLabel("EU Transparency Register number").fill(registration.transparencyRegisterNumber);
  await form.getByLabel("Country of the organisation").selectOption({ label: "Japan" });
  await form.getByLabel("I accept the terms of use and the privacy notice.").check();
  return { submit: () => form.getByRole("button", { name: "Create my account" }).click() };
}

async function register(page: Page, registration: Registration) {
  await (await fillRegistration(page, registration)).submit();
  await expect(page).toHaveURL("/check-email");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your e-mail");
}

async function verificationLink(mailbox: Mailbox, email: string): Promise<string> {
  const mail = await mailbox.waitFor(email, /Confirm your e-mail address/);
  const link = mail.text?.match(/http:\/\/\S+\/verify-email\?token=[\w-]+/)?.[0];
  if (!link) throw new Error(`no verification link in the e-mail to ${email}`);
  return link;
}

/** Tries the credentials on the sign-in page and returns the alert it shows. */
async function signInFails(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Next.js keeps a route announcer with role=alert outside <main>.
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toBeVisible();
  return alert;
}

test("a new visitor registers as an NGO from Japan, confirms the address, signs in, sees the profile and signs out", async ({ page, mailbox }) => {
  const registration = ngoRegistration(uniqueEmail("kenji"));
  await register(page, registration);
  await expect(page.getByText(/Open the link in it within 48 hours/)).toBeVisible();

  const link = await verificationLink(mailbox, registration.email);
  expect(link.startsWith(`${test.info().project.use.baseURL}/verify-email?token=`)).toBe(true);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your e-mail address is confirmed");

  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/sign-in");
  await page.getByLabel("E-mail address").fill(registration.email);
  await page.getByLabel("Password").fill(registration.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL("/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  const profile = page.getByRole("region", { name: "Your profile", exact: true });
  const expected: [string, string][] = [
    ["E-mail address", registration.email],
    ["Name", "Kenji Sato"],
    ["Stakeholder type", "Non-governmental organisation (NGO)"],
    ["Organisation", "AI Ethics Japan"],
    ["Organisation size", "Small (10 to 49 employees)"],
    ["Transparency Register number", "123456789012-34"],
    ["Country", "Japan"],
  ];
  for (const [term, value] of expected) {
    await expect(profile.locator(`xpath=.//dt[normalize-space()="${term}"]/following-sibling::dd[1]`)).toHaveText(value);
  }
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: /Kenji Sato/ })).toBeVisible();

  await header.getByRole("button", { name: "Sign out" }).click();
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL("/sign-in?callbackUrl=%2Faccount");
});

test("sign-in: an unconfirmed account is told so and can ask for a new link; a wrong password and an unknown address get the same answer", async ({
  page,
  mailbox,
}) => {
  const registration = ngoRegistration(uniqueEmail("unverified"));
  await register(page, registration);
  await verificationLink(mailbox, registration.email);

  const unverified = await signInFails(page, registration.email, registration.password);
  await expect(unverified).toHaveText(EMAIL_NOT_VERIFIED);
  // Asking again within a minute sends nothing new, but answers the same.
  await page.getByRole("button", { name: "Send me a new confirmation link" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(/we have sent it a new confirmation link/);

  const wrongPassword = await signInFails(page, registration.email, "not-the-password-at-all");
  await expect(wrongPassword).toHaveText(INVALID_CREDENTIALS);
  const unknownAddress = await signInFails(page, uniqueEmail("nobody"), registration.password);
  await expect(unknownAddress).toHaveText(INVALID_CREDENTIALS);
});

test("registering again with a known address gets the same neutral answer and changes nothing", async ({ page, mailbox }) => {
  const original = ngoRegistration(uniqueEmail("twice"));
  await register(page, original);
  await page.goto(await verificationLink(mailbox, original.email));

  await register(page, { ...original, password: "another-quiet-harbour-77", displayName: "Someone Else" });
  await expect(page.getByText(NEUTRAL_REGISTRATION)).toBeVisible();
  await expect((await mailbox.waitFor(original.email, /Someone tried to register/)).text).toContain("nothing was changed");

  // The second password was not stored: it does not sign in, the first one does.
  await expect(await signInFails(page, original.email, "another-quiet-harbour-77")).toHaveText(INVALID_CREDENTIALS);
  await page.getByLabel("Password").fill(original.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/account");
  await expect(page.getByRole("region", { name: "Your profile", exact: true })).toContainText("Kenji Sato");
});

test("a weak password and a malformed transparency register number get their own messages and nothing is written", async ({ page }) => {
  const registration = { ...ngoRegistration(uniqueEmail("weak")), password: "password1234", transparencyRegisterNumber: "12345-6" };
  await (await fillRegistration(page, registration)).submit();

  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Please correct the highlighted fields.");
  const password = page.getByLabel("Password");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/Error: This password is too easy to guess\. .*commonly used password/);
  const number = page.getByLabel("EU Transparency Register number");
  await expect(number).toHaveAttribute("aria-invalid", "true");
  await expect(number).toHaveAccessibleDescription(/Error: Enter the number as it appears in the EU Transparency Register, for example 123456789012-34\./);
  await expect(page).toHaveURL("/register");

  // Had the account been written, its owner would be told to confirm the address.
  await expect(await signInFails(page, registration.email, registration.password)).toHaveText(INVALID_CREDENTIALS);
});

test("a forged country code is refused by the server with its message and nothing is written", async ({ page }) => {
  const registration = ngoRegistration(uniqueEmail("forged-country"));
  const form = await fillRegistration(page, registration);
  // The select offers only real countries and the browser checks them too:
  // rewrite the server action's request on its way out, as a hand-made POST would.
  let forged = false;
  await page.route("**/register", async (route) => {
    const body = route.request().postData();
    if (route.request().method() === "POST" && body?.includes('"country":"JP"')) {
      forged = true;
      return route.continue({ postData: body.replace('"country":"JP"', '"country":"XX"') });
    }
    return route.continue();
  });
  await form.submit();

  const country = page.getByLabel("Country of the organisation");
  await expect(country).toHaveAttribute("aria-invalid", "true");
  await expect(country).toHaveAccessibleDescription("Error: Choose a country from the list.");
  expect(forged).toBe(true);
  await page.unroute("**/register");
  await expect(page).toHaveURL("/register");
  await expect(await signInFails(page, registration.email, STRONG_PASSWORD)).toHaveText(INVALID_CREDENTIALS);
});
