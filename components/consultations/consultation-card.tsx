import Link from "next/link";
import type { ConsultationCard as ConsultationCardData } from "@/lib/consultations/consultation-card";
import { formatDate } from "@/lib/format";
import { StatusBadge } from "@/components/consultations/status-badge";
import { TopicList } from "@/components/consultations/topic-list";

type Props = {
  consultation: ConsultationCardData & { approvedCount?: number };
  /** Heading level inside the list it sits in. */
  headingLevel?: "h2" | "h3";
  /** On a conference's own page the conference need not be repeated. */
  showConference?: boolean;
  showStatus?: boolean;
};

function datesLine({ status, opensAt, closesAt, conference }: ConsultationCardData) {
  const timeZone = conference?.timeZone ?? "UTC";
  const date = (value: Date) => <time dateTime={value.toISOString()}>{formatDate(value, timeZone)}</time>;
  if (status === "OPEN" && opensAt > new Date()) return <>Opens {date(opensAt)}, closes {date(closesAt)}</>;
  if (status === "OPEN") return <>Open until {date(closesAt)}</>;
  if (status === "DRAFT") return <>Planned from {date(opensAt)} to {date(closesAt)}</>;
  return <>Was open from {date(opensAt)} to {date(closesAt)}</>;
}

export function approvedLabel(count: number): string {
  if (count === 0) return "No published contributions yet";
  return count === 1 ? "1 published contribution" : `${count.toLocaleString("en-GB")} published contributions`;
}

export function ConsultationCard({ consultation, headingLevel: Heading = "h3", showConference = true, showStatus = false }: Props) {
  return (
    <article className="h-full rounded-lg border border-slate-200 p-5">
      <Heading className="text-lg font-semibold">
        <Link href={`/consultations/${consultation.slug}`}>{consultation.title}</Link>
      </Heading>
      {showStatus ? (
        <p className="mt-2">
          <StatusBadge status={consultation.status} />
        </p>
      ) : null}
      <p className="mt-2 text-slate-700">{consultation.summary}</p>
      <p className="mt-3 text-sm text-slate-700">
        {datesLine(consultation)}
        {showConference && consultation.conference ? (
          <>
            {" · "}
            <Link href={`/conferences/${consultation.conference.slug}`}>{consultation.conference.title}</Link>
          </>
        ) : null}
      </p>
      {consultation.approvedCount !== undefined ? (
        <p className="mt-2 text-sm text-slate-700">{approvedLabel(consultation.approvedCount)}</p>
      ) : null}
      <TopicList topics={consultation.topics} />
    </article>
  );
}

/** A grid of consultation cards, or a sentence saying there are none. */
export function ConsultationCardList({ consultations, empty, ...cardProps }: { consultations: Props["consultation"][]; empty: string } & Omit<Props, "consultation">) {
  if (consultations.length === 0) return <p className="mt-4 text-slate-700">{empty}</p>;
  return (
    <ul className="mt-4 grid gap-4 md:grid-cols-2">
      {consultations.map((consultation) => (
        <li key={consultation.slug}>
          <ConsultationCard consultation={consultation} {...cardProps} />
        </li>
      ))}
    </ul>
  );
}
