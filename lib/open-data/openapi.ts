import { ConsultationStatus, Phase, QuestionKind, StakeholderType } from "@/lib/generated/prisma/enums";
import { OPEN_DATA_LICENCE } from "@/lib/open-data/licence";
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from "@/lib/open-data/page-query";
import type { OpenConsultation, OpenConsultationItem, OpenContribution } from "@/lib/open-data/records";

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

const download = (contentType: string, schema: SchemaObject, description: string, example: unknown) => ({
  description,
  headers: {
    "Content-Disposition": { description: 'attachment; filename="<slug>-contributions-<YYYY-MM-DD>.<extension>"', schema: { type: "string" } },
  },
  content: { [contentType]: { schema, example } },
});

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
      summary: "Approved contributions to public consultations, as JSON and CSV.",
      description:
        "Read-only and open: no key, no sign-in, any origin (CORS). Only approved contributions of published consultations; the name and organisation of authors who chose to stay anonymous are never given, nor anyone's e-mail address. Data licence: " +
        OPEN_DATA_LICENCE.name +
        ".",
      license: { name: OPEN_DATA_LICENCE.name, identifier: OPEN_DATA_LICENCE.spdx },
    },
    servers: [{ url: apiBaseUrl }],
    paths: OPEN_DATA_PATHS,
    components: { schemas: OPEN_DATA_SCHEMAS },
  };
}
