import { describe, expect, it } from "vitest";
import { applySteering, type FoundThemes } from "@/lib/summaries/steering/apply-steering";
import { findThemes } from "@/lib/summaries/themes/engine/find-themes";
import type { ThemeInput } from "@/lib/summaries/themes/engine/types";
import type { Theme } from "@/lib/summaries/themes/types";
import { engineDocuments, foundFrom } from "@/tests/unit/steering/engine-fixture";

// Steering on what the engine finds in a small consultation: the recount
// gives the engine's own figures, and the steps keep the summary whole.

const documents = engineDocuments();
const result = findThemes(documents);

// The engine's placements do not say which sub-theme a contribution is in
// (and its sub-themes overlap), so the recount cannot give their figures:
// compared without them.
function found(): FoundThemes {
  const value = foundFrom(result);
  for (const theme of value.summary.themes) theme.subthemes = [];
  return value;
}

function expectWhole(summary: ReturnType<typeof applySteering>["summary"], placements: ReturnType<typeof applySteering>["placements"]) {
  const keys = new Set(summary.themes.map((theme) => theme.key));
  for (const placement of placements.values()) {
    if ("reason" in placement) continue;
    expect(placement.themes.reduce((sum, entry) => sum + entry.weight, 0)).toBeCloseTo(1, 9);
    for (const entry of placement.themes) expect(keys).toContain(entry.key);
  }
  for (const theme of summary.themes) expect(theme.size).toBeGreaterThan(0);
  expect(placements.size).toBe(documents.length);
}

describe("steering what the engine found", () => {
  it("changes nothing without steps: the recount gives the engine's figures", () => {
    expect(result.themes.length).toBeGreaterThanOrEqual(3);
    const steered = applySteering(found(), [], documents);
    expect(steered.summary).toStrictEqual(found().summary);
    expect(steered.placements).toStrictEqual(found().placements);
  });

  it("finds a theme by its label or its terms when its key changed", () => {
    const [first, second] = found().summary.themes as [Theme, Theme];
    const steered = applySteering(
      found(),
      [
        { kind: "rename", theme: { key: "renamed-since", label: first.label.toUpperCase(), terms: [] }, label: "First" },
        { kind: "rename", theme: { key: "renamed-since", label: "not its label", terms: second.terms.slice(0, 6) }, label: "Second" },
      ],
      documents,
    );
    expect(steered.outcomes.map((outcome) => outcome.status)).toEqual(["applied", "applied"]);
    expect(steered.summary.themes.find((theme) => theme.key === first.key)?.label).toBe("First");
    expect(steered.summary.themes.find((theme) => theme.key === second.key)?.label).toBe("Second");
  });

  it("adds a theme from seed words holding every contribution that mentions them, quoted from their source", () => {
    const seeds = ["biometric", "facial recognition", "remote identification"];
    const steered = applySteering(found(), [{ kind: "add", label: "Biometric identification", seeds }], documents);
    const theme = steered.summary.themes.find((candidate) => candidate.key === "seeded/biometric-identification") as Theme;
    const mentioning = documents.filter((document) => /biometric|facial recognition|remote identification/iu.test(document.parts.map((part) => part.text).join(" ")));
    expect(theme.contributionCount).toBe(mentioning.length);
    expect(theme.quotes).toHaveLength(3);
    expect(new Set(theme.quotes.map((quote) => quote.contributionId)).size).toBe(3);
    for (const quote of theme.quotes) {
      const document = documents.find((candidate) => candidate.id === quote.contributionId) as ThemeInput;
      const part = document.parts.find((candidate) => JSON.stringify(candidate.source) === JSON.stringify(quote.source));
      expect(part?.text).toContain(quote.text);
      expect(quote.text.toLowerCase()).toMatch(/biometric|facial recognition|remote identification/u);
    }
    expectWhole(steered.summary, steered.placements);
  });

  it("keeps weights summing to one and every placed theme in the summary, whatever the steps", () => {
    // The biometrics theme first: the split below looks for "police" in what the merge made.
    const themes = found().summary.themes;
    const biometrics = themes.find((theme) => /biometric|facial|recognition/u.test([theme.label, ...theme.terms].join(" "))) as Theme;
    const [second, third] = themes.filter((theme) => theme !== biometrics) as [Theme, Theme];
    const first = biometrics;
    const member = documents.find((document) => {
      const placement = result.placements.get(document.id);
      return placement && "themes" in placement && placement.themes.some((entry) => entry.key === third.key);
    }) as ThemeInput;
    const refOf = (theme: Theme) => ({ key: theme.key, label: theme.label, terms: theme.terms });
    const steered = applySteering(
      found(),
      [
        { kind: "add", label: "Sandboxes", seeds: ["sandbox"] },
        { kind: "merge", themes: [refOf(first), refOf(second)] },
        { kind: "move", contribution: member.reference, from: refOf(third), to: refOf(first) },
        { kind: "delete", theme: refOf(third) },
        { kind: "split", theme: refOf(first), by: { kind: "seeds", parts: [{ label: "Police", seeds: ["police"] }] } },
      ],
      documents,
    );
    expect(steered.outcomes.map((outcome) => outcome.status)).toEqual(["applied", "applied", "applied", "applied", "applied"]);
    expectWhole(steered.summary, steered.placements);
    expect(steered.summary.themes.map((theme) => theme.key)).not.toContain(third.key);
    const again = applySteering(found(), [{ kind: "add", label: "Sandboxes", seeds: ["sandbox"] }], documents);
    expect(again).toStrictEqual(applySteering(found(), [{ kind: "add", label: "Sandboxes", seeds: ["sandbox"] }], documents));
  });
});
