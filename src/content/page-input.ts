import type { PageInput, Result } from '../messages';
import { extractArticle } from '../shared/article-text';

/**
 * The page's article as the background's corpus wants it. Readability works on a clone, so
 * the page the reader sees is untouched; the article HTML is parsed into an inert document.
 */
export function pageInput(doc: Document, url: string): Result<PageInput> {
  try {
    const clone = doc.cloneNode(true) as Document;
    const article = extractArticle(clone, (html) => new DOMParser().parseFromString(html, 'text/html'));
    const absolute = (href: string | null) => {
      try {
        return href ? new URL(href, url).href : undefined;
      } catch {
        return undefined;
      }
    };
    const page: PageInput = { text: article.text, url };
    const canonical = absolute(article.canonical);
    const ogUrl = absolute(article.ogUrl);
    if (canonical) page.canonical = canonical;
    if (ogUrl) page.ogUrl = ogUrl;
    if (article.title) page.headline = article.title.slice(0, 1000);
    if (article.published) page.published = article.published;
    return { ok: true, value: page };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
