import Link from "next/link";

export function SiteFooter() {
  return (
    <footer role="contentinfo" className="mt-16 border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-4 py-8 text-sm text-slate-700">
        <p>Agora — public consultations around policy conferences.</p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link href="/consultations">Consultations</Link>
          <Link href="/conferences">Conferences</Link>
          <Link href="/open-data">Open data</Link>
          <Link href="/register">Register as a stakeholder</Link>
        </nav>
      </div>
    </footer>
  );
}
