// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { feedOrigins } from '../../src/core/feeds/origins';
import { bytesText, opmlSummary, pollSummary, sourceName } from '../../src/options/follow-words';
import { Following } from '../../src/options/Following';
import type { FollowingState, PollReport, Request } from '../../src/messages';
import type { Ask } from '../../src/shared/ask';
import { feedStatus } from './feed-status';
import { buttonIn, eachTestRoot, flush, textOf } from '../preact-dom';

const at = (day: number, hour: number, minute: number) => new Date(2024, 2, day, hour, minute).getTime();
const NOW = at(3, 15, 0);

const feed = feedStatus;

const CBC = feed('https://www.cbc.ca/webfeed/rss/rss-world', 'cbc.ca', {
  title: 'CBC News: World',
  lastSuccess: at(3, 14, 5),
  items: 42,
});
const RT = feed('https://www.rt.com/rss/news/', 'rt.com', {
  lastSuccess: at(2, 9, 30),
  items: 7,
  lastError: 'HTTP 503 (the server asked to wait 3600 seconds)',
  lastErrorAt: at(3, 14, 20),
  failures: 2,
  retryAt: at(3, 15, 20),
});
const TEAM = {
  ...feed('https://team.example.org/corpus.jsonl', null),
  kind: 'corpus' as const,
  addedBy: 'reader' as const,
};

const START: FollowingState = {
  settings: { on: false, intervalMinutes: 30, retentionDays: 30, autoFullText: false, dailyFullTextLimit: 20 },
  feeds: [RT, CBC], // as the background lists them: by address
  subscriptions: [TEAM],
  entries: 1234,
  storage: { usage: 12_300_000, quota: 2_100_000_000 },
};

type Type = Request['type'];

/**
 * A background holding the following state in memory, and the browser's permission prompt:
 * both write to one log, so the order of the prompt and the requests can be checked.
 */
