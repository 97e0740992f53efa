import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Phase, StakeholderType } from "@/lib/generated/prisma/enums";
import { computeStatistics, type QuestionStatistics, type SummaryStatistics } from "@/lib/summaries/compute-statistics";
import type { SummaryFilters } from "@/lib/summaries/filter-schema";
import { createTestContribution, type TestContributionOptions } from "../helpers/contribution-factory";
import { createTestConference, createTestConsultation } from "../helpers/content-factories";
import { createTestUser } from "../helpers/factories";

// Every expected figure below was counted by hand from the fixture table in
// beforeAll, and is written here as a number, never recomputed from the
// fixture. The conference is in Tokyo (UTC+9, no daylight saving time), so
// a day or a week starts at Tokyo's midnight, not UTC's: #4 and #5, one
// minute apart, fall on different days; #9 falls in the next week.

type Author = "ana" | "ben" | "carla" | "dai" | "eva" | "finn" | "gil";

let consultationId: string;
let q: { single: string; multiple: string; scale: string; text: string };

const summary = (filters: SummaryFilters = {}) => computeStatistics(consultationId, filters);

const PHASE_LABEL: Record<Phase, string> = {
  BEFORE: "Before the conference",
  DURING: "During the conference",
  AFTER: "After the conference",
};
const phases = (before: number, during: number, after: number, total: number) =>
  (["BEFORE", "DURING", "AFTER"] as const).map((key, index) => {
    const count = [before, during, after][index] ?? 0;
    return { key, label: PHASE_LABEL[key], count, share: total === 0 ? 0 : count / total };
  });
const type = (key: StakeholderType | null, label: string, count: number, total: number) => ({ key, label, count, share: count / total });
const country = (code: string | null, name: string, count: number, total: number) => ({ code, name, count, share: count / total });
const language = (code: string, name: string, count: number, total: number) => ({ code, name, count, share: count / total });
const choice = (option: string | null, count: number, answered: number) => ({ option, count, share: answered === 0 ? 0 : count / answered });
const scaleValue = (value: number, count: number, answered: number) => ({ value, count, share: answered === 0 ? 0 : count / answered });
/** "2026-01-05=1 2026-01-12=0 …": the points of a series, first day of each bucket = count. */
const series = (text: string) =>
  text
    .trim()
    .split(/\s+/)
    .map((point) => {
      const [start, count] = point.split("=");
      return { start, count: Number(count) };
    });

type OfKind<K extends QuestionStatistics["kind"]> = QuestionStatistics extends infer Q ? (Q extends { kind: infer L } ? (K extends L ? Q : never) : never) : never;

function question<K extends QuestionStatistics["kind"]>(stats: SummaryStatistics, id: string): OfKind<K> {
  const found = stats.questions.find((entry) => entry.questionId === id);
  if (!found) throw new Error(`No statistics for question ${id}`);
  return found as OfKind<K>;
}

async function author(stakeholderType: StakeholderType, countryCode: string) {
  return (await createTestUser({ stakeholderType, country: countryCode })).id;
}

