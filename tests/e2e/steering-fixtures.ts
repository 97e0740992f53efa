import { threeSubjectDocuments } from "../helpers/three-subjects";

// What tests/e2e/seed/steering.ts adds for tests/e2e/theme-steering.spec.ts:
// a consultation of its own whose approved contributions are the English
// texts of the unit tests' three subjects (cycling, privacy, farming), and
// one pending contribution that the spec approves between two versions.

export const STEERING_CONSULTATION = { slug: "e2e-theme-steering", title: "Streets, data and farms: steering the themes" };

export const STEERING_AUTHORS = [
  { email: "steering-ngo@agora.example", name: "Maria Lind", organisation: "Open Streets", stakeholderType: "NGO", country: "FI" },
  { email: "steering-academic@agora.example", name: "Tomas Novak", organisation: "Institute of Rural Studies", stakeholderType: "ACADEMIC", country: "CZ" },
] as const;

export const STEERING_CONTRIBUTIONS = threeSubjectDocuments()
  .documents.filter((document) => document.language === "en")
  .map((document, index) => ({ title: `Steering ${index + 1}`, body: document.text }));

export const STEERING_PENDING = {
  title: "Steering: approved between two versions",
  body: "Protected bike lanes and secure bike parking near every school would let children cycle safely to class.",
} as const;
