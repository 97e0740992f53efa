import type { Metadata } from "next";
import { CodeExample } from "@/components/open-data/code-example";
import { DownloadTable } from "@/components/open-data/download-table";
import { EndpointDescription, type EndpointView } from "@/components/open-data/endpoint-description";
import { FieldTable } from "@/components/open-data/field-table";
import { NearDuplicateMethod } from "@/components/open-data/near-duplicate-method";
import { PageSection } from "@/components/ui/page-section";
import { CSV_COLUMNS, CSV_FORMULA_STARTS, CSV_LIST_SEPARATOR } from "@/lib/open-data/csv-columns";
import { describeFields, describeParameter } from "@/lib/open-data/describe-schema";
import { findDownloadableConsultations } from "@/lib/open-data/find-downloadable-consultations";
import { OPEN_DATA_LICENCE } from "@/lib/open-data/licence";
import { API_BASE_PATH, apiUrl } from "@/lib/open-data/links";
import { OPEN_DATA_PATHS, OPEN_DATA_SCHEMAS, type OperationObject } from "@/lib/open-data/openapi";
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, QUERY_ERROR_MESSAGE } from "@/lib/open-data/page-query";
import { SUMMARY_CSV_COLUMNS, SUMMARY_CSV_SECTIONS } from "@/lib/open-data/summary-csv";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = {
  title: "Open data",
  description: "Download the approved contributions to every consultation and its published summaries as CSV or JSON, or read them through a documented JSON API.",
};

const SECTIONS = [
  { id: "published", title: "What is published" },
  { id: "licence", title: "Licence" },
  { id: "downloads", title: "Downloads" },
  { id: "api", title: "API" },
  { id: "fields", title: "Fields" },
  { id: "csv", title: "CSV columns" },
  { id: "summary-csv", title: "Summary CSV" },
  { id: "near-duplicates", title: "Near-duplicates and campaigns" },
] as const;

const sectionTitle = (id: (typeof SECTIONS)[number]["id"]) => SECTIONS.find((section) => section.id === id)?.title ?? id;

// The field tables, from the schemas the OpenAPI document publishes.
const RECORDS: { id: string; schema: keyof typeof OPEN_DATA_SCHEMAS; title: string }[] = [
  { id: "fields-contribution", schema: "Contribution", title: "Contribution" },
  { id: "fields-author", schema: "Author", title: "Author (of a contribution)" },
  { id: "fields-attachment", schema: "Attachment", title: "Attachment (of a contribution)" },
  { id: "fields-consultation", schema: "Consultation", title: "Consultation" },
  { id: "fields-question", schema: "Question", title: "Question (of a consultation)" },
  { id: "fields-conference", schema: "Conference", title: "Conference (of a consultation)" },
  { id: "fields-summary", schema: "Summary", title: "Summary (a published version)" },
  { id: "fields-summary-highlight", schema: "SummaryHighlight", title: "Highlight (of a summary)" },
  { id: "fields-summary-statistics", schema: "SummaryStatistics", title: "Statistics (of a summary)" },
  { id: "fields-question-statistics", schema: "QuestionStatistics", title: "Answers to a question (in a summary's statistics)" },
  { id: "fields-summary-themes", schema: "SummaryThemes", title: "Themes (of a summary)" },
  { id: "fields-question-themes", schema: "QuestionThemes", title: "Themes of the answers to a question" },
  { id: "fields-theme-summary", schema: "ThemeSummary", title: "Themes of a set of texts" },
  { id: "fields-theme", schema: "Theme", title: "Theme" },
  { id: "fields-subtheme", schema: "Subtheme", title: "Sub-theme (of a theme)" },
  { id: "fields-theme-group", schema: "ThemeGroup", title: "Group of near-identical texts (in a theme)" },
  { id: "fields-theme-quote", schema: "ThemeQuote", title: "Quote (of a theme)" },
  { id: "fields-theme-quote-source", schema: "ThemeQuoteSource", title: "Source (of a quote)" },
  { id: "fields-not-themed", schema: "NotThemed", title: "Not themed (of a set of texts)" },
];