beforeAll(async () => {
  const conference = await createTestConference({
    timeZone: "Asia/Tokyo",
    startsAt: new Date("2026-03-02T00:00:00Z"),
    endsAt: new Date("2026-03-06T00:00:00Z"),
  });
  const consultation = await createTestConsultation({
    title: "Trustworthy AI in practice",
    conferenceId: conference.id,
    questions: [
      { kind: "SINGLE_CHOICE", prompt: "Should general-purpose models be covered?", options: ["Yes", "No", "Not sure"] },
      { kind: "MULTIPLE_CHOICE", prompt: "Which sectors matter most?", options: ["Health", "Transport", "Education", "Justice"] },
      { kind: "SCALE", prompt: "How urgent is it?" },
      { kind: "FREE_TEXT", prompt: "What worries you most?" },
    ],
  });
  consultationId = consultation.id;
  const [single, multiple, scale, text] = await db.question.findMany({ where: { consultationId }, orderBy: { position: "asc" }, select: { id: true } });
  if (!single || !multiple || !scale || !text) throw new Error("The consultation's questions were not created.");
  q = { single: single.id, multiple: multiple.id, scale: scale.id, text: text.id };

  const gil = await author("OTHER", "IE");
  // An account without a stakeholder profile (an administrator, say) can contribute too.
  await db.stakeholderProfile.delete({ where: { userId: gil } });
  const authors: Record<Author, string> = {
    ana: await author("NGO", "FR"),
    ben: await author("COMPANY", "DE"),
    carla: await author("COMPANY", "FR"),
    dai: await author("ACADEMIC", "JP"),
    eva: await author("EU_CITIZEN", "BE"),
    finn: await author("PUBLIC_AUTHORITY", "DE"),
    gil,
  };

  type Row = [Author, Phase, string, string, TestContributionOptions["answers"], Partial<TestContributionOptions>?];
  const answers = (single?: string, multiple?: string[], scale?: number, text?: string) => ({
    ...(single === undefined ? {} : { [q.single]: single }),
    ...(multiple === undefined ? {} : { [q.multiple]: multiple }),
    ...(scale === undefined ? {} : { [q.scale]: scale }),
    ...(text === undefined ? {} : { [q.text]: text }),
  });
  //  #   author   phase     lang  submitted (UTC)         Tokyo date   single      multiple                  scale  free text
  const rows: Row[] = [
    /* 1 */ ["ana", "BEFORE", "fr", "2026-01-05T10:00:00Z", { ...answers("Yes", ["Health", "Education"], 5, "Bias in hiring"), removedQuestion: "Yes" }], // 01-05 Mon
    /* 2 */ ["ana", "BEFORE", "en", "2026-01-14T16:00:00Z", answers("No", ["Health"], 4, "")], // 01-15 Thu
    /* 3 */ ["ben", "BEFORE", "de", "2026-01-20T03:00:00Z", answers("Yes", ["Transport"], 3)], // 01-20 Tue
    /* 4 */ ["carla", "DURING", "fr", "2026-03-02T14:59:00Z", answers("Yes", ["Health", "Transport"], 5, "Energy use")], // 03-02 23:59 Mon
    /* 5 */ ["carla", "DURING", "fr", "2026-03-02T15:00:00Z", answers("Maybe", ["Health", "Agriculture"], 4)], // 03-03 00:00 Tue
    /* 6 */ ["dai", "DURING", "ja", "2026-03-03T01:00:00Z", answers("No", [], 2, "Privacy")], // 03-03 Tue
    /* 7 */ ["eva", "DURING", "en", "2026-03-04T23:30:00Z", answers("Not sure", ["Education"])], // 03-05 Thu
    /* 8 */ ["finn", "DURING", "de", "2026-03-05T02:00:00Z", answers("Yes", ["Health", "Justice"], 5, "Accountability")], // 03-05 Thu
    /* 9 */ ["ben", "AFTER", "en", "2026-03-22T16:00:00Z", answers("No", ["Transport", "Justice"], 1)], // 03-23 01:00 Mon
    /* 10 */ ["dai", "AFTER", "en", "2026-03-23T09:00:00Z", answers(undefined, undefined, 3, "   ")], // 03-23 Mon
    /* 11 */ ["eva", "AFTER", "fr", "2026-04-01T09:00:00Z", answers("Yes", ["Robotics", "Drones"], 4)], // 04-01 Wed
    /* 12 */ ["gil", "AFTER", "en", "2026-04-02T09:00:00Z", answers("Not sure", ["Education", "Health"], 5, "Jobs")], // 04-02 Thu
    // Not counted: not published, or published in another consultation. Each
    // would change the totals, the answers and the time span if it were.
    ["ana", "DURING", "en", "2026-03-04T10:00:00Z", answers("No", ["Justice"], 1, "Pending"), { status: "PENDING" }],
    ["ben", "BEFORE", "de", "2025-12-01T10:00:00Z", answers("No", ["Justice"], 1), { status: "REJECTED" }],
    ["carla", "AFTER", "fr", "2026-06-01T10:00:00Z", answers("Yes", ["Justice"], 1), { status: "HIDDEN" }],
    ["dai", "AFTER", "ja", "2026-05-01T10:00:00Z", answers("Yes", ["Justice"], 1), { status: "WITHDRAWN" }],
    ["eva", "DURING", "en", "2026-03-04T12:00:00Z", answers("Yes", ["Justice"], 1), { consultationId: (await createTestConsultation()).id }],
  ];
  for (const [who, phase, lang, submittedAt, given, extra] of rows) {
    await createTestContribution({ authorId: authors[who], consultationId, phase, language: lang, submittedAt: new Date(submittedAt), answers: given, ...extra });
  }
});

