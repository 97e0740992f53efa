import { describe, expect, it } from "vitest";
import { applySteering, type SteeredThemes } from "@/lib/summaries/steering/apply-steering";
import type { Steering } from "@/lib/summaries/steering/schema";
import type { ThemeInput } from "@/lib/summaries/themes/engine/types";
import type { Theme, ThemePlacement } from "@/lib/summaries/themes/types";
import { handMadeDocuments, handMadeFound, quote, ref, reference, types } from "@/tests/unit/steering/hand-made";

// Each kind of step on the hand-made themes of hand-made.ts, whose figures
// are written out there: a wrong recount shows against them.

const documents = handMadeDocuments();
const steer = (steering: Steering, found = handMadeFound()): SteeredThemes => applySteering(found, steering, documents);
const themeOf = (result: SteeredThemes, key: string): Theme | undefined => result.summary.themes.find((theme) => theme.key === key);
const placementOf = (result: SteeredThemes, id: string): ThemePlacement | undefined => result.placements.get(id);
const PRIVACY = ref("privacy", "personal data", ["personal data", "consent", "privacy"]);
const CYCLING = ref("cycling", "cycle lanes", ["cycle lanes", "bike", "traffic"]);
const FARMING = ref("farming", "farm subsidies", ["farm subsidies", "farmers", "soil"]);

describe("applying no steering", () => {
  it("changes nothing: the recount gives the figures the themes came with", () => {
    const found = handMadeFound();
    const result = steer([], found);
    expect(result.summary).toStrictEqual(handMadeFound().summary);
    expect(result.placements).toStrictEqual(handMadeFound().placements);
    expect(result.outcomes).toEqual([]);
  });

  it("leaves what it was given as it was, whatever the steps", () => {
    const found = handMadeFound();
    steer(
      [
        { kind: "merge", themes: [PRIVACY, CYCLING] },
        { kind: "add", label: "Biometrics", seeds: ["biometric"] },
        { kind: "delete", theme: FARMING },
      ],
      found,
    );
    expect(found).toStrictEqual(handMadeFound());
  });

  it("gives the same result for the same input in any order", () => {
    const steering: Steering = [
      { kind: "add", label: "Biometrics", seeds: ["biometric", "facial recognition"] },
      { kind: "split", theme: CYCLING, by: { kind: "seeds", parts: [{ label: "Cargo bikes", seeds: ["cargo bike"] }] } },
    ];
    const once = steer(steering);
    const reversed = applySteering(handMadeFound(), steering, [...documents].reverse());
    expect(reversed).toStrictEqual(once);
  });
});

describe("rename", () => {
  it("changes the label, keeps the key, and later steps find the theme by either", () => {
    const result = steer([
      { kind: "rename", theme: CYCLING, label: "Safe cycling" },
      { kind: "rename", theme: ref("cycling", "Safe cycling"), label: "Safe cycling routes" },
    ]);
    const cycling = themeOf(result, "cycling");
    expect(cycling?.label).toBe("Safe cycling routes");
    expect(cycling?.steered).toBe(true);
    expect(cycling?.size).toBe(3);
    expect(themeOf(result, "privacy")?.steered).toBe(false);
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(["applied", "applied"]);
    expect(result.outcomes[0]?.description).toBe("Renamed “cycle lanes” to “Safe cycling”.");
  });

  it("renames a sub-theme", () => {
    const result = steer([{ kind: "rename", theme: ref("privacy/consent", "consent"), label: "Cookie consent" }]);
    const sub = themeOf(result, "privacy")?.subthemes.find((candidate) => candidate.key === "privacy/consent");
    expect(sub?.label).toBe("Cookie consent");
    expect(sub?.steered).toBe(true);
  });

  it("has nothing to do when the theme has that name already", () => {
    expect(steer([{ kind: "rename", theme: CYCLING, label: "cycle lanes" }]).outcomes[0]?.status).toBe("nothingToDo");
  });
});

