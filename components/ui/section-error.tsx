"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";

type Props = {
  title: string;
  /** What could not be shown, and what the person can do about it. */
  description: string;
  /** Renders the failed part again from the server. */
  retry: () => void;
  back: { href: string; label: string };
};

/**
 * What an error boundary shows when a page of a section fails: a heading that
 * takes the focus (so a screen reader says what happened, and the keyboard
 * starts from there), a way to try again and a way back. The server logged
 * the cause; nothing of it is shown.
 */
export function SectionError({ title, description, retry, back }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="max-w-xl" role="alert">
      <h1 ref={heading} tabIndex={-1} className="text-3xl font-bold">
        {title}
      </h1>
      <p className="mt-4 text-slate-700">{description}</p>
      <div className="mt-6 flex gap-4">
        <button type="button" onClick={retry} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Try again
        </button>
        <Link href={back.href} className="px-4 py-2">
          {back.label}
        </Link>
      </div>
    </div>
  );
}
