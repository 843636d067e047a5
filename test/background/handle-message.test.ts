import { describe, expect, it, vi } from 'vitest';
import type { CorpusApi } from '../../src/background/corpus-service';
import type { HandlerContext } from '../../src/background/handle-message';
import { handleMessage } from '../../src/background/handle-message';
import type { Annotation } from '../../src/messages';

const OWN_ID = 'our-extension-id';

/** A corpus whose every method fails the test unless the test replaces it. */
function fakeCorpus(overrides: Partial<CorpusApi> = {}): CorpusApi {
  const unexpected = () => Promise.reject(new Error('unexpected corpus call'));
  const methods = ['status', 'mentionsOf', 'figuresLike', 'quotesLike', 'storyMatch', 'coverageGaps', 'syndicationDiff', 'addPage', 'importArticles', 'deleteArticle', 'articleText', 'listArticles', 'exportArticles', 'settings', 'updateSettings'] as const;
  return { ...(Object.fromEntries(methods.map((m) => [m, unexpected])) as unknown as CorpusApi), ...overrides };
}

const unexpectedCall = () => Promise.reject(new Error('unexpected notes call'));

function context(annotate: HandlerContext['annotate'] = () => [], corpus = fakeCorpus()): HandlerContext {
  const notes = { save: unexpectedCall, delete: unexpectedCall, notesFor: unexpectedCall, exportNotes: unexpectedCall, importNotes: unexpectedCall };
  return { extensionId: OWN_ID, version: '9.8.7', annotate, corpus, notes, addActiveTab: () => Promise.reject(new Error('unexpected tab read')), addTab: () => Promise.reject(new Error('unexpected tab read')), highlightActiveTab: () => Promise.reject(new Error('unexpected')), highlightTab: () => Promise.reject(new Error('unexpected')), alwaysOnSite: () => Promise.reject(new Error('unexpected')), registeredSites: () => Promise.reject(new Error('unexpected')), readTab: () => Promise.reject(new Error('unexpected tab read')) };
}

