// A short plain-text preview of a markdown body for lists. React escapes it
// when rendering; the markup is removed only so the preview reads like the
// rendered text (raw HTML is never rendered, so its tags are dropped here too).

export function plainExcerpt(markdown: string, maxLength = 240): string {
  const text = markdown
    .replace(/<[^>]*>/g, " ")
    // A tag cut in half by the length limit of the query.
    .replace(/<[^>]*$/, " ")
    // Link targets may hold one level of parentheses: (javascript:alert(1)).
    .replace(/!\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, "$1")
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, "$1")
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, "")
    .replace(/[*_~`]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength + 1);
  const lastSpace = cut.lastIndexOf(" ");
  const kept = lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut.slice(0, maxLength);
  return `${kept.replace(/[\s.,;:!?-]+$/, "")}…`;
}
