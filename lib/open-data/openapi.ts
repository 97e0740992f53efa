import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";
import { PHASE_LABELS } from "@/lib/vocabulary/phases";
import { ConsultationStatus, Phase, QuestionKind, StakeholderType } from "@/lib/generated/prisma/enums";
import { BYTE_ORDER_MARK } from "@/lib/open-data/csv-columns";
import { OPEN_DATA_LICENCE } from "@/lib/open-data/licence";
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from "@/lib/open-data/page-query";
import type { OpenConsultation, OpenConsultationItem, OpenContribution } from "@/lib/open-data/records";
import { summaryCsv } from "@/lib/open-data/summary-csv";
import type { OpenQuestionStatistics, OpenSummary, OpenSummaryItem } from "@/lib/open-data/summary-records";

// The open-data API described for machines (OpenAPI 3.1, served at
// /api/v1/openapi.json) and for people (the /open-data page renders its field
// tables from the schemas below). Written by hand, kept honest by
// tests/integration/open-data.test.ts: every path here answers 200, and the
// records the API gives have exactly the fields described here.

export type SchemaObject = {
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: readonly (string | null)[];
  properties?: Record<string, SchemaObject>;
  required?: readonly string[];
  items?: SchemaObject;
  additionalProperties?: SchemaObject | boolean;
  oneOf?: readonly SchemaObject[];
  $ref?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  example?: unknown;
};

export type ParameterObject = { name: string; in: "path" | "query"; required: boolean; description: string; schema: SchemaObject };

export type OperationObject = {
  operationId: string;
  summary: string;
  description: string;
  parameters?: readonly ParameterObject[];
  responses: Record<
    string,
    { description: string; headers?: Record<string, { description: string; schema: SchemaObject }>; content?: Record<string, { schema: SchemaObject; example?: unknown }> }
  >;
};

const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, description: string, extra: SchemaObject = {}): SchemaObject => ({ type: [type, "null"], description, ...extra });
const dateTime = (description: string): SchemaObject => ({ type: "string", format: "date-time", description });
const allRequired = (properties: Record<string, SchemaObject>) => Object.keys(properties);

function object(description: string, properties: Record<string, SchemaObject>, optional: readonly string[] = []): SchemaObject {
  return { type: "object", description, properties, required: allRequired(properties).filter((name) => !optional.includes(name)) };
}

// The examples of the document and of the /open-data page, on a made-up site.
const EXAMPLE_SITE = "https://agora.example.org";
const EXAMPLE_API = `${EXAMPLE_SITE}/api/v1`;
const EXAMPLE_SLUG = "trustworthy-ai-in-public-services";
const EXAMPLE_QUESTION_IDS = ["cm5q1exampleq1", "cm5q1exampleq2", "cm5q1exampleq3"] as const;

export const EXAMPLE_CONTRIBUTION: OpenContribution = {
  reference: "AGR-2026-000123",
  url: `${EXAMPLE_SITE}/contributions/AGR-2026-000123`,
  consultation: EXAMPLE_SLUG,
  phase: "BEFORE",
  language: "en",
  title: "Human oversight needs trained staff",
  body: "Public bodies should train the staff who oversee AI systems.\n\n- Budget for training\n- Publish the results",
  answers: { [EXAMPLE_QUESTION_IDS[0]]: "Yes", [EXAMPLE_QUESTION_IDS[1]]: ["Transparency", "Accountability"], [EXAMPLE_QUESTION_IDS[2]]: 4 },
  submittedAt: "2026-03-02T09:15:00.000Z",
  publishedAt: "2026-03-03T14:02:11.000Z",
  author: { anonymous: false, displayName: "Maria Rossi", organisationName: "Civic Tech Alliance", stakeholderType: "NGO", country: "IT" },
  attachments: [{ name: "position-paper.pdf", mediaType: "application/pdf", size: 184320, url: `${EXAMPLE_SITE}/api/attachments/cm5q1exampleatt` }],
};

const EXAMPLE_ANONYMOUS_CONTRIBUTION: OpenContribution = {
  ...EXAMPLE_CONTRIBUTION,
  reference: "AGR-2026-000131",
  url: `${EXAMPLE_SITE}/contributions/AGR-2026-000131`,
  phase: "DURING",
  language: "fr",
  title: "Des registres publics des algorithmes",
  body: "Chaque administration devrait publier la liste de ses systèmes d’IA.",
  answers: { [EXAMPLE_QUESTION_IDS[0]]: "No" },
  submittedAt: "2026-03-10T16:40:00.000Z",
  publishedAt: "2026-03-11T08:05:37.000Z",
  author: { anonymous: true, displayName: null, organisationName: null, stakeholderType: "EU_CITIZEN", country: "FR" },
  attachments: [],
};

