import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense, type ReactNode } from "react";
import { HighlightList } from "@/components/summaries/highlight-list";
import { DuplicateFigures } from "@/components/summaries/duplicate-figures";
import { ParticipationFigures } from "@/components/summaries/participation-figures";
import { PrintButton } from "@/components/summaries/print-button";
import { ReportDownload } from "@/components/summaries/report-download";
import { QuestionFigures } from "@/components/summaries/question-figures";
import { SummaryEditor } from "@/components/summaries/summary-editor";
import { SummaryEditorProvider } from "@/components/summaries/summary-editor-context";
import { SummaryFilters, type FilterOption } from "@/components/summaries/summary-filters";
import { ThemeList } from "@/components/summaries/theme-list";
import { ThemeStatus } from "@/components/summaries/theme-status";
import { ThemeSteering } from "@/components/summaries/theme-steering";
import { VersionList } from "@/components/summaries/version-list";
import { MarkdownContent } from "@/components/ui/markdown";
import { PageLoading } from "@/components/ui/page-loading";
import { PageSection } from "@/components/ui/page-section";
import { countryName } from "@/lib/vocabulary/countries";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";
import { requireRoleForPage } from "@/lib/auth/current-user";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { readContributionFilters } from "@/lib/contributions/filter-schema";
import { getEnv } from "@/lib/env";
import { PHASE_LABELS } from "@/lib/vocabulary/phases";
import { languageName } from "@/lib/vocabulary/languages";
import { formatDateTime } from "@/lib/format";
import type { Phase, StakeholderType } from "@/lib/generated/prisma/enums";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { saveSummaryAction, steerThemesAction } from "@/lib/summaries/actions";
import type { SummaryStatistics } from "@/lib/summaries/compute-statistics";
import type { SummaryFilters as Filters } from "@/lib/summaries/filter-schema";
import type { DuplicateFigures as DuplicateFiguresData } from "@/lib/summaries/compute-duplicate-figures";
import { getSummaryFrame, type SummaryFiguresPart } from "@/lib/summaries/get-summary-page";
import type { StepOutcome } from "@/lib/summaries/steering/apply-steering";
import type { SteeringState } from "@/lib/summaries/steering/read-steering";
import { themeStatusJson } from "@/lib/summaries/theme-job/get-theme-status";
import { PageHeader } from "@/components/ui/page-header";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const consultation = await getConsultation((await params).slug);
  if (!consultation) return { title: "Consultation not found" };
  return { title: `Summary of ${consultation.title}`, description: `What stakeholders said in the consultation “${consultation.title}”: figures, themes and the moderators' synthesis.` };
}

/** A version from the address: a whole number from 1, or a page that does not exist. */
function readVersion(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (!/^[1-9]\d{0,8}$/.test(raw)) notFound();
  return Number(raw);
}

