import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold">You do not have access to this page</h1>
      <p className="mt-4 text-slate-700">Your account does not have the role this page needs. If you think it should, ask an administrator.</p>
      <p className="mt-4">
        <Link href="/">Back to the home page</Link>
      </p>
    </div>
  );
}
