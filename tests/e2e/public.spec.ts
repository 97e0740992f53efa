import { DEMO_CONFERENCES } from "@/prisma/seed/demo-conferences";
import { DEMO_CONSULTATIONS } from "@/prisma/seed/demo-consultations";
import { expect, test } from "./fixtures";

// Runs against the seeded demo (scripts/e2e-server.sh runs db:seed); the
// expectations come from the seed's own definitions.

const open = DEMO_CONSULTATIONS.filter((consultation) => consultation.status === "OPEN");
const closed = DEMO_CONSULTATIONS.filter((consultation) => consultation.status === "CLOSED");
const draft = DEMO_CONSULTATIONS.find((consultation) => consultation.status === "DRAFT");
const conference = (key: string) => {
  const found = DEMO_CONFERENCES.find((item) => item.key === key);
  if (!found) throw new Error(`no ${key} conference in the seed`);
  return found;
};

test("the home page lists the open consultations and the coming conferences", async ({ page }) => {
  await page.goto("/");
  const consultations = page.getByRole("region", { name: "Open consultations" });
  for (const consultation of open) {
    await expect(consultations.getByRole("link", { name: consultation.title })).toBeVisible();
  }
  for (const consultation of [...closed, ...(draft ? [draft] : [])]) {
    await expect(page.getByRole("link", { name: consultation.title })).toHaveCount(0);
  }
  const conferences = page.getByRole("region", { name: "Upcoming and current conferences" });
  await expect(conferences.getByRole("link", { name: conference("upcoming").title })).toBeVisible();
  await expect(conferences.getByRole("link", { name: conference("running").title })).toBeVisible();
  await expect(conferences.getByRole("link", { name: conference("past").title })).toHaveCount(0);
});

test("a consultation opens from the home page, with its body, questions and conference", async ({ page }) => {
  const consultation = open[0];
  if (!consultation) throw new Error("the seed has no open consultation");
  await page.goto("/");
  await page.getByRole("region", { name: "Open consultations" }).getByRole("link", { name: consultation.title }).click();

  await expect(page).toHaveURL(`/consultations/${consultation.slug}`);
  await expect(page).toHaveTitle(`${consultation.title} · Agora`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(consultation.title);
  await expect(page.getByText("Status: Open")).toBeAttached();
  // The markdown body is rendered, its "##" sections nested under the page's h2.
  await expect(page.getByRole("region", { name: "About this consultation" }).getByRole("heading", { level: 3 }).first()).toBeVisible();
  const questions = page.getByRole("region", { name: "Questions" });
  for (const question of consultation.questions) {
    await expect(questions.getByText(question.prompt)).toBeVisible();
  }
  await expect(questions.getByText(/· Required$/)).toHaveCount(consultation.questions.filter((question) => question.required).length);

  const ownConference = DEMO_CONFERENCES.find((item) => item.key === consultation.conference);
  if (!ownConference) throw new Error("the consultation's conference is not in the seed");
  await expect(page.getByText(ownConference.timeZone.replaceAll("_", " "), { exact: false }).first()).toBeVisible();
  await page.getByRole("link", { name: ownConference.title }).click();
  await expect(page).toHaveURL(`/conferences/${ownConference.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ownConference.title);
  await expect(page.getByRole("region", { name: "Consultations" }).getByRole("link", { name: consultation.title })).toBeVisible();
});

test("a conference opens from the home page with its dates, venue and consultations", async ({ page }) => {
  const past = conference("past");
  const running = conference("running");
  await page.goto("/");
  await page.getByRole("region", { name: "Upcoming and current conferences" }).getByRole("link", { name: running.title }).click();
  await expect(page).toHaveURL(`/conferences/${running.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(running.title);
  await expect(page.getByText("Running now", { exact: true })).toBeVisible();

  await page.goto("/conferences");
  await expect(page.getByRole("region", { name: "Running now" }).getByRole("link", { name: running.title })).toBeVisible();
  await expect(page.getByRole("region", { name: "Upcoming" }).getByRole("link", { name: conference("upcoming").title })).toBeVisible();
  await page.getByRole("region", { name: "Past" }).getByRole("link", { name: past.title }).click();
  // Other tests add conferences in the same zone: check the text on the conference's own page.
  await expect(page).toHaveURL(`/conferences/${past.slug}`);
  await expect(page.getByText(`(${past.timeZone.replaceAll("_", " ")} time)`)).toBeVisible();
  for (const consultation of DEMO_CONSULTATIONS.filter((item) => item.conference === "past" && item.status !== "DRAFT")) {
    await expect(page.getByRole("link", { name: consultation.title })).toBeVisible();
  }
});

test("the consultation list shows open ones first, filters by status, and never shows drafts to visitors", async ({ page }) => {
  await page.goto("/consultations");
  const results = page.getByRole("region", { name: /All consultations/ });
  for (const consultation of [...open, ...closed]) await expect(results.getByRole("link", { name: consultation.title })).toBeVisible();
  // Open consultations come before closed ones.
  const titles = await results.getByRole("heading", { level: 3 }).allTextContents();
  const lastOpen = Math.max(...open.map((consultation) => titles.indexOf(consultation.title)));
  const firstClosed = Math.min(...closed.map((consultation) => titles.indexOf(consultation.title)));
  expect(lastOpen).toBeLessThan(firstClosed);
  if (draft) await expect(page.getByRole("link", { name: draft.title })).toHaveCount(0);
  await expect(page.getByLabel("Status").locator("option", { hasText: "Draft" })).toHaveCount(0);

  await page.getByLabel("Status").selectOption("CLOSED");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=CLOSED/);
  for (const consultation of closed) await expect(page.getByRole("link", { name: consultation.title })).toBeVisible();
  for (const consultation of open) await expect(page.getByRole("link", { name: consultation.title })).toHaveCount(0);

  await page.goto("/consultations?status=NONSENSE");
  await expect(page.getByLabel("Status")).toHaveAccessibleDescription("Choose a status from the list. This filter is not applied.");
  for (const consultation of open) await expect(page.getByRole("link", { name: consultation.title })).toBeVisible();
});

test("unknown and draft slugs answer 404 with the not-found page", async ({ page }) => {
  for (const path of ["/consultations/no-such-consultation", "/conferences/no-such-conference", ...(draft ? [`/consultations/${draft.slug}`] : [])]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  }
});
