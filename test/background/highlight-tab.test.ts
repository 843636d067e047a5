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
      registerContentScripts: vi.fn(
        async (scripts: { id: string }[]) => void registered.push(...scripts.map((x) => x.id)),
      ),
      unregisterContentScripts: vi.fn(
        async ({ ids }: { ids: string[] }) =>
          void registered.splice(0, registered.length, ...registered.filter((id) => !ids.includes(id))),
      ),
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
    ]);
    await alwaysOnSite(api, 'https://www.example.org', false);
    expect(api.scripting.unregisterContentScripts).toHaveBeenLastCalledWith({ ids: ['site:https://www.example.org'] });
    expect(api.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(await registeredSites(api)).toEqual({ ok: true, value: { origins: [] } });
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
