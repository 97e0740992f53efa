import Link from "next/link";
import type { ReactNode } from "react";

type Props = {
  title: ReactNode;
  /** The way up: the list or page this one belongs to. */
  back?: { href: string; label: ReactNode; noPrint?: boolean };
  /** What follows the heading: status, dates, an introduction. */
  children?: ReactNode;
};

/** The top of a page: the way back, the page's only h1, and what introduces it. */
export function PageHeader({ title, back, children }: Props) {
  return (
    <header>
      {back ? (
        <p className={back.noPrint ? "no-print text-sm" : "text-sm"}>
          <Link href={back.href}>{back.label}</Link>
        </p>
      ) : null}
      <h1 className={back ? "mt-2 text-3xl font-bold" : "text-3xl font-bold"}>{title}</h1>
      {children}
    </header>
  );
}