describe("computeStatistics: the whole consultation", () => {
  it("counts the published contributions by stakeholder type, country, phase and language", async () => {
    const stats = await summary();
    expect(stats.consultationId).toBe(consultationId);
    expect(stats.filters).toEqual({});
    expect(stats.total).toBe(12);
    expect(stats.byStakeholderType).toEqual([
      type("COMPANY", "Company or business", 4, 12),
      type("ACADEMIC", "Academic or research institution", 2, 12),
      type("EU_CITIZEN", "EU citizen", 2, 12),
      type("NGO", "Non-governmental organisation (NGO)", 2, 12),
      type("PUBLIC_AUTHORITY", "Public authority", 1, 12),
      type(null, "Not stated", 1, 12),
    ]);
    expect(stats.byCountry).toEqual([
      country("FR", "France", 4, 12),
      country("DE", "Germany", 3, 12),
      country("BE", "Belgium", 2, 12),
      country("JP", "Japan", 2, 12),
      country(null, "Not stated", 1, 12),
    ]);
    expect(stats.byPhase).toEqual(phases(3, 5, 4, 12));
    expect(stats.byLanguage).toEqual([
      language("en", "English", 5, 12),
      language("fr", "French (français)", 4, 12),
      language("de", "German (Deutsch)", 2, 12),
      language("ja", "Japanese (日本語)", 1, 12),
    ]);
  });

  it("counts by week of the conference's time zone beyond 60 days, empty weeks included", async () => {
    expect((await summary()).overTime).toEqual({
      unit: "week",
      timeZone: "Asia/Tokyo",
      points: series(`
        2026-01-05=1 2026-01-12=1 2026-01-19=1 2026-01-26=0 2026-02-02=0 2026-02-09=0 2026-02-16=0
        2026-02-23=0 2026-03-02=5 2026-03-09=0 2026-03-16=0 2026-03-23=2 2026-03-30=2
      `),
      // Beside the weeks, the last 14 days to the last contribution's (2 April), by day.
      finalStretch: {
        days: 14,
        points: series(`
          2026-03-20=0 2026-03-21=0 2026-03-22=0 2026-03-23=2 2026-03-24=0 2026-03-25=0 2026-03-26=0
          2026-03-27=0 2026-03-28=0 2026-03-29=0 2026-03-30=0 2026-03-31=0 2026-04-01=1 2026-04-02=1
        `),
        count: 4,
        share: 4 / 12,
      },
    });
  });

  it("distributes the answers to each question, in the order of the questions", async () => {
    const stats = await summary();
    expect(stats.questions.map(({ position, kind, prompt }) => ({ position, kind, prompt }))).toEqual([
      { position: 0, kind: "SINGLE_CHOICE", prompt: "Should general-purpose models be covered?" },
      { position: 1, kind: "MULTIPLE_CHOICE", prompt: "Which sectors matter most?" },
      { position: 2, kind: "SCALE", prompt: "How urgent is it?" },
      { position: 3, kind: "FREE_TEXT", prompt: "What worries you most?" },
    ]);

    const single = question<"SINGLE_CHOICE">(stats, q.single);
    expect(single.answered).toBe(11);
    // "Maybe" is none of the options: counted under the null option, after them.
    expect(single.choices).toEqual([choice("Yes", 5, 11), choice("No", 3, 11), choice("Not sure", 2, 11), choice(null, 1, 11)]);

    const multiple = question<"MULTIPLE_CHOICE">(stats, q.multiple);
    // #6 ticked nothing: no answer. #11 chose two unknown options: one contribution under the null option.
    expect(multiple.answered).toBe(10);
    expect(multiple.choices).toEqual([
      choice("Health", 6, 10),
      choice("Transport", 3, 10),
      choice("Education", 3, 10),
      choice("Justice", 2, 10),
      choice(null, 2, 10),
    ]);

    const scale = question<"SCALE">(stats, q.scale);
    expect(scale.answered).toBe(11);
    expect(scale.scale).toEqual({
      min: 1,
      max: 5,
      // (1 + 2 + 3·2 + 4·3 + 5·4) / 11
      average: 41 / 11,
      distribution: [scaleValue(1, 1, 11), scaleValue(2, 1, 11), scaleValue(3, 2, 11), scaleValue(4, 3, 11), scaleValue(5, 4, 11)],
    });

    // An empty or blank text is no answer.
    expect(question<"FREE_TEXT">(stats, q.text)).toEqual({ questionId: q.text, position: 3, prompt: "What worries you most?", kind: "FREE_TEXT", answered: 5 });
  });

  it("returns plain JSON, the same figures on every call, in a transaction of the caller's too", async () => {
    const first = await summary();
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    expect(Number.isNaN(Date.parse(first.generatedAt))).toBe(false);
    const again = await db.$transaction((tx) => computeStatistics(consultationId, {}, { transaction: tx }));
    expect({ ...again, generatedAt: first.generatedAt }).toEqual(first);
  });
});

