// A headline entry fetched in full: read with Readability on a linkedom document, as the
// service worker must (it has no DOM); a paywall's teaser or an unreadable page leaves the
// entry as it was, and says why.
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { fullTextArticle, type FullTextDeps } from '../../src/background/full-text';
import { buildArticle } from '../../src/core/corpus/build-article';
import type { CorpusArticle } from '../../src/core/corpus/types';

const URL_ = 'https://www.dw.com/en/annan-talks-moscow/a-1234';
const entry: CorpusArticle = {
  ...buildArticle(
    'Annan takes Syria plan to Moscow\n\nThe UN envoy meets Sergey Lavrov as the toll passes 8,000.',
    {
      url: URL_,
      canonicalUrl: URL_,
      outlet: 'dw.com',
      published: '2012-03-16',
      headline: 'Annan takes Syria plan to Moscow',
      wire: null,
    },
    'feed',
  ),
  depth: 'headline',
  guid: 'dw-1234',
};

const paragraph = (i: number) =>
  `<p>Paragraph ${i}: UN envoy Kofi Annan met Russian Foreign Minister Sergey Lavrov in Moscow on Friday, as the United Nations said more than 8,000 people had been killed in Syria since the uprising began.</p>`;
const page = (paragraphs: number) =>
  `<!doctype html><html><head><title>Annan takes Syria plan to Moscow</title></head><body><header><nav><a href="/">Home</a></nav></header><article><h1>Annan takes Syria plan to Moscow</h1>${Array.from({ length: paragraphs }, (_, i) => paragraph(i)).join('')}</article><footer>© DW</footer></body></html>`;

const parseHtml = (html: string) => parseHTML(html).document as unknown as Document;
const deps = (body: string | Error): FullTextDeps & { fetchPage: ReturnType<typeof vi.fn> } => ({
  fetchPage: vi.fn(async (url: string) =>
    body instanceof Error ? { ok: false as const, error: body.message } : { ok: true as const, value: { body, url } },
  ),
  parseHtml,
});

describe('fullTextArticle', () => {
  it('reads the article page and gives the same entry whole: same id, origin and guid, full text, annotations', async () => {
    const d = deps(page(8));
    const whole = await fullTextArticle(entry, d);
    expect(d.fetchPage).toHaveBeenCalledWith(URL_);
    expect(whole.ok).toBe(true);
    if (!whole.ok) return;
    expect(whole.value).toMatchObject({ id: entry.id, origin: 'feed', guid: 'dw-1234', depth: 'full', url: URL_ });
    expect(whole.value.text).toContain('Paragraph 7: UN envoy Kofi Annan met');
    expect(whole.value.text).not.toContain('Home');
    expect(whole.value.annotations.filter((a) => a.kind === 'figure').length).toBeGreaterThanOrEqual(8);
  });

  it('leaves a paywall’s teaser a headline entry, and says why', async () => {
    const result = await fullTextArticle(entry, deps(page(3)));
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/only a teaser of \d+ words .*paywall.*stays a headline entry/),
    });
  });

  it('says why when the page cannot be fetched or read, or there is nothing to fetch', async () => {
    expect(await fullTextArticle(entry, deps(new Error('HTTP 403')))).toEqual({
      ok: false,
      error: `could not fetch ${URL_}: HTTP 403`,
    });
    expect(await fullTextArticle(entry, deps('<!doctype html><p>Subscribe</p>'))).toEqual({
      ok: false,
      error: expect.stringMatching(/^could not read the article at .* it stays a headline entry$/),
    });
    expect(await fullTextArticle({ ...entry, url: null }, deps(page(8)))).toEqual({
      ok: false,
      error: 'the feed gave no link to the article',
    });
    expect(await fullTextArticle({ ...entry, depth: 'full' }, deps(page(8)))).toEqual({
      ok: false,
      error: 'this article is already whole in the corpus',
    });
  });
});
