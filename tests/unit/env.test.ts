import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("defaults to the embedded database with demo accounts", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ embedded: true, databaseUrl: undefined, demoAccounts: true, appUrl: "http://localhost:3000" });
    expect(env.dataDir).toBe(path.resolve("data"));
  });

  it("uses PostgreSQL when DATABASE_URL is a postgres URL, without demo accounts", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://agora@db:5432/agora" });
    expect(env).toMatchObject({ embedded: false, databaseUrl: "postgresql://agora@db:5432/agora", demoAccounts: false });
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", SMTP_URL: "  " })).toMatchObject({ embedded: true, smtpUrl: undefined });
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL: must be a postgres:// or postgresql:// URL"],
    [{ SMTP_URL: "mail.example.org" }, "SMTP_URL: must be an smtp:// or smtps:// URL"],
    [{ APP_URL: "agora.example.org" }, "APP_URL: must be an absolute URL"],
    [{ NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET: must be at least 32 characters"],
    [{ DEMO_ACCOUNTS: "yes" }, "DEMO_ACCOUNTS: must be true or false"],
    [{ WORKER: "separate" }, "WORKER: must be inline or off"],
    [{ WORKER_POLL_MS: "5s" }, "WORKER_POLL_MS: must be a number of milliseconds"],
    [{ WORKER_POLL_MS: "2.5" }, "WORKER_POLL_MS: must be a whole number of milliseconds"],
    [{ WORKER_POLL_MS: "10" }, "WORKER_POLL_MS: must be at least 100"],
  ])("names the variable that is wrong (%o)", (source, message) => {
    expect(() => parseEnv(source)).toThrowError(EnvError);
    expect(() => parseEnv(source)).toThrowError(message);
  });

  it("requires NEXTAUTH_SECRET for PostgreSQL deployments in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/agora" })).toThrowError(
      "NEXTAUTH_SECRET: is required when DATABASE_URL is set",
    );
    expect(parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/agora", NEXTAUTH_SECRET: "x".repeat(32) }).authSecret).toBe("x".repeat(32));
  });

  it("runs the background worker inside the app server every 5 seconds unless told otherwise", () => {
    expect(parseEnv({})).toMatchObject({ worker: "inline", workerPollMs: 5000 });
    expect(parseEnv({ WORKER: "off", WORKER_POLL_MS: " 250 " })).toMatchObject({ worker: "off", workerPollMs: 250 });
  });

  it("gives the theme engine's process 2 GB unless told otherwise, and names a bad figure", () => {
    expect(parseEnv({}).themeEngineMemoryMb).toBe(2048);
    expect(parseEnv({ THEME_ENGINE_MEMORY_MB: "4096" }).themeEngineMemoryMb).toBe(4096);
    expect(() => parseEnv({ THEME_ENGINE_MEMORY_MB: "100" })).toThrowError("THEME_ENGINE_MEMORY_MB: must be at least 256 (megabytes)");
    expect(() => parseEnv({ THEME_ENGINE_MEMORY_MB: "lots" })).toThrowError("THEME_ENGINE_MEMORY_MB: must be a number of megabytes");
  });

  it("takes APP_URL over NEXTAUTH_URL and drops a trailing slash", () => {
    expect(parseEnv({ APP_URL: "https://agora.example.org/", NEXTAUTH_URL: "https://other.example.org" }).appUrl).toBe("https://agora.example.org");
  });
});