function fakeBackground() {
  const log: string[] = [];
  const sent: Request[] = [];
  const failing: Partial<Record<Type, string>> = {};
  const origins: string[][] = [];
  const saved: { filename: string; text: string; mime?: string }[] = [];
  let state: FollowingState = structuredClone(START);
  let poll: PollReport = { feeds: 2, added: 3, unchanged: 1, failed: [] };
  /** While set, a subscription's import runs until it resolves: its row is listed meanwhile. */
  let holdSubscribe: Promise<void> | null = null;
  const fake = {
    holdSubscribe: (until: Promise<void>) => void (holdSubscribe = until),
    /** Set the count of articles a listed source has added. */
    setItems: (url: string, items: number) => {
      state = {
        ...state,
        subscriptions: state.subscriptions.map((s) => (s.url === url ? { ...s, items } : s)),
      };
    },
    log,
    sent,
    failing,
    origins,
    saved,
    /** What the prompt answers: granted, refused, or the browser throws. */
    permission: true as boolean | Error,
    state: () => state,
    setPoll: (report: PollReport) => void (poll = report),
    ask: (async (request: Request) => {
      log.push(request.type);
      sent.push(request);
      const error = failing[request.type];
      if (error) return { ok: false, error };
      const ok = (value: unknown) => ({ ok: true, value });
      switch (request.type) {
        case 'get-following':
          return ok(state);
        case 'set-following': {
          const { type: _, ...patch } = request;
          state = { ...state, settings: { ...state.settings, ...patch } };
          return ok(state);
        }
        case 'add-feed':
          state = { ...state, feeds: [...state.feeds, feed(request.url, null, { addedBy: 'reader' })] };
          return ok(state);
        case 'remove-feed':
          state = { ...state, feeds: state.feeds.filter((f) => f.url !== request.url) };
          return ok(state);
        case 'import-opml':
          state = { ...state, feeds: [...state.feeds, feed('https://www.dw.com/rss/world', 'dw.com')] };
          return ok({ added: 1, skipped: ['https://www.rt.com/rss/news/: already followed'] });
        case 'export-opml':
          return ok({ data: '<opml version="2.0"/>\n', filename: 'crosswire-feeds-2024-03-03.opml' });
        case 'poll-now':
          return ok(poll);
        case 'subscribe-corpus':
          state = { ...state, subscriptions: [...state.subscriptions, { ...TEAM, url: request.url, items: 0 }] };
          await holdSubscribe;
          return ok(state);
        case 'unsubscribe-corpus':
          state = { ...state, subscriptions: state.subscriptions.filter((s) => s.url !== request.url) };
          return ok(state);
      }
    }) as Ask,
    requestOrigins: (asked: string[]) => {
      log.push('permissions.request');
      origins.push(asked);
      const answer = fake.permission;
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    // The OPML export is text.
    download: (filename: string, text: string | Blob, mime?: string) =>
      void saved.push({ filename, text: text as string, mime }),
  };
  return fake;
}

let root: HTMLElement;
let bg: ReturnType<typeof fakeBackground>;
let corpusChanged: number;

eachTestRoot((el) => (root = el));
beforeEach(() => {
  bg = fakeBackground();
  corpusChanged = 0;
});

async function show() {
  act(() =>
    render(
      <Following
        ask={bg.ask}
        download={bg.download}
        requestOrigins={bg.requestOrigins}
        now={() => NOW}
        onCorpusChanged={() => corpusChanged++}
      />,
      root,
    ),
  );
  await flush();
}

const switchBox = () => root.querySelector<HTMLInputElement>('#follow-on')!;
const notes = () => [...root.querySelectorAll('[role="status"], [role="alert"]')].map(textOf).filter(Boolean);
const alerts = () => [...root.querySelectorAll('[role="alert"]')].map((e) => e.textContent);
const rows = (label: string) => [...root.querySelectorAll(`ul[aria-label="${label}"] > li`)];
const sentTypes = () => bg.sent.map((r) => r.type);
const labelled = (text: string) => {
  const label = [...root.querySelectorAll('label')].find((l) => textOf(l).startsWith(text))!;
  return (label.querySelector('input') ?? root.querySelector(`#${label.htmlFor}`)) as HTMLInputElement;
};

async function click(button: HTMLElement) {
  await act(() => void button.click());
  await flush();
}

async function typeAndSubmit(input: HTMLInputElement, value: string) {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => void input.form!.requestSubmit());
  await flush();
}

describe('Following: what it shows', () => {
  it('says it is reading, then shows the switch off, each feed’s last fetch, error and backoff, and the storage', async () => {
    act(() =>
      render(
        <Following
          ask={() => new Promise(() => undefined)}
          download={bg.download}
          requestOrigins={bg.requestOrigins}
          onCorpusChanged={() => undefined}
        />,
        root,
      ),
    );
    expect(textOf(root)).toContain('Reading the following settings…');
    render(null, root);
    await show();
    expect(bg.sent).toEqual([{ type: 'get-following' }]);
    expect(switchBox().checked).toBe(false);
    expect(textOf(switchBox().closest('label'))).toBe('Follow the news from the feeds below');
    expect(buttonIn(root, 'Check now').getAttribute('aria-disabled')).toBe('true');
    const [cbc, rt] = rows('Feeds followed'); // by outlet
    expect([...cbc!.querySelectorAll('p')].map(textOf)).toEqual([
      'CBC News · World',
      'https://www.cbc.ca/webfeed/rss/rss-world',
      'Last fetched 3 March 2024 at 14:05; 42 entries added in all.',
    ]);
    expect(textOf(cbc!.querySelector('button'))).toBe('Remove https://www.cbc.ca/webfeed/rss/rss-world');
    expect([...rt!.querySelectorAll('.source-state')].map(textOf)).toEqual([
      'Last fetched 2 March 2024 at 09:30; 7 entries added in all.',
      'Last error (3 March 2024 at 14:20): HTTP 503 (the server asked to wait 3600 seconds)',
      'Backing off until 3 March 2024 at 15:20 after 2 failures.',
    ]);
    expect(rt!.classList.contains('source-failing')).toBe(true);
    expect(textOf(root)).toContain('2 feeds, 1 failing at the last try.');
    const [team] = rows('Shared corpora subscribed to');
    expect([...team!.querySelectorAll('p')].map(textOf)).toEqual([
      'team.example.org',
      'https://team.example.org/corpus.jsonl',
      'Not fetched yet.',
    ]);
    expect(textOf(root)).toContain(
      'The corpus holds 1,234 entries from feeds and shared corpora. Crosswire uses 12.3 MB of the 2.1 GB this browser allows it.',
    );
  });

  it('shows a reading error in an alert, and reads again on "Try again"', async () => {
    bg.failing['get-following'] = 'the database is closed';
    await show();
    expect(alerts()).toEqual(['The following settings could not be read: the database is closed']);
    delete bg.failing['get-following'];
    await click(buttonIn(root, 'Try again'));
    expect(alerts()).toEqual([]);
    expect(switchBox()).not.toBeNull();
  });
});

