import { z } from "zod";
import { Phase, QuestionKind, StakeholderType } from "@/lib/generated/prisma/enums";
import { dateTime, described, strings, text, uri, whole } from "@/lib/open-data/records";

// The public records of a consultation's published summaries: the figures and
// themes frozen with a version when it was published, as the API answers them
// and the downloads contain them. Written out field by field rather than
// derived from the stored types (lib/summaries/compute-statistics.ts,
// lib/summaries/themes/types.ts), so that a field added to what a summary
// stores is not published until someone decides it should be. No internal id
// of a consultation, contribution or user: contributions are named by their
// public reference; the moderator who wrote or published a version is not named.
// The schemas are the contract, as in records.ts.

const share = (of: string) => described(z.number().min(0).max(1), `The count as a fraction of ${of}, from 0 to 1.`);
const byStakeholderType = (what: string) => described(z.record(z.enum(StakeholderType), z.int()), `${what}, by stakeholder type (every type, zero included).`);
const questionNumber = whole("1, 2, 3… in the order the form asks them.");
const questionId = text("The question's id, as in the consultation's questions.");
const prompt = text("The question as asked.");

const inWords = text("The same in words.");

/**
 * A list of counts by key, most first or in order: `fields` are its items'
 * key (described) and label, and the list's description names them.
 */
function breakdown<S extends Record<string, z.ZodType>>(description: string, fields: S) {
  const [keyName = "", labelName = ""] = Object.keys(fields);
  const keyDescription = fields[keyName]?.description ?? "";
  const item = described(z.object({ ...fields, count: whole("How many contributions."), share: share("the total") }), description);
  return described(z.array(item), `${description} Each: ${keyName} (${keyDescription.replace(/\.$/, "")}), ${labelName} (in words), count, share (of the total).`);
}

export const summaryLinksSchema = described(
  z.object({
    self: uri("The version as JSON."),
    csv: uri("Its figures as a CSV file."),
    json: uri("The version as a JSON file."),
  }),
  "Addresses of the summary version in this API.",
);

const summaryItemShape = {
  consultation: text("The slug of its consultation."),
  version: whole("Its number: 1, 2, 3… in the order versions were saved (drafts take numbers too, but are never published here)."),
  publishedAt: dateTime("When it was published (UTC): its figures are those of the contributions approved at that moment."),
  contributionCount: whole("How many approved contributions it counts."),
  url: uri("Its page on the site."),
  links: summaryLinksSchema,
};

export const summaryItemSchema = described(z.object(summaryItemShape), "A published version of a consultation's summary (drafts are never listed).");

export const summaryHighlightSchema = described(
  z.object({ reference: text("Its public reference."), url: uri("Its page on the site."), title: text("Its title.") }),
  "A contribution pinned in the summary.",
);

const questionBase = {
  questionId,
  number: questionNumber,
  kind: described(z.enum(QuestionKind), "The kind of question."),
  prompt,
  answered: whole("How many of the counted contributions answered it."),
};
const typeKey = described(z.enum(StakeholderType).nullable(), "The stakeholder type; null when not stated.");
const choiceItem = described(
  z.object({
    option: described(z.string().nullable(), "The option; null for answers among none of the options."),
    count: whole("How many chose it."),
    share: share("the contributions that answered; multiple choices add up to more than 1"),
  }),
  "An option.",
);
const scaleValue = described(z.object({ value: whole("The value."), count: whole("How many gave it."), share: share("the contributions that answered") }), "A value.");
const scaleShape = {
  min: whole("The lowest value."),
  max: whole("The highest value."),
  average: described(z.number().nullable(), "The average of the values given; null when nobody answered."),
  distribution: described(z.array(scaleValue), "Every value from min to max, zero included. Each: value, count, share (of those who answered)."),
};
const byTypeNote = "null for versions published before answers were counted by type (before format 4 of the figures).";
const kindOf = <K extends QuestionKind>(kinds: [K, ...K[]]) => described(z.enum(kinds), "The kind of question.");

// The document describes the three as one object (lib/open-data/openapi.ts):
// choices for choice questions, scale for scale questions, neither for free text.
export const questionStatisticsSchema = described(
  z.discriminatedUnion("kind", [
    z.object({ ...questionBase, kind: kindOf(["FREE_TEXT"]) }),
    z.object({
      ...questionBase,
      kind: kindOf(["SINGLE_CHOICE", "MULTIPLE_CHOICE"]),
      choices: described(
        z.array(choiceItem),
        "Single and multiple choice: every option in order, zero included, then answers among none of them if any (option null). Each: option, count, share (of those who answered).",
      ),
      choicesByStakeholderType: described(
        z
          .array(
            described(
              z.object({ key: typeKey, label: inWords, answered: whole("How many contributions of this type answered it."), choices: described(z.array(choiceItem), "The same options as choices; shares of this type's answers.") }),
              "The answers of one stakeholder type.",
            ),
          )
          .nullable(),
        `Single and multiple choice: the same answers for each stakeholder type that answered, most answers first, not stated last; ${byTypeNote}`,
      ),
    }),
    z.object({
      ...questionBase,
      kind: kindOf(["SCALE"]),
      scale: described(
        z.object(scaleShape),
        "Scale questions: min and max (the ends of the scale), the average (null when nobody answered) and the distribution of the values given.",
      ),
      scaleByStakeholderType: described(
        z
          .array(
            described(
              z.object({ key: typeKey, label: inWords, answered: whole("How many contributions of this type answered it."), scale: described(z.object(scaleShape), "As scale, for this type's answers.") }),
              "The answers of one stakeholder type.",
            ),
          )
          .nullable(),
        `Scale questions: the same figures for each stakeholder type that answered, most answers first, not stated last; ${byTypeNote}`,
      ),
    }),
  ]),
  "The answers to one question.",
);

