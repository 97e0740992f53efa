// What tests/e2e/seed/similarity.ts adds for tests/e2e/similarity.spec.ts: a
// consultation of its own with a small campaign of form letters, pending,
// grouped as the submission path groups them.

export const SIMILARITY_CONSULTATION = { slug: "e2e-similarity", title: "E2E near-duplicates" };

export const SIMILARITY_LETTER =
  "I am writing to support a strong and enforceable regulation of artificial intelligence in Europe. High risk systems must be registered, audited by independent bodies and explained to the people they affect. Please make sure that civil society is heard in the implementation of these rules.";

export const SIMILARITY_ADDED = "As a nurse I see every day how automated triage tools misjudge older patients.";

/** Oldest first; the second adds a sentence, the third changes a word. */
export const SIMILARITY_MEMBERS = [
  { title: "E2E campaign: letter one", body: SIMILARITY_LETTER, author: { email: "campaign-one@agora.example", name: "Campaign One" } },
  { title: "E2E campaign: letter two", body: `${SIMILARITY_LETTER} ${SIMILARITY_ADDED}`, author: { email: "campaign-two@agora.example", name: "Campaign Two" } },
  { title: "E2E campaign: letter three", body: SIMILARITY_LETTER.replace("strong and enforceable", "strong, enforceable"), author: { email: "campaign-three@agora.example", name: "Campaign Three" } },
] as const;
