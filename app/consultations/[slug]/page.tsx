import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/consultations/status-badge";
import { TopicList } from "@/components/consultations/topic-list";
import { QuestionList } from "@/components/consultations/question-list";
import { MarkdownContent } from "@/components/ui/markdown";
import { PageSection } from "@/components/ui/page-section";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { formatDateTime } from "@/lib/format";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const consultation = await getConsultation((await params).slug);
  if (!consultation) return { title: "Consultation not found" };
  return { title: consultation.title, description: consultation.summary };
}

export default async function ConsultationPage({ params }: Props) {
  const consultation = await getConsultation((await params).slug);
  if (!consultation) notFound();
  const { timeZone, conference } = consultation;
  const when = (date: Date) => <time dateTime={date.toISOString()}>{formatDateTime(date, timeZone)}</time>;

  return (
    <article className="space-y-8">
      {consultation.status === "DRAFT" ? (
        <p role="note" className="rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-900">
          <strong>Draft.</strong> Only administrators can see this consultation. It is not listed publicly and does not accept contributions.
        </p>
      ) : null}

      <header>
        <p className="text-sm">
          <Link href="/consultations">All consultations</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{consultation.title}</h1>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <StatusBadge status={consultation.status} />
        </div>
        <dl className="mt-4 grid max-w-3xl gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Opens</dt>
          <dd>{when(consultation.opensAt)}</dd>
          <dt className="font-semibold">Closes</dt>
          <dd>{when(consultation.closesAt)}</dd>
          <dt className="font-semibold">Time zone</dt>
          <dd>
            {timeZone.replaceAll("_", " ")}
            {conference ? " (the conference's)" : null}
          </dd>
          {conference ? (
            <>
              <dt className="font-semibold">Conference</dt>
              <dd>
                <Link href={`/conferences/${conference.slug}`}>{conference.title}</Link>
              </dd>
            </>
          ) : null}
        </dl>
        <TopicList topics={consultation.topics} />
      </header>

      <PageSection id="summary" title="Summary">
        <p className="mt-3 max-w-3xl text-lg text-slate-800">{consultation.summary}</p>
      </PageSection>

      <PageSection id="body" title="About this consultation">
        <MarkdownContent source={consultation.body} className="mt-3" />
      </PageSection>

      <PageSection id="questions" title="Questions">
        {consultation.questions.length === 0 ? (
          <p className="mt-3 text-slate-700">This consultation has no set questions: contributions are free text.</p>
        ) : (
          <QuestionList questions={consultation.questions} />
        )}
      </PageSection>
    </article>
  );
}
