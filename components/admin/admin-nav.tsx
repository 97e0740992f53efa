"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin/consultations", label: "Consultations" },
  { href: "/admin/conferences", label: "Conferences" },
  { href: "/admin/users", label: "Users and roles" },
  { href: "/admin/rejection-reasons", label: "Rejection reasons" },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Administration" className="border-b border-slate-200 pb-3">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">Administration</p>
      <ul className="mt-2 flex flex-wrap gap-2">
        {LINKS.map((link) => {
          const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
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
