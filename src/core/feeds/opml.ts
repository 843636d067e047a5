/**
 * The reader's feed list as OPML 2.0, the file every feed reader imports and exports. Each
 * outline keeps its outlet in an attribute of our own namespace, so a list that goes out and
 * comes back keeps which outlet each feed belongs to; other readers ignore it.
 */
import { type Opml, parseOpml } from 'feedsmith';
import { outletOf } from '../corpus/canonical-url';
import { outletProfile } from '../corpus/outlets';
import { DEFAULT_FEEDS } from './default-feeds';
import type { FeedSource, Result } from './types';
import { xmlProblem } from './xml-problem';

/** The namespace of the outlet attribute (a name, never fetched). */
export const OPML_NAMESPACE = 'urn:x-crosswire:opml';
const OUTLET = 'crosswire:outlet';
const MAX_FEEDS = 1000;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** An OPML 2.0 document listing the feeds, dated `now`. */
export function feedsToOpml(feeds: readonly FeedSource[], now: Date): string {
  const outlines = feeds.map((f) => {
    const title = attr(f.title);
    const attributes = [`type="rss"`, `text="${title}"`, `title="${title}"`, `xmlUrl="${attr(f.url)}"`];
    return `    <outline ${attributes.join(' ')} ${OUTLET}="${attr(f.outlet)}"/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<opml version="2.0" xmlns:crosswire="${OPML_NAMESPACE}">`,
    '  <head>',
    '    <title>Crosswire: followed feeds</title>',
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

/**
 * The feeds an OPML file lists, at any depth of folders, each address once. The outlet is
 * the outline's crosswire:outlet, else the default feed's with that address, else the outlet
 * of the feed's host. Outlines whose address is not http(s) are left out; a file with no
 * feed at all, or that is no well-formed OPML, is an error saying why.
 */
export function feedsFromOpml(text: string): Result<FeedSource[]> {
  const xml = text.replace(/^\uFEFF/, '');
  if (!xml.trim()) return { ok: false, error: 'the file is empty' };
  // Stricter than for feeds: a list cut short would be imported in part, and the reader can mend a file.
  const problem = xmlProblem(xml);
  if (problem) return { ok: false, error: `not an OPML file: ${problem}` };
  let opml: Opml.Document<string>;
  try {
    opml = parseOpml(xml.trim(), { extraOutlineAttributes: [OUTLET] });
  } catch {
    return { ok: false, error: 'not an OPML file: expected <opml> with a <body> of <outline> elements' };
  }
  const feeds = new Map<string, FeedSource>();
  const refused: string[] = [];
  const visit = (outlines: Opml.Outline<string>[] | undefined) => {
    for (const o of outlines ?? []) {
      if (o.xmlUrl) {
        const source = feedSource(o);
        if (!source) refused.push(o.xmlUrl);
        else if (!feeds.has(source.url)) feeds.set(source.url, source);
      }
      visit(o.outlines);
    }
  };
  visit(opml.body?.outlines);
  if (feeds.size > MAX_FEEDS) return { ok: false, error: `the file lists ${feeds.size} feeds; at most ${MAX_FEEDS}` };
  if (feeds.size === 0)
    return {
      ok: false,
      error: refused.length
        ? `the file lists no feed with a web address (http or https): ${refused.slice(0, 5).join(', ')}`
        : 'the file lists no feeds (no outline has an xmlUrl)',
    };
  return { ok: true, value: [...feeds.values()] };
}

function feedSource(o: Opml.Outline<string>): FeedSource | null {
  const raw = o.xmlUrl!.trim();
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || !/^https?:$/.test(url.protocol)) return null;
  const given = (o as Record<string, unknown>)[OUTLET];
  const outlet =
    (typeof given === 'string' && DOMAIN.test(given.trim()) ? given.trim() : null) ??
    DEFAULT_FEEDS.find((f) => f.url === url.href)?.outlet ??
    outletProfile(url.hostname)?.id ??
    outletOf(url.href);
  const title = (o.title ?? o.text ?? '').replace(/\s+/g, ' ').trim() || url.hostname;
  return { url: url.href, outlet, title };
}

/** Text as an XML attribute value: markup escaped, line breaks kept, characters XML forbids dropped. */
function attr(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
