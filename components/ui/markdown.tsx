import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

// Consultation bodies are markdown. react-markdown builds React elements from
// the syntax tree and never injects HTML: raw HTML in the source is dropped
// (skipHtml, and no rehype-raw), and its default urlTransform empties any URL
// whose protocol is not http(s), mailto, irc(s) or xmpp, so `javascript:` and
// `data:` links cannot run. A link emptied that way is shown as plain text.
// Images load only from this site: a third-party image would tell its host
// who reads the consultation.

type MarkdownNode = { type: string; depth?: number; children?: MarkdownNode[] };

// The page owns the h1 and the section h2s. Authors start their sections at
// "#" or at "##" as they please: the body's top level becomes h3, and the
// levels below keep their nesting.
function remarkNestHeadings() {
  return (tree: MarkdownNode) => {
    const headings: MarkdownNode[] = [];
    const walk = (node: MarkdownNode) => {
      if (node.type === "heading") headings.push(node);
      node.children?.forEach(walk);
    };
    walk(tree);
    const top = Math.min(...headings.map((heading) => heading.depth ?? 1));
    for (const heading of headings) heading.depth = Math.min(6, (heading.depth ?? 1) - top + 3);
  };
}

const components: Components = {
  a: ({ href, title, children }) => (href ? <a href={href} title={title}>{children}</a> : <span>{children}</span>),
  img: ({ src, alt, title }) =>
    typeof src === "string" && src.startsWith("/") && !src.startsWith("//") ? (
      // eslint-disable-next-line @next/next/no-img-element -- authored content of unknown size; next/image needs dimensions
      <img src={src} alt={alt ?? ""} title={title} className="max-w-full" />
    ) : (
      <span>{alt}</span>
    ),
};

const prose = [
  "max-w-3xl leading-relaxed text-slate-900",
  "[&_p]:mt-4 [&_ul]:mt-4 [&_ol]:mt-4 [&_ul]:list-disc [&_ol]:list-decimal [&_ul]:pl-6 [&_ol]:pl-6 [&_li]:mt-1",
  "[&_h3]:mt-8 [&_h3]:text-xl [&_h3]:font-semibold [&_h4]:mt-6 [&_h4]:text-lg [&_h4]:font-semibold [&_h5]:mt-4 [&_h5]:font-semibold [&_h6]:mt-4 [&_h6]:font-semibold",
  "[&_blockquote]:mt-4 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-4 [&_blockquote]:text-slate-700",
  "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_pre]:mt-4 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-4",
  "[&_table]:mt-4 [&_table]:border-collapse [&_td]:border [&_td]:border-slate-300 [&_td]:px-3 [&_td]:py-1 [&_th]:border [&_th]:border-slate-300 [&_th]:px-3 [&_th]:py-1 [&_th]:text-left",
  "[&_hr]:my-6 [&_hr]:border-slate-200 [&>:first-child]:mt-0",
].join(" ");

export function MarkdownContent({ source, className = "" }: { source: string; className?: string }) {
  return (
    <div className={`${prose} ${className}`}>
      <Markdown remarkPlugins={[remarkGfm, remarkNestHeadings]} skipHtml components={components}>
        {source}
      </Markdown>
    </div>
  );
}