/** The example request of an endpoint, on this site and on one of its own consultations (its newest summary for a summary's). */
function exampleRequest(path: string, operation: OperationObject, slug: string): string {
  const example = operation.responses["200"]?.content?.["application/json"]?.example;
  const self = typeof example === "object" && example !== null && "links" in example ? (example as { links: { self?: string } }).links.self : undefined;
  const query = self ? new URL(self).search : "";
  const url = `${apiUrl(path.replaceAll("{slug}", slug).replaceAll("{version}", "latest"))}${query}`;
  // -OJ saves a download under the name the server gives it.
  return operation.responses["200"]?.headers?.["Content-Disposition"] ? `curl -OJ "${url}"` : `curl "${url}"`;
}

function exampleResponse(operation: OperationObject): EndpointView["exampleResponse"] {
  const [contentType, media] = Object.entries(operation.responses["200"]?.content ?? {})[0] ?? [];
  if (!contentType || media?.example === undefined) return null;
  return { contentType, text: typeof media.example === "string" ? media.example : JSON.stringify(media.example, null, 2) };
}

export default async function OpenDataPage() {
  const consultations = await findDownloadableConsultations();
  const exampleSlug = (consultations.find((consultation) => consultation.approvedContributions > 0) ?? consultations[0])?.slug ?? "{slug}";
  const endpoints: EndpointView[] = Object.entries(OPEN_DATA_PATHS).map(([path, { get: operation }]) => ({
    id: `endpoint-${operation.operationId}`,
    path: `${API_BASE_PATH}${path}`,
    summary: operation.summary,
    description: operation.description,
    parameters: (operation.parameters ?? []).map(describeParameter),
    exampleRequest: exampleRequest(path, operation, exampleSlug),
    exampleResponse: exampleResponse(operation),
  }));

  return (
    <div className="space-y-10">
      <PageHeader title="Open data">
        <p className="mt-2 max-w-3xl text-slate-700">
          Every approved contribution to a consultation, and every published summary of one, can be downloaded as a CSV or JSON
          file and read through a JSON API, free of charge and without an account or a key, for research, journalism or your own
          analysis.
        </p>
        <nav aria-label="On this page" className="mt-4">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {SECTIONS.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      </PageHeader>

      <PageSection id="published" title={sectionTitle("published")}>
        <ul className="mt-3 max-w-3xl list-disc space-y-2 pl-6">
          <li>
            Every contribution a moderator has approved, to every consultation that is open, closed or archived: its reference,
            text, answers to the consultation’s questions, language, phase, dates and attached files.
          </li>
          <li>
            About its author: the stakeholder type and the country, always; the name and the organisation only when the author
            chose to publish them. Authors who chose to stay anonymous are published without name or organisation.
          </li>
          <li>
            Every published version of a consultation’s summary: the moderators’ synthesis, the contributions they highlighted,
            and the figures and themes as they were when the version was published. A highlight or a quote of a contribution
            hidden or withdrawn since is left out; the figures stay as they were. Never a draft, nor who wrote the summary.
          </li>
          <li>
            Never: anyone’s e-mail address or account, contributions waiting for moderation, rejected, hidden or withdrawn ones,
            and consultations still in preparation. A contribution hidden or withdrawn after its publication leaves the data
            within a minute (answers may be cached for 60 seconds).
          </li>
        </ul>
      </PageSection>

      <PageSection id="licence" title={sectionTitle("licence")}>
        <p className="mt-3 max-w-3xl">{OPEN_DATA_LICENCE.statement}</p>
        <p className="mt-2">
          <a href={OPEN_DATA_LICENCE.url} rel="license">
            {OPEN_DATA_LICENCE.name}
          </a>
        </p>
      </PageSection>

      <PageSection id="downloads" title={sectionTitle("downloads")}>
        <p className="mt-3 max-w-3xl">
          One file per consultation with all its approved contributions, made when you ask for it. The CSV opens in a spreadsheet
          (UTF-8, one row per contribution); the JSON holds the same records as the API. Once the moderators have published a
          summary of a consultation, its newest version can be downloaded too: its figures as CSV, or the whole version (synthesis,
          highlights, figures and themes) as JSON; the links always give the newest version.
        </p>
        <DownloadTable consultations={consultations} />
      </PageSection>

      <PageSection id="api" title={sectionTitle("api")}>
        <div className="mt-3 max-w-3xl space-y-2">
          <p>
            Every address below answers <code>GET</code> requests with JSON, from any origin (CORS). The base address is{" "}
            <code className="[overflow-wrap:anywhere]">{apiUrl("")}</code>. A machine-readable description is at{" "}
            <a href={`${API_BASE_PATH}/openapi.json`}>{`${API_BASE_PATH}/openapi.json`}</a> (OpenAPI 3.1).
          </p>
          <p>
            Lists come a page at a time: <code>limit</code> sets the size of a page ({DEFAULT_PAGE_LIMIT} by default, at most{" "}
            {MAX_PAGE_LIMIT}) and <code>links.next</code> is the address of the next page, with its <code>cursor</code>; it is absent
            on the last page. Follow it as it is: pages neither repeat nor skip a contribution, even when new ones are approved
            meanwhile. Contributions come in the order of their reference numbers, the order they were submitted in; summary versions
            newest first.
          </p>
          <p>
            An error answers with a status (404 for a consultation or a summary version that does not exist or is not published, 422 for a{" "}
            <code>limit</code> or <code>cursor</code> that is not valid) and a body such as:
          </p>
        </div>
        <CodeExample
          caption="Example error (422)"
          code={JSON.stringify(
            { error: { code: "VALIDATION", message: QUERY_ERROR_MESSAGE, fieldErrors: { limit: [`The limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}.`] } } },
            null,
            2,
          )}
        />
        {endpoints.map((endpoint) => (
          <EndpointDescription key={endpoint.id} endpoint={endpoint} />
        ))}
      </PageSection>

      <PageSection id="fields" title={sectionTitle("fields")}>
        <p className="mt-3 max-w-3xl">Dates are ISO 8601 in UTC. Codes (phase, stakeholder type, status, question kind) are the values listed.</p>
        {RECORDS.map((record) => (
          <section key={record.id} aria-labelledby={`${record.id}-heading`} className="mt-8">
            <h3 id={`${record.id}-heading`} className="text-xl font-bold">
              {record.title}
            </h3>
            <FieldTable caption={OPEN_DATA_SCHEMAS[record.schema].description ?? record.title} fields={describeFields(OPEN_DATA_SCHEMAS[record.schema])} />
          </section>
        ))}
      </PageSection>

      <PageSection id="csv" title={sectionTitle("csv")}>
        <p className="mt-3 max-w-3xl">
          Comma-separated, UTF-8 with a byte order mark so that spreadsheets read every alphabet, one row per contribution.
          After the columns below comes one column per question of the consultation, headed “Q1. ” and the question, with
          the answer; the choices of a multiple-choice answer are separated by “{CSV_LIST_SEPARATOR.trim()}”. A cell that
          starts with {CSV_FORMULA_STARTS} begins with an apostrophe, so that a spreadsheet shows it instead of running it as a
          formula; the JSON keeps every text exactly as written.
        </p>
        <FieldTable
          caption="Columns of contributions.csv"
          nameHeader="Column"
          fields={CSV_COLUMNS.map((column) => ({ name: column.header, type: "", description: column.description, optional: false }))}
        />
      </PageSection>

      <PageSection id="summary-csv" title={sectionTitle("summary-csv")}>
        <p className="mt-3 max-w-3xl">
          The CSV of a summary version holds its figures, one row per figure, with the same encoding and the same care for formulas
          as the contributions’ CSV. The synthesis, the highlights and the themes’ quotes are text, not figures: they are in the
          JSON only.
        </p>
        <FieldTable
          caption="Columns of a summary’s CSV"
          nameHeader="Column"
          fields={SUMMARY_CSV_COLUMNS.map((column) => ({ name: column.header, type: "", description: column.description, optional: false }))}
        />
        <FieldTable
          caption="Sections (the section column), in the order the rows come"
          nameHeader="Section"
          fields={SUMMARY_CSV_SECTIONS.map((section) => ({ name: section.name, type: "", description: section.description, optional: false }))}
        />
      </PageSection>

      <PageSection id="near-duplicates" title={sectionTitle("near-duplicates")}>
        <NearDuplicateMethod />
      </PageSection>
    </div>
  );
}