describe('Following: the switch', () => {
  it('asks for the feeds’ sites in the click itself, and only then sends set-following { on: true }', async () => {
    await show();
    act(() => void switchBox().click());
    // Asked during the click, before any reply was awaited: browsers allow the prompt only then.
    expect(bg.log.at(-1)).toBe('permissions.request');
    await flush();
    const urls = [CBC.url, RT.url, TEAM.url].map((url) => ({ url }));
    expect(bg.origins).toEqual([feedOrigins(urls)]);
    expect(bg.origins[0]).toEqual(
      expect.arrayContaining(['https://www.cbc.ca/*', 'https://www.rt.com/*', 'https://team.example.org/*']),
    );
    expect(bg.log).toEqual(['get-following', 'permissions.request', 'set-following']);
    expect(bg.sent.at(-1)).toEqual({ type: 'set-following', on: true });
    expect(switchBox().checked).toBe(true);
    expect(notes()).toContain('Following the news: 2 feeds checked every 30 minutes.');
    expect(buttonIn(root, 'Check now').getAttribute('aria-disabled')).toBe('false');
  });

  it('stays off, and says so, when the reader refuses the permission: the background hears nothing', async () => {
    bg.permission = false;
    await show();
    await click(switchBox());
    expect(sentTypes()).toEqual(['get-following']);
    expect(switchBox().checked).toBe(false);
    expect(notes()).toContain('Following stays off: the permission to fetch from the feeds’ sites was not given.');
  });

  it('stays off with an alert when the browser throws, or the background refuses', async () => {
    bg.permission = new Error('permissions.request may only be called from a user input handler');
    await show();
    await click(switchBox());
    expect(alerts()).toEqual([
      'Following stays off: the browser did not ask for permission (permissions.request may only be called from a user input handler).',
    ]);
    expect(switchBox().checked).toBe(false);
    bg.permission = true;
    bg.failing['set-following'] = 'set-following: intervalMinutes must be a whole number from 5 to 1440';
    await click(switchBox());
    expect(alerts()).toEqual([
      'Following stays off: set-following: intervalMinutes must be a whole number from 5 to 1440',
    ]);
    expect(switchBox().checked).toBe(false);
  });

  it('turns off with set-following { on: false } and asks for nothing', async () => {
    bg.state().settings.on = true;
    await show();
    expect(switchBox().checked).toBe(true);
    await click(switchBox());
    expect(bg.sent.at(-1)).toEqual({ type: 'set-following', on: false });
    expect(bg.origins).toEqual([]);
    expect(switchBox().checked).toBe(false);
    expect(notes()).toContain('Following is off: nothing is fetched, and the sites’ permissions were given back.');
  });
});