export default async function ConsultationSummaryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const live = firstParam(query.view) === "live";
  const version = live ? undefined : readVersion(firstParam(query.version));
  const base = `/consultations/${slug}/summary`;
  // Visitors are asked to sign in; participants get 403.
  if (live) await requireRoleForPage("MODERATOR", `${base}?view=live`);

  // Same reading as the contribution list: a filter that does not parse is
  // reported next to its field and left out, never a failed page.
  const read = readContributionFilters({ type: firstParam(query.type), country: firstParam(query.country), phase: firstParam(query.phase), language: firstParam(query.language) });
  const filters: Filters = {
    type: read.filters.type,
    country: read.filters.country,
    phase: read.filters.phase,
    language: read.filters.language,
    groups: firstParam(query.groups) === "once" ? "once" : undefined,
  };

  const data = await getSummaryFrame(slug, { version, live, filters });
  if (!data) notFound();
  const { consultation, shown } = data;
  const newestPublished = data.versions.find((entry) => entry.status === "PUBLISHED");
  const keep: Record<string, string> = live ? { view: "live" } : version !== undefined ? { version: String(version) } : {};
  const clearHref = `${base}${Object.keys(keep).length > 0 ? `?${new URLSearchParams(keep).toString()}` : ""}`;
  const hasFigures = live || shown !== null;

  const content: ReactNode = hasFigures ? (
    // A container: charts sit beside their tables only where the column is wide enough.
    <div className="@container space-y-10">
      {!live && shown ? (
        <>
          <PageSection id="synthesis" title="Synthesis">
            <MarkdownContent source={shown.synthesis} className="mt-3" />
          </PageSection>
          {data.highlights.length > 0 ? (
            <PageSection id="highlights" title="Highlights">
              <p className="mt-2 text-slate-700">Contributions the moderators chose as representative or notable.</p>
              <HighlightList highlights={data.highlights} />
            </PageSection>
          ) : null}
        </>
      ) : null}

      {/* The figures take a moment for a large consultation: the rest of the page is usable meanwhile. */}
      <Suspense fallback={<PageLoading label={live ? "Counting the contributions approved now…" : "Reading the figures of this version…"} rows={8} />}>
        <SummaryFiguresSections
          part={data.figures}
          duplicates={data.duplicates}
          live={live}
          clearHref={clearHref}
          keep={keep}
          readErrors={read.errors}
          hasConference={consultation.hasConference}
          themeStatus={
            data.liveThemes ? (
              <ThemeStatus
                // A new steering version starts its wait for the themes anew.
                key={data.liveThemes.steering.version}
                slug={consultation.slug}
                timeZone={consultation.timeZone}
                initial={themeStatusJson(data.liveThemes.status)}
              />
            ) : null
          }
          steering={
            data.liveThemes
              ? { slug: consultation.slug, consultationId: consultation.id, state: data.liveThemes.steering, outcomes: data.liveThemes.status.outcomes }
              : null
          }
        />
      </Suspense>

      <PageSection id="open-data" title="Open data">
        <p className="mt-2 max-w-3xl">
          Every approved contribution to this consultation, without e-mail addresses and without the names of authors who chose to stay
          anonymous: <a href={`/api/v1/consultations/${consultation.slug}/contributions.csv`}>CSV</a>
          {" · "}
          <a href={`/api/v1/consultations/${consultation.slug}/contributions.json`}>JSON</a> (<Link href="/open-data">about the open data</Link>).
        </p>
        {!live && shown ? (
          <p className="mt-2 max-w-3xl">
            Version {shown.version} of this summary, over all the contributions it counts whatever the filters:{" "}
            <a href={`/api/v1/consultations/${consultation.slug}/summaries/${shown.version}.csv`}>its figures as CSV</a>
            {" · "}
            <a href={`/api/v1/consultations/${consultation.slug}/summaries/${shown.version}.json`}>the whole version as JSON</a>, with the synthesis
            and the highlights.
          </p>
        ) : null}
      </PageSection>
    </div>
  ) : null;

  return (
    <article className="summary-page space-y-8">
      <PageHeader back={{ href: `/consultations/${consultation.slug}`, label: "Back to the consultation", noPrint: true }} title={<>Summary of “{consultation.title}”</>}>
        <div className="mt-3 max-w-3xl space-y-2 text-slate-800">
          {live ? (
            <p>
              <strong>Live view, for moderators only.</strong> The figures and themes are those of the contributions approved now and change
              with every decision. {newestPublished ? `Readers see version ${newestPublished.version} until you publish again.` : "Nothing is published yet."}
            </p>
          ) : shown?.publishedAt ? (
            <p>
              Version {shown.version}, published {formatDateTime(shown.publishedAt, consultation.timeZone)}. Its figures and themes are those of
              the contributions approved at that moment; contributions approved since count from the next version.
              {newestPublished && newestPublished.version !== shown.version ? (
                <>
                  {" "}
                  <Link href={base}>Read the newest version ({newestPublished.version})</Link>.
                </>
              ) : null}
            </p>
          ) : (
            <p>
              No summary has been published yet: the moderators publish it once they have read the contributions. Meanwhile you can{" "}
              <Link href={`/consultations/${consultation.slug}/contributions`}>read the published contributions</Link>.
            </p>
          )}
        </div>
        <div className="no-print mt-4 flex flex-wrap items-center gap-4">
          {hasFigures ? <PrintButton /> : null}
          {hasFigures ? <ReportDownload slug={consultation.slug} view={live ? { kind: "live" } : { kind: "published", version: shown?.version }} filters={filters} /> : null}
          {data.canEdit && !live ? <Link href={`${base}?view=live`}>Live view and synthesis editor</Link> : null}
          {live && newestPublished ? <Link href={base}>Published version</Link> : null}
        </div>
        {shown && !live ? (
          // Printed copies say where they come from: the links in them are relative to it.
          <p className="hidden print:block">
            Online at {getEnv().appUrl}
            {base}?version={shown.version}
          </p>
        ) : null}
        <VersionList slug={consultation.slug} versions={data.versions} current={live ? null : (shown?.version ?? null)} timeZone={consultation.timeZone} />
      </PageHeader>

      {live && data.approvedTotal !== null ? (
        <SummaryEditorProvider initial={data.highlights.map((highlight) => ({ reference: highlight.reference, title: highlight.title }))}>
          <div className="xl:grid xl:grid-cols-[minmax(0,1fr)_26rem] xl:gap-8">
            <aside
              aria-label="Synthesis editor"
              className="no-print mb-10 rounded-lg border border-slate-300 p-4 xl:sticky xl:top-4 xl:col-start-2 xl:row-start-1 xl:mb-0 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-y-auto"
            >
              <SummaryEditor
                slug={consultation.slug}
                consultationId={consultation.id}
                baseVersion={data.versions[0]?.version ?? 0}
                synthesis={shown?.synthesis ?? ""}
                total={data.approvedTotal}
                action={saveSummaryAction}
              />
            </aside>
            <div className="xl:col-start-1 xl:row-start-1">{content}</div>
          </div>
        </SummaryEditorProvider>
      ) : (
        content
      )}
    </article>
  );
}

