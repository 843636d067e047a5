import { describe, expect, it, vi } from 'vitest';
import type { CorpusApi } from '../../src/background/corpus-service';
import type { HandlerContext } from '../../src/background/handle-message';
import { handleMessage } from '../../src/background/handle-message';
import type { Annotation } from '../../src/messages';

const OWN_ID = 'our-extension-id';
const OWN_ORIGIN = `chrome-extension://${OWN_ID}/`;
/** A message from our popup. */
const POPUP = { id: OWN_ID, url: `${OWN_ORIGIN}popup.html` };

/** A corpus whose every method fails the test unless the test replaces it. */
function fakeCorpus(overrides: Partial<CorpusApi> = {}): CorpusApi {
  const unexpected = () => Promise.reject(new Error('unexpected corpus call'));
  const methods = [
    'status',
    'mentionsOf',
    'figuresLike',
    'quotesLike',
    'storyMatch',
    'coverageGaps',
    'syndicationDiff',
    'addPage',
    'importArticles',
    'deleteArticle',
    'articleText',
    'listArticles',
    'exportArticles',
    'settings',
    'updateSettings',
  ] as const;
  return { ...(Object.fromEntries(methods.map((m) => [m, unexpected])) as unknown as CorpusApi), ...overrides };
}

const unexpectedCall = () => Promise.reject(new Error('unexpected notes call'));

function context(annotate: HandlerContext['annotate'] = () => [], corpus = fakeCorpus()): HandlerContext {
  const notes = {
    save: unexpectedCall,
    delete: unexpectedCall,
    notesFor: unexpectedCall,
    exportNotes: unexpectedCall,
    importNotes: unexpectedCall,
  };
  return {
    extensionId: OWN_ID,
    extensionOrigin: OWN_ORIGIN,
    version: '9.8.7',
    annotate,
    corpus,
    notes,
    addActiveTab: () => Promise.reject(new Error('unexpected tab read')),
    addTab: () => Promise.reject(new Error('unexpected tab read')),
    highlightActiveTab: () => Promise.reject(new Error('unexpected')),
    highlightTab: () => Promise.reject(new Error('unexpected')),
    alwaysOnSite: () => Promise.reject(new Error('unexpected')),
    registeredSites: () => Promise.reject(new Error('unexpected')),
    readTab: () => Promise.reject(new Error('unexpected tab read')),
  };
}

