/**
 * Feed text to plain text without a DOM (the background is a service worker). Titles and
 * summaries arrive as HTML in practice, whatever the format says, so every one is read as
 * HTML: a plain-text title loses nothing but a literal "<tag>".
 */
import { decodeHTMLStrict } from 'entities';

/** About how long a summary may be: a feed's "summary" is sometimes the whole article. */
export const SUMMARY_MAX = 2000;

/** Elements whose content is never text a reader sees. */
const HIDDEN = /<(script|style|noscript|template|iframe|object)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** Tags that end a run of text: removing them must leave a space ("<p>a</p><p>b</p>" is "a b"). */
const BLOCK_TAGS = (
  'address article aside blockquote br dd div dl dt figcaption figure footer ' +
  'h[1-6] header hr img li ol p pre section table td th tr ul'
).split(' ');
const BREAK = new RegExp(`<\\/?(?:${BLOCK_TAGS.join('|')})\\b[^>]*>`, 'gi');
/** Any other tag; attribute values may hold ">". */
const TAG = /<\/?[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/g;

/** How much of a field is read: a summary keeps 2,000 characters, and a bound keeps the patterns linear. */
const MAX_HTML = 100_000;

/** HTML (or plain text) as one line of plain text; null when nothing is left. */
export function htmlText(value: string | null | undefined): string | null {
  if (!value) return null;
  const html = value.length > MAX_HTML ? value.slice(0, MAX_HTML) : value;
  const text = decodeHTMLStrict(html.replace(HIDDEN, ' ').replace(COMMENT, ' ').replace(BREAK, ' ').replace(TAG, ''))
    .replace(/[\s\u00a0\u2000-\u200b\u2028\u2029\u3000]+/g, ' ')
    .trim();
  return text || null;
}

/** Clip text at a word boundary near `max` characters, marking the cut with an ellipsis. */
export function clip(text: string | null, max = SUMMARY_MAX): string | null {
  if (text === null || text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > max * 0.8 ? cut : max).trimEnd()}…`;
}
