/**
 * Markdown cells as HTML: CommonMark with GitHub's tables and strikethrough, and $math$ / $$math$$
 * typeset by KaTeX. Imported notebooks are untrusted, so the HTML is safe by construction:
 * micromark passes no raw HTML through (it is shown as text) and drops links whose protocol is not
 * http(s), mailto, irc or xmpp (javascript:, data:, vbscript:); KaTeX runs untrusted (no \href,
 * \url or \html...). Images are not loaded: they become links, so a notebook cannot make the
 * page fetch from another site. Headings are one level down (# is an h2: the page has the h1).
 * Loaded only by the notebook page (KaTeX is about 75 KB gzipped).
 */
import 'katex/dist/katex.min.css';
import { micromark } from 'micromark';
import { gfmStrikethrough, gfmStrikethroughHtml } from 'micromark-extension-gfm-strikethrough';
import { gfmTable, gfmTableHtml } from 'micromark-extension-gfm-table';
import { math, mathHtml } from 'micromark-extension-math';

const extensions = [math(), gfmTable(), gfmStrikethrough({ singleTilde: false })];
const htmlExtensions = [
  // KaTeX's defaults, spelled out: untrusted input, bounded macro expansion; errors shown in place.
  mathHtml({ throwOnError: false, trust: false, strict: 'ignore', maxExpand: 1000, maxSize: 20, errorColor: 'var(--danger)' }),
  gfmTableHtml(),
  gfmStrikethroughHtml(),
];

// micromark writes headings exactly like this (raw HTML in the source is escaped, so only it can).
const HEADING = /<(\/?)h([1-6])>/g;
// micromark writes images exactly like this, attributes escaped (&quot; for quotes).
const IMAGE = /<img src="([^"]*)" alt="([^"]*)"(?: title="[^"]*")? \/>/g;

/** The Markdown `source` as HTML that is safe to insert into the page. */
export function renderMarkdown(source: string): string {
  const html = micromark(source, { extensions, htmlExtensions, allowDangerousHtml: false, allowDangerousProtocol: false });
  return (
    html
      // A link whose address was dropped as unsafe: plain text, not a link to this page.
      .replaceAll('<a href="">', '<a>')
      // The page has its own h1 (one per page): a cell's "# Title" is a section of it, an h2, and so on down.
      .replace(HEADING, (_, close: string, level: string) => `<${close}h${Math.min(6, Number(level) + 1)}>`)
      .replaceAll('<a href="', '<a rel="nofollow noopener noreferrer" href="')
      .replace(IMAGE, (_, src: string, alt: string) => {
        const label = `Image${alt ? `: ${alt}` : ''}`;
        return src ? `<a class="nb-md__image" rel="nofollow noopener noreferrer" href="${src}">${label}</a>` : `<span class="nb-md__image">${label} (not shown)</span>`;
      })
  );
}
