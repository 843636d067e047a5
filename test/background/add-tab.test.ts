import { describe, expect, it, vi } from 'vitest';
import { addActiveTab, addTab, type TabApi } from '../../src/background/add-tab';

const page = {
  text: 'Kofi Annan met Sergey Lavrov in Moscow.',
  url: 'https://www.bbc.com/news/x',
  headline: 'Annan in Moscow',
};

function fakeTabs(
  extracted: unknown,
  opts: { failInjection?: boolean; tabs?: { id?: number }[] } = {},
): TabApi & { injected: unknown[] } {
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
    tabs: { query: vi.fn(async () => opts.tabs ?? [{ id: 7 }]) },
  };
}

describe('adding the article of a tab', () => {
  it('injects the extractor, then calls it, and adds what it read', async () => {
    const api = fakeTabs({ ok: true, value: page });
    const addPage = vi.fn(async () => ({ ok: true as const, value: { id: 'a-1' } }));
    expect(await addTab(api, 7, addPage)).toEqual({ ok: true, value: { id: 'a-1' } });
    expect(api.injected).toEqual([['extract.js'], 'func']);
    expect(addPage).toHaveBeenCalledWith(page);
  });

  it('says why when the page cannot be read or has no article', async () => {
    const addPage = vi.fn();
    expect(await addTab(fakeTabs(null, { failInjection: true }), 7, addPage)).toEqual({
      ok: false,
      error: 'cannot read this page: Cannot access contents of url "chrome://newtab/"',
    });
    expect(await addTab(fakeTabs({ ok: false, error: 'no article body found in this page' }), 7, addPage)).toEqual({
      ok: false,
      error: 'no article found on this page (no article body found in this page)',
    });
    expect(await addTab(fakeTabs(undefined), 7, addPage)).toEqual({ ok: false, error: 'cannot read this page' });
    expect(addPage).not.toHaveBeenCalled();
  });

  it('checks what the page script returned like any message', async () => {
    const addPage = vi.fn();
    const hostile = { ok: true, value: { text: 'x', url: 'https://a.b/c', evil: '<script>' } };
    expect(await addTab(fakeTabs(hostile), 7, addPage)).toEqual({ ok: false, error: 'add-page: page unexpected evil' });
    expect(addPage).not.toHaveBeenCalled();
  });

  it('uses the active tab of the popup’s window', async () => {
    const addPage = vi.fn(async () => ({ ok: true as const, value: { id: 'a-2' } }));
    const api = fakeTabs({ ok: true, value: page });
    expect(await addActiveTab(api, addPage)).toEqual({ ok: true, value: { id: 'a-2' } });
    expect(api.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(await addActiveTab(fakeTabs(null, { tabs: [] }), addPage)).toEqual({ ok: false, error: 'no active tab' });
  });
});
