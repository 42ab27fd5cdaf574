import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Posts are written in Markdown and kept as written; readers get HTML
 * rendered by `marked` and cleaned by `sanitize-html` (kept libraries, both
 * pure JavaScript, so the same code runs on Node and on Workers). Scripts,
 * event handlers, styles and any link that is not http(s) or mailto never
 * reach the HTML. Pure: no I/O.
 */
const marked = new Marked({ async: false, gfm: true, breaks: true });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // headings stay below the page's own; links say they come from a user
    h1: 'h3',
    h2: 'h4',
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener' }),
  },
};

export function renderMarkdown(body: string): string {
  return sanitizeHtml(marked.parse(body) as string, SANITIZE).trim();
}

/**
 * Every link a body carries, as a reader would meet it (for the cap on new
 * accounts): each `href` the rendered HTML holds — Markdown links, `www.`
 * and bare autolinks alike — and any http(s) address written out that did not
 * render as a link (inside code), so nothing stored escapes the count.
 */
export function linksIn(body: string): string[] {
  const html = renderMarkdown(body);
  const rendered = [...html.matchAll(/<a\s[^>]*href="([^"]*)"/gi)].map((m) => m[1]!);
  const written = body.match(/\bhttps?:\/\/[^\s)<>\]`]+/gi) ?? [];
  const renderedSet = new Set(rendered.map((h) => h.replace(/&amp;/g, '&')));
  return [...rendered, ...written.filter((w) => !renderedSet.has(w))];
}

/**
 * Mentions: `@72.10` names a region by its Kemendagri code, `@usr_…` a user.
 * Codes inside code spans count too; they only notify those who may read.
 */
export function mentionsIn(body: string): { regionCodes: string[]; userIds: string[] } {
  const regionCodes = [
    ...new Set([...body.matchAll(/(?<![\w.])@(\d{2}(?:\.\d{2})?)(?![\w.]*\d)/g)].map((m) => m[1]!)),
  ];
  const userIds = [
    ...new Set([...body.matchAll(/(?<!\w)@(usr_[0-9a-z]{26})\b/g)].map((m) => m[1]!)),
  ];
  return { regionCodes, userIds };
}

/** The first words of a body, as plain text, for quotes, search results and emails. */
export function excerptOf(body: string, max = 200): string {
  const text = body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/[#>*_`~[\]()!|-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
