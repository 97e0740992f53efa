import { StakeholderType } from "@/lib/generated/prisma/enums";
import type { FoundThemes } from "@/lib/summaries/steering/apply-steering";
import type { ThemeRef } from "@/lib/summaries/steering/schema";
import type { TextPart, ThemeInput } from "@/lib/summaries/themes/engine/types";
import type { Theme, ThemePlacement, ThemeQuote } from "@/lib/summaries/themes/types";

// Twelve contributions and the themes an engine could have found in them,
// every figure written out by hand so that a recount that goes wrong shows:
// - "privacy" (personal data): d01, d02 in its sub-theme "consent", d03
//   and d04 (French) in "right to deletion";
// - "cycling" (cycle lanes): d03 too (0.4 of it), the campaign d05–d07
//   (one group, counted once), d08 on cargo bikes;
// - "farming" (farm subsidies): d09, and d10 with an attachment page;
// - not themed: d11 (too little text), d12 (only boilerplate).
// Biometrics come up in d09, d10 and d11 without a theme of their own.

const body = (text: string, language = "en"): TextPart[] => [{ text, language, source: { kind: "body" } }];

const TEXTS: [string, StakeholderType, TextPart[], string | null][] = [
  ["d01", "NGO", body("Consent to the use of personal data must be explicit. Apps should ask before tracking anyone."), null],
  ["d02", "COMPANY", body("Consent banners need a clear reject button for every user of the service."), null],
  ["d03", "EU_CITIZEN", body("Users should be able to delete their personal data with one click. Protected cycle lanes would help my children too."), null],
  ["d04", "EU_CITIZEN", body("Le droit à l'effacement des données personnelles doit être simple pour chacun.", "fr"), null],
  ["d05", "EU_CITIZEN", body("Protected cycle lanes on the main roads would get more people cycling to work."), "g1"],
  ["d06", "EU_CITIZEN", body("Protected cycle lanes on the main roads would get more people cycling to work."), "g1"],
  ["d07", "NGO", body("Protected cycle lanes on the main roads would get more people cycling to work."), "g1"],
  ["d08", "COMPANY", body("Cargo bikes could replace delivery vans if there were wide cycle lanes in the centre."), null],
  ["d09", "ACADEMIC", body("Farm subsidies should reward farmers who protect soil and water. Biometric checks at the border are a separate matter."), null],
  [
    "d10",
    "NGO",
    [
      { text: "Farming", language: "en", source: { kind: "title" } },
      ...body("Small family farms receive a tiny share of agricultural subsidies."),
      { text: "Our members farm in three regions.", language: "en", source: { kind: "attachment", attachmentId: "a10", fileName: "paper.pdf", page: 1 } },
      {
        text: "Facial-recognition cameras on farms are used to watch the workers all day. Biometrics should not be used for that.",
        language: "en",
        source: { kind: "attachment", attachmentId: "a10", fileName: "paper.pdf", page: 2 },
      },
    ],
    null,
  ],
  ["d11", "EU_CITIZEN", body("Facial recognitions everywhere."), null],
  ["d12", "OTHER", body("Kind regards."), null],
];

export function handMadeDocuments(): ThemeInput[] {
  return TEXTS.map(([id, stakeholderType, parts, groupId], index) => ({ id, reference: reference(index + 1), stakeholderType, groupId, parts: parts.map((part) => ({ ...part })) }));
}

export function reference(n: number): string {
  return `AGR-2026-${String(n).padStart(6, "0")}`;
}

export function types(counts: Partial<Record<StakeholderType, number>>): Record<StakeholderType, number> {
  return Object.fromEntries(Object.values(StakeholderType).map((type) => [type, counts[type] ?? 0])) as Record<StakeholderType, number>;
}

export function quote(n: number, text: string): ThemeQuote {
  return { contributionId: `d${String(n).padStart(2, "0")}`, reference: reference(n), text, source: { kind: "body" } };
}

type Figures = [size: number, contributionCount: number, languages: Record<string, number>, byStakeholderType: Partial<Record<StakeholderType, number>>];