const EXAMPLE_CONSULTATION_ITEM: OpenConsultationItem = {
  slug: EXAMPLE_SLUG,
  title: "Trustworthy AI in public services",
  summary: "How should public bodies use AI so that people can trust it?",
  status: "OPEN",
  topics: ["AI", "Public services"],
  opensAt: "2026-02-16T08:00:00.000Z",
  closesAt: "2026-04-30T21:59:59.000Z",
  conference: {
    slug: "human-centric-ai-conference-2026",
    title: "Human-centric AI conference 2026",
    url: `${EXAMPLE_SITE}/conferences/human-centric-ai-conference-2026`,
    startsAt: "2026-03-09T08:00:00.000Z",
    endsAt: "2026-03-10T17:00:00.000Z",
    timeZone: "Europe/Brussels",
  },
  url: `${EXAMPLE_SITE}/consultations/${EXAMPLE_SLUG}`,
  approvedContributions: 128,
  links: {
    self: `${EXAMPLE_API}/consultations/${EXAMPLE_SLUG}`,
    contributions: `${EXAMPLE_API}/consultations/${EXAMPLE_SLUG}/contributions`,
    contributionsCsv: `${EXAMPLE_API}/consultations/${EXAMPLE_SLUG}/contributions.csv`,
    contributionsJson: `${EXAMPLE_API}/consultations/${EXAMPLE_SLUG}/contributions.json`,
    summaries: `${EXAMPLE_API}/consultations/${EXAMPLE_SLUG}/summaries`,
  },
};

const EXAMPLE_CONSULTATION: OpenConsultation = {
  ...EXAMPLE_CONSULTATION_ITEM,
  body: "## Why we ask\n\nAI systems increasingly support decisions of public bodies…",
  participationRules: null,
  questions: [
    { id: EXAMPLE_QUESTION_IDS[0], number: 1, kind: "SINGLE_CHOICE", prompt: "Should every public AI system have a named human overseer?", helpText: null, required: true, options: ["Yes", "No", "Not sure"] },
    { id: EXAMPLE_QUESTION_IDS[1], number: 2, kind: "MULTIPLE_CHOICE", prompt: "Which principles matter most to you?", helpText: "Choose any.", required: false, options: ["Transparency", "Accountability", "Privacy"] },
    { id: EXAMPLE_QUESTION_IDS[2], number: 3, kind: "SCALE", prompt: "How much do you trust AI in public services today?", helpText: "1: not at all, 5: fully.", required: false, options: [] },
  ],
};

const EXAMPLE_CSV =
  "reference,url,consultation,phase,language,title,body,submitted_at,published_at,author_name,organisation,stakeholder_type,country,attachments,Q1. Should every public AI system have a named human overseer?,Q2. Which principles matter most to you?,Q3. How much do you trust AI in public services today?\r\n" +
  `AGR-2026-000123,${EXAMPLE_CONTRIBUTION.url},${EXAMPLE_SLUG},BEFORE,en,Human oversight needs trained staff,"Public bodies should train the staff who oversee AI systems.\n\n- Budget for training\n- Publish the results",2026-03-02T09:15:00.000Z,2026-03-03T14:02:11.000Z,Maria Rossi,Civic Tech Alliance,NGO,IT,${EXAMPLE_SITE}/api/attachments/cm5q1exampleatt,Yes,Transparency; Accountability,4\r\n`;

const exampleSummaryItem = (version: number, publishedAt: string, contributionCount: number): OpenSummaryItem => ({
  consultation: EXAMPLE_SLUG,
  version,
  publishedAt,
  contributionCount,
  url: `${EXAMPLE_SITE}/consultations/${EXAMPLE_SLUG}/summary?version=${version}`,
  links: {
    self: `${EXAMPLE_API}/consultations/${EXAMPLE_SLUG}/summaries/${version}`,
    csv: `${EXAMPLE_API}/consultations/${EXAMPLE_SLUG}/summaries/${version}.csv`,
    json: `${EXAMPLE_API}/consultations/${EXAMPLE_SLUG}/summaries/${version}.json`,
  },
});

const EXAMPLE_SUMMARY_ITEMS = [exampleSummaryItem(2, "2026-05-06T10:30:00.000Z", 128), exampleSummaryItem(1, "2026-03-12T16:00:00.000Z", 74)] as const;

/** Every stakeholder type, the ones not given at zero, as a theme's spread is stored. */
const spread = (counts: Partial<Record<StakeholderType, number>>) =>
  Object.fromEntries(Object.values(StakeholderType).map((type) => [type, counts[type] ?? 0])) as Record<StakeholderType, number>;

const exampleQuestion = (index: number) => {
  const { id, number, prompt } = EXAMPLE_CONSULTATION.questions[index]!;
  return { questionId: id, number, prompt };
};

