/**
 * Shown while a page of a section is read on the server (loading.tsx): the
 * navigation answers at once, a polite status says what is coming, and the
 * grey bars stand where the content will be.
 */
export function PageLoading({ label, rows = 4 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-busy="true" className="space-y-4">
      <p className="text-slate-700">{label}</p>
      <div aria-hidden="true" className="animate-pulse space-y-3 motion-reduce:animate-none">
        <div className="h-8 w-1/2 rounded bg-slate-200" />
        {Array.from({ length: rows }, (_, index) => (
          <div key={index} className="h-5 rounded bg-slate-200" />
        ))}
      </div>
    </div>
  );
}
