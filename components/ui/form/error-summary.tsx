"use client";

import type { Ref } from "react";

export type ErrorSummaryItem = { href: string; message: string };

/**
 * The list of what stops a form from being sent, at its top. It takes the
 * focus when a submission fails, so keyboard and screen-reader users start
 * from it; each item links to its field.
 */
export function ErrorSummary({ ref, message, items }: { ref: Ref<HTMLDivElement>; message: string; items: ErrorSummaryItem[] }) {
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-900 focus:outline-3 focus:outline-offset-2 focus:outline-red-700">
      <h2 id="error-summary-title" className="text-lg font-bold">
        There is a problem
      </h2>
      <p className="mt-1">{message}</p>
      {items.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {items.map((item) => (
            <li key={`${item.href}:${item.message}`}>
              <a href={item.href} className="font-medium text-red-900 underline">
                {item.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
