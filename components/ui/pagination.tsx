import Link from "next/link";

type Props = {
  page: number;
  pageCount: number;
  /** Builds the address of a page, keeping the list's filters. */
  hrefFor: (page: number) => string;
  label?: string;
};

const linkClass = "rounded-md border border-slate-300 px-3 py-1.5 text-sm no-underline hover:bg-slate-100 hover:no-underline";

export function Pagination({ page, pageCount, hrefFor, label = "Pages" }: Props) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={linkClass}>
          Previous page
        </Link>
      ) : null}
      <p className="text-sm text-slate-700">
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next" className={linkClass}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
