import fs from "node:fs";
import path from "node:path";

// Server actions as the browser calls them: a POST to the page that renders
// the form, with the action's id in the Next-Action header and the
// arguments as React's encodeReply encodes plain objects (JSON text). The
// ids and the pages that carry each action are in the build's server
// reference manifest.

export type ServerAction = { actionId: string; /** The pages that carry it, e.g. "app/moderation/contributions/[reference]/page". */ workers: string[] };

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

/** The action exported as `exportedName` from `file` (e.g. "lib/moderation/actions.ts"), or null when the build has none. */
export function findServerAction(file: string, exportedName: string): ServerAction | null {
  const manifestFile = path.resolve(".next/server/server-reference-manifest.json");
  if (!fs.existsSync(manifestFile)) return null;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { node?: Record<string, ManifestEntry> };
  for (const [actionId, entry] of Object.entries(manifest.node ?? {})) {
    if (entry.filename === file && entry.exportedName === exportedName) return { actionId, workers: Object.keys(entry.workers) };
  }
  return null;
}

/**
 * The address of a page worker with its parameters filled in:
 * "app/(public)/consultations/[slug]/contribute/page" with { slug: "x" } →
 * "/consultations/x/contribute". Null when the page has a parameter not given.
 */
export function pagePath(worker: string, params: Record<string, string>): string | null {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment));
  const filled: string[] = [];
  for (const segment of segments) {
    const name = /^\[(.+)\]$/.exec(segment)?.[1];
    if (name === undefined) filled.push(segment);
    else if (params[name] !== undefined) filled.push(encodeURIComponent(params[name]));
    else return null;
  }
  return `/${filled.join("/")}`;
}

export function actionHeaders(origin: string, actionId: string, cookie: string): Record<string, string> {
  return {
    accept: "text/x-component",
    "content-type": "text/plain;charset=UTF-8",
    "next-action": actionId,
    // Next.js refuses an action whose Origin is not the Host (CSRF check).
    origin,
    cookie,
  };
}
