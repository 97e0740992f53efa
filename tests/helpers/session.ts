import { encode } from "next-auth/jwt";
import { getAuthSecret } from "@/lib/auth/secret";
import { sessionCookieName } from "@/lib/auth/options";
import { db } from "@/lib/db";

// A stand-in for the request's cookie store (next/headers is mocked in
// tests/setup/integration-db.ts). signInAs() puts a real session JWT in it,
// so domain functions go through the same checks as in the app.
const cookies = new Map<string, string>();

export const cookieJar = {
  get: (name: string) => (cookies.has(name) ? { name, value: cookies.get(name) ?? "" } : undefined),
  getAll: () => [...cookies].map(([name, value]) => ({ name, value })),
  has: (name: string) => cookies.has(name),
  set: (name: string, value: string) => void cookies.set(name, value),
  delete: (name: string) => void cookies.delete(name),
};

export async function signInAs(userId: string): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, role: true, sessionVersion: true, email: true } });
  const token = await encode({
    token: { sub: user.id, email: user.email, role: user.role, sv: user.sessionVersion },
    secret: getAuthSecret(),
  });
  cookies.set(sessionCookieName(), token);
}

export function signOut(): void {
  cookies.clear();
}