describe("finding a step's theme after the themes were computed again", () => {
  it("finds it by the label the moderator saw when its key changed, whatever the case", () => {
    const result = steer([{ kind: "rename", theme: ref("cycle-lanes-2", "Cycle Lanes"), label: "Cycling" }]);
    expect(themeOf(result, "cycling")?.label).toBe("Cycling");
    expect(result.outcomes[0]?.status).toBe("applied");
  });

  it("takes the largest of two themes with that label", () => {
    const result = steer([
      { kind: "rename", theme: FARMING, label: "Cycle lanes" },
      { kind: "delete", theme: ref("stale", "cycle lanes") },
    ]);
    expect(themeOf(result, "cycling")).toBeUndefined();
    expect(themeOf(result, "farming")?.size).toBe(2);
  });

  it("finds it by its terms when the label changed too, if they overlap by half", () => {
    const result = steer([{ kind: "rename", theme: ref("stale", "bicycles", ["Cycle lanes", "bike", "traffic", "roads"]), label: "Cycling" }]);
    expect(themeOf(result, "cycling")?.label).toBe("Cycling");
  });

  it("says “not found” when nothing has its key, label or enough of its terms", () => {
    const result = steer([
      { kind: "rename", theme: ref("stale", "bicycles", ["cycle lanes", "trams", "buses", "roads"]), label: "Cycling" },
      { kind: "delete", theme: ref("gone", "Gone") },
    ]);
    expect(result.outcomes).toEqual([
      { status: "notFound", description: "“bicycles” is no longer among the themes.", moved: 0, keys: [] },
      { status: "notFound", description: "“Gone” is no longer among the themes.", moved: 0, keys: [] },
    ]);
    expect(result.summary).toStrictEqual(handMadeFound().summary);
  });

  it("does not take a theme for a sub-theme a step on themes names by its key", () => {
    const result = steer([{ kind: "merge", themes: [ref("privacy/consent", "consent", ["consent", "banners"]), FARMING] }]);
    expect(result.outcomes[0]?.status).toBe("notFound");
    expect(themeOf(result, "privacy")?.size).toBe(4);
  });
});

describe("merge", () => {
  const result = steer([{ kind: "merge", themes: [PRIVACY, CYCLING], label: "Data and cycling" }]);
  const merged = themeOf(result, "privacy") as Theme;

  it("keeps the first theme's key, with the members of both counted once", () => {
    expect(themeOf(result, "cycling")).toBeUndefined();
    expect(merged.label).toBe("Data and cycling");
    expect(merged.steered).toBe(true);
    expect(merged.size).toBe(6);
    expect(merged.contributionCount).toBe(8);
    expect(merged.share).toBeCloseTo(0.6, 10);
    expect(merged.groups).toEqual([{ groupId: "g1", size: 3 }]);
    expect(merged.byStakeholderType).toEqual(types({ NGO: 1, COMPANY: 2, EU_CITIZEN: 3 }));
    expect(result.outcomes[0]).toEqual({ status: "applied", description: "Merged “personal data” and “cycle lanes” into “Data and cycling”.", moved: 4, keys: ["privacy"] });
  });

  it("gives a contribution of both themes one entry with the summed weight, in its heavier sub-theme", () => {
    expect(placementOf(result, "d03")).toEqual({ themes: [{ key: "privacy", weight: 1, subtheme: "privacy/deletion" }] });
    expect(placementOf(result, "d05")).toEqual({ themes: [{ key: "privacy", weight: 1, subtheme: "privacy/commuting" }] });
  });

  it("takes in the sub-themes of both, keyed under the theme that stays", () => {
    expect(merged.subthemes.map((sub) => [sub.key, sub.size, sub.contributionCount])).toEqual([
      ["privacy/consent", 2, 2],
      ["privacy/deletion", 2, 2],
      ["privacy/cargo-bikes", 1, 1],
      ["privacy/commuting", 1, 3],
    ]);
  });

  it("interleaves the quotes, each contribution once, three at most", () => {
    expect(merged.quotes).toEqual([
      quote(1, "Consent to the use of personal data must be explicit."),
      quote(5, "Protected cycle lanes on the main roads would get more people cycling to work."),
      quote(3, "Users should be able to delete their personal data with one click."),
    ]);
  });

  it("keeps the first theme's label without one of its own, and says which theme it did not find", () => {
    const partly = steer([{ kind: "merge", themes: [FARMING, ref("gone", "Gone"), CYCLING] }]);
    expect(themeOf(partly, "farming")?.label).toBe("farm subsidies");
    expect(themeOf(partly, "farming")?.size).toBe(5);
    expect(partly.outcomes[0]?.description).toBe("Merged “farm subsidies” and “cycle lanes” into “farm subsidies”. “Gone” was not found.");
    expect(steer([{ kind: "merge", themes: [FARMING, ref("gone", "Gone")] }]).outcomes[0]?.status).toBe("notFound");
    expect(steer([{ kind: "merge", themes: [PRIVACY, ref("stale", "Personal Data")] }]).outcomes[0]).toEqual({ status: "nothingToDo", description: "They are all “personal data” already.", moved: 0, keys: [] });
  });
});

