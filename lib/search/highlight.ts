// Highlighted excerpts that quote the author exactly. PostgreSQL's
// ts_headline marks the matched words, but in the text it was given: the
// normalised one (agora_search_normalise turns "SMEs" into "SME "). The
// normaliser keeps every character where it was, so the SQL locates the
// headline's span in the normalised text and returns the same span of the
// original; here the marks are moved onto it, offset for offset.

export type HighlightSegment = { text: string; highlight: boolean };

/** Start and stop marks of the headline: control characters removed from the text beforehand. */
export const MARK_START = "\u0002";
export const MARK_STOP = "\u0003";

/**
 * Segments of `original` (the span of the author's text the headline was cut
 * from) with the headline's marks at the same offsets. Null when the two do
 * not line up (then the caller shows the plain excerpt).
 */
export function highlightSegments(headline: string, original: string): HighlightSegment[] | null {
  const source = Array.from(original);
  const segments: HighlightSegment[] = [];
  let index = 0;
  let highlight = false;
  let current = "";
  const flush = () => {
    if (current) segments.push({ text: current, highlight });
    current = "";
  };
  for (const char of headline) {
    if (char === MARK_START || char === MARK_STOP) {
      flush();
      highlight = char === MARK_START;
      continue;
    }
    const quoted = source[index];
    if (quoted === undefined) return null;
    current += quoted;
    index += 1;
  }
  flush();
  if (index !== source.length) return null;
  return tidy(wholeWords(segments));
}

// The normaliser turns "SMEs" into "SME ", so the mark ends before the "s"
// of the original: the rest of a marked word is marked too.
function wholeWords(segments: HighlightSegment[]): HighlightSegment[] {
  for (const [index, segment] of segments.entries()) {
    const next = segments[index + 1];
    if (!segment.highlight || !next || next.highlight) continue;
    const rest = /^[\p{L}\p{N}]+/u.exec(next.text)?.[0];
    if (!rest) continue;
    segment.text += rest;
    next.text = next.text.slice(rest.length);
  }
  return segments;
}

// Line breaks and runs of spaces read as one space in a one-paragraph
// excerpt; the words themselves stay as written.
function tidy(segments: HighlightSegment[]): HighlightSegment[] {
  const out = segments.map((segment) => ({ ...segment, text: segment.text.replace(/\s+/g, " ") })).filter((segment) => segment.text);
  const first = out[0];
  if (first && !first.highlight) first.text = first.text.trimStart();
  const last = out.at(-1);
  if (last && !last.highlight) last.text = last.text.trimEnd();
  return out.filter((segment) => segment.text);
}

/** Whether any segment is highlighted. */
export const hasHighlight = (segments: readonly HighlightSegment[] | null): boolean => Boolean(segments?.some((segment) => segment.highlight));
