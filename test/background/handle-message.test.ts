import { describe, expect, it, vi } from 'vitest';
import type { CorpusApi } from '../../src/background/corpus-service';
import type { HandlerContext } from '../../src/background/handle-message';
import { handleMessage } from '../../src/background/handle-message';
import type { NotesApi } from '../../src/background/notes-service';
import type { PagesApi } from '../../src/background/page-service';
import type { ArticleSummary } from '../../src/core/match';
import type { Annotation, PageReading } from '../../src/messages';
import { refusingFeeds } from './feeds/fake-feeds';
import { foregroundIdle } from '../../src/background/foreground';

const OWN_ID = 'our-extension-id';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}/`;
/** A message from our popup. */
const POPUP = { id: OWN_ID, url: `${OWN_ORIGIN}popup.html` };
/** A message from our content script in a news page, in tab 3. */
const PAGE_SCRIPT = { id: OWN_ID, url: 'https://www.cbc.ca/news/x', tab: { id: 3 } };

/** An object whose every method fails the test unless the test replaces it. */
function refusing<T>(what: string, methods: Record<keyof T, true>, overrides: Partial<T>): T {
  const unexpected = () => Promise.reject(new Error(`unexpected ${what} call`));
  return { ...(Object.fromEntries(Object.keys(methods).map((m) => [m, unexpected])) as T), ...overrides };
}

// Records over the APIs' keys: a method added to an API and not listed here is a compile error.
const CORPUS_METHODS: Record<keyof CorpusApi, true> = {
  status: true,
  mentionsOf: true,
  figuresLike: true,
  quotesLike: true,
  storyMatchOf: true,
  coverageGapsOf: true,
  syndicationDiff: true,
  importArticles: true,
  importProgress: true,
  cancelImport: true,
  deleteArticle: true,
  articleText: true,
  listArticles: true,
  exportArticles: true,
  settings: true,
  updateSettings: true,
};
const PAGES_METHODS: Record<keyof PagesApi, true> = {
  readPage: true,
  articleTextOfTab: true,
  annotateText: true,
  pageOfTab: true,
  awaitTab: true,
  addPage: true,
  addTab: true,
  storyOf: true,
  coverageGapsOf: true,
  articleText: true,
  pageNotes: true,
  exportPage: true,
};
const NOTES_METHODS: Record<keyof NotesApi, true> = {
  save: true,
  delete: true,
  notesFor: true,
  exportNotes: true,
  importNotes: true,
};

const fakeCorpus = (overrides: Partial<CorpusApi> = {}) => refusing('corpus', CORPUS_METHODS, overrides);
const fakePages = (overrides: Partial<PagesApi> = {}) => refusing('pages', PAGES_METHODS, overrides);

function context(
  overrides: { corpus?: Partial<CorpusApi>; pages?: Partial<PagesApi> } & Partial<
    Omit<HandlerContext, 'corpus' | 'pages'>
  > = {},
): HandlerContext {
  const { corpus, pages, ...rest } = overrides;
  return {
    extensionId: OWN_ID,
    extensionOrigin: OWN_ORIGIN,
    version: '9.8.7',
    corpus: fakeCorpus(corpus),
    notes: refusing('notes', NOTES_METHODS, {}),
    pages: fakePages(pages),
    feeds: refusingFeeds(),
    fullText: () => Promise.reject(new Error('unexpected')),
    highlightTab: () => Promise.reject(new Error('unexpected')),
    revealInTab: () => Promise.reject(new Error('unexpected')),
    alwaysOnSite: () => Promise.reject(new Error('unexpected')),
    registeredSites: () => Promise.reject(new Error('unexpected')),
    warm: () => {
      throw new Error('unexpected');
    },
    ...rest,
  };
}

const READING: PageReading = {
  articleId: 'a-000000000001',
  canonical: 'https://www.cbc.ca/news/x',
  url: 'https://www.cbc.ca/news/x',
  headline: 'Talks',
  published: '2012-03-12',
  outlet: { id: 'cbc.ca', name: 'CBC News' },
  annotations: [],
  length: 19,
  source: 'page',
  stored: false,
};
const SUMMARY = { id: 'a-000000000001' } as unknown as ArticleSummary;

describe('handleMessage', () => {
  it('answers a ping from our own extension with the version', async () => {
    expect(await handleMessage({ type: 'ping' }, POPUP, context())).toEqual({ ok: true, value: { version: '9.8.7' } });
    expect(await handleMessage({ type: 'ping' }, PAGE_SCRIPT, context())).toEqual({
      ok: true,
      value: { version: '9.8.7' },
    });
  });

  it('ignores messages from anyone else, synchronously', () => {
    expect(handleMessage({ type: 'ping' }, { id: 'another-extension' }, context())).toBeUndefined();
    expect(handleMessage({ type: 'ping' }, {}, context())).toBeUndefined();
    expect(handleMessage({ type: 'ping' }, { url: `${OWN_ORIGIN}popup.html` }, context())).toBeUndefined();
  });

  it('lets a content script read its page and annotate, but not touch the corpus, other tabs, settings or files', async () => {
    const annotateText = vi.fn(async () => []);
    expect(
      await handleMessage(
        { type: 'annotate-text', text: 'Lavrov said' },
        PAGE_SCRIPT,
        context({ pages: { annotateText } }),
      ),
    ).toEqual({ ok: true, value: [] });
    for (const request of [
      { type: 'import-articles', data: '[]' },
      { type: 'delete-article', articleId: 'a-1' },
      { type: 'set-settings', settings: { rememberArticles: true } },
      { type: 'export-notes', format: 'backup' },
      { type: 'import-notes', data: '{}' },
      { type: 'list-articles' },
      { type: 'corpus-status' },
      { type: 'page-of-tab', tabId: 1 },
      { type: 'highlight-tab', tabId: 1 },
      { type: 'add-page', articleId: 'a-1' },
      { type: 'story-match', articleId: 'a-1' },
      { type: 'page-notes', articleId: 'a-1' },
      { type: 'export-page', articleId: 'a-1', kind: 'markdown' },
      { type: 'always-on-site', origin: 'https://evil.example', on: true },
    ]) {
      expect(await handleMessage(request, PAGE_SCRIPT, context())).toEqual({
        ok: false,
        error: `${request.type}: not allowed from a web page`,
      });
    }
    // The same requests from our own pages go through (to the corpus, here a fake that refuses).
    expect(await handleMessage({ type: 'delete-article', articleId: 'a-1' }, POPUP, context())).toEqual({
      ok: false,
      error: 'unexpected corpus call',
    });
  });

  it('reads a page a content script sends, for the tab it came from', async () => {
    const readPage = vi.fn(async () => ({ ok: true as const, value: READING }));
    const page = { text: 'Lavrov met Clinton.', url: 'https://www.cbc.ca/news/x', published: '2012-03-12' };
    expect(await handleMessage({ type: 'read-page', page }, PAGE_SCRIPT, context({ pages: { readPage } }))).toEqual({
      ok: true,
      value: READING,
    });
    // A frame with no tab (a prerendered page, say) is read but kept for no tab.
    await handleMessage({ type: 'read-page', page }, { id: OWN_ID, url: page.url }, context({ pages: { readPage } }));
    expect(readPage.mock.calls).toEqual([
      [page, 3],
      [page, undefined],
    ]);
    // Our pages refer to a page by its id or its tab: they do not send one.
    expect(await handleMessage({ type: 'read-page', page }, POPUP, context({ pages: { readPage } }))).toEqual({
      ok: false,
      error: 'unknown request type: "read-page"',
    });
    expect(readPage).toHaveBeenCalledTimes(2);
  });

  it('runs the extractor in the tab a content script asks from, never another, and only for a content script', async () => {
    const articleTextOfTab = vi.fn(async (tabId: number | undefined) =>
      tabId === undefined
        ? { ok: false as const, error: 'no tab to read' }
        : { ok: true as const, value: { text: `the article of tab ${tabId}` } },
    );
    const c = context({ pages: { articleTextOfTab } });
    expect(await handleMessage({ type: 'extract-article' }, PAGE_SCRIPT, c)).toEqual({
      ok: true,
      value: { text: 'the article of tab 3' },
    });
    expect(await handleMessage({ type: 'extract-article', tabId: 9 }, PAGE_SCRIPT, c)).toEqual({
      ok: false,
      error: 'extract-article: unexpected tabId',
    });
    expect(await handleMessage({ type: 'extract-article' }, { id: OWN_ID, url: 'https://www.cbc.ca/x' }, c)).toEqual({
      ok: false,
      error: 'no tab to read',
    });
    expect(await handleMessage({ type: 'extract-article' }, POPUP, c)).toEqual({
      ok: false,
      error: 'unknown request type: "extract-article"',
    });
    expect(articleTextOfTab.mock.calls).toEqual([[3], [undefined]]);
  });

  it('gets the engine ready when a news page starts loading, and takes nothing about the page', async () => {
    const warm = vi.fn().mockReturnValueOnce(false).mockReturnValue(true);
    const c = context({ warm });
    expect(await handleMessage({ type: 'wake' }, PAGE_SCRIPT, c)).toEqual({ ok: true, value: { ready: false } });
    expect(await handleMessage({ type: 'wake' }, PAGE_SCRIPT, c)).toEqual({ ok: true, value: { ready: true } });
    expect(warm).toHaveBeenCalledTimes(2);
    expect(await handleMessage({ type: 'wake', url: PAGE_SCRIPT.url }, PAGE_SCRIPT, c)).toMatchObject({ ok: false });
    expect(warm).toHaveBeenCalledTimes(2);
  });

  it('answers a malformed or removed request with the reason', async () => {
    expect(await handleMessage({ type: 'nope' }, POPUP, context())).toEqual({
      ok: false,
      error: 'unknown request type: "nope"',
    });
    expect(await handleMessage({ type: 'mentions-of' }, POPUP, context())).toEqual({
      ok: false,
      error: 'mentions-of: actorId is required',
    });
    expect(await handleMessage({ type: 'read-page', page: { text: 'x', evil: 1 } }, PAGE_SCRIPT, context())).toEqual({
      ok: false,
      error: 'read-page: unexpected page.evil',
    });
    for (const type of [
      'add-active-tab',
      'add-tab',
      'read-tab',
      'highlight-active-tab',
      'article-read',
      'crosswire-page',
    ])
      for (const sender of [POPUP, PAGE_SCRIPT])
        expect(await handleMessage({ type, tabId: 1 }, sender, context())).toEqual({
          ok: false,
          error: `unknown request type: "${type}"`,
        });
  });

  it('annotates added text as of the page’s date', async () => {
    const found = [{ start: 0, end: 6 }] as unknown as Annotation[];
    const annotateText = vi.fn(async () => found);
    const reply = await handleMessage(
      { type: 'annotate-text', articleId: 'a-000000000001', text: 'Lavrov said', published: '2024-02-24' },
      PAGE_SCRIPT,
      context({ pages: { annotateText } }),
    );
    expect(reply).toEqual({ ok: true, value: found });
    await handleMessage({ type: 'annotate-text', text: 'x' }, PAGE_SCRIPT, context({ pages: { annotateText } }));
    // The publication date and the page are left out when the request has none.
    expect(annotateText.mock.calls).toEqual([
      ['Lavrov said', '2024-02-24', 'a-000000000001'],
      ['x', undefined, undefined],
    ]);
  });

  it('turns an annotator or corpus failure into an error reply', async () => {
    const annotateText = () => {
      throw new Error('dictionary not loaded');
    };
    expect(
      await handleMessage({ type: 'annotate-text', text: 'x' }, PAGE_SCRIPT, context({ pages: { annotateText } })),
    ).toEqual({ ok: false, error: 'dictionary not loaded' });
    const status = () => Promise.reject(new Error('database closed'));
    expect(await handleMessage({ type: 'corpus-status' }, POPUP, context({ corpus: { status } }))).toEqual({
      ok: false,
      error: 'database closed',
    });
    const readPage = () => Promise.reject('a bare string');
    expect(
      await handleMessage({ type: 'read-page', page: { text: 'x' } }, PAGE_SCRIPT, context({ pages: { readPage } })),
    ).toEqual({ ok: false, error: 'a bare string' });
  });

  it('routes corpus requests to the corpus with their arguments', async () => {
    const mentionsOf = vi.fn(() => Promise.resolve([]));
    const importArticles = vi.fn(() => Promise.resolve({ ok: true as const, value: { added: ['a-1'], skipped: [] } }));
    const corpus = { mentionsOf, importArticles };
    expect(
      await handleMessage(
        { type: 'mentions-of', actorId: 'sergey-lavrov', excludeArticleId: 'a-x' },
        PAGE_SCRIPT,
        context({ corpus }),
      ),
    ).toEqual({ ok: true, value: [] });
    expect(mentionsOf).toHaveBeenCalledWith('sergey-lavrov', 'a-x');
    expect(
      await handleMessage({ type: 'import-articles', data: '[]', format: 'json' }, POPUP, context({ corpus })),
    ).toEqual({ ok: true, value: { added: ['a-1'], skipped: [] } });
    expect(importArticles).toHaveBeenCalledWith('[]', 'json', undefined);
    await handleMessage(
      { type: 'import-articles', data: '{}\n', format: 'jsonl', firstLine: 5001 },
      POPUP,
      context({ corpus }),
    );
    expect(importArticles).toHaveBeenLastCalledWith('{}\n', 'jsonl', 5001);
  });

  it('matches a page’s story, and its coverage gaps, by its id: the page service answers them', async () => {
    const known = <T>(value: T) =>
      vi.fn(async (id: string) =>
        id === SUMMARY.id ? { ok: true as const, value } : { ok: false as const, error: `no page or article ${id}` },
      );
    const none = { actors: [], figures: [], quotes: [] };
    const gaps = { missing: none, extra: none, versions: [] };
    const storyOf = known([]);
    const coverageGapsOf = known(gaps);
    const c = context({ pages: { storyOf, coverageGapsOf } });
    expect(await handleMessage({ type: 'story-match', articleId: SUMMARY.id }, POPUP, c)).toEqual({
      ok: true,
      value: [],
    });
    expect(await handleMessage({ type: 'coverage-gaps', articleId: SUMMARY.id }, POPUP, c)).toEqual({
      ok: true,
      value: gaps,
    });
    expect([storyOf.mock.calls, coverageGapsOf.mock.calls]).toEqual([[[SUMMARY.id]], [[SUMMARY.id]]]);
    // An unknown page's refusal is the answer.
    for (const type of ['story-match', 'coverage-gaps'])
      expect(await handleMessage({ type, articleId: 'a-gone' }, POPUP, c)).toEqual({
        ok: false,
        error: 'no page or article a-gone',
      });
  });

  it('routes the page requests by article id or tab, checking their fields', async () => {
    const pageOfTab = vi.fn(async () => ({ ok: true as const, value: READING }));
    const addPage = vi.fn(async () => ({ ok: true as const, value: { id: READING.articleId } }));
    const pageNotes = vi.fn(async () => ({ ok: true as const, value: { notes: [] } }));
    const file = {
      data: '# Talks',
      filename: 'crosswire-cbc.ca-2012-03-12-report.md',
      mime: 'text/markdown',
      count: 0,
    };
    const exportPage = vi.fn(async () => ({ ok: true as const, value: file }));
    const c = context({ pages: { pageOfTab, addPage, pageNotes, exportPage } });
    const id = READING.articleId;
    expect(await handleMessage({ type: 'page-of-tab', tabId: 7, url: 'https://www.cbc.ca/news/x' }, POPUP, c)).toEqual({
      ok: true,
      value: READING,
    });
    expect(await handleMessage({ type: 'page-of-tab', tabId: 8 }, POPUP, c)).toEqual({ ok: true, value: READING });
    expect(pageOfTab.mock.calls).toEqual([
      [7, 'https://www.cbc.ca/news/x'],
      [8, undefined],
    ]);
    expect(await handleMessage({ type: 'page-of-tab', tabId: -1 }, POPUP, c)).toMatchObject({
      ok: false,
      error: expect.stringContaining('tabId must be a whole number'),
    });
    expect(await handleMessage({ type: 'add-page', articleId: id }, POPUP, c)).toEqual({ ok: true, value: { id } });
    expect(addPage).toHaveBeenCalledWith(id);
    expect(await handleMessage({ type: 'add-page', page: { text: 'x' } }, POPUP, c)).toEqual({
      ok: false,
      error: 'add-page: articleId is required',
    });
    expect(await handleMessage({ type: 'page-notes', articleId: id }, POPUP, c)).toEqual({
      ok: true,
      value: { notes: [] },
    });
    expect(pageNotes).toHaveBeenCalledWith(id);
    expect(await handleMessage({ type: 'export-page', articleId: id, kind: 'markdown' }, POPUP, c)).toEqual({
      ok: true,
      value: file,
    });
    expect(exportPage).toHaveBeenCalledWith(id, 'markdown');
    expect(await handleMessage({ type: 'export-page', articleId: id, kind: 'pdf' }, POPUP, c)).toEqual({
      ok: false,
      error: 'export-page: kind must be one of jsonld, csv, markdown',
    });
    expect(exportPage).toHaveBeenCalledTimes(1);
  });

  it('routes the library requests, checking their numbers', async () => {
    const listArticles = vi.fn(() => Promise.resolve({ total: 0, items: [], actor: null }));
    const c = context({ corpus: { listArticles } });
    expect(await handleMessage({ type: 'list-articles', query: 'Lavrov', offset: 50, limit: 50 }, POPUP, c)).toEqual({
      ok: true,
      value: { total: 0, items: [], actor: null },
    });
    expect(listArticles).toHaveBeenCalledWith('Lavrov', 50, 50);
    expect(await handleMessage({ type: 'list-articles', limit: 10_000 }, POPUP, c)).toEqual({
      ok: false,
      error: 'list-articles: limit must be a whole number from 0 to 500',
    });
    expect(listArticles).toHaveBeenCalledTimes(1);
  });

  it('highlights a tab and answers with the page it read there', async () => {
    const highlightTab = vi.fn(async () => ({ ok: true as const, value: { highlighted: true as const } }));
    const awaitTab = vi.fn(async () => READING.articleId);
    expect(
      await handleMessage({ type: 'highlight-tab', tabId: 3 }, POPUP, context({ highlightTab, pages: { awaitTab } })),
    ).toEqual({ ok: true, value: { highlighted: true, articleId: READING.articleId } });
    expect([highlightTab.mock.calls, awaitTab.mock.calls]).toEqual([[[3]], [[3]]]);
    // A tab that cannot be scripted: the failure, and no wait for a reading that will not come.
    const refused = vi.fn(async () => ({ ok: false as const, error: 'cannot read this page' }));
    expect(
      await handleMessage(
        { type: 'highlight-tab', tabId: 4 },
        POPUP,
        context({ highlightTab: refused, pages: { awaitTab } }),
      ),
    ).toEqual({ ok: false, error: 'cannot read this page' });
    expect(awaitTab).toHaveBeenCalledTimes(1);
  });

  it('takes the reader to a highlight in a tab for our pages only, and checks what to show', async () => {
    const revealInTab = vi.fn(async (_tabId: number, _kind: string, _id: string) => ({
      ok: true as const,
      value: { shown: true },
    }));
    const request = { type: 'reveal-in-tab', tabId: 3, kind: 'actor', id: 'sergey-lavrov' };
    expect(await handleMessage(request, POPUP, context({ revealInTab }))).toEqual({ ok: true, value: { shown: true } });
    expect(revealInTab.mock.calls).toEqual([[3, 'actor', 'sergey-lavrov']]);
    // A page's content script cannot steer another tab, and a kind we do not list is refused.
    expect(await handleMessage(request, PAGE_SCRIPT, context({ revealInTab }))).toMatchObject({ ok: false });
    expect(await handleMessage({ ...request, kind: 'note' }, POPUP, context({ revealInTab }))).toEqual({
      ok: false,
      error: 'reveal-in-tab: kind must be one of actor, figure, quote',
    });
    expect(revealInTab).toHaveBeenCalledTimes(1);
  });
});

describe('a feed entry fetched in full', () => {
  it('is our pages’ request, by article id, and its failure says why', async () => {
    const fullText = vi.fn(async (articleId: string) =>
      articleId === 'a-0000000000aa'
        ? { ok: true as const, value: { id: articleId } }
        : { ok: false as const, error: 'only a teaser of 40 words is readable (a paywall, most likely)' },
    );
    const c = context({ fullText });
    expect(await handleMessage({ type: 'fetch-full-text', articleId: 'a-0000000000aa' }, POPUP, c)).toEqual({
      ok: true,
      value: { id: 'a-0000000000aa' },
    });
    expect(await handleMessage({ type: 'fetch-full-text', articleId: 'a-0000000000bb' }, POPUP, c)).toEqual({
      ok: false,
      error: 'only a teaser of 40 words is readable (a paywall, most likely)',
    });
    const page = { id: OWN_ID, url: 'https://www.cbc.ca/news/x', tab: { id: 3 } };
    expect(await handleMessage({ type: 'fetch-full-text', articleId: 'a-0000000000aa' }, page, c)).toEqual({
      ok: false,
      error: 'fetch-full-text: not allowed from a web page',
    });
    expect(fullText).toHaveBeenCalledTimes(2);
  });

  it('runs what a reader waits on in the foreground, ahead of the background’s own work, and a poll or an import behind it', async () => {
    let answerQuery = () => {};
    const query = new Promise<never[]>((resolve) => (answerQuery = () => resolve([])));
    let finishPoll = () => {};
    const poll = new Promise<{ ok: true; value: { feeds: number; added: number; unchanged: number; failed: [] } }>(
      (resolve) => (finishPoll = () => resolve({ ok: true, value: { feeds: 0, added: 0, unchanged: 0, failed: [] } })),
    );
    const c = context({ corpus: { mentionsOf: () => query }, feeds: refusingFeeds({ pollNow: () => poll }) });
    const polling = handleMessage({ type: 'poll-now' }, POPUP, c)!;
    // A poll in flight holds nothing back.
    let free = false;
    const idle = foregroundIdle().then(() => {
      free = true;
    });
    await Promise.resolve();
    expect(free).toBe(true);
    await idle;
    const asking = handleMessage({ type: 'mentions-of', actorId: 'sergey-lavrov' }, PAGE_SCRIPT, c)!;
    let writeMayStart = false;
    const write = foregroundIdle().then(() => {
      writeMayStart = true;
    });
    await Promise.resolve();
    expect(writeMayStart).toBe(false);
    answerQuery();
    expect(await asking).toEqual({ ok: true, value: [] });
    await write;
    expect(writeMayStart).toBe(true);
    finishPoll();
    await polling;
  });
});
