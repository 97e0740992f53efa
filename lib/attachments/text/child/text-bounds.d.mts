// Types of text-bounds.mjs (plain JavaScript for the extraction child), for the unit tests.

export function cleanText(text: string): string;

export type TextBudget = {
  add(text: string): string;
  readonly full: boolean;
  markFull(): void;
  readonly cuts: { page: boolean; total: boolean };
};

export function createTextBudget(limits: { maxChars: number; maxPageChars: number }): TextBudget;

export function pagesFromParagraphs(paragraphs: string[], pageChars: number): string[];
