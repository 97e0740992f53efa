import Link from "next/link";

type Props = {
  submitLabel: string;
  /** Where the list is without any filter; shown only while one applies. */
  clear: { href: string; label: string } | null;
  /** A page number from the address that does not parse. */
  pageError?: string;
  className?: string;
};

/** The end of a GET filter form: apply, clear, and why the first page is shown instead of the one asked for. */
export function FilterActions({ submitLabel, clear, pageError, className = "flex flex-wrap items-center gap-4" }: Props) {
  return (
    <div className={className}>
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
        {submitLabel}
      </button>
      {clear ? <Link href={clear.href}>{clear.label}</Link> : null}
      {pageError ? (
        <p role="alert" className="w-full text-sm text-red-800">
          {pageError} The first page is shown.
        </p>
      ) : null}
    </div>
  );
}