export const summaryStatisticsSchema = described(
  z.object({
    total: whole("How many approved contributions it counts."),
    byStakeholderType: breakdown("Contributions by the stakeholder type of their authors, most first; authors without one last.", {
      key: described(z.enum(StakeholderType).nullable(), "The stakeholder type; null when not stated."),
      label: inWords,
    }),
    byCountry: breakdown("Contributions by the country of their authors, most first; authors without one last.", {
      code: described(z.string().nullable(), "ISO 3166-1 alpha-2; null when not stated."),
      name: inWords,
    }),
    byPhase: breakdown("Contributions by phase: all three, in order, zero included; none for a consultation without a conference (from format 4 of the figures).", { key: described(z.enum(Phase), "The phase."), label: inWords }),
    byLanguage: breakdown("Contributions by language, most first.", { code: text("ISO 639-1."), name: inWords }),
    overTime: described(
      z.object({
        unit: described(z.enum(["day", "week"]), "Days, or weeks when the contributions span more than 60 days."),
        timeZone: text("The IANA time zone days begin in: the conference's, or UTC."),
        points: described(
          z.array(described(z.object({ start: described(z.iso.date(), "Its first day (a Monday for a week)."), count: whole("How many contributions were submitted in it.") }), "A day or a week.")),
          "Every day or week from the first contribution's to the last one's, empty ones included. Each: start (its first day, a Monday for a week) and count.",
        ),
        finalStretch: described(
          z
            .object({
              days: whole("How many days: 14."),
              points: described(
                z.array(described(z.object({ start: described(z.iso.date(), "The day."), count: whole("How many contributions were submitted on it.") }), "A day.")),
                "Every one of those days up to the last contribution's, empty ones included.",
              ),
              count: whole("How many contributions were submitted in those days."),
              share: share("the total"),
            })
            .nullable(),
          "With weeks: the last days by day, where a surge before the deadline shows. Null with days (every day is in points), and for versions published before it was counted (before format 4 of the figures).",
        ),
      }),
      "Contributions over time: unit (day or week), timeZone, points and, with weeks, the finalStretch by day.",
    ),
    questions: described(z.array(questionStatisticsSchema), "Every question of the consultation, in order."),
    generatedAt: dateTime("When the figures were counted (UTC)."),
  }),
  "The figures of the version, counted when it was published and never changed since.",
);

export const themeQuoteSourceSchema = described(
  z.object({
    kind: described(z.enum(["title", "body", "attachment"]), "Which part of the contribution: its title, its text (an answer's text, for the themes of a question), or an attached file."),
    fileName: described(z.string().nullable(), "The attached file's name; null for a title or a text."),
    page: described(z.int().nullable(), "The page of the file the sentence is on, from 1; null for a title or a text."),
    url: described(z.url().nullable(), "The file, as in the contribution's attachments; null for a title or a text."),
  }),
  "Where in its contribution the sentence is.",
);

export const themeQuoteSchema = described(
  z.object({
    reference: text("The contribution's public reference."),
    url: uri("Its page on the site."),
    text: text("A whole sentence, exactly as written."),
    source: described(themeQuoteSourceSchema.nullable(), "Where the sentence is; null for versions published before sources were kept (before format 5 of the figures)."),
  }),
  "A sentence of a contribution in the theme.",
);

export const themeGroupSchema = described(
  z.object({
    similarityGroupId: text("The group's id, as in the similarityGroupId of its contributions when the version was published."),
    size: whole("How many of its texts are in the theme."),
  }),
  "A group of near-identical texts (a campaign, a joint paper) inside a theme: counted once in its size.",
);

