import type { ReactNode } from "react";

/** A key to press, as in the shortcut lists. */
export function Kbd({ children }: { children: ReactNode }) {
  return <kbd className="rounded border border-slate-400 bg-white px-1.5 font-mono">{children}</kbd>;
}
