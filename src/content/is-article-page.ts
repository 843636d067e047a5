// The content script runs on every page of every listed outlet, most of them section
// fronts, search pages and live tickers. This check decides, from a few selector
// lookups and no text parsing, whether a page is worth the expensive work at all.

// Metadata that news sites publish for link previews and search engines on article pages.
const ARTICLE_METADATA = [
  'meta[property="og:type" i][content="article" i]',
  'meta[property="article:published_time" i]',
  '[itemtype$="schema.org/NewsArticle" i]',
  '[itemtype$="schema.org/Article" i]',
].join(', ');

// Section fronts also use <article>, but for teasers of a line or two; a story has paragraphs.
const MIN_ARTICLE_PARAGRAPHS = 3;

/** Whether `doc` looks like a single news article rather than an index or other page. */
export function isArticlePage(doc: Document): boolean {
  if (doc.querySelector(ARTICLE_METADATA) !== null) return true;
  return doc.querySelectorAll('article p').length >= MIN_ARTICLE_PARAGRAPHS;
}
