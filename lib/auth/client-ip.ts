import { getEnv } from "@/lib/env";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value.join(",") : value;
}

// Next.js records the peer address in X-Forwarded-For, appending to whatever
// the client sent. Without a trusted proxy only the last (right-most) entry
// can be believed; behind one (TRUST_PROXY=true) the left-most is the client.
export function clientIpFromHeaders(source: HeaderSource): string {
  const forwarded = header(source, "x-forwarded-for");
  const hops = (forwarded ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  const ip = getEnv().trustProxy ? hops[0] : hops.at(-1);
  return ip ?? header(source, "x-real-ip") ?? "unknown";
}
