import { describe, expect, it, vi } from 'vitest';
import { readTab, type TabApi } from '../../src/background/read-tab';

const page = {
  text: 'Kofi Annan met Sergey Lavrov in Moscow.',
  url: 'https://www.bbc.com/news/x',
  headline: 'Annan in Moscow',
};

/** A tab whose injected extractor answers `extracted` (or whose injection fails). */
function fakeTabs(extracted: unknown, opts: { failInjection?: boolean } = {}): TabApi & { injected: unknown[] } {
  const injected: unknown[] = [];
  return {
    injected,
    scripting: {
      executeScript: vi.fn(async (injection) => {
        if (opts.failInjection) throw new Error('Cannot access contents of url "chrome://newtab/"');
        injected.push(injection.files ?? 'func');
        return [{ result: injection.func ? extracted : undefined }];
      }),
    },
    tabs: { query: vi.fn(async () => [{ id: 7 }]) },
  };
}

describe('reading the article of a tab', () => {
  it('injects the extractor into that tab, then calls it, and answers what it read', async () => {
    const api = fakeTabs({ ok: true, value: page });
    expect(await readTab(api, 7)).toEqual({ ok: true, value: page });
    expect(api.injected).toEqual([['extract.js'], 'func']);
    expect(vi.mocked(api.scripting.executeScript).mock.calls.map(([i]) => i.target)).toEqual([
      { tabId: 7 },
      { tabId: 7 },
    ]);
  });

  it('says why when the page cannot be read or has no article', async () => {
    expect(await readTab(fakeTabs(null, { failInjection: true }), 7)).toEqual({
      ok: false,
      error: 'cannot read this page: Cannot access contents of url "chrome://newtab/"',
    });
    expect(await readTab(fakeTabs({ ok: false, error: 'no article body found in this page' }), 7)).toEqual({
      ok: false,
      error: 'no article found on this page (no article body found in this page)',
    });
    expect(await readTab(fakeTabs(undefined), 7)).toEqual({ ok: false, error: 'cannot read this page' });
    expect(await readTab(fakeTabs('a string'), 7)).toEqual({ ok: false, error: 'cannot read this page' });
  });

  it('checks what the page script returned like any message', async () => {
    for (const value of [
      { ...page, evil: '<script>' },
      { ...page, text: 42 },
      { ...page, published: 'yesterday' },
      { url: page.url },
      null,
    ])
      expect(await readTab(fakeTabs({ ok: true, value }), 7), JSON.stringify(value)).toEqual({
        ok: false,
        error: 'cannot read this page: malformed article',
      });
  });
});
