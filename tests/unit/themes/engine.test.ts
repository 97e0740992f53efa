import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/random";
import { cognateKey } from "@/lib/summaries/themes/engine/read-texts";
import { findThemes } from "@/lib/summaries/themes/engine/find-themes";
import type { EngineResult, EngineTheme, TextPart, ThemeInput } from "@/lib/summaries/themes/engine/types";
import { threeSubjectDocuments } from "../../helpers/three-subjects";

// The theme engine on a made-up consultation with what real ones have:
// three subjects written with varied wording, cover notes beside position
// papers, a template sentence, a legal footer on every page, a campaign of
// identical letters, a paper on two subjects and a few French texts. The
// evaluation set in tests/fixtures/theme-eval measures quality; these tests
// pin the rules.

const SUBJECTS = {
  biometrics: {
    opener: ["Remote biometric identification", "Facial recognition in public spaces", "Real-time facial recognition", "Biometric surveillance by the police"],
    verb: ["must be banned", "should be prohibited", "needs strict limits", "must stay exceptional"],
    reason: ["because it ends anonymity in the street", "since it chills peaceful protest", "as error rates are higher for women", "because faces cannot be changed like passwords"],
    tail: ["in every city square", "at train stations and stadiums", "during demonstrations", "outside narrowly defined emergencies"],
  },
  sandboxes: {
    opener: ["Regulatory sandboxes", "A national sandbox programme", "Supervised testing environments", "Sandboxes run by the authorities"],
    verb: ["should be open to start-ups", "must have simple entry criteria", "need enough staff", "should give legal certainty"],
    reason: ["so that innovators can test with real users", "because small firms cannot wait for guidance", "since testing in the field reveals real risks", "as regulators learn from every pilot"],
    tail: ["before products reach the market", "within six months of application", "in every member state", "with clear exit reports"],
  },
  standards: {
    opener: ["Harmonised standards", "Conformity assessment", "The standardisation request", "Technical standards for high-risk systems"],
    verb: ["must be ready in time", "should be free of charge", "need civil society at the table", "must cover robustness and accuracy"],
    reason: ["because notified bodies need common benchmarks", "since certification costs weigh on providers", "as self-assessment is not enough for critical uses", "because the deadlines are close"],
    tail: ["for medical devices and machinery", "before the obligations apply", "across the internal market", "with published test methods"],
  },
} as const;
type Subject = keyof typeof SUBJECTS;

function sentence(subject: Subject, random: () => number): string {
  const slots = SUBJECTS[subject];
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)] as string;
  return `${pick(slots.opener)} ${pick(slots.verb)} ${pick(slots.reason)} ${pick(slots.tail)}.`;
}

function paragraph(subject: Subject, random: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(subject, random)).join(" ");
}

const COVER_NOTES = [
  "Please find attached our position paper. We remain at your disposal for any question.",
  "Please find attached our contribution to this consultation. We remain at your disposal.",
  "Please find attached the position of our members. Kind regards.",
  "Please find attached our detailed comments. We remain at your disposal for further exchanges.",
];
// Each organisation's own footer, on every page of its paper.
const ORGANISATIONS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett", "Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec"];
let papers = 0;
const footer = () => `${ORGANISATIONS[papers % ORGANISATIONS.length]} association - registered in the EU Transparency Register - Rue de la Loi, Brussels`;
const TEMPLATE = "This response was prepared with the template of the European Network of Digital Rights Groups.";

function body(id: string, text: string, language = "en"): TextPart[] {
  return [
    { text: `Contribution ${id}`, language, source: { kind: "title" } },
    { text, language, source: { kind: "body" } },
  ];
}

function paper(id: string, pages: string[], language = "en"): TextPart[] {
  papers += 1;
  return pages.map((text, index) => ({ text: `${text}\n${footer()}`, language, source: { kind: "attachment", attachmentId: `a-${id}`, fileName: `${id}.pdf`, page: index + 1 } }));
}

