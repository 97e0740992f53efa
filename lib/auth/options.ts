import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { authenticate } from "@/lib/auth/authenticate";
import { getAuthSecret } from "@/lib/auth/secret";
import { resolveSessionUser } from "@/lib/auth/session-user";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

// JWT sessions that can still be killed: each token carries the user's
// sessionVersion, and the jwt callback compares it with the database on every
// request. Sign-out, a password change, a role change and a suspension bump
// the version, so the old token stops working on its very next use.
export function secureCookiesEnabled(): boolean {
  return getEnv().appUrl.startsWith("https://");
}

/** next-auth's cookie name for the session JWT. */
export function sessionCookieName(): string {
  return secureCookiesEnabled() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: secureCookiesEnabled(),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "E-mail and password",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const ip = clientIpFromHeaders(req.headers ?? {});
          const result = await authenticate(credentials, ip);
          // next-auth hands the message to the sign-in form as `error`.
          if (!result.ok) throw new Error(result.reason);
          return { ...result.user };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          return { sub: user.id, email: user.email, name: user.name, role: user.role, sv: user.sessionVersion };
        }
        const current = await resolveSessionUser(token);
        // An empty token is a signed-out session.
        if (!current) return {};
        return { ...token, role: current.role, email: current.email, name: current.name };
      },
      async session({ session, token }) {
        if (!token.sub || !token.role) return { expires: session.expires };
        return {
          expires: session.expires,
          user: { id: token.sub, email: token.email ?? "", name: token.name ?? null, role: token.role },
        };
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sub) {
          await db.user.updateMany({ where: { id: token.sub, sessionVersion: token.sv }, data: { sessionVersion: { increment: 1 } } });
        }
      },
    },
  };
}