function theme(key: string, label: string, terms: string[], [size, contributionCount, languages, byType]: Figures, rest: Partial<Theme> = {}): Theme {
  return { key, label, terms, size, contributionCount, share: size / 10, languages, byStakeholderType: types(byType), groups: [], quotes: [], subthemes: [], steered: false, ...rest };
}

export function handMadeFound(): FoundThemes & { placements: Map<string, ThemePlacement> } {
  const privacy = theme("privacy", "personal data", ["personal data", "consent", "privacy"], [4, 4, { en: 3, fr: 1 }, { NGO: 1, COMPANY: 1, EU_CITIZEN: 2 }], {
    quotes: [quote(1, "Consent to the use of personal data must be explicit."), quote(3, "Users should be able to delete their personal data with one click.")],
    subthemes: [
      theme("privacy/consent", "consent", ["consent", "banners"], [2, 2, { en: 2 }, { NGO: 1, COMPANY: 1 }], { quotes: [quote(2, "Consent banners need a clear reject button for every user of the service.")] }),
      theme("privacy/deletion", "right to deletion", ["delete", "effacement"], [2, 2, { en: 1, fr: 1 }, { EU_CITIZEN: 2 }]),
    ],
  });
  const cycling = theme("cycling", "cycle lanes", ["cycle lanes", "bike", "traffic"], [3, 5, { en: 3 }, { EU_CITIZEN: 2, COMPANY: 1 }], {
    groups: [{ groupId: "g1", size: 3 }],
    quotes: [quote(5, "Protected cycle lanes on the main roads would get more people cycling to work."), quote(3, "Protected cycle lanes would help my children too.")],
    subthemes: [
      theme("cycling/commuting", "commuting", ["work", "roads"], [2, 4, { en: 2 }, { EU_CITIZEN: 2 }], { groups: [{ groupId: "g1", size: 3 }] }),
      theme("cycling/cargo-bikes", "cargo bikes", ["cargo bikes", "vans"], [1, 1, { en: 1 }, { COMPANY: 1 }]),
    ],
  });
  const farming = theme("farming", "farm subsidies", ["farm subsidies", "farmers", "soil"], [2, 2, { en: 2 }, { ACADEMIC: 1, NGO: 1 }], {
    quotes: [quote(9, "Farm subsidies should reward farmers who protect soil and water.")],
  });
  const placements = new Map<string, ThemePlacement>([
    ["d01", { themes: [{ key: "privacy", weight: 1, subtheme: "privacy/consent" }] }],
    ["d02", { themes: [{ key: "privacy", weight: 1, subtheme: "privacy/consent" }] }],
    [
      "d03",
      {
        themes: [
          { key: "privacy", weight: 0.6, subtheme: "privacy/deletion" },
          { key: "cycling", weight: 0.4, subtheme: "cycling/commuting" },
        ],
      },
    ],
    ["d04", { themes: [{ key: "privacy", weight: 1, subtheme: "privacy/deletion" }] }],
    ["d05", { themes: [{ key: "cycling", weight: 1, subtheme: "cycling/commuting" }] }],
    ["d06", { themes: [{ key: "cycling", weight: 1, subtheme: "cycling/commuting" }] }],
    ["d07", { themes: [{ key: "cycling", weight: 1, subtheme: "cycling/commuting" }] }],
    ["d08", { themes: [{ key: "cycling", weight: 1, subtheme: "cycling/cargo-bikes" }] }],
    ["d09", { themes: [{ key: "farming", weight: 1 }] }],
    ["d10", { themes: [{ key: "farming", weight: 1 }] }],
    ["d11", { reason: "tooLittleText" }],
    ["d12", { reason: "onlyBoilerplate" }],
  ]);
  return {
    summary: {
      documentCount: 12,
      groupCount: 10,
      themes: [privacy, cycling, farming],
      notThemed: {
        count: 2,
        share: 0.2,
        byStakeholderType: types({ EU_CITIZEN: 1, OTHER: 1 }),
        byReason: { onlyBoilerplate: 1, tooLittleText: 1, belongsNowhere: 0, fewInLanguage: 0, setAside: 0 },
      },
    },
    placements,
  };
}

/** How a moderator saw a theme of the hand-made result. */
export function ref(key: string, label: string, terms: string[] = []): ThemeRef {
  return { key, label, terms };
}