/** The example consultation's choice question: how many answered, and how many chose each of its options. */
function exampleChoices(index: number, answered: number, counts: readonly number[]): OpenQuestionStatistics {
  const { kind, options } = EXAMPLE_CONSULTATION.questions[index]!;
  if (kind !== "SINGLE_CHOICE" && kind !== "MULTIPLE_CHOICE") throw new Error(`Example question ${index + 1} is not a choice question`);
  return { ...exampleQuestion(index), kind, answered, choices: options.map((option, position) => ({ option, count: counts[position] ?? 0, share: (counts[position] ?? 0) / answered })) };
}

const typeCount = (key: StakeholderType, count: number) => ({ key, label: STAKEHOLDER_TYPE_LABELS[key], count, share: count / 128 });
const phaseCount = (key: Phase, count: number) => ({ key, label: PHASE_LABELS[key], count, share: count / 128 });
const weekly = [9, 14, 22, 38, 11, 6, 5, 8, 4, 6, 5];

export const EXAMPLE_SUMMARY: OpenSummary = {
  ...EXAMPLE_SUMMARY_ITEMS[0],
  synthesis:
    "## What we heard\n\nMost contributors want a named person to answer for every AI system a public body uses, and staff trained to oversee it.",
  highlights: [{ reference: EXAMPLE_CONTRIBUTION.reference, url: EXAMPLE_CONTRIBUTION.url, title: EXAMPLE_CONTRIBUTION.title }],
  statistics: {
    total: 128,
    byStakeholderType: [typeCount("NGO", 52), typeCount("EU_CITIZEN", 41), typeCount("COMPANY", 23), typeCount("PUBLIC_AUTHORITY", 12)],
    byCountry: [
      { code: "FR", name: "France", count: 37, share: 37 / 128 },
      { code: "IT", name: "Italy", count: 33, share: 33 / 128 },
      { code: "DE", name: "Germany", count: 31, share: 31 / 128 },
      { code: "BE", name: "Belgium", count: 27, share: 27 / 128 },
    ],
    byPhase: [phaseCount("BEFORE", 70), phaseCount("DURING", 38), phaseCount("AFTER", 20)],
    byLanguage: [
      { code: "en", name: "English", count: 81, share: 81 / 128 },
      { code: "fr", name: "French (français)", count: 29, share: 29 / 128 },
      { code: "de", name: "German (Deutsch)", count: 18, share: 18 / 128 },
    ],
    overTime: {
      unit: "week",
      timeZone: "Europe/Brussels",
      points: weekly.map((count, index) => ({ start: new Date(Date.UTC(2026, 1, 16 + 7 * index)).toISOString().slice(0, 10), count })),
    },
    questions: [
      exampleChoices(0, 121, [88, 19, 14]),
      exampleChoices(1, 97, [71, 64, 40]),
      {
        ...exampleQuestion(2),
        kind: "SCALE",
        answered: 90,
        scale: {
          min: 1,
          max: 5,
          average: 267 / 90,
          distribution: [12, 21, 25, 22, 10].map((count, index) => ({ value: index + 1, count, share: count / 90 })),
        },
      },
    ],
    generatedAt: "2026-05-06T10:30:00.000Z",
  },
  themes: {
    contributions: {
      documentCount: 128,
      themes: [
        {
          key: "en-oversight-staff-training",
          language: "en",
          terms: ["oversight", "staff", "training", "accountable"],
          size: 34,
          share: 34 / 128,
          byStakeholderType: spread({ NGO: 16, EU_CITIZEN: 9, COMPANY: 5, PUBLIC_AUTHORITY: 4 }),
          quotes: [{ reference: EXAMPLE_CONTRIBUTION.reference, url: EXAMPLE_CONTRIBUTION.url, excerpt: "Public bodies should train the staff who oversee AI systems." }],
        },
        {
          key: "en-register-algorithms-public",
          language: "en",
          terms: ["register", "algorithms", "public"],
          size: 21,
          share: 21 / 128,
          byStakeholderType: spread({ NGO: 10, EU_CITIZEN: 8, COMPANY: 3 }),
          quotes: [],
        },
        {
          key: "fr-registres-algorithmes-administration",
          language: "fr",
          terms: ["registres", "algorithmes", "administration"],
          size: 17,
          share: 17 / 128,
          byStakeholderType: spread({ EU_CITIZEN: 11, NGO: 6 }),
          quotes: [{ reference: EXAMPLE_ANONYMOUS_CONTRIBUTION.reference, url: EXAMPLE_ANONYMOUS_CONTRIBUTION.url, excerpt: EXAMPLE_ANONYMOUS_CONTRIBUTION.body }],
        },
      ],
      unplaced: {
        count: 56,
        share: 56 / 128,
        byStakeholderType: spread({ NGO: 20, EU_CITIZEN: 13, COMPANY: 15, PUBLIC_AUTHORITY: 8 }),
        byReason: { fewInLanguage: 18, noDistinctiveWords: 22, smallGroup: 16 },
      },
    },
    questions: [],
  },
};

