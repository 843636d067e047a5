// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Annotation, PageReading, Request } from '../../src/messages';
import { Popup } from '../../src/popup/Popup';
import type { ActiveTab } from '../../src/popup/SiteSwitch';
import { Tabs } from '../../src/popup/Tabs';
import { act } from 'preact/test-utils';
import { buttonIn, flush, mount, textOf } from '../preact-dom';

const tab = (id: number | null): ActiveTab => ({
  id,
  host: 'www.cbc.ca',
  origin: 'https://www.cbc.ca',
  url: 'https://www.cbc.ca/news/world/x-1.1',
  send: async () => undefined,
  allowed: async () => true,
  requestAccess: async () => true,
});
const ping = () => Promise.resolve({ ok: true as const, value: { version: '1.2.3' } });

/** The background's reading of the tab's page, as it answers `page-of-tab`. */
const READING: PageReading = {
  articleId: 'a-0123456789ab',
  canonical: 'https://cbc.ca/news/world/x-1.1',
  url: 'https://www.cbc.ca/news/world/x-1.1',
  headline: 'Lavrov speaks',
  published: '2012-03-12',
  outlet: { id: 'cbc.ca', name: 'CBC News' },
  annotations: [
    {
      id: 'm0',
      kind: 'actor',
      start: 25,
      end: 38,
      text: 'Sergey Lavrov',
      actorId: 'sergey-lavrov',
      label: 'Sergey Lavrov',
      actorType: 'person',
      via: 'name',
    } as unknown as Annotation,
  ],
  length: 80,
  source: 'page',
  stored: false,
};

const NO_GAPS = { actors: [], figures: [], quotes: [] };

/** A background that answers from fixed data; `fail` makes one request type fail with a message. */
function background(fail: Partial<Record<Request['type'], string>> = {}, reading: () => PageReading = () => READING) {
  return vi.fn(async (r: Request): Promise<any> => {
    if (fail[r.type]) return { ok: false, error: fail[r.type] };
    switch (r.type) {
      case 'page-of-tab':
        return { ok: true, value: reading() };
      case 'story-match':
        return { ok: true, value: [] };
      case 'get-settings':
        return { ok: true, value: { rememberArticles: false, disabledSites: [] } };
      case 'corpus-status':
        return { ok: true, value: { articles: 3, bundled: 3, user: 0, version: 'v' } };
      case 'highlight-tab':
        return { ok: true, value: { highlighted: true, articleId: READING.articleId } };
      case 'coverage-gaps':
        return { ok: true, value: { missing: NO_GAPS, extra: NO_GAPS, versions: [] } };
      case 'add-page':
        return { ok: true, value: { id: r.articleId } };
      default:
        return { ok: true, value: [] };
    }
  });
}

const popup = (ask: ReturnType<typeof background>, id: number | null = 7) =>
  mount(
    <Popup ping={ping} ask={ask as never} tab={tab(id)} openOptions={() => undefined} download={() => undefined} />,
  );

describe('Popup', () => {
  it('shows the background’s reading of its tab, by id, and opens on the story, which says what to do when empty', async () => {
    const ask = background();
    const root = await popup(ask);
    expect(ask).toHaveBeenCalledWith({ type: 'page-of-tab', tabId: 7, url: 'https://www.cbc.ca/news/world/x-1.1' });
    // Everything after refers to the page by its id: its text never comes to the popup.
    expect(ask).toHaveBeenCalledWith({ type: 'story-match', articleId: READING.articleId });
    expect(textOf(root.querySelector('.page-line'))).toBe('This page: CBC News 2012-03-12');
    expect(textOf(root.querySelector('h2'))).toBe('Lavrov speaks');
    expect([...root.querySelectorAll('[role="tab"]')].map(textOf)).toEqual([
      'Story (0)',
      'Actors (1)',
      'Figures (0)',
      'Quotes (0)',
      'Left out',
      'Compare',
      'Notes',
    ]);
    expect(textOf(root.querySelector('[role="tabpanel"]'))).toContain(
      'No other outlet’s version of this story is in your corpus yet',
    );
    expect(textOf(root.querySelector('footer [role="status"]'))).toBe('Crosswire 1.2.3 — background connected');
  });

  it('asks the background what each version left out, by the page’s id, only when that view opens', async () => {
    const ask = background();
    const root = await popup(ask);
    const asked = () => ask.mock.calls.filter(([r]) => r.type === 'coverage-gaps').map(([r]) => r);
    expect(asked()).toEqual([]);
    await act(() => buttonIn(root, 'Left out').click());
    await flush();
    expect(asked()).toEqual([{ type: 'coverage-gaps', articleId: READING.articleId }]);
    expect(textOf(root.querySelector('[role="tabpanel"]'))).toContain('No other version of this event');
  });

  it('adds the page by its id, then says it is in the corpus instead of offering it again', async () => {
    let stored = false;
    const ask = background({}, () => ({ ...READING, stored }));
    const root = await popup(ask);
    const add = buttonIn(root, 'Add this page to the corpus');
    expect(add).toBeTruthy();
    stored = true;
    await act(() => add.click());
    await flush();
    expect(ask).toHaveBeenCalledWith({ type: 'add-page', articleId: READING.articleId });
    expect(buttonIn(root, 'Add this page to the corpus')).toBeUndefined();
    expect(textOf(root.querySelector('.corpus-line'))).toContain('This page is in the corpus.');
  });

  it('explains a page it cannot read, and offers no "Add this page" there', async () => {
    const root = await popup(background({ 'page-of-tab': 'cannot read this page: Cannot access a chrome:// URL' }));
    expect(textOf(root.querySelector('[role="alert"]'))).toBe(
      'Crosswire cannot read this page (browser pages, the extension store and PDFs are closed to extensions). Open a news story and click Crosswire again.',
    );
    expect(buttonIn(root, 'Add this page to the corpus')).toBeUndefined();
    const noTab = await popup(background(), null);
    expect(textOf(noTab.querySelector('[role="alert"]'))).toContain('open the popup over a news article');
  });

  it('after "Highlight this page" succeeds on a page that is not an article, shows the page’s reading', async () => {
    let highlighted = false;
    const ask = vi.fn(async (r: Request): Promise<any> => {
      if (r.type === 'page-of-tab' && !highlighted)
        return { ok: false, error: 'no article found on this page (too little text)' };
      if (r.type === 'highlight-tab') highlighted = true;
      return background()(r);
    });
    const root = await popup(ask as never);
    expect(textOf(root.querySelector('[role="alert"]'))).toBe(
      'This page does not look like an article (too little text). Open a news story, or use "Highlight this page" to read it anyway.',
    );
    expect(buttonIn(root, 'Add this page to the corpus')).toBeUndefined();
    await act(() => buttonIn(root, 'Highlight this page').click());
    await flush();
    await flush();
    expect(ask).toHaveBeenCalledWith({ type: 'highlight-tab', tabId: 7 });
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(textOf(root.querySelector('h2'))).toBe('Lavrov speaks');
    expect(buttonIn(root, 'Add this page to the corpus')).toBeTruthy();
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
