// next/navigation for domain functions called in the benchmark's process
// (bench/in-process.ts). Only the page guards use these; a domain function
// that reached one would be a bug worth stopping the run for.

function outsideServer(name) {
  throw new Error(`${name}() was called outside a Next.js request: only pages may use it.`);
}

export const redirect = () => outsideServer("redirect");
export const notFound = () => outsideServer("notFound");
export const forbidden = () => outsideServer("forbidden");
export const unauthorized = () => outsideServer("unauthorized");