describe('Following: settings and "Check now"', () => {
  it('saves the interval, retention and automatic full text with its daily limit', async () => {
    await show();
    const interval = labelled('Check the feeds every');
    await act(() => {
      interval.value = '60';
      interval.dispatchEvent(new Event('input', { bubbles: true }));
      labelled('Fetch the full article').click();
    });
    expect(labelled('Full articles fetched automatically').disabled).toBe(false);
    await typeAndSubmit(labelled('Keep feed entries for'), '7');
    expect(bg.sent.at(-1)).toEqual({
      type: 'set-following',
      intervalMinutes: 60,
      retentionDays: 7,
      autoFullText: true,
      dailyFullTextLimit: 20,
    });
    expect(bg.state().settings).toMatchObject({ intervalMinutes: 60, retentionDays: 7, autoFullText: true });
    expect(notes()).toContain('Saved.');
  });

  it('refuses a number out of range in an alert, sending nothing', async () => {
    await show();
    await typeAndSubmit(labelled('Check the feeds every'), '2');
    expect(sentTypes()).toEqual(['get-following']);
    expect(alerts()).toEqual(['Check the feeds every: a whole number from 5 to 1440, please.']);
  });

  it('checks now with poll-now, shows the report, and reads the state and the corpus again', async () => {
    bg.state().settings.on = true;
    bg.setPoll({ feeds: 2, added: 3, unchanged: 0, failed: [{ url: RT.url, error: 'timed out after 20 s' }] });
    await show();
    await click(buttonIn(root, 'Check now'));
    expect(bg.sent).toEqual([{ type: 'get-following' }, { type: 'poll-now' }, { type: 'get-following' }]);
    expect(notes()).toContain(
      'Checked 2 feeds: 3 new entries, 0 unchanged. 1 feed failed: https://www.rt.com/rss/news/: timed out after 20 s',
    );
    expect(corpusChanged).toBe(1);
  });

  it('shows a failed check in an alert, and does not check while following is off', async () => {
    await show();
    await click(buttonIn(root, 'Check now'));
    expect(sentTypes()).toEqual(['get-following']);
    expect(textOf(root)).toContain('Turn following on first: while it is off, nothing is fetched.');
    bg.state().settings.on = true;
    bg.failing['poll-now'] = 'no network';
    render(null, root);
    await show();
    await click(buttonIn(root, 'Check now'));
    expect(alerts()).toEqual(['The feeds could not be checked: no network']);
    expect(corpusChanged).toBe(0);
  });
});

