/** What the feed modules exchange: a parsed feed, its items, and a feed the reader follows. */

/** Success with a value, or an error in words (the shape of the message contracts' replies). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** One item of a feed, as plain data. */
export interface FeedItem {
  /** The item's GUID (RSS), id (Atom, JSON Feed) or rdf:about (RDF); null when it has none. */
  guid: string | null;
  /** The item's link, absolute (http or https); null when it has none. */
  url: string | null;
  /** Plain text: tags stripped, entities decoded, whitespace folded. */
  title: string | null;
  /** Plain text like the title, clipped at about 2,000 characters. */
  summary: string | null;
  /** YYYY-MM-DD as the feed states it, or null when it states none. */
  published: string | null;
}

/** A feed's items in the order the feed lists them, each GUID once. */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  items: FeedItem[];
}

/** A feed the reader follows: where it is, whose it is (an outlet id) and what to call it. */
export interface FeedSource {
  url: string;
  /** Outlet id (registrable domain, see src/core/corpus/outlets.json): the entries' outlet. */
  outlet: string;
  title: string;
}
