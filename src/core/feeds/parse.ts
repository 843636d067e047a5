/**
 * Parse a feed of any of the four formats with feedsmith (no DOM: it runs in the service
 * worker), and say in words what is wrong with a body that is no feed.
 */
import { type AnyFeed, DetectError, parseFeed as parseAnyFeed } from 'feedsmith';
import { itemsOf } from './items';
import { htmlText } from './plain-text';
import type { FeedItem, ParsedFeed, Result } from './types';
import { xmlProblem } from './xml-problem';

/** Parse RSS 2.0, Atom, RDF or JSON Feed; links are made absolute against xml:base or `baseUrl`. */
export function parseFeed(body: string, baseUrl: string): Result<ParsedFeed> {
  const text = body.replace(/^\uFEFF/, '');
  if (!text.trim()) return { ok: false, error: 'not a feed: the response is empty' };
  let parsed: AnyFeed<string>;
  try {
    parsed = parseAnyFeed(text);
  } catch (e) {
    return { ok: false, error: whyNotAFeed(text, e) };
  }
  const title = parsed.format === 'atom' ? parsed.feed.title?.value : parsed.feed.title;
  return {
    ok: true,
    value: { format: parsed.format, title: htmlText(title), items: onceEach(itemsOf(parsed, baseUrl)) },
  };
}

/** Items in feed order, each GUID (or, without one, each link) once: the first copy is the one kept. */
function onceEach(items: FeedItem[]): FeedItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (!item.title && !item.summary && !item.url) return false;
    const key = item.guid ? `guid:${item.guid}` : item.url ? `url:${item.url}` : null;
    if (key === null) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The reason a body was refused, as precisely as it can be told. */
function whyNotAFeed(text: string, error: unknown): string {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    try {
      JSON.parse(start);
    } catch (e) {
      return `not a feed: invalid JSON (${(e as Error).message})`;
    }
    return 'not a feed: JSON, but not a JSON Feed (no "version" of https://jsonfeed.org/version/…, or no "items")';
  }
  if (!start.startsWith('<')) return 'not a feed: neither XML nor JSON';
  const root = rootElement(start);
  if (root && /^html$/i.test(root)) return 'not a feed: an HTML page, not RSS, Atom, RDF or JSON Feed';
  const problem = xmlProblem(text);
  if (problem) return problem;
  if (!(error instanceof DetectError) && error instanceof Error) return `not a feed: ${error.message}`;
  return `not a feed: the document is <${root ?? '?'}>, not <rss>, <feed> (Atom) or <rdf:RDF>`;
}

/** The first element's name, past the XML declaration, comments, processing instructions and doctype. */
function rootElement(xml: string): string | null {
  const rest = xml.replace(/^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i, '');
  return /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1] ?? null;
}