describe('handleMessage', () => {
  it('answers a ping from our own extension with the version', async () => {
    expect(await handleMessage({ type: 'ping' }, POPUP, context())).toEqual({ ok: true, value: { version: '9.8.7' } });
  });

  it('ignores messages from anyone else, synchronously', () => {
    expect(handleMessage({ type: 'ping' }, { id: 'another-extension' }, context())).toBeUndefined();
    expect(handleMessage({ type: 'ping' }, {}, context())).toBeUndefined();
  });

  it('lets a content script read and annotate, but not touch the corpus, the settings or files', async () => {
    const page = { id: OWN_ID, url: 'https://www.cbc.ca/news/x', tab: { id: 3 } };
    expect(
      await handleMessage(
        { type: 'annotate-text', text: 'Lavrov said' },
        page,
        context(() => []),
      ),
    ).toEqual({ ok: true, value: [] });
    for (const request of [
      { type: 'import-articles', data: '[]' },
      { type: 'delete-article', articleId: 'a-1' },
      { type: 'set-settings', settings: { rememberArticles: true } },
      { type: 'export-notes', format: 'backup' },
      { type: 'import-notes', data: '{}' },
      { type: 'list-articles' },
      { type: 'read-tab', tabId: 1 },
    ]) {
      expect(await handleMessage(request, page, context())).toEqual({
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

  it('answers a malformed request with the reason', async () => {
    expect(await handleMessage({ type: 'nope' }, POPUP, context())).toMatchObject({
      ok: false,
      error: expect.stringContaining('unknown request type'),
    });
    expect(await handleMessage({ type: 'mentions-of' }, POPUP, context())).toEqual({
      ok: false,
      error: 'mentions-of: actorId is required',
    });
  });

  it('passes text and publication date to annotate and returns its result', async () => {
    const found = [{ start: 0, end: 6 }] as unknown as Annotation[];
    const annotate = vi.fn(() => found);
    const reply = await handleMessage(
      { type: 'annotate-text', text: 'Lavrov said', published: '2024-02-24' },
      POPUP,
      context(annotate),
    );
    expect(annotate).toHaveBeenCalledWith('Lavrov said', { published: '2024-02-24' });
    expect(reply).toEqual({ ok: true, value: found });
  });

  it('leaves the publication date out when the request has none', async () => {
    const annotate = vi.fn(() => []);
    await handleMessage({ type: 'annotate-text', text: 'x' }, POPUP, context(annotate));
    expect(annotate).toHaveBeenCalledWith('x', {});
  });

  it('turns an annotator or corpus failure into an error reply', async () => {
    const annotate = () => {
      throw new Error('dictionary not loaded');
    };
    expect(await handleMessage({ type: 'annotate-text', text: 'x' }, POPUP, context(annotate))).toEqual({
      ok: false,
      error: 'dictionary not loaded',
    });
    const corpus = fakeCorpus({ status: () => Promise.reject(new Error('database closed')) });
    expect(await handleMessage({ type: 'corpus-status' }, POPUP, context(undefined, corpus))).toEqual({
      ok: false,
      error: 'database closed',
    });
  });

  it('routes corpus requests to the corpus with their arguments', async () => {
    const mentionsOf = vi.fn(() => Promise.resolve([]));
    const importArticles = vi.fn(() => Promise.resolve({ ok: true as const, value: { added: ['a-1'], skipped: [] } }));
    const corpus = fakeCorpus({ mentionsOf, importArticles });
    expect(
      await handleMessage(
        { type: 'mentions-of', actorId: 'sergey-lavrov', excludeArticleId: 'a-x' },
        POPUP,
        context(undefined, corpus),
      ),
    ).toEqual({ ok: true, value: [] });
    expect(mentionsOf).toHaveBeenCalledWith('sergey-lavrov', 'a-x');
    expect(
      await handleMessage({ type: 'import-articles', data: '[]', format: 'json' }, POPUP, context(undefined, corpus)),
    ).toEqual({ ok: true, value: { added: ['a-1'], skipped: [] } });
    expect(importArticles).toHaveBeenCalledWith('[]', 'json');
  });

  it('routes the library requests, checking their numbers', async () => {
    const listArticles = vi.fn(() => Promise.resolve({ total: 0, items: [], actor: null }));
    const corpus = fakeCorpus({ listArticles });
    expect(
      await handleMessage(
        { type: 'list-articles', query: 'Lavrov', offset: 50, limit: 50 },
        POPUP,
        context(undefined, corpus),
      ),
    ).toEqual({ ok: true, value: { total: 0, items: [], actor: null } });
    expect(listArticles).toHaveBeenCalledWith('Lavrov', 50, 50);
    expect(await handleMessage({ type: 'list-articles', limit: 10_000 }, POPUP, context(undefined, corpus))).toEqual({
      ok: false,
      error: 'list-articles: limit must be a whole number from 0 to 500',
    });
    expect(await handleMessage({ type: 'read-tab', tabId: -1 }, POPUP, context())).toMatchObject({
      ok: false,
      error: expect.stringContaining('tabId must be a whole number'),
    });
    const readTab = vi.fn(async () => ({ ok: true as const, value: { text: 'Lavrov said' } }));
    expect(await handleMessage({ type: 'read-tab', tabId: 7 }, POPUP, { ...context(), readTab })).toEqual({
      ok: true,
      value: { text: 'Lavrov said' },
    });
    expect(readTab).toHaveBeenCalledWith(7);
    const addTab = vi.fn(async () => ({ ok: true as const, value: { id: 'a-1' } }));
    const highlightTab = vi.fn(async () => ({ ok: true as const, value: { highlighted: true as const } }));
    expect(await handleMessage({ type: 'add-tab', tabId: 3 }, POPUP, { ...context(), addTab })).toEqual({
      ok: true,
      value: { id: 'a-1' },
    });
    expect(await handleMessage({ type: 'highlight-tab', tabId: 3 }, POPUP, { ...context(), highlightTab })).toEqual({
      ok: true,
      value: { highlighted: true },
    });
    expect([addTab.mock.calls, highlightTab.mock.calls]).toEqual([[[3]], [[3]]]);
  });
});

describe('article-read (the opt-in to remember what is read)', () => {
  const withSettings = (rememberArticles: boolean, addTab: HandlerContext['addTab']) => ({
    ...context(undefined, fakeCorpus({ settings: () => Promise.resolve({ rememberArticles, disabledSites: [] }) })),
    addTab,
  });

  it('adds the sender’s tab only when the user opted in', async () => {
    const addTab = vi.fn(async () => ({ ok: true as const, value: { id: 'a-9' } }));
    expect(
      await handleMessage(
        { type: 'article-read' },
        { id: OWN_ID, url: 'https://www.cbc.ca/news/x', tab: { id: 3 } },
        withSettings(false, addTab),
      ),
    ).toEqual({ ok: true, value: { remembered: false } });
    expect(addTab).not.toHaveBeenCalled();
    expect(
      await handleMessage(
        { type: 'article-read' },
        { id: OWN_ID, url: 'https://www.cbc.ca/news/x', tab: { id: 3 } },
        withSettings(true, addTab),
      ),
    ).toEqual({ ok: true, value: { remembered: true } });
    expect(addTab).toHaveBeenCalledWith(3);
  });

  it('does nothing for a sender with no tab', async () => {
    const addTab = vi.fn();
    expect(await handleMessage({ type: 'article-read' }, POPUP, withSettings(true, addTab))).toEqual({
      ok: true,
      value: { remembered: false },
    });
    expect(addTab).not.toHaveBeenCalled();
  });
});
