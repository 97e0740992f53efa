import { z } from "zod";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";
import { PHASE_LABELS } from "@/lib/vocabulary/phases";
import { type Phase, StakeholderType } from "@/lib/generated/prisma/enums";
import { BYTE_ORDER_MARK } from "@/lib/open-data/csv-columns";
import { OPEN_DATA_LICENCE } from "@/lib/open-data/licence";
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from "@/lib/open-data/page-query";
import {
  attachmentSchema,
  authorSchema,
  conferenceSchema,
  consultationItemSchema,
  consultationLinksSchema,
  consultationSchema,
  contributionSchema,
  errorSchema,
  pageLinksSchema,
  pageSchema,
  questionSchema,
  type OpenConsultation,
  type OpenConsultationItem,
  type OpenContribution,
} from "@/lib/open-data/records";
import { summaryCsv } from "@/lib/open-data/summary-csv";
import {
  questionStatisticsSchema,
  questionThemesSchema,
  summaryHighlightSchema,
  summaryItemSchema,
  summaryLinksSchema,
  summarySchema,
  summaryStatisticsSchema,
  summaryThemesSchema,
  notThemedSchema,
  subthemeSchema,
  themeGroupSchema,
  themeQuoteSchema,
  themeQuoteSourceSchema,
  themeSchema,
  themeSummarySchema,
  type OpenQuestionStatistics,
  type OpenSummary,
  type OpenSummaryItem,
} from "@/lib/open-data/summary-records";

// The open-data API described for machines (OpenAPI 3.1, served at
// /api/v1/openapi.json) and for people (the /open-data page renders its field
// tables from the schemas below). The schemas are generated from the records'
// zod schemas (records.ts, summary-records.ts) by zod's own JSON Schema
// output, so the types, the document and the page say the same; the paths
// are written here. Kept honest by tests/integration/open-data.test.ts: every
// path here answers 200, and the records the API gives have exactly the
// fields described here.

