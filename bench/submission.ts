import { randomUUID } from "node:crypto";
import type autocannon from "autocannon";
import type { BenchParticipant, TargetConsultation } from "@/bench/database";
import type { LoadTarget } from "@/bench/load";
import { actionHeaders, findServerAction, pagePath } from "@/bench/server-actions";

// The submission endpoint as the browser calls it: the contribution form's
// server action (submitContributionAction in lib/contributions/actions.ts),
// posted to the form's page (bench/server-actions.ts). On success the action
// redirects to the receipt, which a fetch action answers with 200 and an
// x-action-redirect header (and the receipt's RSC payload); a refusal is a
// 200 carrying { ok: false }, so the header is what tells a stored
// contribution from a refused one.

const ACTION_FILE = "lib/contributions/actions.ts";
const ACTION_NAME = "submitContributionAction";

export type SubmissionEndpoint = { actionId: string; pagePath: string };

/** The action's id and the page that serves it, from the build's server reference manifest; null when the build has no such action. */
export function findSubmissionEndpoint(slug: string): SubmissionEndpoint | null {
  const action = findServerAction(ACTION_FILE, ACTION_NAME);
  // The page whose form posts the action, e.g. app/consultations/[slug]/contribute/page.
  const path = action?.workers.map((worker) => pagePath(worker, { slug })).find((candidate): candidate is string => candidate !== null);
  return action && path ? { actionId: action.actionId, pagePath: path } : null;
}

/** Answers every question of the consultation the way a participant filling the form would. */
function answersFor(consultation: TargetConsultation, n: number): Record<string, string | string[] | number> {
  const answers: Record<string, string | string[] | number> = {};
  for (const question of consultation.questions) {
    const option = question.options[n % Math.max(1, question.options.length)] ?? "";
    switch (question.kind) {
      case "FREE_TEXT":
        answers[question.id] = `Answer ${n}: independent audits should be proportionate to the risk of the system.`;
        break;
      case "SINGLE_CHOICE":
        answers[question.id] = option;
        break;
      case "MULTIPLE_CHOICE":
        answers[question.id] = [option];
        break;
      case "SCALE":
        answers[question.id] = (n % 5) + 1;
        break;
    }
  }
  return answers;
}

export function submissionInput(consultation: TargetConsultation, n: number) {
  return {
    consultationId: consultation.id,
    // A new key per submission: each request is a new contribution, not a retry.
    submissionKey: randomUUID(),
    title: `Benchmark contribution ${n}`,
    body:
      `Contribution ${n} written by the benchmark. Public bodies should publish how their AI systems are ` +
      "tested before deployment, who is accountable for them, and how people can contest a decision.",
    answers: answersFor(consultation, n),
    language: "en",
    publication: n % 4 === 0 ? "ANONYMOUS" : "PUBLIC",
    attachmentIds: [],
  };
}

export function submissionHeaders(origin: string, endpoint: SubmissionEndpoint, cookie: string): Record<string, string> {
  return actionHeaders(origin, endpoint.actionId, cookie);
}

export function isStoredSubmission(headers: Record<string, unknown>): boolean {
  const redirect = headers["x-action-redirect"];
  return typeof redirect === "string" && redirect.startsWith("/contributions/");
}

/** Submissions by many participants in turn, each request a new contribution. */
export function submissionTarget(options: {
  origin: string;
  endpoint: SubmissionEndpoint;
  consultation: TargetConsultation;
  participants: BenchParticipant[];
}): LoadTarget & { confirmed(): number } {
  let sent = 0;
  let confirmed = 0;
  return {
    confirmed: () => confirmed,
    label: "Submission (server action)",
    url: `${options.origin}${options.endpoint.pagePath}`,
    method: "POST",
    setupRequest(request: autocannon.Request) {
      // Number 0 was the probe's.
      const n = ++sent;
      const participant = options.participants[n % options.participants.length];
      if (!participant) throw new Error("No participants to submit as.");
      return {
        ...request,
        method: "POST",
        headers: submissionHeaders(options.origin, options.endpoint, participant.cookie),
        body: JSON.stringify([submissionInput(options.consultation, n)]),
      };
    },
    isSuccess(_status, headers) {
      const stored = isStoredSubmission(headers);
      if (stored) confirmed += 1;
      return stored;
    },
  };
}

/** One submission before the load: proves the request shape works, or says why it does not. */
export async function probeSubmission(options: {
  origin: string;
  endpoint: SubmissionEndpoint;
  consultation: TargetConsultation;
  participant: BenchParticipant;
}): Promise<{ ok: true } | { ok: false; reason: string }> {
  const response = await fetch(`${options.origin}${options.endpoint.pagePath}`, {
    method: "POST",
    headers: submissionHeaders(options.origin, options.endpoint, options.participant.cookie),
    body: JSON.stringify([submissionInput(options.consultation, 0)]),
    redirect: "manual",
  });
  const body = await response.text();
  if (response.ok && isStoredSubmission(Object.fromEntries(response.headers))) return { ok: true };
  return { ok: false, reason: `HTTP ${response.status}, x-action-redirect: ${response.headers.get("x-action-redirect") ?? "none"}, body: ${body.slice(0, 600)}` };
}
