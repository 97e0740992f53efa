import { DEMO_CONFERENCES } from "@/prisma/seed/demo-conferences";
import { DEMO_CONSULTATIONS } from "@/prisma/seed/demo-consultations";

// What tests/e2e/seed/summary.ts adds for tests/e2e/summary.spec.ts: NGO
// contributions to the consultation whose conference is running, on two
// subjects the demo's NGOs do not write about, so that the NGO subset has
// themes of its own (the demo's eight NGO contributions are spread over
// too many languages to group), answering the free-text question with their
// own text; and one pending contribution that the spec
// approves after the summary is published. The seed also renumbers the
// consultation's questions from 0, as the admin form stores them.

const running = DEMO_CONFERENCES.find((conference) => conference.key === "running");
const consultation = DEMO_CONSULTATIONS.find((candidate) => candidate.conference === running?.key && candidate.status === "OPEN");
if (!consultation) throw new Error("The demo seed needs an open consultation around the running conference");

export const SUMMARY_CONSULTATION = consultation;

export const SUMMARY_NGOS = [
  { email: "summary-ngo-1@agora.example", name: "Anke Claes", organisation: "Accessible Services Alliance", country: "BE" },
  { email: "summary-ngo-2@agora.example", name: "Jonas Richter", organisation: "Open Algorithms Initiative", country: "DE" },
  { email: "summary-ngo-3@agora.example", name: "Siobhán Byrne", organisation: "Civic Data Collective", country: "IE" },
] as const;

/** Two subjects, four contributions each: enough for two themes in the NGO subset. */
export const SUMMARY_CONTRIBUTIONS = [
  {
    title: "Sign language and easy-read letters for benefit claims",
    body: "People with disabilities need sign language interpreters and easy-read letters when an automated system decides on their benefit claim. A chatbot alone excludes deaf and blind claimants from the benefit office.",
  },
  {
    title: "Benefit office chatbots exclude blind and deaf claimants",
    body: "The benefit office chatbot has no sign language option and its letters are not easy-read. Deaf and blind claimants with disabilities cannot follow the automated decision on their benefit claim.",
  },
  {
    title: "Accessible automated decisions for disabled people",
    body: "Every automated benefit decision should come with an easy-read letter and a sign language video. Claimants with disabilities, deaf or blind, must reach a person at the benefit office instead of a chatbot.",
  },
  {
    title: "Disability organisations should test benefit chatbots",
    body: "Before a benefit office deploys a chatbot, deaf and blind claimants and other people with disabilities should test it. Easy-read letters and sign language must be part of every automated claim decision.",
  },
  {
    title: "A public register of municipal algorithms",
    body: "Every municipality should publish a register of the algorithms it uses, with the purpose, the data sources, the supplier and a named contact person. The register must be searchable and updated before each deployment.",
  },
  {
    title: "Algorithm registers need suppliers and data sources",
    body: "A municipal algorithm register is only useful when it names the supplier, the data sources and the purpose of each algorithm. Municipalities should publish the register before deployment and keep it updated.",
  },
  {
    title: "Publish the purpose of each public algorithm",
    body: "Municipalities must publish the purpose and data sources of every algorithm in a searchable public register, with a contact person who answers questions. An algorithm missing from the register should not be deployed.",
  },
  {
    title: "Searchable algorithm registers for every municipality",
    body: "We ask for a searchable register in every municipality listing each algorithm, its supplier, its data sources and its purpose. Publish the register entry before deployment and update it when the algorithm changes.",
  },
] as const;

export const SUMMARY_PENDING = {
  title: "E2E summary: easy-read letters approved after publication",
  body: "Easy-read letters for every automated benefit decision would help claimants with disabilities, and sign language videos would help deaf claimants at the benefit office.",
} as const;
