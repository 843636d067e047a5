import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface Extracted {
  title: string | null;
  text: string;
  /** YYYY-MM-DD from the page's metadata, when it has one. */
  published: string | null;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dd, dt';

/**
 * The article body of an HTML page as plain text, one paragraph per block element, using
 * Mozilla's Readability (the extractor Firefox's Reader View uses) on a linkedom document.
 */
export function extractArticle(html: string): Extracted {
  const { document } = parseHTML(html);
  const published = publishedDate(document);
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  if (!article?.content) throw new Error('no article body found in this HTML page');
  const { document: body } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const blocks = [...body.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const paras = (blocks.length ? blocks : [body.body]).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (paras.length === 0) throw new Error('the article body has no text');
  return { title: article.title ?? null, text: paras.join('\n\n'), published };
}

function publishedDate(document: ReturnType<typeof parseHTML>['document']): string | null {
  const candidates = [
    document.querySelector('meta[property="article:published_time"]')?.getAttribute('content'),
    document.querySelector('meta[name="date"], meta[name="pubdate"], meta[itemprop="datePublished"]')?.getAttribute('content'),
    document.querySelector('time[datetime]')?.getAttribute('datetime'),
    ...[...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => /"datePublished"\s*:\s*"([^"]+)"/.exec(s.textContent ?? '')?.[1]),
  ];
  for (const c of candidates) {
    const m = c && /^(\d{4}-\d{2}-\d{2})/.exec(c.trim());
    if (m) return m[1]!;
  }
  return null;
}
