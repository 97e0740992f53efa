// Plain JavaScript: runs in the extraction child process, which is started
// from a file on disk (not from a bundle) both under tsx and in `next start`
// (docs/decisions/0012-attachment-text.md).

// C0 and C1 control characters but tab and line feed, and the byte order
// mark: PostgreSQL refuses NUL in text, and none of them is text a reader
// sees.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFEFF]/g;

/** Text fit to store: line ends made \n, control characters dropped, lone surrogates replaced. */
export function cleanText(text) {
  return text.replace(/\r\n?/g, "\n").replace(CONTROL, "").toWellFormed();
}

/**
 * Counts what is kept against the limits: each page at most `maxPageChars`,
 * the whole file at most `maxChars`. `add` returns the text to store for a
 * page (cut when over a limit); `full` says when nothing more fits; `cuts`
 * which limit cut something.
 */
export function createTextBudget(limits) {
  let total = 0;
  const cuts = { page: false, total: false };
  return {
    add(text) {
      let kept = text;
      if (kept.length > limits.maxPageChars) {
        kept = kept.slice(0, limits.maxPageChars);
        cuts.page = true;
      }
      const room = limits.maxChars - total;
      if (kept.length > room) {
        kept = kept.slice(0, Math.max(0, room));
        cuts.total = true;
      }
      // Do not end on half a surrogate pair.
      kept = kept.toWellFormed();
      total += kept.length;
      return kept;
    },
    get full() {
      return total >= limits.maxChars;
    },
    markFull() {
      cuts.total = true;
    },
    cuts,
  };
}

/**
 * Formats without pages of their own (DOCX, ODT): consecutive paragraphs
 * are gathered into pages of about `pageChars` characters, cut at a
 * paragraph boundary; a paragraph longer than a page is cut at the last
 * space before the limit (or at the limit when it has none).
 */
export function pagesFromParagraphs(paragraphs, pageChars) {
  const pages = [];
  let current = "";
  const flush = () => {
    if (current.trim()) pages.push(current);
    current = "";
  };
  for (const raw of paragraphs) {
    let paragraph = raw;
    if (!paragraph.trim()) continue;
    while (paragraph.length > pageChars) {
      flush();
      const space = paragraph.lastIndexOf(" ", pageChars);
      const cut = space > pageChars / 2 ? space + 1 : pageChars;
      pages.push(paragraph.slice(0, cut));
      paragraph = paragraph.slice(cut);
    }
    if (current && current.length + 2 + paragraph.length > pageChars) flush();
    current = current ? `${current}\n\n${paragraph}` : paragraph;
  }
  flush();
  return pages;
}
