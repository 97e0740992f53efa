"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { ThemeStatusJson } from "@/lib/summaries/theme-job/get-theme-status";
import { formatDateTime } from "@/lib/format";

type Props = {
  slug: string;
  initial: ThemeStatusJson;
  timeZone: string;
};

const POLL_MS = 2_000;

/**
 * The live view's word on its themes: when they were found and from how
 * many contributions, or that the theme job is finding them again, with its
 * progress. While the job waits or runs it asks the server every two
 * seconds; once the themes are current it reloads the page's figures.
 */
export function ThemeStatus({ slug, initial, timeZone }: Props) {
  const router = useRouter();
  const [status, setStatus] = useState(initial);
  const [pollError, setPollError] = useState<string | null>(null);
  const waiting = useRef(initial.state !== "current" || initial.job !== null);

  useEffect(() => {
    if (!waiting.current) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(`/consultations/${encodeURIComponent(slug)}/summary/themes`, { cache: "no-store" });
        if (!response.ok) throw new Error(`status ${response.status}`);
        const next = (await response.json()) as ThemeStatusJson;
        if (stopped) return;
        setStatus(next);
        setPollError(null);
        if (next.state === "current" && next.job === null) {
          waiting.current = false;
          router.refresh();
          return;
        }
      } catch {
        if (!stopped) setPollError("The progress of the themes cannot be read just now; trying again.");
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [slug, router]);

  const found = status.computedAt
    ? `found at ${formatDateTime(new Date(status.computedAt), timeZone)} from ${status.contributionCount ?? 0} contributions`
    : null;
  const percent = status.job?.progress !== null && status.job?.progress !== undefined ? Math.round(status.job.progress * 100) : null;
  return (
    <div className="mt-2 rounded-md border border-slate-300 bg-slate-50 p-3 text-slate-800" role="status" aria-live="polite" data-testid="theme-status">
      {status.state === "current" && status.job === null ? (
        <p>These themes were {found}: they are up to date.</p>
      ) : (
        <>
          <p>
            {status.state === "missing"
              ? "The themes of this consultation are being found."
              : `Contributions or the steering changed since these themes were ${found}. The themes are being found again; the figures above are already current.`}{" "}
            {status.job?.status === "RUNNING" ? (percent !== null ? `${percent} % done.` : "Started.") : "Waiting for the background worker."}
          </p>
          <progress className="mt-2 w-full" max={100} value={percent ?? undefined} aria-label="Progress of the themes" />
          <p className="mt-1 text-sm text-slate-700">This page shows the new themes when they are ready. Publishing waits for them.</p>
        </>
      )}
      {pollError ? <p className="mt-1 text-sm text-red-800">{pollError}</p> : null}
    </div>
  );
}
