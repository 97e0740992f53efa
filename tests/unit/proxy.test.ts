import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

const request = (path: string, cookie?: string) =>
  new NextRequest(new URL(path, "http://localhost:3000"), cookie ? { headers: { cookie } } : undefined);

describe("proxy", () => {
  it("sends a visitor with no session cookie to sign in with a 307 and the page to come back to", () => {
    const response = proxy(request("/moderation/contributions/AGR-2026-000123?consultation=abc&sort=oldest"));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("callbackUrl")).toBe("/moderation/contributions/AGR-2026-000123?consultation=abc&sort=oldest");
  });

  it("encodes the way back as the pages do", () => {
    expect(proxy(request("/admin/users")).headers.get("location")).toBe("http://localhost:3000/sign-in?callbackUrl=%2Fadmin%2Fusers");
  });

  it.each(["next-auth.session-token=x", "__Secure-next-auth.session-token=x", "next-auth.session-token.0=x; next-auth.session-token.1=y"])(
    "leaves a request with a session cookie (%s) to the layout and the page",
    (cookie) => {
      const response = proxy(request("/admin/users", cookie));
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.get("x-middleware-next")).toBe("1");
    },
  );

  it("runs only on the administration and moderation sections", () => {
    expect(config.matcher).toEqual(["/admin/:path*", "/moderation/:path*"]);
  });
});
