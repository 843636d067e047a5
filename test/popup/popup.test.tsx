// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Request } from '../../src/messages';
import { Popup } from '../../src/popup/Popup';
import type { ActiveTab } from '../../src/popup/SiteSwitch';
import { Tabs } from '../../src/popup/Tabs';
import { act } from 'preact/test-utils';
import { mount, flush, textOf } from '../preact-dom';

const tab = (
  id: number | null,
  pageReport: () => Promise<unknown> = () => Promise.reject(new Error('Receiving end does not exist.')),
): ActiveTab => ({
  id,
  host: 'www.cbc.ca',
  origin: 'https://www.cbc.ca',
  send: async () => undefined,
  pageReport,
  allowed: async () => true,
  requestAccess: async () => true,
});
const ping = () => Promise.resolve({ ok: true as const, value: { version: '1.2.3' } });
const TEXT = 'Russian Foreign Minister Sergey Lavrov spoke.\n\nOver 7,500 people have been killed.';

/** A background that answers from fixed data; `fail` makes one request type fail with a message. */
function background(fail: Partial<Record<Request['type'], string>> = {}) {
  return vi.fn(async (r: Request): Promise<any> => {
    if (fail[r.type]) return { ok: false, error: fail[r.type] };
    switch (r.type) {
      case 'read-tab':
        return {
          ok: true,
          value: {
            text: TEXT,
            url: 'https://www.cbc.ca/news/world/x-1.1',
            headline: 'Lavrov speaks',
            published: '2012-03-12',
          },
        };
      case 'annotate-text':
        return {
          ok: true,
          value: [
            {
              kind: 'actor',
              start: 25,
              end: 38,
              text: 'Sergey Lavrov',
              actorId: 'sergey-lavrov',
              label: 'Sergey Lavrov',
              actorType: 'person',
              via: 'name',
            },
          ],
        };
      case 'story-match':
        return { ok: true, value: [] };
      case 'get-settings':
        return { ok: true, value: { rememberArticles: false, disabledSites: [] } };
      case 'corpus-status':
        return { ok: true, value: { articles: 3, bundled: 3, user: 0, version: 'v' } };
      default:
        return { ok: true, value: [] };
    }
  });
}

