import type { DiffPart, WordDiff } from "@/lib/similarity/word-diff";

/** Words of a long common stretch shown at each end of it; the middle is counted, not shown. */
const CONTEXT_WORDS = 15;

function Common({ text }: { text: string }) {
  const words = text.split(/(\s+)/);
  const count = words.filter((word) => word.trim() !== "").length;
  if (count <= CONTEXT_WORDS * 2 + 10) return <span>{text}</span>;
  // split keeps the spaces: 2 entries per word.
  const head = words.slice(0, CONTEXT_WORDS * 2).join("");
  const tail = words.slice(-CONTEXT_WORDS * 2).join("");
  return (
    <span>
      {head}
      <span className="text-slate-600"> […{count - CONTEXT_WORDS * 2} words in common…] </span>
      {tail}
    </span>
  );
}

function Part({ part }: { part: DiffPart }) {
  if (part.kind === "added")
    return (
      <ins className="bg-green-100 text-green-950 underline decoration-green-700">
        <span className="sr-only">[added: </span>
        {part.text}
        <span className="sr-only">]</span>
      </ins>
    );
  if (part.kind === "removed")
    return (
      <del className="bg-red-100 text-red-950 line-through decoration-red-700">
        <span className="sr-only">[left out: </span>
        {part.text}
        <span className="sr-only">]</span>
      </del>
    );
  return <Common text={part.text} />;
}

/**
 * A member's text against the group's representative: added words in
 * <ins>, words it leaves out in <del>, long common stretches shortened.
 * The text is the participants': rendered as text, never as HTML.
 */
export function WordDiffView({ diff, language }: { diff: WordDiff; language: string }) {
  if (diff.kind === "identical") return <p>Identical to the representative text.</p>;
  if (diff.kind === "not-compared") return <p>Too different or too long to compare word by word here: open the contribution to read it.</p>;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">
        {diff.addedWords === 1 ? "1 word added" : `${diff.addedWords} words added`}, {diff.removedWords === 1 ? "1 word left out" : `${diff.removedWords} words left out`}.
      </p>
      <p lang={language} className="whitespace-pre-line rounded-md border border-slate-200 bg-white p-3">
        {diff.parts.map((part, index) => (
          <Part key={index} part={part} />
        ))}
      </p>
    </div>
  );
}