describe('Following: feeds', () => {
  it('adds a feed by its address with add-feed, without a prompt while following is off', async () => {
    await show();
    await typeAndSubmit(labelled('Add a feed'), 'https://www.dw.com/rss/world');
    expect(bg.sent.at(-1)).toEqual({ type: 'add-feed', url: 'https://www.dw.com/rss/world' });
    expect(bg.origins).toEqual([]);
    expect(rows('Feeds followed')).toHaveLength(3);
    expect(notes()).toContain('Added the feed of www.dw.com (https://www.dw.com/rss/world).');
    expect(labelled('Add a feed').value).toBe('');
  });

  it('while following is on, asks for the new feed’s site first, and adds nothing when refused', async () => {
    bg.state().settings.on = true;
    await show();
    bg.permission = false;
    await typeAndSubmit(labelled('Add a feed'), 'https://www.dw.com/rss/world');
    expect(bg.origins).toEqual([feedOrigins([{ url: 'https://www.dw.com/rss/world' }])]);
    expect(sentTypes()).toEqual(['get-following']);
    expect(alerts()).toEqual(['The feed was not added: the permission to fetch from its site was not given.']);
    bg.permission = true;
    await typeAndSubmit(labelled('Add a feed'), 'https://www.dw.com/rss/world');
    expect(bg.log.slice(-2)).toEqual(['permissions.request', 'add-feed']);
  });

  it('refuses what is not a web address, and shows the background’s refusal', async () => {
    await show();
    await typeAndSubmit(labelled('Add a feed'), 'feed.xml');
    expect(alerts()).toEqual(['“feed.xml” is not a web address: it should start with https://']);
    bg.failing['add-feed'] = 'this feed is already followed';
    await typeAndSubmit(labelled('Add a feed'), CBC.url);
    expect(alerts()).toEqual(['this feed is already followed']);
    expect(sentTypes()).toEqual(['get-following', 'add-feed']);
  });

  it('removes a feed with remove-feed, says its entries stay, and puts the focus on that', async () => {
    await show();
    await click(buttonIn(root, `Remove ${RT.url}`));
    expect(bg.sent.at(-1)).toEqual({ type: 'remove-feed', url: RT.url });
    expect(rows('Feeds followed').map((li) => li.querySelector('.site')!.textContent)).toEqual([CBC.url]);
    const said = 'Removed the feed of RT (https://www.rt.com/rss/news/). The entries it added stay in the corpus.';
    expect(notes()).toContain(said);
    expect(document.activeElement?.textContent).toBe(said);
  });

  it('keeps a feed it could not remove, and says why; a failed export saves nothing', async () => {
    bg.failing['remove-feed'] = 'the database is closed';
    bg.failing['export-opml'] = 'the database is closed';
    await show();
    await click(buttonIn(root, `Remove ${RT.url}`));
    expect(rows('Feeds followed')).toHaveLength(2);
    await click(buttonIn(root, 'Export feeds (OPML)'));
    expect(bg.saved).toEqual([]);
    expect(alerts()).toEqual(['the database is closed', 'the database is closed']);
  });

  it('imports OPML with import-opml, lists the new feed, and exports with export-opml as a download', async () => {
    await show();
    const input = labelled('Import feeds from an OPML file');
    Object.defineProperty(input, 'files', { value: [new File(['<opml/>'], 'reader.opml')] });
    await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await flush();
    expect(bg.sent).toContainEqual({ type: 'import-opml', data: '<opml/>' });
    expect(notes()).toContain('Added 1 feed. Skipped 1 feed: https://www.rt.com/rss/news/: already followed');
    expect(rows('Feeds followed')).toHaveLength(3);
    await click(buttonIn(root, 'Export feeds (OPML)'));
    expect(bg.sent.at(-1)).toEqual({ type: 'export-opml' });
    expect(bg.saved).toEqual([
      { filename: 'crosswire-feeds-2024-03-03.opml', text: '<opml version="2.0"/>\n', mime: 'text/x-opml' },
    ]);
    expect(notes()).toContain('Saved crosswire-feeds-2024-03-03.opml (3 feeds).');
  });

  it('after an import while following is on, offers to ask for the new sites; a bad file changes nothing', async () => {
    bg.state().settings.on = true;
    await show();
    const input = labelled('Import feeds from an OPML file');
    Object.defineProperty(input, 'files', { configurable: true, value: [new File(['<opml/>'], 'reader.opml')] });
    await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await flush();
    await click(buttonIn(root, 'Allow fetching from the new feeds’ sites'));
    expect(bg.origins.at(-1)).toEqual(expect.arrayContaining(['https://www.dw.com/*']));
    expect(notes()).toContain('The new feeds will be fetched at the next check.');
    bg.failing['import-opml'] = 'not OPML: the file has no <body>';
    Object.defineProperty(input, 'files', { configurable: true, value: [new File(['<x/>'], 'bad.opml')] });
    await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await flush();
    expect(alerts()).toEqual(['No feeds were added from bad.opml: not OPML: the file has no <body>']);
  });
});