type FiguresProps = {
  part: Promise<SummaryFiguresPart>;
  duplicates: Promise<DuplicateFiguresData | null>;
  live: boolean;
  clearHref: string;
  keep: Record<string, string>;
  readErrors: { type?: string; country?: string; phase?: string; language?: string };
  hasConference: boolean;
  /** Live view: whether its themes are current, and the theme job's progress. */
  themeStatus: ReactNode;
  /** Live view: the steering panel's data. */
  steering: { slug: string; consultationId: string; state: SteeringState; outcomes: StepOutcome[] | null } | null;
};

/** The filters, figures and themes of the view, once they are counted. */
async function SummaryFiguresSections({ part, duplicates, live, clearHref, keep, readErrors, hasConference, themeStatus, steering }: FiguresProps) {
  const [{ figures, unfilteredStatistics: whole, filters, filtered, filterErrors }, similar] = await Promise.all([part, duplicates]);
  if (!figures) return null;
  // A published version also leaves out a type or country it has no contribution from.
  const errors = {
    type: readErrors.type ?? filterErrors?.type,
    country: readErrors.country ?? filterErrors?.country,
    phase: readErrors.phase,
    language: readErrors.language ?? filterErrors?.language,
  };
  return (
    <>
      {whole ? <SummaryFilters clearHref={clearHref} hidden={keep} filters={filters} options={filterOptions(whole, filters, hasConference)} errors={errors} /> : null}
      {filtered && whole ? (
        <p className="rounded-md border-l-4 border-brand-600 bg-brand-50 p-4">
          Figures and themes of the {figures.statistics.total} of {whole.total} contributions with {describeFilters(filters)}.
          {live ? null : " The synthesis and the highlights were written about all of them."}
        </p>
      ) : null}

      <PageSection id="participation" title="Who took part">
        <ParticipationFigures statistics={figures.statistics} showPhases={hasConference} />
      </PageSection>

      {similar ? (
        <PageSection id="near-duplicates" title="Identical and near-identical texts">
          <DuplicateFigures figures={similar} countedOnce={filters.groups === "once"} />
        </PageSection>
      ) : null}

      <PageSection id="themes" title="Themes">
        {themeStatus}
        {steering ? (
          <ThemeSteering
            slug={steering.slug}
            consultationId={steering.consultationId}
            themes={figures.themes.contributions.themes.map((theme) => ({
              key: theme.key,
              label: theme.label,
              terms: theme.terms,
              subthemes: theme.subthemes.map((sub) => ({ key: sub.key, label: sub.label, terms: sub.terms })),
            }))}
            steering={{ version: steering.state.version, steps: steering.state.steps }}
            outcomes={steering.outcomes}
            action={steerThemesAction}
          />
        ) : null}
        <ThemeList id="themes" summary={figures.themes.contributions} noun="contributions" pinnable={live} />
      </PageSection>

      <PageSection id="questions" title="Answers to the questions">
        <QuestionFigures questions={figures.statistics.questions} themes={figures.themes.questions} total={figures.statistics.total} pinnable={live} />
      </PageSection>
    </>
  );
}

