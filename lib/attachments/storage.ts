import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { getEnv } from "@/lib/env";

// Attachments live under <DATA_DIR>/uploads, outside anything the web server
// serves, named by the SHA-256 of their bytes: <first two hex digits>/<sha256>.
// The same file uploaded twice is stored once. A file appears under its final
// name only complete: it is written to uploads/.tmp (same file system) and
// renamed into place, which is atomic.

const SHA256_PATTERN = /^[0-9a-f]{64}$/;
const STORAGE_KEY_PATTERN = /^([0-9a-f]{2})\/([0-9a-f]{64})$/;

export function uploadsDir(): string {
  return path.join(getEnv().dataDir, "uploads");
}

export function tempUploadsDir(): string {
  return path.join(uploadsDir(), ".tmp");
}

export function storageKeyFor(sha256: string): string {
  if (!SHA256_PATTERN.test(sha256)) throw new Error(`Not a SHA-256 hex digest: ${sha256}`);
  return `${sha256.slice(0, 2)}/${sha256}`;
}

/** The file behind a storage key; refuses anything that is not one (no path can escape the uploads folder). */
export function storagePath(storageKey: string): string {
  const match = STORAGE_KEY_PATTERN.exec(storageKey);
  if (!match || !match[2]?.startsWith(match[1] ?? "")) throw new Error(`Not a storage key: ${storageKey}`);
  return path.join(uploadsDir(), storageKey);
}

/** A fresh path in the temporary folder, on the same file system as the store. */
export async function newTempPath(): Promise<string> {
  await fs.mkdir(tempUploadsDir(), { recursive: true });
  return path.join(tempUploadsDir(), `${Date.now()}-${randomBytes(8).toString("hex")}.part`);
}

/**
 * Moves a complete temporary file to its content address. Renaming over an
 * existing copy is harmless (same bytes) and gives the file a fresh
 * modification time, which the sweep reads as "in use since".
 */
export async function commitToStore(tempPath: string, sha256: string): Promise<string> {
  const storageKey = storageKeyFor(sha256);
  const target = storagePath(storageKey);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.rename(tempPath, target);
  return storageKey;
}

export async function removeQuietly(filePath: string): Promise<void> {
  await fs.rm(filePath, { force: true });
}