describe('Following: shared corpora', () => {
  it('subscribes with subscribe-corpus and unsubscribes with unsubscribe-corpus', async () => {
    await show();
    expect(root.querySelector('#shared-corpora details summary')!.textContent).toBe('How to publish one');
    await typeAndSubmit(labelled('Subscribe to a shared corpus'), 'https://news.example.net/shared.jsonl');
    // Fetched at once, even with following off: its site is asked for in the click first.
    expect(bg.log.slice(-2)).toEqual(['permissions.request', 'subscribe-corpus']);
    expect(bg.origins).toEqual([feedOrigins([{ url: 'https://news.example.net/shared.jsonl' }])]);
    expect(bg.sent.at(-1)).toEqual({ type: 'subscribe-corpus', url: 'https://news.example.net/shared.jsonl' });
    expect(rows('Shared corpora subscribed to')).toHaveLength(2);
    await click(buttonIn(root, `Unsubscribe ${TEAM.url}`));
    expect(bg.sent.at(-1)).toEqual({ type: 'unsubscribe-corpus', url: TEAM.url });
    expect(notes()).toContain(`Unsubscribed from ${TEAM.url}. The articles it added stay in the corpus.`);
  });

  it('shows a long subscription’s progress, and cancels it by unsubscribing; what it added stays', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let finish!: () => void;
      bg.holdSubscribe(new Promise<void>((r) => (finish = r)));
      await show();
      const url = 'https://news.example.net/big.jsonl';
      await typeAndSubmit(labelled('Subscribe to a shared corpus'), url);
      expect(notes()).toContain(`Fetching ${url}…`);
      bg.setItems(url, 12_000);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1_000);
      });
      await flush();
      expect(notes()).toContain(`Importing ${url}: 12,000 articles so far…`);
      await click(buttonIn(root, 'Cancel'));
      expect(bg.sent.at(-1)).toEqual({ type: 'unsubscribe-corpus', url });
      // The background's import stops at its next chunk, and its request answers.
      finish();
      await flush();
      expect(notes()).toContain(`Cancelled ${url}. The articles it added stay in the corpus.`);
      expect(rows('Shared corpora subscribed to').map((r) => textOf(r))).not.toContainEqual(
        expect.stringContaining(url),
      );
      expect(root.querySelector('form button[type="button"]')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows what was wrong with a subscription’s last file, and a refused subscription in an alert', async () => {
    bg.state().subscriptions[0] = {
      ...TEAM,
      lastError: 'line 3: published must be a YYYY-MM-DD date; nothing was imported',
      lastErrorAt: at(3, 14, 50),
    };
    await show();
    expect(textOf(rows('Shared corpora subscribed to')[0]!)).toContain(
      'Last error (3 March 2024 at 14:50): line 3: published must be a YYYY-MM-DD date; nothing was imported',
    );
    bg.permission = false;
    await typeAndSubmit(labelled('Subscribe to a shared corpus'), 'https://news.example.net/shared.jsonl');
    expect(alerts()).toEqual(['Not subscribed: the permission to fetch from its site was not given.']);
    expect(sentTypes()).toEqual(['get-following']);
    bg.permission = true;
    bg.failing['subscribe-corpus'] = 'already subscribed';
    await typeAndSubmit(labelled('Subscribe to a shared corpus'), TEAM.url);
    expect(alerts()).toEqual(['already subscribed']);
  });
});

describe('the section’s words', () => {
  it('says sizes as people read them', () => {
    expect([999, 820_000, 12_345_678, 2_100_000_000].map(bytesText)).toEqual([
      '999 bytes',
      '820 KB',
      '12.3 MB',
      '2.1 GB',
    ]);
  });

  it('says when no feed was due, and lists ten skipped feeds of an OPML file before counting the rest', () => {
    expect(pollSummary({ feeds: 0, added: 0, unchanged: 0, failed: [] })).toBe(
      'No feed was due: each is backing off or was just fetched.',
    );
    const skipped = Array.from({ length: 12 }, (_, i) => `https://example.org/${i}: already followed`);
    const lines = opmlSummary({ added: 0, skipped }).split('\n');
    expect(lines[0]).toBe('No new feeds were added. Skipped 12 feeds:');
    expect(lines).toHaveLength(12);
    expect(lines.at(-1)).toBe('…and 2 more.');
  });

  it('names a feed by its outlet, else its title, else its host', () => {
    expect(sourceName({ url: 'https://feeds.bbci.co.uk/news/world/rss.xml', outlet: 'bbc.com', title: null })).toBe(
      'BBC News',
    );
    expect(sourceName({ url: 'https://example.org/feed', outlet: null, title: 'A blog' })).toBe('A blog');
    expect(sourceName({ url: 'https://example.org/feed', outlet: 'example.org', title: null })).toBe('example.org');
  });
});