describe("split by sub-themes", () => {
  it("makes each sub-theme a theme, and the theme goes when no member is left outside them", () => {
    const result = steer([{ kind: "split", theme: PRIVACY, by: { kind: "subthemes" } }]);
    expect(themeOf(result, "privacy")).toBeUndefined();
    const consent = themeOf(result, "privacy/consent") as Theme;
    expect([consent.label, consent.size, consent.steered, consent.subthemes]).toEqual(["consent", 2, true, []]);
    expect(consent.quotes).toEqual([quote(2, "Consent banners need a clear reject button for every user of the service.")]);
    expect(themeOf(result, "privacy/deletion")?.languages).toEqual({ en: 1, fr: 1 });
    expect(placementOf(result, "d03")).toEqual({
      themes: [
        { key: "privacy/deletion", weight: 0.6 },
        { key: "cycling", weight: 0.4, subtheme: "cycling/commuting" },
      ],
    });
    expect(result.outcomes[0]).toEqual({ status: "applied", description: "Split “personal data” into “consent” and “right to deletion”.", moved: 4, keys: ["privacy", "privacy/consent", "privacy/deletion"] });
  });

  it("leaves nothing for a later step to find of the theme it emptied", () => {
    const result = steer([
      { kind: "split", theme: PRIVACY, by: { kind: "subthemes" } },
      { kind: "rename", theme: ref("personal-data", "personal data"), label: "Data" },
    ]);
    expect(result.outcomes[1]?.status).toBe("notFound");
  });

  it("keeps the members without a sub-theme in the theme", () => {
    const found = handMadeFound();
    found.placements.set("d02", { themes: [{ key: "privacy", weight: 1 }] });
    const result = steer([{ kind: "split", theme: PRIVACY, by: { kind: "subthemes" } }], found);
    expect(themeOf(result, "privacy")?.size).toBe(1);
    expect(themeOf(result, "privacy")?.subthemes).toEqual([]);
    expect(themeOf(result, "privacy/consent")?.size).toBe(1);
  });

  it("has nothing to do for a theme without sub-themes", () => {
    expect(steer([{ kind: "split", theme: FARMING, by: { kind: "subthemes" } }]).outcomes[0]?.status).toBe("nothingToDo");
  });
});

describe("split by seed words", () => {
  const result = steer([
    {
      kind: "split",
      theme: CYCLING,
      by: {
        kind: "seeds",
        parts: [
          { label: "Cargo bikes", seeds: ["cargo bike"] },
          { label: "Trams", seeds: ["tram"] },
        ],
      },
    },
  ]);

  it("makes a theme of the members that mention its seeds; the rest stays", () => {
    const cargo = themeOf(result, "seeded/cargo-bikes") as Theme;
    expect([cargo.size, cargo.terms, cargo.seeds, cargo.steered]).toEqual([1, ["cargo bike"], ["cargo bike"], true]);
    expect(cargo.quotes).toEqual([quote(8, "Cargo bikes could replace delivery vans if there were wide cycle lanes in the centre.")]);
    expect(placementOf(result, "d08")).toEqual({ themes: [{ key: "seeded/cargo-bikes", weight: 1 }] });
    const cycling = themeOf(result, "cycling") as Theme;
    expect([cycling.size, cycling.contributionCount, cycling.steered]).toEqual([2, 4, true]);
    // Its sub-theme of cargo bikes had d08 only.
    expect(cycling.subthemes.map((sub) => sub.key)).toEqual(["cycling/commuting"]);
  });

  it("makes no theme of a part nothing mentions, and says so", () => {
    expect(result.summary.themes.some((theme) => theme.label === "Trams")).toBe(false);
    expect(result.outcomes[0]).toEqual({ status: "applied", description: "Split “Cargo bikes” off “cycle lanes”. No contribution fits “Trams”.", moved: 1, keys: ["cycling", "seeded/cargo-bikes"] });
  });

  it("has nothing to do when no member mentions any seed", () => {
    expect(steer([{ kind: "split", theme: FARMING, by: { kind: "seeds", parts: [{ label: "Trams", seeds: ["tram"] }] } }]).outcomes[0]?.status).toBe("nothingToDo");
  });
});