describe('Popup', () => {
  it('reads the tab, names the page and opens on the story, which says what to do when empty', async () => {
    const ask = background();
    const root = await mount(
      <Popup ping={ping} ask={ask as never} tab={tab(7)} openOptions={() => undefined} download={() => undefined} />,
    );
    expect(ask).toHaveBeenCalledWith({ type: 'read-tab', tabId: 7 });
    expect(ask).toHaveBeenCalledWith({ type: 'annotate-text', text: TEXT, published: '2012-03-12' });
    expect(textOf(root.querySelector('.page-line'))).toBe('This page: CBC News 2012-03-12');
    expect(textOf(root.querySelector('h2'))).toBe('Lavrov speaks');
    expect([...root.querySelectorAll('[role="tab"]')].map(textOf)).toEqual([
      'Story (0)',
      'Actors (1)',
      'Figures (0)',
      'Quotes (0)',
      'Compare',
      'Notes',
    ]);
    expect(textOf(root.querySelector('[role="tabpanel"]'))).toContain(
      'No other outlet’s version of this story is in your corpus yet',
    );
    expect(textOf(root.querySelector('footer [role="status"]'))).toBe('Crosswire 1.2.3 — background connected');
  });

  it('takes the content script’s reading of a highlighted page, checked, without reading it again', async () => {
    const ask = background();
    const report = {
      page: {
        text: 'Lavrov spoke in New York.',
        url: 'https://www.cbc.ca/news/world/y-1.2',
        headline: 'From the page',
      },
      annotations: [
        {
          kind: 'actor',
          start: 0,
          end: 6,
          text: 'Lavrov',
          actorId: 'sergey-lavrov',
          label: 'Sergey Lavrov',
          actorType: 'person',
          via: 'surname',
        },
      ],
    };
    const root = await mount(
      <Popup
        ping={ping}
        ask={ask as never}
        tab={tab(7, async () => report)}
        openOptions={() => undefined}
        download={() => undefined}
      />,
    );
    expect(textOf(root.querySelector('h2'))).toBe('From the page');
    expect(ask.mock.calls.map(([r]) => r.type)).not.toContain('read-tab');
    expect(ask.mock.calls.map(([r]) => r.type)).not.toContain('annotate-text');
    // A malformed report is not trusted: the popup reads the page itself.
    const ask2 = background();
    await mount(
      <Popup
        ping={ping}
        ask={ask2 as never}
        tab={tab(7, async () => ({ page: { text: 5 }, annotations: [] }))}
        openOptions={() => undefined}
        download={() => undefined}
      />,
    );
    expect(ask2).toHaveBeenCalledWith({ type: 'read-tab', tabId: 7 });
  });

  it('explains a page it cannot read, and what to do', async () => {
    const root = await mount(
      <Popup
        ping={ping}
        ask={background({ 'read-tab': 'cannot read this page: Cannot access a chrome:// URL' }) as never}
        tab={tab(7)}
        openOptions={() => undefined}
        download={() => undefined}
      />,
    );
    expect(textOf(root.querySelector('[role="alert"]'))).toBe(
      'Crosswire cannot read this page (browser pages, the extension store and PDFs are closed to extensions). Open a news story and click Crosswire again.',
    );
    const notArticle = await mount(
      <Popup
        ping={ping}
        ask={background({ 'read-tab': 'no article found on this page (too little text)' }) as never}
        tab={tab(7)}
        openOptions={() => undefined}
        download={() => undefined}
      />,
    );
    expect(textOf(notArticle.querySelector('[role="alert"]'))).toBe(
      'This page does not look like an article (too little text). Open a news story and click Crosswire again.',
    );
    const noTab = await mount(
      <Popup
        ping={ping}
        ask={background() as never}
        tab={tab(null)}
        openOptions={() => undefined}
        download={() => undefined}
      />,
    );
    expect(textOf(noTab.querySelector('[role="alert"]'))).toContain('open the popup over a news article');
  });

  it('shows an unreachable background in words', async () => {
    const down = () => Promise.resolve({ ok: false as const, error: 'Could not establish connection.' });
    const root = await mount(
      <Popup
        ping={down}
        ask={background() as never}
        tab={tab(7)}
        openOptions={() => undefined}
        download={() => undefined}
      />,
    );
    expect(textOf(root.querySelector('footer [role="status"]'))).toBe(
      'Background not reachable: Could not establish connection.',
    );
  });
});

describe('Tabs', () => {
  it('moves selection and focus with the arrow keys, Home and End', async () => {
    let selected = 'a';
    const tabs = [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
      { id: 'c', label: 'C' },
    ];
    const root = await mount(
      <Tabs tabs={tabs} selected={selected} onSelect={(id) => (selected = id)}>
        panel
      </Tabs>,
    );
    const press = async (key: string) => {
      await act(
        () =>
          void root
            .querySelector('[role="tablist"]')!
            .dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })),
      );
      await flush();
    };
    await press('ArrowRight');
    expect(selected).toBe('b');
    await press('ArrowLeft');
    expect(selected).toBe('c'); // the component is not re-rendered with the new selection here: it wraps from 'a'
    await press('End');
    expect(selected).toBe('c');
    await press('Home');
    expect(selected).toBe('a');
    expect(root.querySelector('[role="tabpanel"]')!.getAttribute('aria-labelledby')).toBe('tab-a');
    expect([...root.querySelectorAll('[role="tab"]')].map((t) => t.getAttribute('tabindex'))).toEqual([
      '0',
      '-1',
      '-1',
    ]);
  });
});
