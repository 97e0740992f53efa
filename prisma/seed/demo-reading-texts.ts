// Texts of the demo's attached documents and campaigns (issue 10): a joint
// position paper filed by three business associations, a campaign of form
// letters (some with a sentence of their own), a university's response in
// DOCX with American spellings, a German statement in ODT, a French text
// declared English and a scanned letter with no text layer. All written for
// the demo; the organisations are fictional.

/** The joint paper, page by page. The phrase of page 2 is what the demo's search finds there. */
export const JOINT_PAPER_PAGES: readonly string[] = [
  [
    "Joint position paper on the implementation of the AI Act",
    "European Digital SME Network · Associazione Imprese del Software Italiane · Nordic Tech Business Council",
    "",
    "1. Summary",
    "Our three associations represent more than 4,000 software companies, most of them SMEs with fewer than fifty employees.",
    "We support the risk-based approach of the AI Act. Its success now depends on implementation: guidance that arrives in time,",
    "harmonised standards that small providers can read and apply, and supervisory authorities that answer questions before",
    "a product reaches the market rather than after a complaint.",
    "",
    "2. Timelines",
    "Providers of high-risk systems need the harmonised standards at least eighteen months before the obligations apply.",
    "Where standards are late, the Commission's common specifications should be published as drafts for comment.",
  ].join("\n"),
  [
    "3. Regulatory sandboxes",
    "Every Member State should open at least one regulatory sandbox with a fast track for small providers, free of charge,",
    "with a single contact point and a written answer within sixty days. Sandboxes in different Member States should",
    "recognise each other's exit reports, so that a company tested in Lisbon does not start again in Helsinki.",
    "",
    "4. Documentation",
    "The technical documentation required by Annex IV should come with a simplified template for SMEs and start-ups,",
    "published in every official language, with worked examples for common systems such as CV screening and credit scoring.",
  ].join("\n"),
  [
    "5. Governance",
    "The AI Board should publish its agenda and minutes, and hear industry and civil society before adopting guidance.",
    "National market surveillance authorities should share one register of questions and answers.",
    "",
    "Contact: policy@digital-sme-network.example",
  ].join("\n"),
];

export const JOINT_PAPER_FILE_NAME = "joint-position-paper-ai-act.pdf";

/** The phrase only page 2 of the joint paper holds. */
export const JOINT_PAPER_PAGE_2_PHRASE = "recognise each other's exit reports";

/** Each association's own cover note for the same paper. */
export const JOINT_PAPER_COVER_NOTES: readonly { title: string; body: string }[] = [
  {
    title: "Joint position paper of three software associations",
    body: "Please see the attached joint position paper, filed on behalf of the European Digital SME Network.",
  },
  {
    title: "Position paper (joint) on implementation",
    body: "On behalf of our members we submit the attached joint paper, also filed by our partner associations.",
  },
  {
    title: "Joint paper: AI Act implementation",
    body: "The Nordic Tech Business Council supports the attached joint position paper. Please see the attachment.",
  },
];

/** The campaign's form letter. */
export const FORM_LETTER_TITLE = "No facial recognition in our streets";

export const FORM_LETTER_BODY = [
  "I am writing as a citizen to ask the European Union to ban real-time facial recognition in publicly accessible spaces.",
  "Being watched and identified wherever we go changes how we live, meet and protest.",
  "Exceptions for law enforcement must be narrow, authorised by a judge in each case and reported to the public every year.",
  "Please make sure the implementing rules of the AI Act protect our fundamental rights.",
].join(" ");

/** Sentences some signatories added to the form letter: what they add is the substantive part. */
export const FORM_LETTER_ADDITIONS: readonly string[] = [
  "In my town cameras with face matching were installed at the railway station last year without any public debate.",
  "As a nurse I worry that patients will avoid clinics near monitored squares.",
  "My daughter was wrongly matched by such a system at a concert and questioned for two hours.",
];

/** How many signatories send the letter unchanged, beside those who add a sentence. */
export const FORM_LETTER_UNCHANGED = 6;

/** A university's response, as a DOCX with American spellings and acronym plurals. */
export const UNIVERSITY_RESPONSE = {
  fileName: "university-response.docx",
  title: "Response of a research university: standards and testing",
  body: "Our response is in the attached document.",
  paragraphs: [
    "Response of the Helsinki Centre for Data Science Policy",
    "We recommend that the standardization of conformity assessment be prioritized. Many SMEs told us that they cannot analyze the drafts because they are not published openly.",
    "Test and experimentation facilities should offer free access for academic teams and SMEs, and publish anonymized results of the tests they run.",
    "We also ask that the Commission organize annual workshops where testing laboratories and providers compare methods.",
  ],
} as const;

/** A German statement, as an ODT. */
export const GERMAN_STATEMENT = {
  fileName: "stellungnahme-gesichtserkennung.odt",
  title: "Stellungnahme zur biometrischen Fernidentifizierung",
  body: "Unsere Stellungnahme finden Sie im Anhang.",
  paragraphs: [
    "Stellungnahme zur biometrischen Fernidentifizierung im öffentlichen Raum",
    "Wir fordern ein Verbot der Gesichtserkennung in Echtzeit an öffentlich zugänglichen Orten. Die Ausnahmen für die Strafverfolgung müssen eng gefasst und von einem Gericht genehmigt werden.",
    "Die Aufsichtsbehörden brauchen ausreichend Personal und technische Kompetenz, um Systeme vor dem Einsatz zu prüfen.",
  ],
} as const;

/** A French text whose author left the form's language on English. */
export const FRENCH_DECLARED_ENGLISH = {
  title: "Reconnaissance faciale et droits fondamentaux",
  body: [
    "Nous demandons que la reconnaissance faciale en temps réel soit interdite dans les espaces publics.",
    "Les autorités de surveillance du marché doivent disposer de moyens suffisants pour contrôler les systèmes avant leur mise en service,",
    "et les citoyens doivent pouvoir contester une décision prise à l'aide d'un système d'intelligence artificielle.",
  ].join(" "),
} as const;

/** A scanned letter: a PDF with no text layer. */
export const SCANNED_LETTER = {
  fileName: "scanned-letter.pdf",
  title: "Letter from our association (scanned)",
  body: "We attach our signed letter. Please see the attached scan.",
} as const;
