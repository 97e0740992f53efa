import { AsyncLocalStorage } from "node:async_hooks";
import { sessionCookieName } from "@/lib/auth/options";
import { cookieJar, signInAs } from "./session";

// Two requests from two different users at the same time. The cookie jar
// (tests/helpers/session.ts) holds one session for the whole test file, so
// each call started with runAs() carries its own session cookie in its async
// context instead; calls outside runAs() see the jar as before.

const sessions = new AsyncLocalStorage<string>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const shared = cookieJar.get;
  cookieJar.get = (name: string) => {
    const own = sessions.getStore();
    return own !== undefined && name === sessionCookieName() ? { name, value: own } : shared(name);
  };
}

/** A real session cookie for the user, as signInAs() would set it. */
export async function sessionCookieOf(userId: string): Promise<string> {
  await signInAs(userId);
  const value = cookieJar.get(sessionCookieName())?.value;
  if (!value) throw new Error("no session cookie");
  return value;
}

/** Runs `call` as the user whose session cookie this is, whatever else runs meanwhile. */
export function runAs<T>(cookie: string, call: () => Promise<T>): Promise<T> {
  install();
  return sessions.run(cookie, call);
}
