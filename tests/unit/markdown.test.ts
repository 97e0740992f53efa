import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownContent } from "@/components/ui/markdown";

const render = (source: string) => renderToStaticMarkup(createElement(MarkdownContent, { source }));

describe("MarkdownContent", () => {
  it("renders markdown: emphasis, lists, links, tables", () => {
    const html = render("Some **bold** text.\n\n- one\n- two\n\n[EU AI Act](https://example.org/ai-act)\n\n| a | b |\n| - | - |\n| 1 | 2 |");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://example.org/ai-act">EU AI Act</a>');
    expect(html).toContain("<table>");
  });

  it("drops raw HTML instead of rendering it", () => {
    const html = render('Hello <script>alert(1)</script> <img src=x onerror="alert(2)"> <b>there</b>\n\n<iframe src="https://evil.example"></iframe>');
    expect(html).not.toMatch(/<script|<img|<iframe|onerror|<b>/i);
    expect(html).toContain("Hello");
  });

  it.each([
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "<javascript:alert(1)>",
    "![pic](javascript:alert(1))",
  ])("neutralises the dangerous URL in %s", (source) => {
    const html = render(source);
    expect(html).not.toMatch(/(href|src)="[^"]*(javascript|data|vbscript):/i);
    expect(html).not.toMatch(/<(a|img)\b/);
  });

  it("keeps relative and mailto links", () => {
    const html = render("[rules](/consultations/ai-act) and [write](mailto:team@agora.example)");
    expect(html).toContain('href="/consultations/ai-act"');
    expect(html).toContain('href="mailto:team@agora.example"');
  });

  it("loads images from this site only", () => {
    expect(render("![Agenda](/images/agenda.png)")).toContain('<img src="/images/agenda.png" alt="Agenda"');
    const html = render("![Tracker](https://tracker.example/pixel.gif) ![Also](//tracker.example/p.gif)");
    expect(html).not.toContain("<img");
    expect(html).toContain("Tracker");
  });

  it.each([
    ["# Context\n\n## Detail\n\n#### Deep", ["h3", "h4", "h6"]],
    ["## Background\n\n### Detail\n\n## Next", ["h3", "h4", "h3"]],
    ["###### Tiny", ["h3"]],
  ])("nests the headings of %j under the page's h1 and h2", (source, levels) => {
    const html = render(source);
    expect([...html.matchAll(/<(h[1-6])>/g)].map((match) => match[1])).toEqual(levels);
  });
});
