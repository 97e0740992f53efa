import path from "node:path";
import { z } from "zod";

// The only module that reads process.env. Parsed once, on first use; the
// instrumentation hook calls getEnv() at start-up so a bad value stops the
// server with a message that names the variable.

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL; leave it unset for the embedded database")
      .optional(),
  ),
  DATA_DIR: optionalString.transform((value) => path.resolve(/*turbopackIgnore: true*/ process.cwd(), value ?? "data")),
  APP_URL: optionalString.pipe(z.url("must be an absolute URL such as https://agora.example.org").optional()),
  NEXTAUTH_URL: optionalString.pipe(z.url("must be an absolute URL such as https://agora.example.org").optional()),
  NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional()),
  SMTP_URL: optionalString.pipe(
    z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL; leave it unset to write e-mails to files").optional(),
  ),
  MAIL_FROM: optionalString.transform((value) => value ?? "Agora <no-reply@agora.localhost>"),
  DEMO_ACCOUNTS: optionalString.pipe(z.enum(["true", "false"], "must be true or false").optional()),
  TRUST_PROXY: optionalString.pipe(z.enum(["true", "false"], "must be true or false").optional()),
  WORKER: optionalString.pipe(z.enum(["inline", "off"], "must be inline or off").optional()),
  WORKER_POLL_MS: optionalString.pipe(
    z.coerce
      .number<string>("must be a number of milliseconds")
      .int("must be a whole number of milliseconds")
      .min(100, "must be at least 100 (milliseconds)")
      .max(3_600_000, "must be at most 3600000 (one hour)")
      .optional(),
  ),
  THEME_ENGINE_MEMORY_MB: optionalString.pipe(
    z.coerce
      .number<string>("must be a number of megabytes")
      .int("must be a whole number of megabytes")
      .min(256, "must be at least 256 (megabytes)")
      .max(65_536, "must be at most 65536 (megabytes)")
      .optional(),
  ),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  databaseUrl: string | undefined;
  /** Embedded mode: PGlite under dataDir, no database server. */
  embedded: boolean;
  dataDir: string;
  appUrl: string;
  authSecret: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Demo accounts (admin, moderator, participant) are seeded only when true. */
  demoAccounts: boolean;
  /** Take the client IP from X-Forwarded-For (only behind a trusted reverse proxy). */
  trustProxy: boolean;
  /** inline: the app server runs the background worker; off: `npm run worker` runs it as its own process. */
  worker: "inline" | "off";
  /** How long the worker waits when no e-mail is due before it looks again. */
  workerPollMs: number;
  /** The heap of the theme engine's child process, in MB: past it the engine stops, the server does not. */
  themeEngineMemoryMb: number;
};

export class EnvError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join("\n")}\nSee .env.example for every variable.`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const env = result.data;
  const embedded = env.DATABASE_URL === undefined;
  if (env.NODE_ENV === "production" && !embedded && env.NEXTAUTH_SECRET === undefined) {
    throw new EnvError(["NEXTAUTH_SECRET: is required when DATABASE_URL is set (every app instance must share it)"]);
  }
  return {
    nodeEnv: env.NODE_ENV,
    databaseUrl: env.DATABASE_URL,
    embedded,
    dataDir: env.DATA_DIR,
    appUrl: (env.APP_URL ?? env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, ""),
    authSecret: env.NEXTAUTH_SECRET,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    demoAccounts: env.DEMO_ACCOUNTS === undefined ? embedded : env.DEMO_ACCOUNTS === "true",
    trustProxy: env.TRUST_PROXY === "true",
    worker: env.WORKER ?? "inline",
    workerPollMs: env.WORKER_POLL_MS ?? 5000,
    themeEngineMemoryMb: env.THEME_ENGINE_MEMORY_MB ?? 2048,
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * next-auth v4 reads NEXTAUTH_URL from process.env itself; give it the same
 * base URL as the rest of the app (called once at start-up).
 */
export function exportEnvForLibraries(env: Env = getEnv()): void {
  process.env.NEXTAUTH_URL ??= env.appUrl;
}
