// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { eachTestRoot, flush } from '../preact-dom';
import { describe, expect, it } from 'vitest';
import type { Request, Settings } from '../../src/messages';
import type { Ask } from '../../src/shared/ask';
import { SiteList } from '../../src/options/SiteList';

/** A background holding settings and registered sites in memory, recording requests. */
function fakeAsk(settings: Settings, origins: string[], failStop?: string) {
  const sent: Request[] = [];
  const ask = (async (request: Request) => {
    sent.push(request);
    switch (request.type) {
      case 'get-settings':
        return { ok: true, value: settings };
      case 'set-settings':
        settings = { ...settings, ...request.settings };
        return { ok: true, value: settings };
      case 'registered-sites':
        return { ok: true, value: { origins } };
      case 'always-on-site':
        if (failStop) return { ok: false, error: failStop };
        origins = origins.filter((o) => o !== request.origin);
        return { ok: true, value: { origin: request.origin, on: request.on } };
      default:
        return { ok: false, error: `unexpected ${request.type}` };
    }
  }) as Ask;
  return { ask, sent };
}

let root: HTMLElement;
const items = () => [...root.querySelectorAll('li')].map((li) => li.querySelector('.site')!.textContent);
const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name)!;

eachTestRoot((el) => (root = el));

describe('SiteList', () => {
  it('says so in words when no site is switched off and none was added', async () => {
    const { ask } = fakeAsk({ rememberArticles: false, disabledSites: [] }, []);
    act(() => render(<SiteList ask={ask} />, root));
    expect(root.textContent).toContain('Reading the settings…');
    await flush();
    expect(root.textContent).toContain('Crosswire runs on all its default news sites.');
    expect(root.textContent).toContain('No other sites yet: use “Always run on this site” in the popup.');
  });

  it('switches a site back on by sending the list without it', async () => {
    const { ask, sent } = fakeAsk({ rememberArticles: true, disabledSites: ['www.rt.com', 'www.cbc.ca'] }, []);
    act(() => render(<SiteList ask={ask} />, root));
    await flush();
    expect(items()).toEqual(['www.rt.com', 'www.cbc.ca']);
    await act(() => void button('Switch back on for www.rt.com').click());
    await flush();
    expect(sent.at(-1)).toEqual({ type: 'set-settings', settings: { disabledSites: ['www.cbc.ca'] } });
    expect(items()).toEqual(['www.cbc.ca']);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Highlighting is back on for www.rt.com.');
  });

  it('stops "always on" for a site with on: false and reads the sites again', async () => {
    const { ask, sent } = fakeAsk({ rememberArticles: false, disabledSites: [] }, [
      'https://example.org',
      'https://news.example.com',
    ]);
    const forgotten: string[] = [];
    act(() => render(<SiteList ask={ask} forget={async (origin) => forgotten.push(origin)} />, root));
    await flush();
    await act(() => void button('Stop running on https://example.org').click());
    await flush();
    expect(sent).toContainEqual({ type: 'always-on-site', origin: 'https://example.org', on: false });
    // The site's permission is given back as well.
    expect(forgotten).toEqual(['https://example.org']);
    expect(sent.at(-1)).toEqual({ type: 'registered-sites' });
    expect(items()).toEqual(['https://news.example.com']);
  });

  it('shows an error reply in an alert', async () => {
    const { ask } = fakeAsk(
      { rememberArticles: false, disabledSites: [] },
      ['https://example.org'],
      'Missing host permission for the script.',
    );
    const forgotten: string[] = [];
    act(() => render(<SiteList ask={ask} forget={async (origin) => forgotten.push(origin)} />, root));
    await flush();
    await act(() => void button('Stop running on https://example.org').click());
    await flush();
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Missing host permission for the script.');
    expect(items()).toEqual(['https://example.org']);
    expect(forgotten).toEqual([]);
  });
});
