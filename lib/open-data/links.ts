import "server-only";
import { getEnv } from "@/lib/env";

// Absolute addresses in the open data, on the site's public base URL
// (APP_URL), like the links in e-mails: a record copied out of the API or a
// download must still point at the site.

export const API_BASE_PATH = "/api/v1";

export function siteUrl(path: string): string {
  return `${getEnv().appUrl}${path}`;
}

export function apiUrl(path: string, query: Record<string, string | number | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return siteUrl(`${API_BASE_PATH}${path}${text ? `?${text}` : ""}`);
}

/** The API and download addresses of one consultation. */
export function consultationLinks(slug: string) {
  const base = `/consultations/${slug}`;
  return {
    self: apiUrl(base),
    contributions: apiUrl(`${base}/contributions`),
    contributionsCsv: apiUrl(`${base}/contributions.csv`),
    contributionsJson: apiUrl(`${base}/contributions.json`),
    summaries: apiUrl(`${base}/summaries`),
  };
}

export type ConsultationLinks = ReturnType<typeof consultationLinks>;

/** The API and download addresses of one published version of a consultation's summary. */
export function summaryLinks(slug: string, version: number) {
  const path = `/consultations/${slug}/summaries/${version}`;
  return { self: apiUrl(path), csv: apiUrl(`${path}.csv`), json: apiUrl(`${path}.json`) };
}

export type SummaryLinks = ReturnType<typeof summaryLinks>;