const author = object("Who wrote it, as published: the name and organisation only when the author chose to publish them. Never an e-mail address.", {
  anonymous: { type: "boolean", description: "True when the author chose to stay anonymous: then displayName and organisationName are null." },
  displayName: nullable("string", "The author's name; null when anonymous."),
  organisationName: nullable("string", "The author's organisation; null when anonymous or when there is none."),
  stakeholderType: nullable("string", "The kind of stakeholder (always published).", { enum: [...Object.values(StakeholderType), null] }),
  country: nullable("string", "The author's country, ISO 3166-1 alpha-2 (always published)."),
});

const attachment = object("A file attached to the contribution.", {
  name: { type: "string", description: "The file's name." },
  mediaType: { type: "string", description: "Its media type, read from the file's bytes when it was uploaded." },
  size: { type: "integer", description: "Its size in bytes." },
  url: { type: "string", format: "uri", description: "Where to download it." },
});

const contribution: SchemaObject = {
  ...object("An approved contribution.", {
    reference: { type: "string", description: "Its public reference, such as AGR-2026-000123." },
    url: { type: "string", format: "uri", description: "Its permanent page on the site." },
    consultation: { type: "string", description: "The slug of its consultation." },
    phase: { type: "string", enum: Object.values(Phase), description: "When it was submitted: before, during or after the conference." },
    language: { type: "string", description: "The language it is written in, ISO 639-1." },
    title: { type: "string", description: "Its title." },
    body: { type: "string", description: "Its text, in Markdown as the author wrote it." },
    answers: {
      type: "object",
      description:
        "The answers to the consultation's questions, keyed by question id (see the consultation's questions): a string for free text and single choice, an array of strings for multiple choice, a number for a scale. Unanswered questions are left out.",
      additionalProperties: { oneOf: [{ type: "string" }, { type: "array", items: { type: "string" } }, { type: "number" }] },
    },
    submittedAt: dateTime("When it was submitted (UTC)."),
    publishedAt: nullable("string", "When a moderator approved it (UTC).", { format: "date-time" }),
    author: ref("Author"),
    attachments: { type: "array", items: ref("Attachment"), description: "Its attached files, in the order they were added." },
  }),
};

const question = object("A question of the consultation's form.", {
  id: { type: "string", description: "Its id: the key of its answers in a contribution's answers." },
  number: { type: "integer", description: "1, 2, 3… in the order the form asks them; the Q1, Q2, Q3… columns of the CSV." },
  kind: { type: "string", enum: Object.values(QuestionKind), description: "Free text, single choice, multiple choice or a scale from 1 to 5." },
  prompt: { type: "string", description: "The question as asked." },
  helpText: nullable("string", "Help shown under the question, if any."),
  required: { type: "boolean", description: "Whether an answer was required." },
  options: { type: "array", items: { type: "string" }, description: "The choices of a single or multiple choice question; empty otherwise." },
});

const conference = object("The conference the consultation is held around.", {
  slug: { type: "string", description: "Its slug." },
  title: { type: "string", description: "Its title." },
  url: { type: "string", format: "uri", description: "Its page on the site." },
  startsAt: dateTime("When it starts (UTC)."),
  endsAt: dateTime("When it ends (UTC)."),
  timeZone: { type: "string", description: "The IANA time zone it is held in." },
});

const consultationLinks = object("Addresses of the consultation in this API.", {
  self: { type: "string", format: "uri", description: "The consultation, with its questions." },
  contributions: { type: "string", format: "uri", description: "Its approved contributions, a page at a time." },
  contributionsCsv: { type: "string", format: "uri", description: "All its approved contributions as one CSV file." },
  contributionsJson: { type: "string", format: "uri", description: "All its approved contributions as one JSON file." },
  summaries: { type: "string", format: "uri", description: "The published versions of its summary, newest first." },
});

const consultationItemProperties: Record<string, SchemaObject> = {
  slug: { type: "string", description: "Its slug: the key of the consultation in every address." },
  title: { type: "string", description: "Its title." },
  summary: { type: "string", description: "A sentence or two about it." },
  status: {
    type: "string",
    enum: Object.values(ConsultationStatus).filter((status) => status !== "DRAFT"),
    description: "OPEN while it takes contributions (between opensAt and closesAt), then CLOSED, later ARCHIVED.",
  },
  topics: { type: "array", items: { type: "string" }, description: "Its topics." },
  opensAt: dateTime("When it opens for contributions (UTC)."),
  closesAt: dateTime("When it closes (UTC)."),
  conference: { oneOf: [ref("Conference"), { type: "null" }], description: "The conference it is held around, if any." },
  url: { type: "string", format: "uri", description: "Its page on the site." },
  approvedContributions: { type: "integer", description: "How many of its contributions are published." },
  links: ref("ConsultationLinks"),
};

const consultationItem = object("A consultation (drafts are never listed).", consultationItemProperties);