describe("computeStatistics: filters recompute every figure for the subset", () => {
  it("by stakeholder type", async () => {
    const stats = await summary({ type: "COMPANY" });
    expect(stats.filters).toEqual({ type: "COMPANY" });
    expect(stats.total).toBe(4);
    expect(stats.byStakeholderType).toEqual([type("COMPANY", "Company or business", 4, 4)]);
    expect(stats.byCountry).toEqual([country("FR", "France", 2, 4), country("DE", "Germany", 2, 4)]);
    expect(stats.byPhase).toEqual(phases(1, 2, 1, 4));
    expect(stats.byLanguage).toEqual([language("fr", "French (français)", 2, 4), language("en", "English", 1, 4), language("de", "German (Deutsch)", 1, 4)]);
    // From 20 January to 23 March: 62 days, so weeks.
    expect(stats.overTime).toEqual({
      unit: "week",
      timeZone: "Asia/Tokyo",
      points: series(`
        2026-01-19=1 2026-01-26=0 2026-02-02=0 2026-02-09=0 2026-02-16=0 2026-02-23=0 2026-03-02=2
        2026-03-09=0 2026-03-16=0 2026-03-23=1
      `),
      finalStretch: {
        days: 14,
        points: series(`
          2026-03-10=0 2026-03-11=0 2026-03-12=0 2026-03-13=0 2026-03-14=0 2026-03-15=0 2026-03-16=0
          2026-03-17=0 2026-03-18=0 2026-03-19=0 2026-03-20=0 2026-03-21=0 2026-03-22=0 2026-03-23=1
        `),
        count: 1,
        share: 1 / 4,
      },
    });
    const single = question<"SINGLE_CHOICE">(stats, q.single);
    expect(single.answered).toBe(4);
    expect(single.choices).toEqual([choice("Yes", 2, 4), choice("No", 1, 4), choice("Not sure", 0, 4), choice(null, 1, 4)]);
  });

  it("by country, counting by day up to 60 days", async () => {
    const stats = await summary({ country: "FR" });
    expect(stats.total).toBe(4);
    expect(stats.byStakeholderType).toEqual([type("COMPANY", "Company or business", 2, 4), type("NGO", "Non-governmental organisation (NGO)", 2, 4)]);
    expect(stats.byCountry).toEqual([country("FR", "France", 4, 4)]);
    expect(stats.byPhase).toEqual(phases(2, 2, 0, 4));
    expect(stats.byLanguage).toEqual([language("fr", "French (français)", 3, 4), language("en", "English", 1, 4)]);
    // 5 January to 3 March (Tokyo): 57 days, 58 daily points.
    const { unit, timeZone, points } = stats.overTime;
    expect({ unit, timeZone }).toEqual({ unit: "day", timeZone: "Asia/Tokyo" });
    expect(points).toHaveLength(58);
    expect(points[0]).toEqual({ start: "2026-01-05", count: 1 });
    expect(points[57]).toEqual({ start: "2026-03-03", count: 1 });
    expect(points.filter((point) => point.count > 0)).toEqual([
      { start: "2026-01-05", count: 1 },
      { start: "2026-01-15", count: 1 },
      { start: "2026-03-02", count: 1 },
      { start: "2026-03-03", count: 1 },
    ]);
    expect(points[1]).toEqual({ start: "2026-01-06", count: 0 });
    expect(points[55]).toEqual({ start: "2026-03-01", count: 0 });
    const scale = question<"SCALE">(stats, q.scale);
    expect(scale.answered).toBe(4);
    expect(scale.scale.average).toBe(4.5);
    expect(scale.scale.distribution).toEqual([scaleValue(1, 0, 4), scaleValue(2, 0, 4), scaleValue(3, 0, 4), scaleValue(4, 2, 4), scaleValue(5, 2, 4)]);
  });

  it("by phase, with the empty day of the conference in the series", async () => {
    const stats = await summary({ phase: "DURING" });
    expect(stats.total).toBe(5);
    expect(stats.byStakeholderType).toEqual([
      type("COMPANY", "Company or business", 2, 5),
      type("ACADEMIC", "Academic or research institution", 1, 5),
      type("EU_CITIZEN", "EU citizen", 1, 5),
      type("PUBLIC_AUTHORITY", "Public authority", 1, 5),
    ]);
    expect(stats.byCountry).toEqual([country("FR", "France", 2, 5), country("BE", "Belgium", 1, 5), country("DE", "Germany", 1, 5), country("JP", "Japan", 1, 5)]);
    expect(stats.byPhase).toEqual(phases(0, 5, 0, 5));
    expect(stats.byLanguage).toEqual([
      language("fr", "French (français)", 2, 5),
      language("en", "English", 1, 5),
      language("de", "German (Deutsch)", 1, 5),
      language("ja", "Japanese (日本語)", 1, 5),
    ]);
    expect(stats.overTime).toEqual({
      unit: "day",
      timeZone: "Asia/Tokyo",
      points: series("2026-03-02=1 2026-03-03=2 2026-03-04=0 2026-03-05=2"),
      // Days already: no final stretch beside them.
      finalStretch: null,
    });
    const single = question<"SINGLE_CHOICE">(stats, q.single);
    expect(single.answered).toBe(5);
    expect(single.choices).toEqual([choice("Yes", 2, 5), choice("No", 1, 5), choice("Not sure", 1, 5), choice(null, 1, 5)]);
    const multiple = question<"MULTIPLE_CHOICE">(stats, q.multiple);
    expect(multiple.answered).toBe(4);
    expect(multiple.choices).toEqual([choice("Health", 3, 4), choice("Transport", 1, 4), choice("Education", 1, 4), choice("Justice", 1, 4), choice(null, 1, 4)]);
    const scale = question<"SCALE">(stats, q.scale);
    expect(scale.answered).toBe(4);
    expect(scale.scale.average).toBe(4);
    expect(scale.scale.distribution).toEqual([scaleValue(1, 0, 4), scaleValue(2, 1, 4), scaleValue(3, 0, 4), scaleValue(4, 1, 4), scaleValue(5, 2, 4)]);
    expect(question<"FREE_TEXT">(stats, q.text).answered).toBe(3);
  });

  it("by type and phase together", async () => {
    const stats = await summary({ type: "COMPANY", phase: "AFTER" });
    expect(stats.total).toBe(1);
    expect(stats.byStakeholderType).toEqual([type("COMPANY", "Company or business", 1, 1)]);
    expect(stats.byCountry).toEqual([country("DE", "Germany", 1, 1)]);
    expect(stats.byPhase).toEqual(phases(0, 0, 1, 1));
    expect(stats.byLanguage).toEqual([language("en", "English", 1, 1)]);
    expect(stats.overTime).toEqual({ unit: "day", timeZone: "Asia/Tokyo", points: [{ start: "2026-03-23", count: 1 }], finalStretch: null });
    const multiple = question<"MULTIPLE_CHOICE">(stats, q.multiple);
    expect(multiple.answered).toBe(1);
    expect(multiple.choices).toEqual([choice("Health", 0, 1), choice("Transport", 1, 1), choice("Education", 0, 1), choice("Justice", 1, 1)]);
  });

  it("that match nothing: zeros everywhere, no division by zero", async () => {
    const stats = await summary({ country: "JP", phase: "BEFORE" });
    expect(stats.total).toBe(0);
    expect(stats.byStakeholderType).toEqual([]);
    expect(stats.byCountry).toEqual([]);
    expect(stats.byPhase).toEqual(phases(0, 0, 0, 0));
    expect(stats.byLanguage).toEqual([]);
    expect(stats.overTime).toEqual({ unit: "day", timeZone: "Asia/Tokyo", points: [], finalStretch: null });
    expect(question<"SINGLE_CHOICE">(stats, q.single)).toMatchObject({ answered: 0, choices: [choice("Yes", 0, 0), choice("No", 0, 0), choice("Not sure", 0, 0)] });
    expect(question<"SCALE">(stats, q.scale).scale.average).toBeNull();
  });

  it("refuses filters that are not in the lists, naming the field", async () => {
    const refused = await computeStatistics(consultationId, { type: "ROBOT", country: "France", phase: "LATER" } as unknown as SummaryFilters).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { type: ["Choose a stakeholder type from the list."], country: ["Choose a country from the list."], phase: ["Choose a phase from the list."] },
    });
  });
});

