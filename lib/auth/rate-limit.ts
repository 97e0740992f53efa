import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";

// Sign-in attempts are counted in the database (RateLimiterFlexible table), so
// every app instance sees the same counts.
const WINDOW_SECONDS = 15 * 60;

let limiters: { account: RateLimiterPrisma; ip: RateLimiterPrisma } | undefined;

function getLimiters() {
  limiters ??= {
    account: new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimiterFlexible",
      keyPrefix: "signin-account",
      points: 5,
      duration: WINDOW_SECONDS,
      clearExpiredByTimeout: false,
    }),
    ip: new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimiterFlexible",
      keyPrefix: "signin-ip",
      points: 30,
      duration: WINDOW_SECONDS,
      clearExpiredByTimeout: false,
    }),
  };
  return limiters;
}

/** True when this account or address has used up its failed attempts. */
export async function isSignInBlocked(email: string, ip: string): Promise<boolean> {
  const { account, ip: byIp } = getLimiters();
  const [a, b] = await Promise.all([account.get(email), byIp.get(ip)]);
  const spent = (res: RateLimiterRes | null, limit: number) => res !== null && res.consumedPoints >= limit;
  return spent(a, 5) || spent(b, 30);
}

export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  const { account, ip: byIp } = getLimiters();
  // consume() rejects once the limit is passed; the count is what matters here.
  await Promise.allSettled([account.consume(email), byIp.consume(ip)]);
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await getLimiters().account.delete(email);
}