describe('handleMessage', () => {
  it('answers a ping from our own extension with the version', async () => {
    expect(await handleMessage({ type: 'ping' }, { id: OWN_ID }, context())).toEqual({ ok: true, value: { version: '9.8.7' } });
  });

  it('ignores messages from anyone else, synchronously', () => {
    expect(handleMessage({ type: 'ping' }, { id: 'another-extension' }, context())).toBeUndefined();
    expect(handleMessage({ type: 'ping' }, {}, context())).toBeUndefined();
  });

  it('answers a malformed request with the reason', async () => {
    expect(await handleMessage({ type: 'nope' }, { id: OWN_ID }, context())).toMatchObject({ ok: false, error: expect.stringContaining('unknown request type') });
    expect(await handleMessage({ type: 'mentions-of' }, { id: OWN_ID }, context())).toEqual({ ok: false, error: 'mentions-of: actorId is required' });
  });

  it('passes text and publication date to annotate and returns its result', async () => {
    const found = [{ start: 0, end: 6 }] as unknown as Annotation[];
    const annotate = vi.fn(() => found);
    const reply = await handleMessage({ type: 'annotate-text', text: 'Lavrov said', published: '2024-02-24' }, { id: OWN_ID }, context(annotate));
    expect(annotate).toHaveBeenCalledWith('Lavrov said', { published: '2024-02-24' });
    expect(reply).toEqual({ ok: true, value: found });
  });

  it('leaves the publication date out when the request has none', async () => {
    const annotate = vi.fn(() => []);
    await handleMessage({ type: 'annotate-text', text: 'x' }, { id: OWN_ID }, context(annotate));
    expect(annotate).toHaveBeenCalledWith('x', {});
  });

  it('turns an annotator or corpus failure into an error reply', async () => {
    const annotate = () => {
      throw new Error('dictionary not loaded');
    };
    expect(await handleMessage({ type: 'annotate-text', text: 'x' }, { id: OWN_ID }, context(annotate))).toEqual({ ok: false, error: 'dictionary not loaded' });
    const corpus = fakeCorpus({ status: () => Promise.reject(new Error('database closed')) });
    expect(await handleMessage({ type: 'corpus-status' }, { id: OWN_ID }, context(undefined, corpus))).toEqual({ ok: false, error: 'database closed' });
  });

  it('routes corpus requests to the corpus with their arguments', async () => {
    const mentionsOf = vi.fn(() => Promise.resolve([]));
    const importArticles = vi.fn(() => Promise.resolve({ ok: true as const, value: { added: ['a-1'], skipped: [] } }));
    const corpus = fakeCorpus({ mentionsOf, importArticles });
    expect(await handleMessage({ type: 'mentions-of', actorId: 'sergey-lavrov', excludeArticleId: 'a-x' }, { id: OWN_ID }, context(undefined, corpus))).toEqual({ ok: true, value: [] });
    expect(mentionsOf).toHaveBeenCalledWith('sergey-lavrov', 'a-x');
    expect(await handleMessage({ type: 'import-articles', data: '[]', format: 'json' }, { id: OWN_ID }, context(undefined, corpus))).toEqual({ ok: true, value: { added: ['a-1'], skipped: [] } });
    expect(importArticles).toHaveBeenCalledWith('[]', 'json');
  });

  it('routes the library requests, checking their numbers', async () => {
    const listArticles = vi.fn(() => Promise.resolve({ total: 0, items: [], actor: null }));
    const corpus = fakeCorpus({ listArticles });
    expect(await handleMessage({ type: 'list-articles', query: 'Lavrov', offset: 50, limit: 50 }, { id: OWN_ID }, context(undefined, corpus))).toEqual({ ok: true, value: { total: 0, items: [], actor: null } });
    expect(listArticles).toHaveBeenCalledWith('Lavrov', 50, 50);
    expect(await handleMessage({ type: 'list-articles', limit: 10_000 }, { id: OWN_ID }, context(undefined, corpus))).toEqual({ ok: false, error: 'list-articles: limit must be a whole number from 0 to 500' });
    expect(await handleMessage({ type: 'read-tab', tabId: -1 }, { id: OWN_ID }, context())).toMatchObject({ ok: false, error: expect.stringContaining('tabId must be a whole number') });
    const readTab = vi.fn(async () => ({ ok: true as const, value: { text: 'Lavrov said' } }));
    expect(await handleMessage({ type: 'read-tab', tabId: 7 }, { id: OWN_ID }, { ...context(), readTab })).toEqual({ ok: true, value: { text: 'Lavrov said' } });
    expect(readTab).toHaveBeenCalledWith(7);
    const addTab = vi.fn(async () => ({ ok: true as const, value: { id: 'a-1' } }));
    const highlightTab = vi.fn(async () => ({ ok: true as const, value: { highlighted: true as const } }));
    expect(await handleMessage({ type: 'add-tab', tabId: 3 }, { id: OWN_ID }, { ...context(), addTab })).toEqual({ ok: true, value: { id: 'a-1' } });
    expect(await handleMessage({ type: 'highlight-tab', tabId: 3 }, { id: OWN_ID }, { ...context(), highlightTab })).toEqual({ ok: true, value: { highlighted: true } });
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
    expect(await handleMessage({ type: 'article-read' }, { id: OWN_ID, tab: { id: 3 } }, withSettings(false, addTab))).toEqual({ ok: true, value: { remembered: false } });
    expect(addTab).not.toHaveBeenCalled();
    expect(await handleMessage({ type: 'article-read' }, { id: OWN_ID, tab: { id: 3 } }, withSettings(true, addTab))).toEqual({ ok: true, value: { remembered: true } });
    expect(addTab).toHaveBeenCalledWith(3);
  });

  it('does nothing for a sender with no tab', async () => {
    const addTab = vi.fn();
    expect(await handleMessage({ type: 'article-read' }, { id: OWN_ID }, withSettings(true, addTab))).toEqual({ ok: true, value: { remembered: false } });
    expect(addTab).not.toHaveBeenCalled();
  });
});
