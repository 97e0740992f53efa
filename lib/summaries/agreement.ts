import type { ChoicesByType } from "@/lib/summaries/compute-statistics";

// Where the stakeholder types agree and where they differ on a choice
// question, as Polis and Jigsaw's Sensemaker report consensus and division:
// for each option, how far apart the types' shares of it are. Shares are
// compared smoothed, (count + 1) / (answered + 2) as Polis does, so that a
// type with two answers (0 % or 100 % of them) does not make every option
// look divisive; the page shows the real shares. Pure and isomorphic.

export type OptionSpread = {
  option: string | null;
  /** Smoothed shares' range across the types: 0 when all agree. */
  spread: number;
  /** The type that chose it most and least, by smoothed share; real shares. */
  highest: { label: string; share: number };
  lowest: { label: string; share: number };
};

export type Agreement = { differMost: OptionSpread; agreeMost: OptionSpread };

/** Null with fewer than two types that answered (nothing to compare), or no option. */
export function agreementOf(byType: ChoicesByType[]): Agreement | null {
  const types = byType.filter((entry) => entry.answered > 0);
  if (types.length < 2) return null;
  const options = types[0]!.choices.map((choice) => choice.option);
  const spreads = options.map((option): OptionSpread => {
    const shares = types.map((entry) => {
      const choice = entry.choices.find((candidate) => candidate.option === option);
      const count = choice?.count ?? 0;
      return { label: entry.label, share: choice?.share ?? 0, smoothed: (count + 1) / (entry.answered + 2) };
    });
    const highest = shares.reduce((best, entry) => (entry.smoothed > best.smoothed ? entry : best));
    const lowest = shares.reduce((best, entry) => (entry.smoothed < best.smoothed ? entry : best));
    return { option, spread: highest.smoothed - lowest.smoothed, highest: { label: highest.label, share: highest.share }, lowest: { label: lowest.label, share: lowest.share } };
  });
  if (spreads.length === 0) return null;
  // Ties keep the options' order: the first of them is named.
  const differMost = spreads.reduce((best, entry) => (entry.spread > best.spread ? entry : best));
  const agreeMost = spreads.reduce((best, entry) => (entry.spread < best.spread ? entry : best));
  return { differMost, agreeMost };
}
