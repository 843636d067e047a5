import { describe, expect, it } from 'vitest';
import type { HighlightApi } from '../../src/background/highlight-tab';
import { SITES_OFF_SCRIPT, syncSitesOff } from '../../src/background/sites-off';

type Registered = { id: string; matches: string[]; js: string[]; runAt: string };

/** The scripting API's registry, as the browser keeps it; `calls` counts the changes made to it. */
function fakeScripting(initial: Registered[] = []) {
  const scripts = new Map(initial.map((s) => [s.id, s]));
  const calls = { register: 0, unregister: 0 };
  const scripting = {
    registerContentScripts: async (list: Registered[]) => {
      calls.register++;
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        scripts.set(s.id, s);
      }
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      calls.unregister++;
      for (const id of ids) scripts.delete(id);
    },
    getRegisteredContentScripts: async () => [...scripts.values()],
  } as unknown as HighlightApi['scripting'];
  return { api: { scripting }, scripts, calls };
}

describe('the sites switched off', () => {
  it('are marked by one script that runs before the content script, on each host', async () => {
    const { api, scripts } = fakeScripting();
    await syncSitesOff(api, ['www.rt.com', 'WWW.CBC.CA', 'www.rt.com']);
    expect(scripts.get(SITES_OFF_SCRIPT)).toEqual({
      id: SITES_OFF_SCRIPT,
      matches: ['*://www.cbc.ca/*', '*://www.rt.com/*'],
      js: ['site-off.js'],
      runAt: 'document_start',
    });
  });

  it('follow each change, leave the other registered scripts alone, and change nothing when nothing changed', async () => {
    const always = {
      id: 'site:https://example.org',
      matches: ['https://example.org/*'],
      js: ['content.js'],
      runAt: 'document_idle',
    };
    const { api, scripts, calls } = fakeScripting([always]);
    await syncSitesOff(api, ['www.rt.com']);
    await syncSitesOff(api, ['www.rt.com']);
    expect(calls).toEqual({ register: 1, unregister: 0 });
    await syncSitesOff(api, ['www.rt.com', 'www.bbc.com']);
    expect(scripts.get(SITES_OFF_SCRIPT)?.matches).toEqual(['*://www.bbc.com/*', '*://www.rt.com/*']);
    await syncSitesOff(api, []);
    expect([...scripts.keys()]).toEqual([always.id]);
    await syncSitesOff(api, []);
    expect(calls).toEqual({ register: 2, unregister: 2 });
  });

  it('leave out a host no match pattern can name, rather than fail for the others', async () => {
    const { api, scripts } = fakeScripting();
    await syncSitesOff(api, ['[::1]', 'www.rt.com', 'bad host', '']);
    expect(scripts.get(SITES_OFF_SCRIPT)?.matches).toEqual(['*://www.rt.com/*']);
  });
});
