// Module resolution hook for the benchmark's own process (bench/in-process.ts):
// next/headers, which only works inside a request of the Next.js server,
// resolves to a stand-in whose cookie jar the benchmark fills, and
// next/navigation (imported next to it by lib/auth/current-user.ts for the
// page guards, and not loadable outside the server's bundles) to one whose
// redirects and 403/404 pages throw.
const STUBS = {
  "next/headers": new URL("./next-headers-stub.mjs", import.meta.url).href,
  "next/navigation": new URL("./next-navigation-stub.mjs", import.meta.url).href,
};

export async function resolve(specifier, context, nextResolve) {
  const stub = STUBS[specifier];
  if (stub) return { url: stub, shortCircuit: true };
  return nextResolve(specifier, context);
}
