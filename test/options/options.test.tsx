// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { eachTestRoot, flush } from '../preact-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleListItem, FollowingState, Request } from '../../src/messages';
import type { Ask } from '../../src/shared/ask';
import { downloadText } from '../../src/shared/download';
import { feedStatus } from './feed-status';
import { Options } from '../../src/options/Options';

const item = (articleId: string, name: string, origin: 'bundled' | 'user'): ArticleListItem => ({
  articleId,
  outlet: { id: name, name, profile: null },
  published: '2024-02-24',
  headline: `From ${name}`,
  url: null,
  origin,
});

const FOLLOWING: FollowingState = {
  settings: { on: false, intervalMinutes: 30, retentionDays: 30, autoFullText: false, dailyFullTextLimit: 20 },
  feeds: [feedStatus('https://www.cbc.ca/webfeed/rss/rss-world', 'cbc.ca')],
  subscriptions: [],
  entries: 0,
  storage: null,
};

/** A whole background in memory: what the page asks on opening, and an import that adds one article. */
function fakeAsk() {
  const articles = [item('a', 'CBC News', 'bundled'), item('b', 'RT', 'bundled')];
  const sent: Request[] = [];
  const ask = (async (request: Request) => {
    sent.push(request);
    switch (request.type) {
      case 'list-articles':
        return { ok: true, value: { total: articles.length, items: articles, actor: null } };
      case 'corpus-status':
        return { ok: true, value: { articles: articles.length, bundled: 2, user: articles.length - 2, version: '1' } };
      case 'import-articles':
        articles.unshift(item('c', 'Reuters', 'user'));
        return { ok: true, value: { added: ['c'], skipped: [] } };
      case 'get-settings':
        return { ok: true, value: { rememberArticles: false, disabledSites: [] } };
      case 'registered-sites':
        return { ok: true, value: { origins: [] } };
      case 'get-following':
        return { ok: true, value: FOLLOWING };
      default:
        return { ok: false, error: `unexpected ${request.type}` };
    }
  }) as Ask;
  return { ask, sent };
}

let root: HTMLElement;

eachTestRoot((el) => (root = el));
afterEach(() => {
  vi.restoreAllMocks();
});

describe('Options', () => {
  it('says something in every section before any reply, and has its headings in order', () => {
    act(() => render(<Options ask={() => new Promise(() => undefined)} />, root));
    expect(root.textContent).toContain('Loading the corpus…');
    expect(root.textContent).toContain('Reading the settings…');
    expect(root.textContent).toContain('Reading the sites…');
    const headings = [...root.querySelectorAll('h1, h2, h3')].map((h) => `${h.tagName} ${h.textContent}`);
    expect(headings).toEqual([
      'H1 Crosswire options',
      'H2 Corpus',
      'H3 Import and export',
      'H3 Stored articles',
      'H2 Follow the outlets’ news',
      'H2 Notes',
      'H2 Sites',
      'H3 Switched off',
      'H3 Always on',
      'H2 Remember articles',
    ]);
    for (const input of root.querySelectorAll('input'))
      expect(input.closest('label') ?? root.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
  });

  it('has every section’s headings in order and every field labelled once the replies are in', async () => {
    const { ask, sent } = fakeAsk();
    act(() => render(<Options ask={ask} download={() => undefined} />, root));
    await flush();
    expect(sent).toContainEqual({ type: 'get-following' });
    const headings = [...root.querySelectorAll('h2, h3')].map((h) => h.textContent);
    expect(headings.slice(headings.indexOf('Follow the outlets’ news'), headings.indexOf('Notes'))).toEqual([
      'Follow the outlets’ news',
      'Schedule and full text',
      'Feeds',
      'Shared corpora',
      'Storage',
    ]);
    const inputs = [...root.querySelectorAll('input')];
    expect(inputs.length).toBeGreaterThan(12);
    for (const input of inputs)
      expect(input.closest('label') ?? root.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    expect(new Set([...root.querySelectorAll('[id]')].map((e) => e.id)).size).toBe(
      root.querySelectorAll('[id]').length,
    );
  });

  it('lists the corpus again, and its counts, after an import', async () => {
    const { ask, sent } = fakeAsk();
    act(() => render(<Options ask={ask} download={() => undefined} />, root));
    await flush();
    expect(root.querySelector('.summary')!.textContent).toBe('Showing 1–2 of 2');
    const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [new File(['[{"text":"x"}]'], 'one.json')] });
    await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await flush();
    expect(root.querySelector('.summary')!.textContent).toBe('Showing 1–3 of 3');
    expect(root.querySelector('li.article .badge')!.textContent).toBe('Added by you');
    expect(root.querySelector('fieldset')!.textContent).toContain('Articles I added (1)');
    expect(sent.filter((r) => r.type === 'list-articles')).toHaveLength(2);
  });
});

describe('downloadText', () => {
  it('clicks a download link to a Blob URL holding the text, then lets it go', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:crosswire/1'));
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    downloadText('crosswire-articles-2024-02-24.json', '[]\n');
    expect(clicked.map((a) => [a.download, a.href])).toEqual([
      ['crosswire-articles-2024-02-24.json', 'blob:crosswire/1'],
    ]);
    expect(clicked[0]!.isConnected).toBe(false);
    expect(await blobs[0]!.text()).toBe('[]\n');
    expect(blobs[0]!.type).toBe('application/json');
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:crosswire/1');
    vi.useRealTimers();
  });
});
