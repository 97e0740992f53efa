import "server-only";
import { assignThemes } from "@/lib/summaries/themes/assign-themes";
import type { ThemeDocument, ThemeOptions, ThemeSummary } from "@/lib/summaries/themes/types";

/**
 * The themes of a consultation's contributions (or of the answers to one
 * free-text question), as plain data to show or to store: the same
 * documents give the same themes, whatever their order.
 */
export function computeThemes(documents: readonly ThemeDocument[], options?: ThemeOptions): ThemeSummary {
  // Without the map from every document to its theme, which the caller
  // does not store.
  const { documentCount, themes, unplaced } = assignThemes(documents, options);
  return { documentCount, themes, unplaced };
}
