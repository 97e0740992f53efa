"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type SectionLink = {
  href: string;
  label: string;
  /** Other paths below which this link is the current one (its own href when not given). */
  prefixes?: string[];
};

/** The navigation between the pages of one area of the site, the current one marked. */
export function SectionNav({ label, links }: { label: string; links: SectionLink[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="border-b border-slate-200 pb-3">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">{label}</p>
      <ul className="mt-2 flex flex-wrap gap-2">
        {links.map((link) => {
          const current = pathname === link.href || (link.prefixes ?? [link.href]).some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`rounded-md px-3 py-2 text-sm font-medium no-underline hover:no-underline ${current ? "bg-brand-600 text-white" : "text-slate-800 hover:bg-slate-100"}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
