import Link from "next/link";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";
import { languageName } from "@/lib/vocabulary/languages";
import type { StakeholderType } from "@/lib/generated/prisma/enums";
import type { Theme, ThemeSummary, UnplacedDocuments } from "@/lib/summaries/themes/types";
import { formatCount, formatShare } from "@/lib/format";
import { PinButton } from "@/components/summaries/summary-editor-context";

type Props = {
  /** Unique on the page: ids of the themes' headings start with it. */
  id: string;
  summary: ThemeSummary;
  /** What the grouped texts are: "contributions", or "answers" to a question. */
  noun: "contributions" | "answers";
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

const cell = "border-b border-slate-200 px-2 py-1";

/** The themes found in a set of texts: each with its key terms, size, spread over stakeholder types and quotes. */
export function ThemeList({ id, summary, noun, of, headingLevel = 3, pinnable = false }: Props) {
  if (summary.documentCount === 0) return <p className="mt-2 text-slate-700">No {noun} to group.</p>;
  const languages = new Set(summary.themes.map((theme) => theme.language));
  return (
    <div className="mt-2">
      <p className="text-slate-700">
        {summary.themes.length === 0
          ? `No theme was found in the ${formatCount(summary.documentCount)} ${noun}.`
          : `${summary.themes.length} ${summary.themes.length === 1 ? "theme" : "themes"} in ${formatCount(summary.documentCount)} ${noun}, largest first. Themes are found by comparing the words of the ${noun} within each language, on our own servers.`}
      </p>
      {summary.themes.length > 0 ? (
        <ol className="mt-4 space-y-6">
          {summary.themes.map((theme, index) => (
            <li key={theme.key}>
              <ThemeArticle
                theme={theme}
                headingId={`${id}-theme-${index + 1}`}
                number={index + 1}
                noun={noun}
                of={of}
                showLanguage={languages.size > 1}
                headingLevel={headingLevel}
                pinnable={pinnable}
              />
            </li>
          ))}
        </ol>
      ) : null}
      <UnplacedNote unplaced={summary.unplaced} total={summary.documentCount} noun={noun} />
    </div>
  );
}

type ArticleProps = {
  theme: Theme;
  headingId: string;
  number: number;
  noun: Props["noun"];
  of: Props["of"];
  showLanguage: boolean;
  headingLevel: 3 | 4;
  pinnable: boolean;
};

function ThemeArticle({ theme, headingId, number, noun, of, showLanguage, headingLevel, pinnable }: ArticleProps) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const spread = (Object.entries(theme.byStakeholderType) as [StakeholderType, number][])
    .filter(([, count]) => count > 0)
    .sort(([typeA, a], [typeB, b]) => b - a || STAKEHOLDER_TYPE_LABELS[typeA].localeCompare(STAKEHOLDER_TYPE_LABELS[typeB], "en"));
  return (
    <article aria-labelledby={headingId} className="summary-theme rounded-lg border border-slate-200 p-4">
      <Heading id={headingId} className="text-lg font-semibold">
        Theme {number}: <span lang={theme.language}>{theme.terms.slice(0, 3).join(", ")}</span>
      </Heading>
      <p className="mt-1 text-slate-800">
        {formatCount(theme.size)} {theme.size === 1 ? noun.replace(/s$/, "") : noun} ({formatShare(theme.share)})
        {showLanguage ? <>, in {languageName(theme.language)}</> : null}
      </p>
      <p className="mt-2">
        <span className="font-medium">Key terms: </span>
        <span lang={theme.language}>{theme.terms.join(", ")}</span>
      </p>
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
      {theme.quotes.length > 0 ? (
        <div className="mt-3">
          <p className="font-medium">{theme.quotes.length === 1 ? "A representative quote" : "Representative quotes"}</p>
          <ul className="mt-2 space-y-3">
            {theme.quotes.map((quote) => (
              <li key={quote.reference} className="summary-quote">
                <figure>
                  <blockquote lang={theme.language} cite={`/contributions/${quote.reference}`} className="border-l-4 border-brand-600 pl-3 text-slate-800">
                    <p>“{quote.excerpt}”</p>
                  </blockquote>
                  <figcaption className="mt-1 flex flex-wrap items-center gap-3 pl-4 text-sm">
                    <Link href={`/contributions/${quote.reference}`}>{quote.reference}</Link>
                    {pinnable ? <PinButton reference={quote.reference} title={quote.excerpt} /> : null}
                  </figcaption>
                </figure>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </article>
  );
}

const REASONS: { key: keyof UnplacedDocuments["byReason"]; text: (count: string) => string }[] = [
  { key: "fewInLanguage", text: (count) => `${count} in a language with too few of them to group` },
  { key: "noDistinctiveWords", text: (count) => `${count} sharing no distinctive word with the others` },
  { key: "smallGroup", text: (count) => `${count} in groups too small to call a theme` },
];

function UnplacedNote({ unplaced, total, noun }: { unplaced: UnplacedDocuments; total: number; noun: Props["noun"] }) {
  if (unplaced.count === 0) return null;
  const reasons = REASONS.filter((reason) => unplaced.byReason[reason.key] > 0).map((reason) => reason.text(formatCount(unplaced.byReason[reason.key])));
  return (
    <p className="mt-4 text-sm text-slate-700">
      {formatCount(unplaced.count)} of the {formatCount(total)} {noun} ({formatShare(unplaced.share)}) are in no theme ({reasons.join("; ")}); they
      still count in every figure.
    </p>
  );
}
