import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { venueLabel } from "@/components/conferences/conference-card";
import { ContributeCall } from "@/components/consultations/contribute-call";
import { ContributionCounts } from "@/components/consultations/contribution-counts";
import { ConsultationTimeline } from "@/components/consultations/consultation-timeline";
import { QuestionList } from "@/components/consultations/question-list";
import { StatusBadge } from "@/components/consultations/status-badge";
import { TopicList } from "@/components/consultations/topic-list";
import { MarkdownContent } from "@/components/ui/markdown";
import { PageSection } from "@/components/ui/page-section";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getContributionCounts } from "@/lib/consultations/count-contributions";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { buildTimeline } from "@/lib/consultations/timeline";
import { formatDateRange } from "@/lib/format";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const consultation = await getConsultation((await params).slug);
  if (!consultation) return { title: "Consultation not found" };
  return { title: consultation.title, description: consultation.summary };
}

export default async function ConsultationPage({ params }: Props) {
  const consultation = await getConsultation((await params).slug);
  if (!consultation) notFound();
  const [user, counts] = await Promise.all([getCurrentUser(), getContributionCounts(consultation.id)]);
  const { timeZone, conference } = consultation;
  // The server's clock decides what is open now; the page is rendered per request.
  const now = new Date();
  const timeline = buildTimeline(consultation, conference, now);

  return (
    <article className="space-y-8">
      {consultation.status === "DRAFT" ? (
        <p role="note" className="rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-900">
          <strong>Draft.</strong> Only administrators can see this consultation. It is not listed publicly and does not accept contributions.
        </p>
      ) : null}

      <PageHeader back={{ href: "/consultations", label: "All consultations" }} title={consultation.title}>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <StatusBadge status={consultation.status} />
        </div>
        <p className="mt-4 max-w-3xl text-lg text-slate-800">{consultation.summary}</p>
        <TopicList topics={consultation.topics} />
      </PageHeader>

      <ContributeCall
        slug={consultation.slug}
        open={timeline.open}
        currentPhase={timeline.currentPhase}
        hasConference={conference !== null}
        signedIn={user !== null}
        opensAt={consultation.opensAt}
        closesAt={consultation.closesAt}
        timeZone={timeZone}
        now={now}
      />

      <PageSection id="timeline" title="Timeline">
        <p className="mt-2 max-w-3xl text-slate-700">
          {conference
            ? "A contribution belongs to the phase in which it is submitted: before, during or after the conference."
            : "This consultation is not tied to a conference: it has one contribution period."}{" "}
          Times are in {timeZone.replaceAll("_", " ")} time{conference ? ", the conference's" : ""}.
        </p>
        <ConsultationTimeline timeline={timeline} timeZone={timeZone} />
      </PageSection>

      {conference ? (
        <PageSection id="conference" title="The conference">
          <dl className="mt-3 grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">Conference</dt>
            <dd>
              <Link href={`/conferences/${conference.slug}`}>{conference.title}</Link>
            </dd>
            <dt className="font-semibold">When</dt>
            <dd>
              <time dateTime={conference.startsAt.toISOString()}>{formatDateRange(conference.startsAt, conference.endsAt, conference.timeZone)}</time>
            </dd>
            <dt className="font-semibold">Where</dt>
            <dd>{venueLabel(conference)}</dd>
          </dl>
        </PageSection>
      ) : null}

      <PageSection id="body" title="About this consultation">
        {consultation.body ? (
          <MarkdownContent source={consultation.body} className="mt-3" />
        ) : (
          <p className="mt-3 text-slate-700">The summary above says what this consultation is about.</p>
        )}
      </PageSection>

      <PageSection id="rules" title="Participation rules">
        {consultation.participationRules ? (
          <MarkdownContent source={consultation.participationRules} className="mt-3" />
        ) : (
          <p className="mt-3 max-w-3xl text-slate-700">
            Anyone with an account can contribute while the consultation is open. Every contribution is read by a moderator before it is
            published, under your name or anonymously, as you choose.
          </p>
        )}
      </PageSection>

      <PageSection id="questions" title="Questions">
        {consultation.questions.length === 0 ? (
          <p className="mt-3 text-slate-700">This consultation has no set questions: contributions are free text.</p>
        ) : (
          <QuestionList questions={consultation.questions} />
        )}
      </PageSection>

      <PageSection id="contributions" title="Contributions">
        <ContributionCounts slug={consultation.slug} counts={counts} hasConference={conference !== null} />
      </PageSection>

      <PageSection id="summary" title="Summary">
        <p className="mt-3 max-w-3xl">
          <Link href={`/consultations/${consultation.slug}/summary`}>Read the summary of this consultation</Link>: who took part, the themes of the
          contributions, the answers to the questions and the moderators&apos; synthesis.
        </p>
      </PageSection>
    </article>
  );
}
