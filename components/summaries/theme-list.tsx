import Link from "next/link";
import type { ReactNode } from "react";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";
import type { Theme, ThemeQuote, ThemeSummary } from "@/lib/summaries/themes/types";
import { formatCount } from "@/lib/format";
import {
  dominantLanguage,
  NOT_THEMED_HEADING,
  notThemedReasons,
  notThemedSummary,
  onlyLanguage,
  quotePlace,
  seedWords,
  stakeholderSpread,
  STEERED_MARK,
  themeGroups,
  themeLanguages,
  themesIntro,
  themeSize,
  type ThemeNoun,
} from "@/lib/summaries/theme-wording";
import { PinButton } from "@/components/summaries/summary-editor-context";

type Props = {
  /** Unique on the page: ids of the themes' headings start with it. */
  id: string;
  summary: ThemeSummary;
  /** What the grouped texts are: "contributions", or "answers" to a question. */
  noun: ThemeNoun;
  /**
   * What the themes are of, such as "Question 2", when the page has other
   * themes: it starts each table's caption, as screen-reader users move
   * from table to table by their captions.
   */
  of?: string;
  headingLevel?: 3 | 4;
  /** In the live view: a Pin button beside each quote puts its contribution into the editor's highlights. */
  pinnable?: boolean;
};

type HeadingLevel = 3 | 4 | 5;

const cell = "border-b border-slate-200 px-2 py-1";

/**
 * The themes found in a set of texts: each with its label, terms, size,
 * languages, spread over stakeholder types, quotes and sub-themes; then
 * those in no theme, by reason. Wording in lib/summaries/theme-wording.ts,
 * shared with the report.
 */
export function ThemeList({ id, summary, noun, of, headingLevel = 3, pinnable = false }: Props) {
  const intro = <p className="mt-2 text-slate-700">{themesIntro(summary, noun)}</p>;
  if (summary.documentCount === 0) return intro;
  return (
    <div className="mt-2">
      {intro}
      {summary.themes.length > 0 ? (
        <ol className="mt-4 space-y-6">
          {summary.themes.map((theme, index) => (
            <li key={theme.key}>
              <ThemeArticle
                theme={theme}
                headingId={`${id}-theme-${index + 1}`}
                number={String(index + 1)}
                noun={noun}
                of={of}
                headingLevel={headingLevel}
                pinnable={pinnable}
              />
            </li>
          ))}
        </ol>
      ) : null}
      <NotThemedNote id={id} summary={summary} noun={noun} headingLevel={headingLevel} />
    </div>
  );
}

type ThemeProps = {
  theme: Theme;
  headingId: string;
  /** "2", or "2.1" for a sub-theme. */
  number: string;
  noun: ThemeNoun;
  of: Props["of"];
  headingLevel: HeadingLevel;
  pinnable: boolean;
};

function Heading({ level, id, className, children }: { level: HeadingLevel; id: string; className: string; children: ReactNode }) {
  const Tag = level === 3 ? "h3" : level === 4 ? "h4" : "h5";
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
}