const consultation = object("A consultation with its text and questions.", {
  ...consultationItemProperties,
  body: { type: "string", description: "What it is about, in Markdown." },
  participationRules: nullable("string", "Who may take part and how the input is used, in Markdown; null when only the site's terms apply."),
  questions: { type: "array", items: ref("Question"), description: "The questions of its form, in order." },
});

const share = (of: string): SchemaObject => ({ type: "number", minimum: 0, maximum: 1, description: `The count as a fraction of ${of}, from 0 to 1.` });
const count = (description: string): SchemaObject => ({ type: "integer", description });
const byStakeholderType = (description: string): SchemaObject => ({
  type: "object",
  description: `${description}, by stakeholder type (every type, zero included).`,
  additionalProperties: { type: "integer" },
});

const summaryLinks = object("Addresses of the summary version in this API.", {
  self: { type: "string", format: "uri", description: "The version as JSON." },
  csv: { type: "string", format: "uri", description: "Its figures as a CSV file." },
  json: { type: "string", format: "uri", description: "The version as a JSON file." },
});

const summaryItemProperties: Record<string, SchemaObject> = {
  consultation: { type: "string", description: "The slug of its consultation." },
  version: { type: "integer", description: "Its number: 1, 2, 3… in the order versions were saved (drafts take numbers too, but are never published here)." },
  publishedAt: dateTime("When it was published (UTC): its figures are those of the contributions approved at that moment."),
  contributionCount: count("How many approved contributions it counts."),
  url: { type: "string", format: "uri", description: "Its page on the site." },
  links: ref("SummaryLinks"),
};

const summaryItem = object("A published version of a consultation's summary (drafts are never listed).", summaryItemProperties);

const summary = object("A published version of a consultation's summary: the moderators' synthesis and the figures and themes frozen when it was published.", {
  ...summaryItemProperties,
  synthesis: { type: "string", description: "The moderators' synthesis, in Markdown. Not in the CSV." },
  highlights: {
    type: "array",
    items: ref("SummaryHighlight"),
    description: "The contributions the moderators pinned, in their order; one hidden or withdrawn since publication is left out.",
  },
  statistics: ref("SummaryStatistics"),
  themes: ref("SummaryThemes"),
});

const summaryHighlight = object("A contribution pinned in the summary.", {
  reference: { type: "string", description: "Its public reference." },
  url: { type: "string", format: "uri", description: "Its page on the site." },
  title: { type: "string", description: "Its title." },
});

const breakdown = (description: string, keyName: string, keyDescription: string, labelName: string, keyType: SchemaObject = {}): SchemaObject => ({
  type: "array",
  description: `${description} Each: ${keyName} (${keyDescription.replace(/\.$/, "")}), ${labelName} (in words), count, share (of the total).`,
  items: object(description, {
    [keyName]: { type: "string", description: keyDescription, ...keyType },
    [labelName]: { type: "string", description: "The same in words." },
    count: count("How many contributions."),
    share: share("the total"),
  }),
});

const summaryStatistics = object("The figures of the version, counted when it was published and never changed since.", {
  total: count("How many approved contributions it counts."),
  byStakeholderType: breakdown("Contributions by the stakeholder type of their authors, most first; authors without one last.", "key", "The stakeholder type; null when not stated.", "label", {
    type: ["string", "null"],
    enum: [...Object.values(StakeholderType), null],
  }),
  byCountry: breakdown("Contributions by the country of their authors, most first; authors without one last.", "code", "ISO 3166-1 alpha-2; null when not stated.", "name", {
    type: ["string", "null"],
  }),
  byPhase: breakdown("Contributions by phase: all three, in order, zero included.", "key", "The phase.", "label", { enum: Object.values(Phase) }),
  byLanguage: breakdown("Contributions by language, most first.", "code", "ISO 639-1.", "name"),
  overTime: object("Contributions over time: unit (day or week), timeZone and points.", {
    unit: { type: "string", enum: ["day", "week"], description: "Days, or weeks when the contributions span more than 60 days." },
    timeZone: { type: "string", description: "The IANA time zone days begin in: the conference's, or UTC." },
    points: {
      type: "array",
      description: "Every day or week from the first contribution's to the last one's, empty ones included. Each: start (its first day, a Monday for a week) and count.",
      items: object("A day or a week.", {
        start: { type: "string", format: "date", description: "Its first day (a Monday for a week)." },
        count: count("How many contributions were submitted in it."),
      }),
    },
  }),
  questions: { type: "array", items: ref("QuestionStatistics"), description: "Every question of the consultation, in order." },
  generatedAt: dateTime("When the figures were counted (UTC)."),
});

