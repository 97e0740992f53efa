// next/headers for domain functions called in the benchmark's process
// (bench/in-process.ts): the request's cookies are the ones the benchmark
// put in globalThis.agoraBenchCookies, so requireUser() reads a real
// session cookie and checks it against the database as it does in the app.

const jar = () => globalThis.agoraBenchCookies ?? new Map();

export async function cookies() {
  return {
    get: (name) => (jar().has(name) ? { name, value: jar().get(name) } : undefined),
    getAll: () => [...jar()].map(([name, value]) => ({ name, value })),
    has: (name) => jar().has(name),
  };
}

export async function headers() {
  return new Headers();
}