function ThemeArticle({ theme, headingId, number, noun, of, headingLevel, pinnable }: ThemeProps) {
  const spread = stakeholderSpread(theme);
  const subthemesId = `${headingId}-subthemes`;
  return (
    <article aria-labelledby={headingId} className="summary-theme rounded-lg border border-slate-200 p-4">
      <Heading level={headingLevel} id={headingId} className="text-lg font-semibold">
        Theme {number}: <span lang={dominantLanguage(theme)}>{theme.label}</span>
      </Heading>
      <ThemeFacts theme={theme} noun={noun} />
      <table className="summary-table mt-3 border-collapse text-left text-sm">
        <caption className="mb-1 text-left font-medium text-slate-800">{of ? `${of}, theme ${number}` : `Theme ${number}`} by stakeholder type</caption>
        <thead>
          <tr className="bg-slate-50">
            <th scope="col" className={cell}>
              Stakeholder type
            </th>
            <th scope="col" className={`${cell} text-right`}>
              {noun === "answers" ? "Answers" : "Contributions"}
            </th>
          </tr>
        </thead>
        <tbody>
          {spread.map(([type, count]) => (
            <tr key={type}>
              <th scope="row" className={`${cell} font-normal`}>
                {STAKEHOLDER_TYPE_LABELS[type]}
              </th>
              <td className={`${cell} text-right tabular-nums`}>{formatCount(count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Quotes theme={theme} noun={noun} pinnable={pinnable} />
      {theme.subthemes.length > 0 ? (
        <div className="mt-4">
          <p id={subthemesId} className="font-medium">
            {theme.subthemes.length === 1 ? "1 sub-theme" : `${formatCount(theme.subthemes.length)} sub-themes`}
          </p>
          <ol aria-labelledby={subthemesId} className="mt-2 space-y-4 border-l-2 border-slate-200 pl-4">
            {theme.subthemes.map((subtheme, index) => (
              <li key={subtheme.key}>
                <Subtheme
                  theme={subtheme}
                  headingId={`${headingId}-${index + 1}`}
                  number={`${number}.${index + 1}`}
                  noun={noun}
                  headingLevel={headingLevel === 3 ? 4 : 5}
                  pinnable={pinnable}
                />
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </article>
  );
}

/** A sub-theme: lighter than a theme, without its own table, as its theme's table already counts its texts. */
function Subtheme({ theme, headingId, number, noun, headingLevel, pinnable }: Omit<ThemeProps, "of">) {
  return (
    <div className="summary-subtheme">
      <Heading level={headingLevel} id={headingId} className="font-semibold">
        Sub-theme {number}: <span lang={dominantLanguage(theme)}>{theme.label}</span>
      </Heading>
      <ThemeFacts theme={theme} noun={noun} />
      <Quotes theme={theme} noun={noun} pinnable={pinnable} />
    </div>
  );
}

/** Steering marks, size, groups of near-identical texts, languages and terms. */
function ThemeFacts({ theme, noun }: { theme: Theme; noun: ThemeNoun }) {
  const groups = themeGroups(theme, noun);
  const languages = themeLanguages(theme);
  return (
    <>
      {theme.steered ? (
        <p className="mt-1">
          <span className="inline-block rounded bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">{STEERED_MARK}</span>
        </p>
      ) : null}
      {theme.seeds && theme.seeds.length > 0 ? <p className="mt-1 text-sm text-slate-800">{seedWords(theme.seeds)}</p> : null}
      <p className="mt-1 text-slate-800">{themeSize(theme, noun)}</p>
      {groups ? <p className="mt-1 text-sm text-slate-700">{groups}</p> : null}
      {languages ? <p className="mt-1 text-sm text-slate-700">Languages: {languages}</p> : null}
      <p className="mt-2">
        <span className="font-medium">Key terms: </span>
        <span lang={onlyLanguage(theme)}>{theme.terms.join(", ")}</span>
      </p>
    </>
  );
}

function Quotes({ theme, noun, pinnable }: { theme: Theme; noun: ThemeNoun; pinnable: boolean }) {
  if (theme.quotes.length === 0) return null;
  // A quote has no language of its own: only a theme of one language says which.
  const language = onlyLanguage(theme);
  return (
    <div className="mt-3">
      <p className="font-medium">{theme.quotes.length === 1 ? "A representative quote" : "Representative quotes"}</p>
      <ul className="mt-2 space-y-3">
        {theme.quotes.map((quote, index) => (
          <li key={`${quote.reference}-${index}`} className="summary-quote">
            <figure>
              <blockquote lang={language} cite={`/contributions/${quote.reference}`} className="border-l-4 border-brand-600 pl-3 text-slate-800">
                <p>“{quote.text}”</p>
              </blockquote>
              <figcaption className="mt-1 flex flex-wrap items-center gap-3 pl-4 text-sm">
                <QuoteSource quote={quote} noun={noun} />
                {pinnable ? <PinButton reference={quote.reference} title={quote.text} /> : null}
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The contribution, linked to its page, and where in it the sentence is; an attachment links to its file. */
function QuoteSource({ quote, noun }: { quote: ThemeQuote; noun: ThemeNoun }) {
  const { source } = quote;
  const contribution = <Link href={`/contributions/${quote.reference}`}>{quote.reference}</Link>;
  if (!source) return <span>{contribution}</span>;
  if (source.kind !== "attachment") {
    return (
      <span>
        {contribution}, {quotePlace(source, noun)}
      </span>
    );
  }
  // The file downloads as its contribution is public (lib/attachments/access.ts), the same route as the contribution page's list.
  return (
    <span>
      {contribution}, attachment <a href={`/api/attachments/${source.attachmentId}`}>{source.fileName}</a>, page {formatCount(source.page)}
    </span>
  );
}

function NotThemedNote({ id, summary, noun, headingLevel }: { id: string; summary: ThemeSummary; noun: ThemeNoun; headingLevel: 3 | 4 }) {
  if (summary.notThemed.count === 0) return null;
  const headingId = `${id}-not-themed`;
  return (
    <div className="mt-6 text-slate-700">
      <Heading level={headingLevel} id={headingId} className="text-lg font-semibold text-slate-900">
        {NOT_THEMED_HEADING}
      </Heading>
      <p className="mt-1">{notThemedSummary(summary, noun)}</p>
      <ul className="mt-1 list-disc pl-6">
        {notThemedReasons(summary, noun).map(({ reason, text }) => (
          <li key={reason}>{text}</li>
        ))}
      </ul>
    </div>
  );
}