const questionStatistics = object(
  "The answers to one question.",
  {
    questionId: { type: "string", description: "The question's id, as in the consultation's questions." },
    number: { type: "integer", description: "1, 2, 3… in the order the form asks them." },
    kind: { type: "string", enum: Object.values(QuestionKind), description: "The kind of question." },
    prompt: { type: "string", description: "The question as asked." },
    answered: count("How many of the counted contributions answered it."),
    choices: {
      type: "array",
      description:
        "Single and multiple choice: every option in order, zero included, then answers among none of them if any (option null). Each: option, count, share (of those who answered).",
      items: object("An option.", {
        option: nullable("string", "The option; null for answers among none of the options."),
        count: count("How many chose it."),
        share: share("the contributions that answered; multiple choices add up to more than 1"),
      }),
    },
    scale: object("Scale questions: min and max (the ends of the scale), the average (null when nobody answered) and the distribution of the values given.", {
      min: { type: "integer", description: "The lowest value." },
      max: { type: "integer", description: "The highest value." },
      average: nullable("number", "The average of the values given; null when nobody answered."),
      distribution: {
        type: "array",
        description: "Every value from min to max, zero included. Each: value, count, share (of those who answered).",
        items: object("A value.", { value: { type: "integer", description: "The value." }, count: count("How many gave it."), share: share("the contributions that answered") }),
      },
    }),
  },
  ["choices", "scale"],
);

const summaryThemes = object("Themes found in the texts when the version was published.", {
  contributions: ref("ThemeSummary"),
  questions: { type: "array", items: ref("QuestionThemes"), description: "The themes of the answers to each free-text question, in order." },
});

const questionThemes = object("The themes of the answers to a free-text question.", {
  questionId: { type: "string", description: "The question's id, as in the consultation's questions." },
  number: { type: "integer", description: "1, 2, 3… in the order the form asks them." },
  prompt: { type: "string", description: "The question as asked." },
  themes: ref("ThemeSummary"),
});

const themeSummary = object("Themes of a set of texts (contributions, or the answers to a question), found within each language.", {
  documentCount: count("How many texts were grouped."),
  themes: { type: "array", items: ref("Theme"), description: "Largest first." },
  unplaced: object("The texts in no theme: count, share, byStakeholderType and byReason (fewInLanguage, noDistinctiveWords, smallGroup).", {
    count: count("How many."),
    share: share("the texts grouped"),
    byStakeholderType: byStakeholderType("How many"),
    byReason: object("Why: too few texts in their language to group, no word shared with the others, or a group too small to be a theme.", {
      fewInLanguage: count("In a language with too few texts."),
      noDistinctiveWords: count("Sharing no distinctive word with the other texts."),
      smallGroup: count("In a group too small to be a theme."),
    }),
  }),
});

const theme = object("A theme: texts of one language that share words.", {
  key: { type: "string", description: "Its key: the language and its first terms." },
  language: { type: "string", description: "The language of its texts, ISO 639-1." },
  terms: { type: "array", items: { type: "string" }, description: "Its key terms as people wrote them, most characteristic first." },
  size: count("How many texts are in it."),
  share: share("the texts grouped"),
  byStakeholderType: byStakeholderType("How many of its texts"),
  quotes: { type: "array", items: ref("ThemeQuote"), description: "Sentences of the texts nearest its centre; those of contributions hidden or withdrawn since publication are left out." },
});

const themeQuote = object("A sentence of a contribution in the theme.", {
  reference: { type: "string", description: "The contribution's public reference." },
  url: { type: "string", format: "uri", description: "Its page on the site." },
  excerpt: { type: "string", description: "The sentence, cut after a whole word." },
});

const pageLinks = object(
  "Where this page is and where the next one is.",
  {
    self: { type: "string", format: "uri", description: "This page." },
    next: { type: "string", format: "uri", description: "The next page; absent on the last page. Also sent as a Link header with rel=\"next\"." },
  },
  ["next"],
);

const page = (item: string, description: string): SchemaObject =>
  object(description, { data: { type: "array", items: ref(item), description: "This page's items." }, links: ref("PageLinks") });

const error = object("What went wrong.", {
  error: object(
    "The error.",
    {
      code: { type: "string", enum: ["NOT_FOUND", "VALIDATION", "INTERNAL"], description: "A stable code to test in a program." },
      message: { type: "string", description: "A sentence for a person." },
      fieldErrors: {
        type: "object",
        additionalProperties: { type: "array", items: { type: "string" } },
        description: "For VALIDATION: the messages for each query parameter at fault (limit, cursor).",
      },
    },
    ["fieldErrors"],
  ),
});

