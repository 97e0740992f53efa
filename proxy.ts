import { NextResponse, type NextRequest } from "next/server";

// Only redirects (STYLE.md, "Auth in layers"): a visitor with no session
// cookie at all who opens an administration or moderation page is sent to
// sign in with a real 307, before the section's loading UI would start a
// streamed response (whose status is always 200). It decides nothing else:
// a cookie that is present but no longer valid is judged by the layout and
// the page, and every domain function checks the role again.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  // next-auth splits a cookie that outgrows 4 kB into name.0, name.1, …
  const signedIn = request.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
  if (signedIn) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn, 307);
}

export const config = { matcher: ["/admin/:path*", "/moderation/:path*"] };