function consultation(): ThemeInput[] {
  const random = mulberry32(7);
  const documents: ThemeInput[] = [];
  let next = 0;
  const add = (parts: TextPart[], groupId: string | null = null) => {
    next += 1;
    const id = `c${String(next).padStart(3, "0")}`;
    documents.push({ id, reference: `REF-${next}`, stakeholderType: next % 3 === 0 ? "NGO" : "BUSINESS_ASSOCIATION", groupId, parts: parts.length > 0 ? parts : body(id, "") });
    return id;
  };
  const subjects: Subject[] = ["biometrics", "sandboxes", "standards"];
  for (const subject of subjects) {
    // Short feedback.
    for (let i = 0; i < 12; i += 1) {
      const id = `s-${subject}-${i}`;
      add(body(id, paragraph(subject, random, 3) + (i % 4 === 0 ? ` ${TEMPLATE}` : "")));
    }
    // Position papers behind a cover note.
    for (let i = 0; i < 5; i += 1) {
      const id = `p-${subject}-${i}`;
      add([...body(id, COVER_NOTES[i % COVER_NOTES.length] as string), ...paper(id, [paragraph(subject, random, 6), paragraph(subject, random, 6), paragraph(subject, random, 5)])]);
    }
  }
  // A paper on two subjects.
  add([...body("two", COVER_NOTES[0] as string), ...paper("two", [paragraph("biometrics", random, 8), paragraph("sandboxes", random, 8)])]);
  // A cover note whose attachment could not be read: nothing to theme.
  add(body("scan", COVER_NOTES[2] as string));
  // A campaign: the same letter eight times, one group.
  const letter = paragraph("standards", random, 4);
  for (let i = 0; i < 8; i += 1) add(body(`letter-${i}`, letter), "group-campaign");
  // French texts, too few for themes of their own.
  const french = [
    "L'identification biométrique à distance et la reconnaissance faciale doivent être interdites dans l'espace public. La surveillance biométrique met fin à l'anonymat.",
    "Nous demandons l'interdiction de la reconnaissance faciale en temps réel. L'identification biométrique de masse est incompatible avec nos libertés.",
    "La surveillance biométrique des manifestations doit être interdite. L'identification biométrique à distance doit rester exceptionnelle.",
  ];
  french.forEach((text, i) => add(body(`fr-${i}`, text, "fr")));
  return documents;
}

const allThemes = (result: EngineResult): EngineTheme[] => result.themes.flatMap((theme) => [theme, ...theme.subthemes]);
const themeOf = (result: EngineResult, id: string) => {
  const placement = result.placements.get(id);
  return placement && "themes" in placement ? placement.themes : [];
};

describe("the theme engine", () => {
  const documents = consultation();
  const result = findThemes(documents);
  const byReference = new Map(documents.map((document) => [document.reference, document]));
  const idOf = (prefix: string) => documents.find((document) => document.parts.some((part) => part.text === `Contribution ${prefix}` || (part.source.kind === "attachment" && part.source.fileName === `${prefix}.pdf`)))?.id as string;

  it("finds the three subjects, each labelled by a phrase of its own", () => {
    expect(result.themes.length).toBeGreaterThanOrEqual(3);
    const vocabulary = (subject: Subject) => Object.values(SUBJECTS[subject]).flat().join(" ").toLowerCase();
    for (const subject of Object.keys(SUBJECTS) as Subject[]) {
      const members = documents.filter((document) => document.parts.some((part) => part.text === `Contribution s-${subject}-0`));
      const [placed] = themeOf(result, members[0]?.id as string);
      const theme = result.themes.find((candidate) => candidate.key === placed?.key);
      expect(theme, subject).toBeDefined();
      expect(vocabulary(subject)).toContain((theme as EngineTheme).label.toLowerCase().split(" ")[0]);
    }
  });

  it("leaves cover notes, templates and footers out of the themes", () => {
    for (const theme of allThemes(result)) {
      for (const term of [theme.label, ...theme.terms]) expect(term.toLowerCase()).not.toMatch(/attached|disposal|template|register|brussels|regards/);
    }
    expect(result.boilerplate.repeated + result.boilerplate.frame + result.boilerplate.pageFurniture).toBeGreaterThan(0);
    expect(result.boilerplate.pageFurniture).toBeGreaterThan(0);
  });

  it("says why a cover note with nothing readable behind it is not themed", () => {
    expect(result.placements.get(idOf("scan"))).toEqual({ reason: "onlyBoilerplate" });
    expect(result.notThemed.byReason.onlyBoilerplate).toBeGreaterThanOrEqual(1);
  });

  it("puts a paper on two subjects in two themes, with weights that add up to one", () => {
    const placed = themeOf(result, idOf("two"));
    expect(placed.length).toBeGreaterThanOrEqual(2);
    expect(placed.reduce((sum, entry) => sum + entry.weight, 0)).toBeCloseTo(1, 6);
  });

  it("counts a campaign once in its theme and shows its size", () => {
    const letters = documents.filter((document) => document.groupId === "group-campaign");
    const keys = letters.map((letter) => themeOf(result, letter.id)[0]?.key);
    expect(new Set(keys).size).toBe(1);
    const theme = allThemes(result).find((candidate) => candidate.key === keys[0]) as EngineTheme;
    expect(theme.groups).toContainEqual({ groupId: "group-campaign", size: 8 });
    expect(theme.contributionCount - theme.size).toBeGreaterThanOrEqual(7);
    expect(result.groupCount).toBe(documents.length - 7);
  });

  it("places the few French texts by the terms they share, never in a theme of their own", () => {
    for (const theme of allThemes(result)) expect(Object.keys(theme.languages)).not.toEqual(["fr"]);
    const french = documents.filter((document) => document.parts[1]?.language === "fr");
    const placed = french.filter((document) => themeOf(result, document.id).length > 0);
    for (const document of placed) {
      const keys = themeOf(result, document.id).map((entry) => entry.key);
      const biometricTheme = themeOf(result, documents.find((candidate) => candidate.parts[0]?.text === "Contribution s-biometrics-0")?.id as string)[0]?.key;
      expect(keys).toContain(biometricTheme);
    }
    for (const document of french.filter((candidate) => !placed.includes(candidate))) expect(result.placements.get(document.id)).toEqual({ reason: "fewInLanguage" });
  });

  it("quotes whole sentences exactly as they are in their source, and never the same one twice", () => {
    let quotes = 0;
    for (const theme of allThemes(result)) {
      const texts = theme.quotes.map((quote) => quote.text);
      expect(new Set(texts).size).toBe(texts.length);
      for (const quote of theme.quotes) {
        quotes += 1;
        const document = byReference.get(quote.reference) as ThemeInput;
        expect(document.id).toBe(quote.contributionId);
        const part = document.parts.find((candidate) => JSON.stringify(candidate.source) === JSON.stringify(quote.source));
        expect(part, quote.text).toBeDefined();
        expect(part?.text).toContain(quote.text);
        expect(quote.text).toMatch(/[.!?]$/u);
      }
    }
    expect(quotes).toBeGreaterThanOrEqual(result.themes.length * 2);
  });

  it("gives the same themes whatever the order of the contributions", () => {
    const shuffled = [...documents].sort((a, b) => (a.reference.length % 3) - (b.reference.length % 3) || b.id.localeCompare(a.id));
    const again = findThemes(shuffled);
    const shape = (value: EngineResult) => value.themes.map((theme) => [theme.key, theme.size, theme.terms, theme.quotes.map((quote) => quote.text), theme.subthemes.map((sub) => sub.key)]);
    expect(shape(again)).toEqual(shape(result));
    expect([...again.placements].sort()).toEqual([...result.placements].sort());
  });

  it("places every contribution given, and counts the not themed by group", () => {
    expect(result.placements.size).toBe(documents.length);
    const notThemed = [...result.placements.values()].filter((placement) => "reason" in placement).length;
    expect(result.notThemed.count).toBeLessThanOrEqual(notThemed);
    expect(Object.values(result.notThemed.byReason).reduce((sum, count) => sum + count, 0)).toBe(result.notThemed.count);
  });
});

