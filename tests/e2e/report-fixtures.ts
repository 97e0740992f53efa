import { threeSubjectDocuments } from "../helpers/three-subjects";

// What tests/e2e/seed/report.ts adds for tests/e2e/report.spec.ts: a
// consultation of its own, with no conference and no summary, so that the
// spec can publish version 1 without touching what the other specs read;
// its approved contributions are the English texts of the unit tests' three
// subjects (cycling, privacy, farming), which group into themes with quotes,
// from two organisations of different types and countries.

export const REPORT_CONSULTATION = {
  slug: "e2e-summary-report",
  title: "Local priorities: streets, data and farms",
};

export const REPORT_AUTHORS = [
  { email: "report-ngo@agora.example", name: "Ines Duarte", organisation: "Streets for People", stakeholderType: "NGO", country: "PT" },
  { email: "report-company@agora.example", name: "Jonas Berg", organisation: "Berg Logistics", stakeholderType: "COMPANY", country: "SE" },
] as const;

export const REPORT_CONTRIBUTIONS = threeSubjectDocuments()
  .documents.filter((document) => document.language === "en")
  .map((document, index) => ({ title: `Local priority ${index + 1}`, body: document.text }));

export const REPORT_SYNTHESIS = "## What the city heard\n\nPeople asked for **protected cycle lanes**, control over their personal data and support for small farms.";
