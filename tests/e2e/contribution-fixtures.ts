import { DEMO_CONSULTATIONS } from "@/prisma/seed/demo-consultations";

// The rows tests/e2e/seed/contributions.ts adds to the e2e database for the
// public contribution specs, by the demo participant: states no page can
// produce yet (an approved contribution needs a moderator).

const open = DEMO_CONSULTATIONS.filter((consultation) => consultation.status === "OPEN");
const [first, second] = open;
if (!first || !second) throw new Error("The demo seed needs two open consultations for the e2e contributions");

/** Where the fixture rows go. */
export const FIXTURE_CONSULTATION = first;
/** A consultation with seeded contributions only (none of the demo participant's). */
export const OTHERS_CONSULTATION = second;

/**
 * One approved French contribution in OTHERS_CONSULTATION by a demo
 * stakeholder, so that the search specs do not hang on how many of the
 * generated ones the seed approved: that depends on the hour it runs.
 */
export const FRENCH_DECISION = {
  title: "Contester une décision automatisée",
  body: "Toute personne concernée par des décisions automatisées doit pouvoir les contester auprès d'un agent humain, dans un délai raisonnable.",
  language: "fr",
} as const;

export const XSS = {
  title: `E2E stored XSS <script>alert("title")</script><img src=x onerror=alert("title-img")>`,
  body: [
    `Body with a script: <script>alert("body")</script>`,
    ``,
    `An image: <img src=x onerror="alert('body-img')">`,
    ``,
    `A [javascript link](javascript:alert('link')) and a [safe link](https://example.org/).`,
    ``,
    `<a href="javascript:alert('raw')">raw anchor</a> <iframe src="javascript:alert('frame')"></iframe>`,
  ].join("\n"),
  moderatorNote: "E2E-INTERNAL-NOTE for moderators only",
};

export const PENDING_TITLE = "E2E pending contribution";
export const TO_WITHDRAW_TITLE = "E2E contribution to withdraw";
export const REJECTED = { title: "E2E rejected contribution", reason: "Off topic" };
