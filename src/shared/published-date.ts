// Apart from article-text.ts: the content script reads a page's date without bundling Readability.

/** The publication date from the page's metadata (Open Graph, meta tags, <time>, JSON-LD). */
export function publishedDate(doc: ParentNode): string | null {
  const candidates = [
    doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content'),
    doc
      .querySelector('meta[name="date"], meta[name="pubdate"], meta[itemprop="datePublished"]')
      ?.getAttribute('content'),
    doc.querySelector('time[datetime]')?.getAttribute('datetime'),
    ...[...doc.querySelectorAll('script[type="application/ld+json"]')].map(
      (s) => /"datePublished"\s*:\s*"([^"]+)"/.exec(s.textContent ?? '')?.[1],
    ),
  ];
  for (const c of candidates) {
    const m = c && /^(\d{4}-\d{2}-\d{2})/.exec(c.trim());
    if (m) return m[1]!;
  }
  return null;
}