describe("delete", () => {
  const result = steer([{ kind: "delete", theme: CYCLING }]);

  it("removes the theme; its members keep their other themes, renormalised", () => {
    expect(themeOf(result, "cycling")).toBeUndefined();
    expect(placementOf(result, "d03")).toEqual({ themes: [{ key: "privacy", weight: 1, subtheme: "privacy/deletion" }] });
    expect(themeOf(result, "privacy")?.size).toBe(4);
  });

  it("sets aside those in no other theme, each group counted once", () => {
    for (const id of ["d05", "d06", "d07", "d08"]) expect(placementOf(result, id)).toEqual({ reason: "setAside" });
    expect(result.summary.notThemed).toEqual({
      count: 4,
      share: 0.4,
      byStakeholderType: types({ EU_CITIZEN: 2, OTHER: 1, COMPANY: 1 }),
      byReason: { onlyBoilerplate: 1, tooLittleText: 1, belongsNowhere: 0, fewInLanguage: 0, setAside: 2 },
    });
    expect(result.outcomes[0]).toEqual({ status: "applied", description: "Deleted “cycle lanes”. 4 contributions in no other theme are set aside.", moved: 5, keys: [] });
  });

  it("deletes a sub-theme, its members left in the theme", () => {
    const sub = steer([{ kind: "delete", theme: ref("privacy/consent", "consent") }]);
    expect(themeOf(sub, "privacy")?.subthemes.map((theme) => theme.key)).toEqual(["privacy/deletion"]);
    expect(themeOf(sub, "privacy")?.size).toBe(4);
    expect(placementOf(sub, "d01")).toEqual({ themes: [{ key: "privacy", weight: 1 }] });
  });
});

describe("add from seed words", () => {
  const seeds = ["biometric", "facial recognition", "remote identification"];
  const result = steer([{ kind: "add", label: "Biometric identification", seeds }]);
  const biometrics = themeOf(result, "seeded/biometric-identification") as Theme;

  it("holds every contribution that mentions a seed, stemmed and in any part", () => {
    expect(biometrics.size).toBe(3);
    expect([biometrics.terms, biometrics.seeds, biometrics.steered, biometrics.subthemes]).toEqual([seeds, seeds, true, []]);
    expect(biometrics.byStakeholderType).toEqual(types({ ACADEMIC: 1, NGO: 1, EU_CITIZEN: 1 }));
    expect(result.outcomes[0]).toEqual({
      status: "applied",
      description: "Added “Biometric identification”: 3 contributions mention “biometric”, “facial recognition” or “remote identification”.",
      moved: 3,
      keys: ["seeded/biometric-identification"],
    });
  });

  it("gives a themed contribution an equal share, and a not themed one all its weight", () => {
    expect(placementOf(result, "d09")).toEqual({
      themes: [
        { key: "farming", weight: 0.5 },
        { key: "seeded/biometric-identification", weight: 0.5 },
      ],
    });
    expect(placementOf(result, "d11")).toEqual({ themes: [{ key: "seeded/biometric-identification", weight: 1 }] });
    expect(result.summary.notThemed.count).toBe(1);
    expect(result.summary.notThemed.byReason.tooLittleText).toBe(0);
    const d03 = steer([{ kind: "add", label: "Children", seeds: ["children"] }]).placements.get("d03");
    expect(d03 && "themes" in d03 ? d03.themes.map((entry) => [entry.key, Number(entry.weight.toFixed(4))]) : null).toEqual([
      ["privacy", 0.4],
      ["cycling", 0.2667],
      ["seeded/children", 0.3333],
    ]);
  });

  it("quotes whole sentences that hold a seed, from different contributions, exactly as in their part", () => {
    expect(biometrics.quotes.map((candidate) => [candidate.reference, candidate.text])).toEqual([
      [reference(9), "Biometric checks at the border are a separate matter."],
      [reference(10), "Facial-recognition cameras on farms are used to watch the workers all day."],
      [reference(11), "Facial recognitions everywhere."],
    ]);
    for (const candidate of biometrics.quotes) {
      const document = documents.find((item) => item.id === candidate.contributionId) as ThemeInput;
      const part = document.parts.find((item) => JSON.stringify(item.source) === JSON.stringify(candidate.source));
      expect(part?.text).toContain(candidate.text);
    }
    expect(biometrics.quotes[1]?.source).toEqual({ kind: "attachment", attachmentId: "a10", fileName: "paper.pdf", page: 2 });
  });

  it("keys a second theme of the same name apart, and makes none when nothing mentions the seeds", () => {
    const twice = steer([
      { kind: "add", label: "Biometrics", seeds: ["biometric"] },
      { kind: "add", label: "Biometrics", seeds: ["facial recognition"] },
      { kind: "add", label: "Trams", seeds: ["tram"] },
    ]);
    expect(twice.summary.themes.map((theme) => theme.key).filter((key) => key.startsWith("seeded/"))).toEqual(["seeded/biometrics", "seeded/biometrics-2"]);
    expect(twice.outcomes[2]).toEqual({ status: "nothingToDo", description: "No contribution mentions “tram”.", moved: 0, keys: [] });
  });
});