function filterOptions(
  statistics: SummaryStatistics,
  filters: Filters,
  hasConference: boolean,
): { type: FilterOption[]; country: FilterOption[]; phase?: FilterOption[]; language: FilterOption[] } {
  const type = statistics.byStakeholderType.flatMap((row) => (row.key ? [{ value: row.key, label: row.label, count: row.count }] : []));
  const country = statistics.byCountry
    .flatMap((row) => (row.code ? [{ value: row.code, label: row.name, count: row.count }] : []))
    .sort((a, b) => a.label.localeCompare(b.label, "en"));
  const phase = statistics.byPhase.filter((row) => row.count > 0).map((row) => ({ value: row.key, label: row.label, count: row.count }));
  // A value from an old link that no contribution has stays selectable, so
  // the form shows what the figures are filtered by.
  if (filters.type && !type.some((option) => option.value === filters.type)) type.push({ value: filters.type, label: STAKEHOLDER_TYPE_LABELS[filters.type], count: 0 });
  if (filters.country && !country.some((option) => option.value === filters.country)) country.push({ value: filters.country, label: countryName(filters.country), count: 0 });
  if (filters.phase && !phase.some((option) => option.value === filters.phase)) phase.push({ value: filters.phase, label: PHASE_LABELS[filters.phase], count: 0 });
  const language = statistics.byLanguage.map((row) => ({ value: row.code, label: row.name, count: row.count })).sort((a, b) => a.label.localeCompare(b.label, "en"));
  if (filters.language && !language.some((option) => option.value === filters.language)) language.push({ value: filters.language, label: languageName(filters.language), count: 0 });
  // Without a conference, phases mean nothing: no filter by them (an old link's phase=… still filters, and says so above the figures).
  return { type, country, ...(hasConference || filters.phase ? { phase } : {}), language };
}

function describeFilters(filters: Filters): string {
  const parts = [
    filters.type ? `stakeholder type “${STAKEHOLDER_TYPE_LABELS[filters.type as StakeholderType]}”` : null,
    filters.country ? `country “${countryName(filters.country)}”` : null,
    filters.phase ? `phase “${PHASE_LABELS[filters.phase as Phase]}”` : null,
    filters.language ? `language “${languageName(filters.language)}”` : null,
    filters.groups === "once" ? "each group of near-identical contributions counted once" : null,
  ].filter((part) => part !== null);
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "");
}
