/** A block of code with its caption. Long lines wrap, so the block never needs a scroll bar (and keyboard focus) of its own. */
export function CodeExample({ caption, code }: { caption: string; code: string }) {
  return (
    <figure className="mt-3">
      <figcaption className="text-sm font-semibold text-slate-700">{caption}</figcaption>
      <pre className="mt-1 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm whitespace-pre-wrap [overflow-wrap:anywhere]">
        <code>{code}</code>
      </pre>
    </figure>
  );
}