describe("move", () => {
  it("moves a contribution from one theme to another, in its place", () => {
    const result = steer([{ kind: "move", contribution: reference(8), from: CYCLING, to: FARMING }]);
    expect(placementOf(result, "d08")).toEqual({ themes: [{ key: "farming", weight: 1 }] });
    expect(themeOf(result, "farming")?.size).toBe(3);
    expect(themeOf(result, "cycling")?.size).toBe(2);
    expect(themeOf(result, "cycling")?.subthemes.map((sub) => sub.key)).toEqual(["cycling/commuting"]);
    expect(result.outcomes[0]).toEqual({ status: "applied", description: `Moved ${reference(8)} from “cycle lanes” to “farm subsidies”.`, moved: 1, keys: ["cycling", "farming"] });
  });

  it("moves a contribution out of a theme, set aside when it has no other", () => {
    const result = steer([
      { kind: "move", contribution: reference(1), from: PRIVACY, to: null },
      { kind: "move", contribution: reference(3), from: PRIVACY, to: null },
    ]);
    expect(placementOf(result, "d01")).toEqual({ reason: "setAside" });
    expect(placementOf(result, "d03")).toEqual({ themes: [{ key: "cycling", weight: 1, subtheme: "cycling/commuting" }] });
    expect(result.summary.notThemed.byReason.setAside).toBe(1);
    expect(themeOf(result, "privacy")?.size).toBe(2);
  });

  it("moves a not themed contribution in with all its weight, a themed one with an equal share", () => {
    const result = steer([
      { kind: "move", contribution: reference(11), from: null, to: PRIVACY },
      { kind: "move", contribution: reference(9), from: null, to: CYCLING },
    ]);
    expect(placementOf(result, "d11")).toEqual({ themes: [{ key: "privacy", weight: 1 }] });
    expect(placementOf(result, "d09")).toEqual({
      themes: [
        { key: "farming", weight: 0.5 },
        { key: "cycling", weight: 0.5 },
      ],
    });
    expect(themeOf(result, "privacy")?.steered).toBe(true);
  });

  it("adds the weight to the theme it joins when it was in both", () => {
    const result = steer([{ kind: "move", contribution: reference(3), from: CYCLING, to: PRIVACY }]);
    expect(placementOf(result, "d03")).toEqual({ themes: [{ key: "privacy", weight: 1, subtheme: "privacy/deletion" }] });
  });

  it("has nothing to do, or finds nothing, when so", () => {
    const result = steer([
      { kind: "move", contribution: reference(9), from: CYCLING, to: null },
      { kind: "move", contribution: reference(9), from: null, to: FARMING },
      { kind: "move", contribution: "AGR-2026-999999", from: null, to: FARMING },
      { kind: "move", contribution: reference(9), from: FARMING, to: ref("gone", "Gone") },
    ]);
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(["nothingToDo", "nothingToDo", "notFound", "notFound"]);
    expect(result.summary).toStrictEqual(handMadeFound().summary);
  });
});

describe("counting groups of near-identical texts", () => {
  it("counts a group once in each theme any of its members is in", () => {
    const result = steer([{ kind: "move", contribution: reference(6), from: CYCLING, to: FARMING }]);
    const cycling = themeOf(result, "cycling") as Theme;
    expect([cycling.size, cycling.contributionCount, cycling.groups]).toEqual([3, 4, [{ groupId: "g1", size: 2 }]]);
    const farming = themeOf(result, "farming") as Theme;
    expect([farming.size, farming.contributionCount, farming.groups]).toEqual([3, 3, []]);
    // By its first member in the theme: d06, a citizen.
    expect(farming.byStakeholderType).toEqual(types({ ACADEMIC: 1, NGO: 1, EU_CITIZEN: 1 }));
  });

  it("drops the quotes of contributions that left their theme, and keeps the themes largest first", () => {
    const result = steer([
      { kind: "move", contribution: reference(1), from: PRIVACY, to: FARMING },
      { kind: "move", contribution: reference(2), from: PRIVACY, to: FARMING },
    ]);
    expect(themeOf(result, "privacy")?.quotes).toEqual([quote(3, "Users should be able to delete their personal data with one click.")]);
    expect(result.summary.themes.map((theme) => [theme.key, theme.size])).toEqual([
      ["farming", 4],
      ["cycling", 3],
      ["privacy", 2],
    ]);
    expect(themeOf(result, "privacy")?.subthemes.map((sub) => sub.key)).toEqual(["privacy/deletion"]);
  });
});