export type SchemaObject = {
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: readonly (string | number | boolean | null)[];
  properties?: Record<string, SchemaObject>;
  required?: readonly string[];
  items?: SchemaObject;
  additionalProperties?: SchemaObject;
  oneOf?: readonly SchemaObject[];
  $ref?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
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

/** Every schema of the API, by name, in the document's order; a record that names another by its schema gets a $ref to it. */
const COMPONENTS = {
  ConsultationItem: consultationItemSchema,
  Consultation: consultationSchema,
  Conference: conferenceSchema,
  ConsultationLinks: consultationLinksSchema,
  Question: questionSchema,
  Contribution: contributionSchema,
  Author: authorSchema,
  Attachment: attachmentSchema,
  PageLinks: pageLinksSchema,
  ConsultationPage: pageSchema(consultationItemSchema, "A page of consultations, by slug."),
  ContributionPage: pageSchema(contributionSchema, "A page of approved contributions, by reference number."),
  SummaryItem: summaryItemSchema,
  Summary: summarySchema,
  SummaryLinks: summaryLinksSchema,
  SummaryHighlight: summaryHighlightSchema,
  SummaryStatistics: summaryStatisticsSchema,
  QuestionStatistics: questionStatisticsSchema,
  SummaryThemes: summaryThemesSchema,
  QuestionThemes: questionThemesSchema,
  ThemeSummary: themeSummarySchema,
  Theme: themeSchema,
  Subtheme: subthemeSchema,
  ThemeGroup: themeGroupSchema,
  ThemeQuote: themeQuoteSchema,
  ThemeQuoteSource: themeQuoteSourceSchema,
  NotThemed: notThemedSchema,
  SummaryPage: pageSchema(summaryItemSchema, "A page of published summary versions, newest first."),
  Error: errorSchema,
} satisfies Record<string, z.ZodType>;

type ComponentName = keyof typeof COMPONENTS;

const ref = (name: ComponentName): SchemaObject => ({ $ref: `#/components/schemas/${name}` });

type JsonSchema = z.core.JSONSchema._JSONSchema;

/**
 * zod's JSON Schema (2020-12) in the shape this document has always had, and
 * that describe-schema.ts and the tests read: a nullable value is
 * `type: [t, "null"]` (with null among its enum values) or a oneOf with
 * null; a union is a oneOf; a discriminated union of objects (the answers to
 * a question) is one object with every member's fields, required where all
 * require them. Left out: zod's regular expressions for dates (the format
 * says it), the safe-integer bounds of every integer, additionalProperties:
 * false (a field may be added to a record without breaking a client), $id
 * and $schema.
 */
function toSchemaObject(json: JsonSchema): SchemaObject {
  if (typeof json === "boolean") return {};
  const description = json.description === undefined ? {} : { description: json.description };
  const members = (json.anyOf ?? json.oneOf)?.map(toSchemaObject);
  if (members) {
    const [value, ...more] = members.filter((member) => member.type !== "null");
    if (value && more.length === 0 && members.length === 2) {
      if (typeof value.type === "string") return { ...value, type: [value.type, "null"], ...(value.enum ? { enum: [...value.enum, null] } : {}), ...description };
      return { oneOf: [value, { type: "null" }], ...description };
    }
    if (members.every((member) => member.type === "object" && member.properties)) return { ...mergeObjects(members), ...description };
    return { oneOf: members, ...description };
  }
  const schema: SchemaObject = {};
  if (json.$ref !== undefined) schema.$ref = json.$ref;
  if (json.type !== undefined) schema.type = json.type;
  if (json.format !== undefined) schema.format = json.format;
  Object.assign(schema, description);
  const values = json.enum ?? (json.const === undefined ? undefined : [json.const]);
  if (values) schema.enum = values.filter((value): value is string | number | boolean | null => value === null || ["string", "number", "boolean"].includes(typeof value));
  if (json.minimum !== undefined && json.minimum !== Number.MIN_SAFE_INTEGER) schema.minimum = json.minimum;
  if (json.maximum !== undefined && json.maximum !== Number.MAX_SAFE_INTEGER) schema.maximum = json.maximum;
  if (json.default !== undefined) schema.default = json.default;
  if (json.properties) {
    schema.properties = Object.fromEntries(Object.entries(json.properties).map(([name, property]) => [name, toSchemaObject(property)]));
    schema.required = json.required ?? [];
  }
  if (json.items !== undefined && !Array.isArray(json.items)) schema.items = toSchemaObject(json.items);
  if (typeof json.additionalProperties === "object") schema.additionalProperties = toSchemaObject(json.additionalProperties);
  return schema;
}

/** The members of a discriminated union as one object: each field once (the discriminator with every member's values). */
function mergeObjects(members: SchemaObject[]): SchemaObject {
  const properties: Record<string, SchemaObject> = {};
  for (const member of members) {
    for (const [name, property] of Object.entries(member.properties ?? {})) {
      const known = properties[name];
      properties[name] = known?.enum && property.enum ? { ...known, enum: [...new Set([...known.enum, ...property.enum])] } : (known ?? property);
    }
  }
  const required = Object.keys(properties).filter((name) => members.every((member) => member.required?.includes(name)));
  return { type: "object", properties, required };
}

function toOpenApiSchemas(): Record<ComponentName, SchemaObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}` });
  const named = (name: ComponentName): SchemaObject => {
    const schema = schemas[name];
    if (!schema) throw new Error(`The OpenAPI schema of ${name} was not generated`);
    return toSchemaObject(schema);
  };
  // Object.fromEntries would lose the names' type.
  const result = {} as Record<ComponentName, SchemaObject>;
  for (const name of Object.keys(COMPONENTS) as ComponentName[]) result[name] = named(name);
  return result;
}

/** A parameter's schema, from the zod schema of its value. */
const parameterSchema = (schema: z.ZodType): SchemaObject => toSchemaObject(z.toJSONSchema(schema, { target: "draft-2020-12" }));

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
  similarityGroupId: "cm5q1examplegroup",
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
  similarityGroupId: null,
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
  "reference,url,consultation,phase,language,title,body,submitted_at,published_at,author_name,organisation,stakeholder_type,country,attachments,similarity_group,Q1. Should every public AI system have a named human overseer?,Q2. Which principles matter most to you?,Q3. How much do you trust AI in public services today?\r\n" +
  `AGR-2026-000123,${EXAMPLE_CONTRIBUTION.url},${EXAMPLE_SLUG},BEFORE,en,Human oversight needs trained staff,"Public bodies should train the staff who oversee AI systems.\n\n- Budget for training\n- Publish the results",2026-03-02T09:15:00.000Z,2026-03-03T14:02:11.000Z,Maria Rossi,Civic Tech Alliance,NGO,IT,${EXAMPLE_SITE}/api/attachments/cm5q1exampleatt,cm5q1examplegroup,Yes,Transparency; Accountability,4\r\n`;

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
function exampleChoices(index: number, answered: number, counts: readonly number[], byType: [StakeholderType, number, readonly number[]][] | null = null): OpenQuestionStatistics {
  const { kind, options } = EXAMPLE_CONSULTATION.questions[index]!;
  if (kind !== "SINGLE_CHOICE" && kind !== "MULTIPLE_CHOICE") throw new Error(`Example question ${index + 1} is not a choice question`);
  const choicesOf = (whole: number, of: readonly number[]) => options.map((option, position) => ({ option, count: of[position] ?? 0, share: (of[position] ?? 0) / whole }));
  return {
    ...exampleQuestion(index),
    kind,
    answered,
    choices: choicesOf(answered, counts),
    choicesByStakeholderType: byType?.map(([key, typeAnswered, typeCounts]) => ({ key, label: STAKEHOLDER_TYPE_LABELS[key], answered: typeAnswered, choices: choicesOf(typeAnswered, typeCounts) })) ?? null,
  };
}

const typeCount = (key: StakeholderType, count: number) => ({ key, label: STAKEHOLDER_TYPE_LABELS[key], count, share: count / 128 });
const phaseCount = (key: Phase, count: number) => ({ key, label: PHASE_LABELS[key], count, share: count / 128 });
const weekly = [9, 14, 22, 38, 11, 6, 5, 8, 4, 6, 5];
// The last 14 days of the weekly series, to Friday 1 May 2026.
const finalDays = [0, 1, 1, 0, 1, 0, 2, 1, 1, 0, 1, 0, 0, 4];

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
      finalStretch: {
        days: finalDays.length,
        points: finalDays.map((count, index) => ({ start: new Date(Date.UTC(2026, 3, 18 + index)).toISOString().slice(0, 10), count })),
        count: 12,
        share: 12 / 128,
      },
    },
    questions: [
      exampleChoices(0, 121, [88, 19, 14], [
        ["NGO", 50, [38, 7, 5]],
        ["EU_CITIZEN", 40, [30, 6, 4]],
        ["COMPANY", 21, [12, 5, 4]],
        ["PUBLIC_AUTHORITY", 10, [8, 1, 1]],
      ]),
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
        // A version published before answers were counted by type.
        scaleByStakeholderType: null,
      },
    ],
    generatedAt: "2026-05-06T10:30:00.000Z",
  },
  themes: {
    contributions: {
      documentCount: 128,
      // A campaign of 9 near-identical letters counts once.
      groupCount: 120,
      themes: [
        {
          key: "trained-staff",
          label: "trained staff",
          terms: ["trained staff", "oversight", "training", "accountable"],
          size: 34,
          contributionCount: 42,
          share: 34 / 120,
          languages: { en: 30, fr: 4 },
          byStakeholderType: spread({ NGO: 16, EU_CITIZEN: 9, COMPANY: 5, PUBLIC_AUTHORITY: 4 }),
          groups: [{ similarityGroupId: "cm5q1examplegroup", size: 9 }],
          quotes: [
            {
              reference: EXAMPLE_CONTRIBUTION.reference,
              url: EXAMPLE_CONTRIBUTION.url,
              text: "Public bodies should train the staff who oversee AI systems.",
              source: { kind: "body", fileName: null, page: null, url: null },
            },
          ],
          steered: false,
          seeds: null,
          subthemes: [
            {
              key: "trained-staff/training-budget",
              label: "training budget",
              terms: ["training budget", "courses", "funding"],
              size: 14,
              contributionCount: 22,
              share: 14 / 120,
              languages: { en: 14 },
              byStakeholderType: spread({ NGO: 8, EU_CITIZEN: 3, PUBLIC_AUTHORITY: 3 }),
              groups: [{ similarityGroupId: "cm5q1examplegroup", size: 9 }],
              quotes: [
                {
                  reference: EXAMPLE_CONTRIBUTION.reference,
                  url: EXAMPLE_CONTRIBUTION.url,
                  text: "Every public body needs a training budget for the staff who oversee its AI systems.",
                  source: { kind: "attachment", fileName: "position-paper.pdf", page: 3, url: `${EXAMPLE_SITE}/api/attachments/cm5q1exampleatt` },
                },
              ],
              steered: false,
              seeds: null,
            },
          ],
        },
        {
          key: "public-register",
          label: "public register",
          terms: ["public register", "algorithms", "registre public"],
          size: 38,
          contributionCount: 38,
          share: 38 / 120,
          languages: { en: 21, fr: 17 },
          byStakeholderType: spread({ NGO: 16, EU_CITIZEN: 19, COMPANY: 3 }),
          groups: [],
          quotes: [
            {
              reference: EXAMPLE_ANONYMOUS_CONTRIBUTION.reference,
              url: EXAMPLE_ANONYMOUS_CONTRIBUTION.url,
              text: EXAMPLE_ANONYMOUS_CONTRIBUTION.body,
              source: { kind: "body", fileName: null, page: null, url: null },
            },
          ],
          steered: true,
          seeds: ["register", "registre"],
          subthemes: [],
        },
      ],
      notThemed: {
        count: 48,
        share: 48 / 120,
        byStakeholderType: spread({ NGO: 20, EU_CITIZEN: 13, COMPANY: 10, PUBLIC_AUTHORITY: 5 }),
        byReason: { onlyBoilerplate: 12, tooLittleText: 9, belongsNowhere: 20, fewInLanguage: 5, setAside: 2 },
      },
    },
    questions: [],
  },
};

/** Every schema of the API, by name. The /open-data page describes the fields from these. */
export const OPEN_DATA_SCHEMAS = toOpenApiSchemas();

const slugParameter: ParameterObject = { name: "slug", in: "path", required: true, description: "The consultation's slug.", schema: parameterSchema(z.string()) };
const pageParameters: ParameterObject[] = [
  {
    name: "limit",
    in: "query",
    required: false,
    description: `How many items a page holds, from 1 to ${MAX_PAGE_LIMIT}.`,
    schema: parameterSchema(z.int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT)),
  },
  {
    name: "cursor",
    in: "query",
    required: false,
    description: "Where the page starts: leave it out for the first page, then follow links.next, which carries it. It is a token: do not build one.",
    schema: parameterSchema(z.string()),
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
  schema: parameterSchema(z.xor([z.int().min(1), z.literal("latest")])),
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
        "The figures of the version, one row per figure: section, question, key, parent, label, count, share (the sections are described on /open-data). UTF-8 with a byte order mark, comma-separated, CRLF line ends, formulas defused as in the contributions' CSV. The synthesis, the highlights and the quotes are text, not figures: they are in the JSON only.",
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