/** Every schema of the API, by name. The /open-data page describes the fields from these. */
export const OPEN_DATA_SCHEMAS = {
  ConsultationItem: consultationItem,
  Consultation: consultation,
  Conference: conference,
  ConsultationLinks: consultationLinks,
  Question: question,
  Contribution: contribution,
  Author: author,
  Attachment: attachment,
  PageLinks: pageLinks,
  ConsultationPage: page("ConsultationItem", "A page of consultations, by slug."),
  ContributionPage: page("Contribution", "A page of approved contributions, by reference number."),
  SummaryItem: summaryItem,
  Summary: summary,
  SummaryLinks: summaryLinks,
  SummaryHighlight: summaryHighlight,
  SummaryStatistics: summaryStatistics,
  QuestionStatistics: questionStatistics,
  SummaryThemes: summaryThemes,
  QuestionThemes: questionThemes,
  ThemeSummary: themeSummary,
  Theme: theme,
  ThemeQuote: themeQuote,
  SummaryPage: page("SummaryItem", "A page of published summary versions, newest first."),
  Error: error,
} satisfies Record<string, SchemaObject>;

const slugParameter: ParameterObject = { name: "slug", in: "path", required: true, description: "The consultation's slug.", schema: { type: "string" } };
const pageParameters: ParameterObject[] = [
  {
    name: "limit",
    in: "query",
    required: false,
    description: `How many items a page holds, from 1 to ${MAX_PAGE_LIMIT}.`,
    schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT },
  },
  {
    name: "cursor",
    in: "query",
    required: false,
    description: "Where the page starts: leave it out for the first page, then follow links.next, which carries it. It is a token: do not build one.",
    schema: { type: "string" },
  },
];

const json = (schema: SchemaObject, description: string, example?: unknown) => ({
  description,
  content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } },
});
const consultationNotFound = {
  "404": json(ref("Error"), "There is no published consultation with this slug (drafts are not published)."),
};
const invalidQuery = { "422": json(ref("Error"), "limit or cursor is not valid; fieldErrors says which.") };

const download = (contentType: string, schema: SchemaObject, description: string, example: unknown, fileName = "<slug>-contributions-<YYYY-MM-DD>.<extension>") => ({
  description,
  headers: { "Content-Disposition": { description: `attachment; filename="${fileName}"`, schema: { type: "string" } } },
  content: { [contentType]: { schema, example } },
});

const summaryFileName = "<slug>-summary-v<version>-<YYYY-MM-DD>.<extension>";
const versionParameter: ParameterObject = {
  name: "version",
  in: "path",
  required: true,
  description: "The version's number, or latest for the newest published version.",
  schema: { oneOf: [{ type: "integer", minimum: 1 }, { type: "string", enum: ["latest"] }] },
};
const summaryNotFound = {
  "404": json(ref("Error"), "There is no published consultation with this slug, or no published version of its summary with this number (drafts are not published)."),
};

// The example file as the writer makes it, without the byte order mark that
// would be invisible on the page.
const EXAMPLE_SUMMARY_CSV = summaryCsv(EXAMPLE_SUMMARY).slice(BYTE_ORDER_MARK.length);

