"use client";

import { useEffect } from "react";

/**
 * The browser's print dialog, where "Save as PDF" is one of the printers;
 * the print stylesheet lays the report out. Folded tables (<details>) are
 * opened for printing however it is started (this button or Ctrl+P) and
 * closed again afterwards.
 */
export function PrintButton() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const open = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>(".summary-page details:not([open])")];
      for (const details of opened) details.open = true;
    };
    const restore = () => {
      for (const details of opened) details.open = false;
      opened = [];
    };
    window.addEventListener("beforeprint", open);
    window.addEventListener("afterprint", restore);
    return () => {
      window.removeEventListener("beforeprint", open);
      window.removeEventListener("afterprint", restore);
    };
  }, []);
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print rounded-md border border-brand-600 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
    >
      Print or save as PDF
    </button>
  );
}
