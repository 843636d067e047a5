/**
 * Each format's items as FeedItems. feedsmith has already mapped legacy elements and
 * namespaces; what is left is choosing among the fields, resolving links and reading text.
 */
import type { AnyFeed, AtomFeed, DcNs, DcTermsNs } from 'feedsmith';
import { feedDate } from './feed-date';
import { clip, htmlText } from './plain-text';
import type { FeedItem } from './types';

type Feed<F extends AnyFeed['format']> = Extract<AnyFeed<string>, { format: F }>['feed'];

/** The items of a parsed feed; relative links resolve against xml:base, else `base` (the feed's URL). */
export function itemsOf(parsed: AnyFeed<string>, base: string): FeedItem[] {
  switch (parsed.format) {
    case 'rss':
      return rssItems(parsed.feed, base);
    case 'atom':
      return atomItems(parsed.feed, base);
    case 'rdf':
      return rdfItems(parsed.feed, base);
    case 'json':
      return jsonItems(parsed.feed, base);
  }
}

function rssItems(feed: Feed<'rss'>, base: string): FeedItem[] {
  const feedBase = within(feed.xml?.base, base);
  return (feed.items ?? []).map((item) => {
    const itemBase = within(item.xml?.base, feedBase);
    const guid = trimmed(item.guid?.value);
    // A GUID is the item's address unless it says otherwise (isPermaLink="false"), but only a URL is one.
    const permalink = item.guid?.isPermaLink !== false && guid && /^https?:\/\//i.test(guid) ? guid : null;
    return {
      guid,
      url: absolute(item.link, itemBase) ?? absolute(permalink, itemBase),
      title: htmlText(item.title),
      summary: clip(htmlText(item.description ?? item.content?.encoded)),
      published: firstDate(item.pubDate, item.atom?.published, ...dublinCore(item.dc, item.dcterms)),
    };
  });
}

function atomItems(feed: Feed<'atom'>, base: string): FeedItem[] {
  const feedBase = within(feed.xml?.base, base);
  return (feed.entries ?? []).map((entry) => ({
    guid: trimmed(entry.id),
    url: absolute(alternate(entry.links), within(entry.xml?.base, feedBase)),
    title: htmlText(entry.title?.value),
    // Content given by reference (src) is not fetched: the summary stays what the feed holds.
    summary: clip(htmlText(entry.summary?.value ?? entry.content?.value)),
    published: firstDate(entry.published, entry.updated, ...dublinCore(entry.dc, entry.dcterms)),
  }));
}

function rdfItems(feed: Feed<'rdf'>, base: string): FeedItem[] {
  const feedBase = within(feed.xml?.base, base);
  return (feed.items ?? []).map((item) => ({
    guid: trimmed(item.rdf?.about),
    url: absolute(item.link, within(item.xml?.base, feedBase)),
    title: htmlText(item.title),
    summary: clip(htmlText(item.description ?? item.content?.encoded)),
    published: firstDate(...dublinCore(item.dc, item.dcterms)),
  }));
}

function jsonItems(feed: Feed<'json'>, base: string): FeedItem[] {
  return (feed.items ?? []).map((item) => ({
    guid: trimmed(item.id),
    url: absolute(item.url ?? item.external_url, base),
    title: htmlText(item.title),
    summary: clip(htmlText(item.summary ?? item.content_text ?? item.content_html)),
    published: firstDate(item.date_published, item.date_modified),
  }));
}

/** An Atom entry's page: the alternate link (rel absent means alternate), HTML first. */
function alternate(links: AtomFeed.Link<string>[] | undefined): string | undefined {
  const pages = (links ?? []).filter((l) => (l.rel ?? 'alternate') === 'alternate' && l.href);
  return (pages.find((l) => !l.type || /html/i.test(l.type)) ?? pages[0])?.href;
}

function dublinCore(dc?: DcNs.ItemOrFeed<string>, terms?: DcTermsNs.ItemOrFeed<string>): (string | undefined)[] {
  return [dc?.dates?.[0], terms?.issued?.[0], terms?.created?.[0], terms?.modified?.[0]];
}

function firstDate(...candidates: (string | undefined)[]): string | null {
  for (const c of candidates) {
    const date = feedDate(c);
    if (date) return date;
  }
  return null;
}

/** An xml:base resolved against the base around it (it may itself be relative). */
function within(xmlBase: string | undefined, outer: string): string {
  return (xmlBase && absolute(xmlBase, outer)) || outer;
}

/** An absolute http(s) URL, or null: a link to anything else is no article. */
function absolute(href: string | null | undefined, base: string): string | null {
  const value = href?.trim();
  if (!value) return null;
  const url = URL.canParse(value) ? new URL(value) : URL.canParse(value, base) ? new URL(value, base) : null;
  return url && /^https?:$/.test(url.protocol) ? url.href : null;
}

function trimmed(value: string | number | null | undefined): string | null {
  const s = value === null || value === undefined ? '' : String(value).trim();
  return s || null;
}
