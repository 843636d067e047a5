import { Readability } from '@mozilla/readability';
import { publishedDate } from './published-date';

/** A page's article as plain text (one paragraph per block) and what the page says about it. */
export interface ExtractedArticle {
  title: string | null;
  text: string;
  /** YYYY-MM-DD from the page's metadata, when it has one. */
  published: string | null;
  canonical: string | null;
  ogUrl: string | null;
}

const MIN_WORDS = 40;
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dd, dt';

/**
 * Extract the article of `doc` with Mozilla's Readability (the extractor of Firefox's Reader
 * View). Readability changes the document it reads: in a browser pass a clone. The article
 * HTML is read back with `parseHtml` (DOMParser in a browser, linkedom in Node): an inert
 * document, so nothing in it runs. Throws when the page has no article.
 */
export function extractArticle(doc: Document, parseHtml: (html: string) => Document): ExtractedArticle {
  const meta = {
    published: publishedDate(doc),
    canonical: linkHref(doc, 'link[rel="canonical"]'),
    ogUrl: doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? null,
  };
  const article = new Readability(doc, { charThreshold: 200 }).parse();
  if (!article?.content) throw new Error('no article body found in this page');
  const body = parseHtml(`<!doctype html><html><body>${article.content}</body></html>`);
  const blocks = [...body.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const paras = (blocks.length ? blocks : [body.body])
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  // Readability returns something for any page; a few words of navigation are not an article.
  if (paras.join(' ').split(/\s+/).length < MIN_WORDS) throw new Error('no article body found in this page');
  return { title: article.title ?? null, text: paras.join('\n\n'), ...meta };
}

function linkHref(doc: Document, selector: string): string | null {
  return doc.querySelector(selector)?.getAttribute('href') ?? null;
}