describe("computeStatistics: other consultations", () => {
  it("gives zeros for a consultation without contributions, its questions included", async () => {
    const empty = await createTestConsultation({
      questions: [
        { kind: "MULTIPLE_CHOICE", prompt: "Which?", options: ["A", "B"] },
        { kind: "SCALE", prompt: "How much?" },
      ],
    });
    const stats = await computeStatistics(empty.id);
    expect(stats).toMatchObject({
      total: 0,
      byStakeholderType: [],
      byCountry: [],
      // No conference: no phases.
      byPhase: [],
      byLanguage: [],
      overTime: { unit: "day", timeZone: "UTC", points: [], finalStretch: null },
    });
    expect(stats.questions.map(({ position, kind, answered }) => ({ position, kind, answered }))).toEqual([
      { position: 0, kind: "MULTIPLE_CHOICE", answered: 0 },
      { position: 1, kind: "SCALE", answered: 0 },
    ]);
    expect(stats.questions[0]).toMatchObject({ choices: [choice("A", 0, 0), choice("B", 0, 0)] });
    expect(stats.questions[1]).toMatchObject({
      scale: { min: 1, max: 5, average: null, distribution: [1, 2, 3, 4, 5].map((value) => scaleValue(value, 0, 0)) },
    });
  });

  it("counts by UTC day up to a span of 60 days, by week from 61 (no conference)", async () => {
    const edges = await createTestConsultation();
    const ngo = await author("NGO", "AT");
    const company = await author("COMPANY", "AT");
    const add = (authorId: string, phase: Phase, at: string) =>
      createTestContribution({ authorId, consultationId: edges.id, phase, submittedAt: new Date(at) });
    await add(ngo, "BEFORE", "2026-01-01T00:00:00Z");
    await add(ngo, "DURING", "2026-03-02T23:59:00Z");
    await add(company, "AFTER", "2026-03-03T00:00:00Z");

    // 1 January to 2 March: 60 days, so days.
    const days = (await computeStatistics(edges.id, { type: "NGO" })).overTime;
    expect({ unit: days.unit, timeZone: days.timeZone, length: days.points.length }).toEqual({ unit: "day", timeZone: "UTC", length: 61 });
    expect(days.points.filter((point) => point.count > 0)).toEqual([
      { start: "2026-01-01", count: 1 },
      { start: "2026-03-02", count: 1 },
    ]);

    // 1 January to 3 March: 61 days, so weeks, from the Monday before.
    expect((await computeStatistics(edges.id)).overTime).toEqual({
      unit: "week",
      timeZone: "UTC",
      points: series(`
        2025-12-29=1 2026-01-05=0 2026-01-12=0 2026-01-19=0 2026-01-26=0 2026-02-02=0 2026-02-09=0
        2026-02-16=0 2026-02-23=0 2026-03-02=2
      `),
      finalStretch: {
        days: 14,
        points: series(`
          2026-02-18=0 2026-02-19=0 2026-02-20=0 2026-02-21=0 2026-02-22=0 2026-02-23=0 2026-02-24=0
          2026-02-25=0 2026-02-26=0 2026-02-27=0 2026-02-28=0 2026-03-01=0 2026-03-02=1 2026-03-03=1
        `),
        count: 2,
        share: 2 / 3,
      },
    });
  });

  it("counts what a published summary froze, whatever happened to it since", async () => {
    const frozen = await createTestConsultation({ conferenceId: (await createTestConference()).id });
    const writer = await author("TRADE_UNION", "IT");
    const add = (phase: Phase, status: "APPROVED" | "PENDING") => createTestContribution({ authorId: writer, consultationId: frozen.id, phase, status });
    const before = await add("BEFORE", "APPROVED");
    const during = await add("DURING", "APPROVED");
    const after = await add("AFTER", "PENDING");
    const published = await db.consultationSummary.create({
      data: {
        consultationId: frozen.id,
        version: 1,
        status: "PUBLISHED",
        synthesis: "What we heard.",
        publishedAt: new Date(),
        contributions: { create: [{ contributionId: before.id }, { contributionId: during.id }] },
      },
      select: { id: true },
    });
    await db.contribution.update({ where: { id: during.id }, data: { status: "HIDDEN" } });
    await db.contribution.update({ where: { id: after.id }, data: { status: "APPROVED" } });

    expect((await computeStatistics(frozen.id)).byPhase).toEqual(phases(1, 0, 1, 2));
    const atPublication = await computeStatistics(frozen.id, {}, { summaryId: published.id });
    expect(atPublication.total).toBe(2);
    expect(atPublication.byPhase).toEqual(phases(1, 1, 0, 2));
    expect((await computeStatistics(frozen.id, { phase: "DURING" }, { summaryId: published.id })).total).toBe(1);
  });

  it("says so when the consultation does not exist", async () => {
    await expect(computeStatistics("cnoconsultation000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("computeStatistics: answers by stakeholder type (issue 11)", () => {
  const typed = (key: StakeholderType | null, label: string, answered: number) => ({ key, label, answered });

  it("counts a choice question's answers side by side for each type, with the whole question's options", async () => {
    const single = question<"SINGLE_CHOICE">(await summary(), q.single);
    // Counted by hand from the table: most answers first, ties by key, not stated last.
    expect(single.byStakeholderType).toEqual([
      { ...typed("COMPANY", "Company or business", 4), choices: [choice("Yes", 2, 4), choice("No", 1, 4), choice("Not sure", 0, 4), choice(null, 1, 4)] },
      { ...typed("EU_CITIZEN", "EU citizen", 2), choices: [choice("Yes", 1, 2), choice("No", 0, 2), choice("Not sure", 1, 2), choice(null, 0, 2)] },
      { ...typed("NGO", "Non-governmental organisation (NGO)", 2), choices: [choice("Yes", 1, 2), choice("No", 1, 2), choice("Not sure", 0, 2), choice(null, 0, 2)] },
      { ...typed("ACADEMIC", "Academic or research institution", 1), choices: [choice("Yes", 0, 1), choice("No", 1, 1), choice("Not sure", 0, 1), choice(null, 0, 1)] },
      { ...typed("PUBLIC_AUTHORITY", "Public authority", 1), choices: [choice("Yes", 1, 1), choice("No", 0, 1), choice("Not sure", 0, 1), choice(null, 0, 1)] },
      { ...typed(null, "Not stated", 1), choices: [choice("Yes", 0, 1), choice("No", 0, 1), choice("Not sure", 1, 1), choice(null, 0, 1)] },
    ]);
  });

  it("counts a scale question's values and average for each type", async () => {
    const scale = question<"SCALE">(await summary(), q.scale);
    const distribution = (counts: number[], answered: number) => counts.map((count, index) => scaleValue(index + 1, count, answered));
    expect(scale.byStakeholderType).toEqual([
      { ...typed("COMPANY", "Company or business", 4), scale: { min: 1, max: 5, average: 13 / 4, distribution: distribution([1, 0, 1, 1, 1], 4) } },
      { ...typed("ACADEMIC", "Academic or research institution", 2), scale: { min: 1, max: 5, average: 2.5, distribution: distribution([0, 1, 1, 0, 0], 2) } },
      { ...typed("NGO", "Non-governmental organisation (NGO)", 2), scale: { min: 1, max: 5, average: 4.5, distribution: distribution([0, 0, 0, 1, 1], 2) } },
      { ...typed("EU_CITIZEN", "EU citizen", 1), scale: { min: 1, max: 5, average: 4, distribution: distribution([0, 0, 0, 1, 0], 1) } },
      { ...typed("PUBLIC_AUTHORITY", "Public authority", 1), scale: { min: 1, max: 5, average: 5, distribution: distribution([0, 0, 0, 0, 1], 1) } },
      { ...typed(null, "Not stated", 1), scale: { min: 1, max: 5, average: 5, distribution: distribution([0, 0, 0, 0, 1], 1) } },
    ]);
  });

  it("adds up, for every filter, to the whole question", async () => {
    for (const filters of [{}, { phase: "DURING" }, { language: "fr" }, { type: "COMPANY" }] as SummaryFilters[]) {
      const stats = await summary(filters);
      for (const entry of stats.questions) {
        if (entry.kind === "FREE_TEXT" || !entry.byStakeholderType) continue;
        expect(entry.byStakeholderType.reduce((total, row) => total + row.answered, 0)).toBe(entry.answered);
      }
    }
    // Among the companies only, one type.
    expect(question<"MULTIPLE_CHOICE">(await summary({ type: "COMPANY" }), q.multiple).byStakeholderType?.map((row) => row.key)).toEqual(["COMPANY"]);
  });
});

describe("computeStatistics: by language (issue 11)", () => {
  it("filters by the effective language, the contribution list's parameter and values", async () => {
    // #1, #4, #5 and #11 are declared French.
    const french = await summary({ language: "fr" });
    expect(french.filters).toEqual({ language: "fr" });
    expect(french.total).toBe(4);
    expect(french.byLanguage).toEqual([language("fr", "French (français)", 4, 4)]);
    expect(french.byStakeholderType).toEqual([type("COMPANY", "Company or business", 2, 4), type("EU_CITIZEN", "EU citizen", 1, 4), type("NGO", "Non-governmental organisation (NGO)", 1, 4)]);
    expect((await summary({ language: "fr", phase: "DURING" })).total).toBe(2);
  });

  it("reads the detected language where the detector was confident, not the declared one", async () => {
    const declared = await db.contribution.findFirstOrThrow({ where: { consultationId, language: "de", phase: "BEFORE", status: "APPROVED" }, select: { id: true } });
    await db.contribution.update({ where: { id: declared.id }, data: { detectedLanguage: "en", languageConfident: true } });
    try {
      expect((await summary({ language: "de" })).total).toBe(1);
      expect((await summary({ language: "en" })).total).toBe(6);
    } finally {
      await db.contribution.update({ where: { id: declared.id }, data: { detectedLanguage: null, languageConfident: false } });
    }
  });

  it("refuses a value that is not a language code, as the list does", async () => {
    await expect(summary({ language: "French" } as SummaryFilters)).rejects.toMatchObject({ fieldErrors: { language: ["Choose a language from the list."] } });
  });
});

describe("computeStatistics: the final stretch (issue 11)", () => {
  it("shows a deadline surge by day beside the weeks of a long consultation", async () => {
    const long = await createTestConsultation();
    const writer = await author("NGO", "PT");
    const at = (day: string) => createTestContribution({ authorId: writer, consultationId: long.id, phase: "DURING", submittedAt: new Date(`${day}T10:00:00Z`) });
    // One a week for twelve weeks, then six on the last day: a third of all.
    for (let week = 0; week < 12; week++) await at(new Date(Date.UTC(2026, 0, 5 + 7 * week)).toISOString().slice(0, 10));
    for (let index = 0; index < 6; index++) await at("2026-03-31");
    const { overTime, total } = await computeStatistics(long.id);
    expect(total).toBe(18);
    expect(overTime.unit).toBe("week");
    // Folded into its week, the last day is one column of seven like the others.
    expect(overTime.points.at(-1)).toEqual({ start: "2026-03-30", count: 6 });
    expect(overTime.finalStretch?.points.at(-1)).toEqual({ start: "2026-03-31", count: 6 });
    expect(overTime.finalStretch?.points[0]).toEqual({ start: "2026-03-18", count: 0 });
    expect(overTime.finalStretch).toMatchObject({ days: 14, count: 7, share: 7 / 18 });
  });
});
