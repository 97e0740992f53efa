import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-4 text-slate-700">The page you asked for does not exist, or you may not see it.</p>
      <p className="mt-4">
        <Link href="/">Back to the home page</Link> or <Link href="/consultations">browse the consultations</Link>.
      </p>
    </div>
  );
}