/** The paths of the API, relative to /api/v1. */
export const OPEN_DATA_PATHS: Record<string, { get: OperationObject }> = {
  "/consultations": {
    get: {
      operationId: "listConsultations",
      summary: "Consultations",
      description: "Every consultation but the drafts (open, closed and archived ones), ordered by slug, a page at a time.",
      parameters: pageParameters,
      responses: { "200": json(ref("ConsultationPage"), "A page of consultations.", {
          data: [EXAMPLE_CONSULTATION_ITEM],
          links: { self: `${EXAMPLE_API}/consultations?limit=1`, next: `${EXAMPLE_API}/consultations?limit=1&cursor=Y29uc3VsdGF0aW9uOnRydXN0d29ydGh5LWFpLWluLXB1YmxpYy1zZXJ2aWNlcw` },
        }), ...invalidQuery },
    },
  },
  "/consultations/{slug}": {
    get: {
      operationId: "getConsultation",
      summary: "One consultation",
      description: "A consultation with its text and its questions: the keys of the answers in its contributions.",
      parameters: [slugParameter],
      responses: { "200": json(ref("Consultation"), "The consultation.", EXAMPLE_CONSULTATION), ...consultationNotFound },
    },
  },
  "/consultations/{slug}/contributions": {
    get: {
      operationId: "listContributions",
      summary: "Approved contributions",
      description: "The consultation's approved contributions in the order of their reference numbers (the order they were submitted in), a page at a time.",
      parameters: [slugParameter, ...pageParameters],
      responses: { "200": json(ref("ContributionPage"), "A page of contributions.", {
          data: [EXAMPLE_CONTRIBUTION, EXAMPLE_ANONYMOUS_CONTRIBUTION],
          links: {
            self: `${EXAMPLE_API}/consultations/${EXAMPLE_SLUG}/contributions?limit=2`,
            next: `${EXAMPLE_API}/consultations/${EXAMPLE_SLUG}/contributions?limit=2&cursor=Y29udHJpYnV0aW9uOjEzMQ`,
          },
        }), ...consultationNotFound, ...invalidQuery },
    },
  },
  "/consultations/{slug}/contributions.csv": {
    get: {
      operationId: "downloadContributionsCsv",
      summary: "All approved contributions as CSV",
      description:
        "One row per approved contribution, in reference-number order, UTF-8 with a byte order mark, comma-separated, CRLF line ends, quoted as RFC 4180 says. The columns are those described on /open-data, then one per question (Q1, Q2…). A cell that starts with =, +, -, @, a tab or a carriage return begins with an apostrophe so that spreadsheets do not run it as a formula.",
      parameters: [slugParameter],
      responses: { "200": download("text/csv", { type: "string" }, "The CSV file, streamed.", EXAMPLE_CSV), ...consultationNotFound },
    },
  },
  "/consultations/{slug}/contributions.json": {
    get: {
      operationId: "downloadContributionsJson",
      summary: "All approved contributions as JSON",
      description: "One JSON array of every approved contribution, in reference-number order: the same records as the paginated list.",
      parameters: [slugParameter],
      responses: { "200": download("application/json", { type: "array", items: ref("Contribution") }, "The JSON file, streamed.", [EXAMPLE_CONTRIBUTION, EXAMPLE_ANONYMOUS_CONTRIBUTION]), ...consultationNotFound },
    },
  },
  "/consultations/{slug}/summaries": {
    get: {
      operationId: "listSummaries",
      summary: "Published summaries",
      description: "The published versions of the consultation's summary, newest first, a page at a time. Drafts are never listed; a consultation without a published summary has an empty list.",
      parameters: [slugParameter, ...pageParameters],
      responses: {
        "200": json(ref("SummaryPage"), "A page of summary versions.", {
          data: [EXAMPLE_SUMMARY_ITEMS[0]],
          links: {
            self: `${EXAMPLE_API}/consultations/${EXAMPLE_SLUG}/summaries?limit=1`,
            next: `${EXAMPLE_API}/consultations/${EXAMPLE_SLUG}/summaries?limit=1&cursor=c3VtbWFyeToy`,
          },
        }),
        ...consultationNotFound,
        ...invalidQuery,
      },
    },
  },
  "/consultations/{slug}/summaries/{version}": {
    get: {
      operationId: "getSummary",
      summary: "One published summary",
      description:
        "A published version of the summary: the synthesis, the highlights, and the figures and themes frozen when it was published. Contributions approved later count from the next version; a highlight or quote of a contribution hidden or withdrawn since is left out, while the figures stay as they were.",
      parameters: [slugParameter, versionParameter],
      responses: { "200": json(ref("Summary"), "The summary version.", EXAMPLE_SUMMARY), ...summaryNotFound },
    },
  },
  "/consultations/{slug}/summaries/{version}.csv": {
    get: {
      operationId: "downloadSummaryCsv",
      summary: "A published summary's figures as CSV",
      description:
        "The figures of the version, one row per figure: section, question, key, label, count, share (the sections are described on /open-data). UTF-8 with a byte order mark, comma-separated, CRLF line ends, formulas defused as in the contributions' CSV. The synthesis, the highlights and the quotes are text, not figures: they are in the JSON only.",
      parameters: [slugParameter, versionParameter],
      responses: { "200": download("text/csv", { type: "string" }, "The CSV file.", EXAMPLE_SUMMARY_CSV, summaryFileName), ...summaryNotFound },
    },
  },
  "/consultations/{slug}/summaries/{version}.json": {
    get: {
      operationId: "downloadSummaryJson",
      summary: "A published summary as JSON",
      description: "The same record as the summary version above, as a file to save.",
      parameters: [slugParameter, versionParameter],
      // The example is the one of the record above.
      responses: { "200": download("application/json", ref("Summary"), "The JSON file.", undefined, summaryFileName), ...summaryNotFound },
    },
  },
  "/openapi.json": {
    get: {
      operationId: "getOpenApi",
      summary: "This description",
      description: "The OpenAPI 3.1 description of this API.",
      responses: { "200": { description: "The OpenAPI document.", content: { "application/json": { schema: { type: "object" } } } } },
    },
  },
};

/** The OpenAPI 3.1 document, with the site's own address as the server. */
export function openApiDocument(apiBaseUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Agora open data",
      version: "1.0.0",
      summary: "Approved contributions to public consultations and their published summaries, as JSON and CSV.",
      description:
        "Read-only and open: no key, no sign-in, any origin (CORS). Only approved contributions of published consultations and published versions of their summaries; the name and organisation of authors who chose to stay anonymous are never given, nor anyone's e-mail address. Data licence: " +
        OPEN_DATA_LICENCE.name +
        ".",
      license: { name: OPEN_DATA_LICENCE.name, identifier: OPEN_DATA_LICENCE.spdx },
    },
    servers: [{ url: apiBaseUrl }],
    paths: OPEN_DATA_PATHS,
    components: { schemas: OPEN_DATA_SCHEMAS },
  };
}
