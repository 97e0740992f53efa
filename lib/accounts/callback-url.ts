// Where to send someone after signing in. Only a path on this site is
// accepted: an absolute or protocol-relative URL in ?callbackUrl= would make
// the sign-in page an open redirect for phishing links.

const BASE = "http://agora.invalid";

export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  try {
    // The URL parser drops tabs and newlines and reads "\" as "/", the way
    // browsers do: "/\t/evil.example" would leave the site, so compare origins.
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