const themeShape = {
  key: text("Its key, stable for the same texts and the same moderators' adjustments; a sub-theme's starts with its theme's key and a slash."),
  label: text("A phrase people use, naming it, in the language most of its texts are in."),
  terms: strings("Its characteristic words and phrases as people wrote them, most characteristic first."),
  size: whole("How many texts are in it, each group of near-identical texts counted once."),
  contributionCount: whole("How many texts are in it, every member of a group counted."),
  share: share("the distinct texts grouped (groupCount)"),
  languages: described(z.record(z.string(), z.int()), "Of size, by language (ISO 639-1): only the languages it holds."),
  byStakeholderType: byStakeholderType("Of size"),
  groups: described(z.array(themeGroupSchema), "The groups of near-identical texts in it with two or more members, largest first."),
  quotes: described(
    z.array(themeQuoteSchema),
    "Sentences of the texts most typical of it; those of contributions hidden or withdrawn since publication are left out.",
  ),
  steered: described(z.boolean(), "True when the moderators made or changed it: renamed, merged, split, added, or texts moved in or out."),
  seeds: described(z.array(z.string()).nullable(), "The seed words a moderator added it from; null for a theme the texts gave."),
};

export const subthemeSchema = described(z.object(themeShape), "A sub-theme: part of a theme's texts, one level down (a sub-theme has none of its own).");

export const themeSchema = described(
  z.object({ ...themeShape, subthemes: described(z.array(subthemeSchema), "Its sub-themes, largest first; empty when it has none.") }),
  "A theme: texts that share words and phrases, in any language. A text on several subjects is in the theme of each.",
);

export const notThemedReasonSchema = z.enum(["onlyBoilerplate", "tooLittleText", "belongsNowhere", "fewInLanguage", "setAside"]);

export const notThemedSchema = described(
  z.object({
    count: whole("How many, each group of near-identical texts counted once."),
    share: share("the distinct texts grouped (groupCount)"),
    byStakeholderType: byStakeholderType("How many"),
    byReason: described(
      z.object({
        onlyBoilerplate: whole("Only boilerplate: cover notes, greetings or introductions, with nothing else to theme."),
        tooLittleText: whole("Too little text to place in a theme."),
        belongsNowhere: whole("Sharing too little with any theme to be placed in one."),
        fewInLanguage: whole("In a language with too few texts for themes of its own, and sharing no term with a theme."),
        setAside: whole("Taken out of the themes by the moderators."),
      } satisfies Record<z.output<typeof notThemedReasonSchema>, z.ZodInt>),
      "How many for each reason.",
    ),
  }),
  "The texts in no theme: count, share, byStakeholderType and byReason (onlyBoilerplate, tooLittleText, belongsNowhere, fewInLanguage, setAside). They still count in every figure.",
);

export const themeSummarySchema = described(
  z.object({
    documentCount: whole("How many texts were grouped."),
    groupCount: whole("How many distinct texts: each group of near-identical texts once, the others one each. What shares are of."),
    themes: described(z.array(themeSchema), "Largest first."),
    notThemed: notThemedSchema,
  }),
  "Themes of a set of texts (contributions, or the answers to a question), found across languages on the sentences of the texts, boilerplate left out.",
);

export const questionThemesSchema = described(
  z.object({ questionId, number: questionNumber, prompt, themes: themeSummarySchema }),
  "The themes of the answers to a free-text question.",
);

export const summaryThemesSchema = described(
  z.object({
    contributions: themeSummarySchema,
    questions: described(z.array(questionThemesSchema), "The themes of the answers to each free-text question, in order."),
  }),
  "Themes found in the texts when the version was published.",
);

export const summarySchema = described(
  z.object({
    ...summaryItemShape,
    synthesis: text("The moderators' synthesis, in Markdown. Not in the CSV."),
    highlights: described(z.array(summaryHighlightSchema), "The contributions the moderators pinned, in their order; one hidden or withdrawn since publication is left out."),
    statistics: summaryStatisticsSchema,
    themes: summaryThemesSchema,
  }),
  "A published version of a consultation's summary: the moderators' synthesis and the figures and themes frozen when it was published.",
);

export type SummaryLinks = z.output<typeof summaryLinksSchema>;
export type OpenSummaryItem = z.output<typeof summaryItemSchema>;
export type OpenSummaryHighlight = z.output<typeof summaryHighlightSchema>;
export type OpenQuestionStatistics = z.output<typeof questionStatisticsSchema>;
export type OpenSummaryStatistics = z.output<typeof summaryStatisticsSchema>;
export type OpenThemeQuoteSource = z.output<typeof themeQuoteSourceSchema>;
export type OpenThemeQuote = z.output<typeof themeQuoteSchema>;
export type OpenThemeGroup = z.output<typeof themeGroupSchema>;
export type OpenSubtheme = z.output<typeof subthemeSchema>;
export type OpenTheme = z.output<typeof themeSchema>;
export type OpenNotThemedReason = z.output<typeof notThemedReasonSchema>;
export type OpenNotThemed = z.output<typeof notThemedSchema>;
export type OpenThemeSummary = z.output<typeof themeSummarySchema>;
export type OpenQuestionThemes = z.output<typeof questionThemesSchema>;
export type OpenSummaryThemes = z.output<typeof summaryThemesSchema>;
export type OpenSummary = z.output<typeof summarySchema>;
