import { describe, expect, it, vi } from 'vitest';
import {
  alwaysOnSite,
  highlightActiveTab,
  highlightTab,
  registeredSites,
  type HighlightApi,
} from '../../src/background/highlight-tab';

function fake(opts: { contentScript?: boolean; injectFails?: boolean } = {}) {
  const injected: string[] = [];
  const registered: string[] = [];
  const api: HighlightApi = {
    tabs: {
      query: vi.fn(async () => [{ id: 4 }]),
      sendMessage: vi.fn(async () => {
        if (!opts.contentScript) throw new Error('Could not establish connection. Receiving end does not exist.');
      }),
    },
    scripting: {
      executeScript: vi.fn(async (injection) => {
        if (opts.injectFails) throw new Error('Cannot access a chrome:// URL');
        injected.push(injection.files ? injection.files.join() : 'flag');
        return [];
      }),
      insertCSS: vi.fn(async (injection) => {
        injected.push(injection.files.join());
      }),
      registerContentScripts: vi.fn(async (scripts: { id: string }[]) => {
        // As Chrome: an id registered already fails the whole call.
        if (scripts.some((x) => registered.includes(x.id))) throw new Error('Duplicate script ID');
        registered.push(...scripts.map((x) => x.id));
      }),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
        // As Chrome: an id that is not registered fails the whole call, and removes none.
        if (ids.some((id) => !registered.includes(id))) throw new Error('Nonexistent script ID');
        registered.splice(0, registered.length, ...registered.filter((id) => !ids.includes(id)));
      }),
      getRegisteredContentScripts: vi.fn(async () => registered.map((id) => ({ id }))),
    },
  };
  return { api, injected };
}

describe('highlighting a tab on request', () => {
  it('tells a content script that is already there', async () => {
    const { api, injected } = fake({ contentScript: true });
    expect(await highlightTab(api, 4)).toEqual({ ok: true, value: { highlighted: true } });
    expect(api.tabs.sendMessage).toHaveBeenCalledWith(4, { type: 'crosswire-highlights', on: true });
    expect(injected).toEqual([]);
  });

  it('injects the content script, marked as requested, anywhere else', async () => {
    const { api, injected } = fake();
    expect(await highlightActiveTab(api)).toEqual({ ok: true, value: { highlighted: true } });
    expect(injected).toEqual(['flag', 'marks.css', 'content.js']);
  });

  it('says why a page cannot be highlighted', async () => {
    const { api } = fake({ injectFails: true });
    expect(await highlightTab(api, 4)).toEqual({
      ok: false,
      error: 'cannot highlight this page: Cannot access a chrome:// URL',
    });
  });

  it('registers and unregisters the content script for a site the user allowed', async () => {
    const { api } = fake();
    expect(await alwaysOnSite(api, 'https://www.example.org', true)).toEqual({
      ok: true,
      value: { origin: 'https://www.example.org', on: true },
    });
    expect(api.scripting.registerContentScripts).toHaveBeenCalledWith([
      {
        id: 'site:https://www.example.org',
        matches: ['https://www.example.org/*'],
        js: ['content.js'],
        css: ['marks.css'],
        runAt: 'document_idle',
      },
      // The wake script too, as on the default sites (src/content/wake.ts).
      {
        id: 'wake:https://www.example.org',
        matches: ['https://www.example.org/*'],
        js: ['wake.js'],
        runAt: 'document_start',
      },
    ]);
    await alwaysOnSite(api, 'https://www.example.org', false);
    expect(api.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(await registeredSites(api)).toEqual({ ok: true, value: { origins: [] } });
    expect(await api.scripting.getRegisteredContentScripts()).toEqual([]);
  });

  it('switches off, and on again, a site made "always on" before the wake script existed', async () => {
    const { api } = fake();
    const origin = 'https://www.example.org';
    // Registered by an earlier version: the content script alone.
    const earlier = () =>
      api.scripting.registerContentScripts([
        { id: `site:${origin}`, matches: [`${origin}/*`], js: ['content.js'], runAt: 'document_idle' },
      ]);
    for (const on of [false, true]) {
      await earlier();
      expect(await alwaysOnSite(api, origin, on)).toMatchObject({ ok: true });
      expect((await api.scripting.getRegisteredContentScripts()).map((s) => s.id)).toEqual(
        on ? [`site:${origin}`, `wake:${origin}`] : [],
      );
    }
  });

  it('lists the sites registered by "always on this site"', async () => {
    const { api } = fake();
    await alwaysOnSite(api, 'https://www.example.org', true);
    await alwaysOnSite(api, 'https://news.example.com', true);
    expect(await registeredSites(api)).toEqual({
      ok: true,
      value: { origins: ['https://news.example.com', 'https://www.example.org'] },
    });
  });
});
