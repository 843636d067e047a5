/**
 * Feeds in the core: parsing RSS 2.0, Atom, RDF and JSON Feed into corpus entries, the
 * default feed list, and OPML. Pure: no DOM, no extension APIs (the background fetches).
 * The options page imports `./origins` alone, which keeps the parser out of its bundle.
 */
export { decodeFeed } from './decode';
export { DEFAULT_FEEDS } from './default-feeds';
export { feedArticle, feedItemKey } from './feed-article';
export { feedsFromOpml, feedsToOpml } from './opml';
export { feedOrigins } from './origins';
export { parseFeed } from './parse';
export type { FeedItem, FeedSource, ParsedFeed, Result } from './types';
