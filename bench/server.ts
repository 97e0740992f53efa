import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { BenchError, log, step } from "@/bench/output";

// The production server under test: `next start` from the last build, in its
// own process group so that stopping it stops everything it started.

export type ProductionBuild = { id: string; builtAt: Date; /** Source files changed after the build, if any. */ newerSources: string[] };

export function requireProductionBuild(): ProductionBuild {
  const file = path.resolve(".next/BUILD_ID");
  if (!fs.existsSync(file)) {
    throw new BenchError(
      "There is no production build (.next/BUILD_ID is missing). Run `npm run build` first, then `npm run bench`.\n" +
        "The benchmark measures the built app (`next start`), never the development server.",
    );
  }
  const builtAt = fs.statSync(file).mtime;
  return { id: fs.readFileSync(file, "utf8").trim(), builtAt, newerSources: sourcesNewerThan(builtAt) };
}

const SOURCE_DIRS = ["app", "components", "lib", "public"];

function sourcesNewerThan(time: Date): string[] {
  const newer: string[] = [];
  const visit = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (file !== path.join("lib", "generated")) visit(file);
      } else if (fs.statSync(file).mtime > time) {
        newer.push(file);
      }
    }
  };
  for (const dir of SOURCE_DIRS) visit(dir);
  return newer;
}

/** The first port from `start` on that nothing listens on. */
export async function findFreePort(start: number): Promise<number> {
  for (let port = start; port < start + 100; port += 1) {
    if (await isFree(port)) return port;
  }
  throw new BenchError(`No free port between ${start} and ${start + 99}.`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export type RunningServer = {
  origin: string;
  /** Lines the server wrote to stderr (errors, warnings) since it started. */
  stderrLines(): string[];
  stop(): Promise<void>;
};

export async function startServer(options: { port: number; env: NodeJS.ProcessEnv }): Promise<RunningServer> {
  const origin = `http://127.0.0.1:${options.port}`;
  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const collect = (into: string[]) => (chunk: Buffer) => {
    into.push(...chunk.toString("utf8").split("\n").filter((line) => line.trim() !== ""));
    // Keep memory bounded if the server logs on every request.
    if (into.length > 2_000) into.splice(0, into.length - 2_000);
  };
  child.stdout?.on("data", collect(stdout));
  child.stderr?.on("data", collect(stderr));

  const server: RunningServer = {
    origin,
    stderrLines: () => [...stderr],
    stop: () => stopProcessGroup(child),
  };
  try {
    await waitForHealth(`${origin}/api/health`, child, 90_000);
  } catch (error) {
    await server.stop();
    const output = [...stdout, ...stderr].slice(-40).join("\n");
    throw new BenchError(`${error instanceof Error ? error.message : String(error)}\nLast lines of the server's output:\n${output}`);
  }
  return server;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode} before it was ready.`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The server did not become healthy at ${url} within ${timeoutMs / 1000} s (last: ${last}).`);
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      // The group this run started (detached: true made the server its leader).
      process.kill(-(child.pid as number), name);
    } catch {
      // Already gone.
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The environment of the server under test: production, the benchmark's database, no demo accounts, no SMTP. */
export function productionServerEnv(options: { port: number; databaseUrl: string; secret: string; dataDir: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: options.databaseUrl,
    NEXTAUTH_SECRET: options.secret,
    APP_URL: `http://127.0.0.1:${options.port}`,
    NEXTAUTH_URL: `http://127.0.0.1:${options.port}`,
    DATA_DIR: options.dataDir,
    DEMO_ACCOUNTS: "false",
    TRUST_PROXY: "false",
  };
  // No SMTP: receipts and decision e-mails are written as files under
  // DATA_DIR, so no mail server takes part in the figures.
  delete env.SMTP_URL;
  return env;
}

/** The text as React writes it into HTML. */
export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");
}

/** One request before the load: the URL must answer 200 with this text, or there is nothing worth measuring. */
export async function checkPage(url: string, mustContain: string, headers: Record<string, string> = {}): Promise<{ ok: true } | { ok: false; reason: string }> {
  const response = await fetch(url, { redirect: "manual", headers });
  const text = await response.text();
  if (response.status !== 200) return { ok: false, reason: `answered ${response.status}` };
  if (!text.includes(mustContain)) return { ok: false, reason: `answered 200 without "${mustContain}"` };
  return { ok: true };
}

export type BenchServer = RunningServer & { dataDir: string };

/** `next start` on the first free port from `firstPort`, with a fresh DATA_DIR that stopping it removes. */
export async function startBenchServer(options: { firstPort: number; databaseUrl: string; secret: string }): Promise<BenchServer> {
  step("Server");
  const port = await findFreePort(options.firstPort);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-bench-"));
  let server: RunningServer;
  try {
    server = await startServer({ port, env: productionServerEnv({ port, databaseUrl: options.databaseUrl, secret: options.secret, dataDir }) });
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  log(`  next start on ${server.origin}, DATA_DIR ${dataDir}`);
  return {
    ...server,
    dataDir,
    async stop() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
