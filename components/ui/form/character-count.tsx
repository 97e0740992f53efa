"use client";

import { useEffect, useState } from "react";

const numberFormat = new Intl.NumberFormat("en-GB");
// Screen readers hear the count only once typing pauses, and only near or
// over the limit: a running count read after every key would drown the text.
const ANNOUNCE_WITHIN = 500;
const ANNOUNCE_AFTER_MS = 1_000;

function describe(count: number, max: number): string {
  const over = count - max;
  if (over > 0) return `${numberFormat.format(over)} ${over === 1 ? "character" : "characters"} too many`;
  const left = max - count;
  return `${numberFormat.format(left)} ${left === 1 ? "character" : "characters"} left`;
}

/**
 * The visible count under a text area (give the text area
 * aria-describedby={id} so it is read with the field), and a polite live
 * announcement when the writer pauses close to the limit.
 */
export function CharacterCount({ id, count, max }: { id: string; count: number; max: number }) {
  const [announcement, setAnnouncement] = useState("");
  const over = count > max;

  useEffect(() => {
    const timer = setTimeout(() => setAnnouncement(max - count <= ANNOUNCE_WITHIN ? describe(count, max) : ""), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [count, max]);

  return (
    <>
      <p id={id} className={`mt-1 text-sm ${over ? "font-semibold text-red-700" : "text-slate-700"}`}>
        {numberFormat.format(count)} of {numberFormat.format(max)} characters ({describe(count, max)})
      </p>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </>
  );
}