describe("the theme engine on a few balanced subjects", () => {
  it("keeps three subjects of a third each as three themes, their detail in sub-themes", () => {
    // Twelve contributions on each of cycling, privacy and farming: no theme
    // is a catch-all, so none is broken up into its sub-themes.
    const { documents: texts, subjectOf } = threeSubjectDocuments();
    const documents: ThemeInput[] = texts
      .filter((document) => document.language === "en")
      .map((document) => ({ id: document.id, reference: document.reference, stakeholderType: document.stakeholderType, groupId: null, parts: [{ text: document.text, language: "en", source: { kind: "body" } }] }));
    const result = findThemes(documents);
    expect(result.themes).toHaveLength(3);
    for (const theme of result.themes) {
      expect(theme.subthemes.length, theme.label).toBeGreaterThanOrEqual(2);
      // Those whose heaviest theme it is are of one subject.
      const primary = documents.filter((document) => [...themeOf(result, document.id)].sort((a, b) => b.weight - a.weight)[0]?.key === theme.key);
      expect(new Set(primary.map((document) => subjectOf.get(document.id))).size, theme.label).toBe(1);
      // A sub-theme holds those whose placement names it, each in one only:
      // its size counted again from the placements is the size it shows.
      for (const sub of theme.subthemes) {
        const naming = documents.filter((document) => themeOf(result, document.id).some((entry) => entry.key === theme.key && entry.subtheme === sub.key));
        expect(naming.length, sub.label).toBe(sub.contributionCount);
      }
    }
  });
});

describe("cognate keys", () => {
  it("meet across English, French and German spellings", () => {
    expect(cognateKey("biometric")).toBe(cognateKey("biométrique"));
    expect(cognateKey("transparency")).toBe(cognateKey("transparenz"));
    expect(cognateKey("certification")).toBe(cognateKey("zertifizierung"));
    expect(cognateKey("transparency")).not.toBe(cognateKey("transport"));
  });
});
