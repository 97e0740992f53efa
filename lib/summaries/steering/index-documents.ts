import "server-only";
import { compare } from "@/lib/summaries/themes/engine/describe-theme";
import { OPINION_WORDS } from "@/lib/summaries/themes/engine/opinion-words";
import { normaliseLanguage } from "@/lib/summaries/themes/engine/read-texts";
import type { ThemeInput } from "@/lib/summaries/themes/engine/types";
import { languageTools, type LanguageTools } from "@/lib/summaries/themes/engine/language-tools";

// The contributions the themes were found in, looked up the ways steering
// needs: by id for the figures, by reference for a moved contribution, by
// group and language for counting as the engine counts.

export type DocumentIndex = {
  /** By id, the engine's order: a group is counted by its first member in it. */
  ordered: readonly ThemeInput[];
  byReference: ReadonlyMap<string, ThemeInput>;
  /** Its group of near-identical texts, or a group of its own. */
  groupOf(document: ThemeInput): string;
  /** The language most of its content words are in, as the engine reads it ("und" when it has none). */
  languageOf(document: ThemeInput): string;
  /** A language's tools, each word's term worked out once: stemming is most of what steering costs. */
  tools(language: string): LanguageTools;
};

const WORD = /[\p{L}\p{M}]+/gu;

export function indexDocuments(documents: readonly ThemeInput[]): DocumentIndex {
  const ordered = [...documents].sort((a, b) => compare(a.id, b.id));
  const toolsByLanguage = new Map<string, LanguageTools>();
  const tools = (language: string) => {
    let found = toolsByLanguage.get(language);
    if (!found) toolsByLanguage.set(language, (found = rememberingTerms(languageTools(language))));
    return found;
  };
  const languages = new Map<string, string>();
  return {
    ordered,
    byReference: new Map(ordered.map((document) => [document.reference, document])),
    // The engine's own key for a contribution outside any group, which no groupId can equal.
    groupOf: (document) => document.groupId ?? `\u0000${document.id}`,
    languageOf(document) {
      let language = languages.get(document.id);
      if (language === undefined) {
        language = contentLanguage(document, tools);
        languages.set(document.id, language);
      }
      return language;
    },
    tools,
  };
}

// As read-texts.ts and find-themes.ts: the part language with the most
// content words (stop and opinion words left out), ties by code. The engine
// also leaves out boilerplate sentences, which only matters for a text
// written in two languages.
function contentLanguage(document: ThemeInput, tools: (language: string) => LanguageTools): string {
  const counts = new Map<string, number>();
  for (const part of document.parts) {
    const language = normaliseLanguage(part.language);
    const tool = tools(language);
    const opinion = new Set(OPINION_WORDS[language] ?? []);
    let words = 0;
    for (const word of part.text.match(WORD) ?? []) {
      const lower = tool.lowercase(word);
      if (!opinion.has(lower) && tool.termOf(lower) !== null) words += 1;
    }
    if (words > 0) counts.set(language, (counts.get(language) ?? 0) + words);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))[0]?.[0] ?? "und";
}

function rememberingTerms(tools: LanguageTools): LanguageTools {
  const terms = new Map<string, string | null>();
  return {
    ...tools,
    termOf(word) {
      let term = terms.get(word);
      if (term === undefined) {
        term = tools.termOf(word);
        terms.set(word, term);
      }
      return term;
    },
  };
}
