// Hostile pages (issue "Hardening"): one article per case, served on www.reuters.com, all in
// one browser with the built extension. For every case: nothing escapes as an error (page,
// console or service worker), and nothing of ours turns page text into markup (a payload's
// `window.__pwned` stays unset, no <img> or <script> appears). Our main-thread tasks (the
// `crosswire:task` measures the content script records) are printed per page at the end; their
// 50 ms budget is wall-clock time, which `npm run bench` measures and no test asserts (a busy
// machine doubles it). The tests hold behaviour instead: the first pass completes, the work is
// sliced, and the page's own events run between the slices. Bugs found
// were kept as `it.fails`, each naming the bug; those since fixed are plain tests now, with
// the bug they caught in their comment, and what is still open stays `it.fails`.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { annotate } from '../../src/core/annotate';
import { articlePage } from '../../src/demo/server';
import { cardMarkup, startDemoBrowser, type DemoBrowser } from './demo-browser';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: {
    query(q: { url: string }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
};

const HOST = 'www.reuters.com';
const urlOf = (path: string) => `https://${HOST}/hostile/${path}`;
const NEWS = [
  'Sergey Lavrov met Hillary Clinton in Geneva on Monday, and the United Nations said over 7,500 people had been killed in Syria since March.',
  'Kofi Annan said in Ankara that Turkey and Qatar backed his plan, and Recep Tayyip Erdogan repeated his support for a ceasefire in Syria.',
  'The Arab League asked the UN Security Council to act, and Russia and China urged restraint, Sergey Lavrov told reporters in Moscow.',
  'Hillary Clinton said the United States would keep pressing Syria, and about 2,000 refugees crossed into Turkey on Sunday alone.',
  'Diplomats said the European Union was preparing new sanctions, while Bashar al-Assad told state television his army would not stop.',
];
/** An article page (articlePage escapes paragraph text: `<` in a paragraph shows as a literal `<`), with extra head and article markup. */
const page = (
  path: string,
  paragraphs: string[],
  { head = '', body = '', title = 'Clinton and Lavrov meet on Syria' } = {},
) =>
  articlePage({ site: 'Reuters', title, canonical: urlOf(path), published: '2012-03-12', paragraphs })
    .replace('</head>', `${head}</head>`)
    .replace('</article>', `${body}</article>`);
const HOSTILE_CSS =
  'mark, crosswire-mark, span, * { background: red !important; color: red !important; display: block !important; font-size: 40px !important; box-shadow: none !important }';

/**
 * The page's own script: once our first highlight is in the DOM it posts itself a message, and
 * when it handles that message it notes (in `window.__ping`) when, how many highlights there
 * were, and whether our pass was done.
 */
const PING_ON_FIRST_MARK = `<script>{
window.addEventListener('message', (e) => {
  if (e.data !== 'crosswire-test-ping') return;
  window.__ping = { at: performance.now(), marks: document.querySelectorAll('crosswire-mark').length,
    done: performance.getEntriesByName('crosswire:done').length > 0 };
});
const observer = new MutationObserver((records) => {
  if (!records.some((r) => [...r.addedNodes].some((n) => n.nodeName === 'CROSSWIRE-MARK'))) return;
  observer.disconnect();
  window.postMessage('crosswire-test-ping', '*');
});
document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
}</script>`;

/** The 5 MB article's paragraphs. */
const HUGE = hugeParagraphs(5_000_000);

const PAGES: Record<string, string> = {
  markup: page(
    'markup',
    [
      'Sergey Lavrov said "<img src=x onerror=window.__pwned=1> we will not <script>window.__pwned=2</script> accept this" on Monday.',
      'The fighting has killed over 7,500 <b>people</b> since March, the United Nations said on Tuesday in Geneva.',
      'Foreign Minister <b onmouseover=window.__pwned=4>Ahmet</b> Davutoglu said <i>Syria</i> must stop, and Hillary Clinton<img src=x onerror=window.__pwned=3> agreed.',
      ...NEWS,
    ],
    { title: 'Lavrov <img src=x onerror=window.__pwned=5> rebuffs Clinton' },
  ),
  // Every page rule that could restyle a highlight, the CSS Custom Highlight API in use, the page's own <mark>s.
  styles: page('styles', NEWS, {
    head: `<style>${HOSTILE_CSS} ::highlight(page) { background: red }</style>`,
    body: `<p>Her <mark>Russian counterpart</mark>, <mark>Sergey Lavrov</mark>, said Syria and the United Nations would talk again in Geneva.</p>
<script>{ const r = new Range(); r.selectNodeContents(document.querySelector('article p:nth-of-type(2)')); CSS.highlights.set('page', new Highlight(r));
window.Highlight = class { constructor() { window.__pwned = 'Highlight'; } }; }</script>`,
  }),
  // The same rules without our element's name: only the generic selectors.
  'styles-generic': page('styles-generic', NEWS, {
    head: `<style>${HOSTILE_CSS.replace('crosswire-mark, ', '')}</style>`,
  }),
  // The page claims our element names for its own custom elements.
  'custom-elements': page('custom-elements', NEWS, {
    head: `<script>window.__ranOnOurs = 0;
customElements.define('crosswire-mark', class extends HTMLElement { constructor() { super(); window.__ranOnOurs++; } });
customElements.define('crosswire-card-host', class extends HTMLElement { constructor() { super(); window.__ranOnOurs++; window.__internals = this.attachInternals(); } });</script>`,
  }),
  // Appends a paragraph every 20 ms (dropping the oldest past ten) and ticks a counter every 5 ms, forever.
  mutating: mutatingPage('mutating', 'article'),
  // The same with the counter in the site's header, outside the article.
  'mutating-outside': mutatingPage('mutating-outside', 'header'),
  huge: page('huge', HUGE, { head: PING_ON_FIRST_MARK }),
  // Chromium's renderer itself crashes laying out ~3,000 visibly nested elements (checked without the
  // extension), so the chain is out of layout; the DOM, which is what we walk, is 10,000 deep. The
  // parser caps nesting at 512, so a script builds it.
  nested: page('nested', NEWS, {
    body: `<div id="deep" style="display: none"></div><script>{ let el = document.getElementById('deep');
for (let i = 1; i <= 10000; i++) { const d = document.createElement(i % 2 ? 'div' : 'span'); if (i % 1000 === 0) d.append(${JSON.stringify(NEWS[0])}); el.append(d); el = d; }
el.id = 'bottom'; el.append(${JSON.stringify(NEWS[1])}); }</script>`,
  }),
  frames: page('frames', NEWS, {
    body: `<iframe id="frame" srcdoc="<p>Sergey Lavrov met Hillary Clinton in Geneva on Monday and said Syria must agree to a ceasefire.</p>"></iframe>
<news-box id="scripted"></news-box><div id="declarative"><template shadowrootmode="open"><p>Kofi Annan met Recep Tayyip Erdogan in Ankara and said Syria must agree to a ceasefire.</p></template></div>
<script>customElements.define('news-box', class extends HTMLElement { constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<p>Hillary Clinton told the United Nations that Syria must let Kofi Annan in.</p>'; } });</script>`,
  }),
  editable: page('editable', NEWS, {
    body: `<div id="ed" contenteditable="true"><p>Sergey Lavrov met Hillary Clinton in Geneva on Monday and said Syria must agree to a ceasefire.</p></div>
<div id="plain" contenteditable="plaintext-only">Kofi Annan met Recep Tayyip Erdogan in Ankara and said Syria must agree to a ceasefire.</div>
<form><textarea id="ta">Sergey Lavrov met Hillary Clinton in Geneva on Monday.</textarea><input id="in" value="Sergey Lavrov"></form>`,
  }),
  // The whole article inside an editable region (a CMS preview, an editor showing the story).
  'editable-wrapper': page('editable-wrapper', NEWS).replace('<main>', '<main contenteditable="true">'),
};

/** A page whose script changes the DOM forever (`window.stopMutating()` stops it); the counter goes at the end of `counterIn`. */
function mutatingPage(path: string, counterIn: 'article' | 'header'): string {
  const script = `<div id="live"></div><script>{ let n = 0, k = 0; const live = document.getElementById('live'), counter = document.getElementById('counter');
const ticks = [setInterval(() => { counter.textContent = String(++n); }, 5), setInterval(() => { const p = document.createElement('p'); p.textContent = 'Update ' + (++k) + ': Sergey Lavrov told Hillary Clinton in Geneva that Russia would not back new sanctions on Syria.'; live.append(p); if (live.children.length > 10) live.firstElementChild.remove(); }, 20)];
window.stopMutating = () => ticks.forEach((t) => clearInterval(t)); window.paragraphsAdded = () => k; }</script>`;
  const html = page(path, NEWS, { body: counterIn === 'article' ? `<p id="counter">0</p>${script}` : script });
  return counterIn === 'article' ? html : html.replace('</header>', '<p id="counter">0</p></header>');
}

/** ~`size` characters of news-like paragraphs, with names the dictionary knows and figures. */
function hugeParagraphs(size: number): string[] {
  const who = [
    'Sergey Lavrov',
    'Hillary Clinton',
    'Kofi Annan',
    'Recep Tayyip Erdogan',
    'the United Nations',
    'the Arab League',
  ];
  const where = ['Syria', 'Turkey', 'Geneva', 'Moscow', 'Qatar', 'Ankara'];
  const out: string[] = [];
  let total = 0;
  for (let i = 0; total < size; i++) {
    const p = `${who[i % 6]} said on day ${(i % 28) + 1} that ${(1000 + ((i * 37) % 9000)).toLocaleString('en')} people had fled ${where[i % 6]}, and ${who[(i + 2) % 6]} urged talks in ${where[(i + 3) % 6]} as about ${(i % 90) + 10} observers waited for news from ${where[(i + 1) % 6]}.`;
    out.push(p);
    total += p.length + 1;
  }
  return out;
}

let demo: DemoBrowser;
let ext: Page;
const workerErrors: string[] = [];
const summary: string[] = [];

beforeAll(async () => {
  demo = await startDemoBrowser(
    Object.fromEntries(Object.entries(PAGES).map(([path, html]) => [`${HOST}/hostile/${path}`, html])),
  );
  demo.extension.worker.on('console', (m) => m.type() === 'error' && workerErrors.push(m.text()));
  ext = await demo.extension.context.newPage();
  await ext.goto(`chrome-extension://${demo.extension.extensionId}/options.html`);
});

/** Pages a test opened, closed after it (pass or fail) unless kept for the next test. */
const opened = new Set<Page>();
afterEach(async () => {
  for (const p of opened) await p.close();
  opened.clear();
});

afterAll(async () => {
  console.log(`our main-thread work per page:\n${summary.join('\n')}`);
  await demo?.close();
});

interface Visit {
  page: Page;
  /** Page errors and console errors, the extension's included. */
  errors: string[];
  /** Where the service worker's errors stood when the page opened. */
  workerFrom: number;
}

/**
 * Open a hostile page in front (background tabs get their timers throttled) and collect its
 * errors; `keep` leaves it open after the test, for the next one.
 */
async function visit(path: string, { firstMark = true, keep = false } = {}): Promise<Visit> {
  const p = await demo.extension.context.newPage();
  if (!keep) opened.add(p);
  const errors: string[] = [];
  const workerFrom = workerErrors.length;
  p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  p.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  p.on('crash', () => errors.push('the page crashed'));
  // Frame gaps, for responsiveness.
  await p.addInitScript(() => {
    const w = window as unknown as { __frames: number[] };
    w.__frames = [];
    const loop = (t: number) => (w.__frames.push(t), requestAnimationFrame(loop));
    requestAnimationFrame(loop);
  });
  await p.setViewportSize({ width: 1100, height: 900 });
  await p.goto(urlOf(path), { timeout: 60_000 });
  await p.bringToFront();
  if (firstMark) await p.locator('crosswire-mark').first().waitFor({ state: 'attached', timeout: 30_000 });
  return { page: p, errors, workerFrom };
}

/** Our tasks, each with what it did, when it started and its duration (ms). */
const tasks = (p: Page) =>
  p.evaluate(() =>
    performance
      .getEntriesByName('crosswire:task')
      .map((e) => ({ what: String((e as PerformanceMeasure).detail), start: e.startTime, ms: e.duration })),
  );
/**
 * The first pass is done and was recorded as our tasks (reading the text, highlighting it);
 * their count, total and longest go into the summary printed at the end.
 */
async function expectPassRecorded(p: Page): Promise<void> {
  expect(await done(p)).toBe(true);
  const ours = await tasks(p);
  expect(ours.some((t) => t.what === 'text map') && ours.some((t) => t.what === 'highlight')).toBe(true);
  const ms = Math.max(0, ...ours.map((t) => t.ms));
  summary.push(
    `${new URL(p.url()).pathname}: ${ours.length} tasks of ours, ${ours.reduce((n, t) => n + t.ms, 0).toFixed(1)} ms in all, longest ${ms.toFixed(1)} ms (${ours.find((t) => t.ms === ms)?.what ?? 'none'})`,
  );
}
const marks = (p: Page, selector = 'crosswire-mark') =>
  p.evaluate((s) => document.querySelectorAll(s).length, selector);
const done = (p: Page) => p.evaluate(() => performance.getEntriesByName('crosswire:done').length > 0);

/** No error anywhere, no payload ran, and no <img> or <script> beyond those the page's HTML has. */
async function expectClean(v: Visit, html: string): Promise<void> {
  expect(v.errors).toEqual([]);
  expect(workerErrors.slice(v.workerFrom)).toEqual([]);
  const found = await v.page.evaluate(() => ({
    pwned: (window as { __pwned?: unknown }).__pwned,
    img: document.querySelectorAll('img').length,
    script: document.querySelectorAll('script').length,
  }));
  expect(found).toEqual({
    pwned: undefined,
    img: (html.match(/<img\b/gi) ?? []).length,
    script: (html.match(/<script\b/gi) ?? []).length,
  });
}

/** The card's markup without attribute values, where a `<` would not be an element. */
const cardElements = async (p: Page) => (await cardMarkup(p, false)).replace(/"[^"]*"/g, '""');

/** Switch highlighting off for the site, or on again, from an extension page. */
const disableSite = (off: boolean) =>
  ext.evaluate(
    (sites) => chrome.runtime.sendMessage({ type: 'set-settings', settings: { disabledSites: sites } }),
    off ? [HOST] : [],
  );

/** Paragraph boxes of the page with highlighting off, then on (switched on in place through the tab's content script). */
async function layoutOffThenOn(path: string): Promise<{ v: Visit; off: number[][]; on: number[][] }> {
  await disableSite(true);
  try {
    const v = await visit(path, { firstMark: false });
    await v.page.waitForTimeout(1000);
    expect(await marks(v.page)).toBe(0);
    const boxes = () =>
      v.page.evaluate(() =>
        [...document.querySelectorAll('article > p')].map((p) =>
          Object.values(p.getBoundingClientRect().toJSON() as Record<string, number>),
        ),
      );
    const off = await boxes();
    await demo.extension.worker.evaluate(async (u) => {
      const newest = Math.max(...(await chrome.tabs.query({ url: u })).map((t) => t.id ?? -1));
      await chrome.tabs.sendMessage(newest, { type: 'crosswire-highlights', on: true });
    }, urlOf(path));
    await expect.poll(() => done(v.page), { timeout: 20_000 }).toBe(true);
    return { v, off, on: await boxes() };
  } finally {
    await disableSite(false);
  }
}

/**
 * A real browser on a machine other processes share: a case that fails (a wait that ran out on
 * a busy machine, say) is run again on a fresh page, twice at most. A real bug fails every time.
 */
const RETRY = { retry: 2 };

describe('hostile pages', () => {
  it('1. shows markup in names, quotes and figures as text, in the page, the card and the popup', RETRY, async () => {
    const v = await visit('markup');
    const { page: p } = v;
    await expect.poll(() => done(p), { timeout: 20_000 }).toBe(true);
    expect(await marks(p, 'crosswire-mark[data-crosswire-id="sergey-lavrov"]')).toBeGreaterThan(0);
    expect(await marks(p, 'crosswire-mark[data-crosswire-id="ahmet-davutoglu"]')).toBeGreaterThan(0);
    expect(
      await p.locator('crosswire-mark[data-crosswire-kind="figure"]', { hasText: '7,500' }).count(),
    ).toBeGreaterThan(0);
    const quote = p.locator('crosswire-mark[data-crosswire-kind="quote"][tabindex="0"]').first();
    expect(await quote.textContent()).toContain('<img src=x');
    // The actor's card, then the quote's.
    await p.locator('crosswire-mark[data-crosswire-id="sergey-lavrov"]').first().hover();
    await expect
      .poll(() => cardMarkup(p, false), { timeout: 10_000 })
      .toMatch(/Sergey Lavrov[\s\S]*(Voice of America|No other article)/);
    expect(await cardElements(p)).not.toMatch(/<(img|script)\b/i);
    await p.keyboard.press('Escape');
    await quote.focus();
    await expect.poll(() => cardMarkup(p, false), { timeout: 10_000 }).toContain('Add a note');
    expect(await cardElements(p)).not.toMatch(/<(img|script)\b/i);
    // Into the card, "Add a note": the form quotes the quote's own text, markup and all.
    await p.keyboard.press('Enter');
    await p.keyboard.press('Enter');
    await expect
      .poll(() => cardMarkup(p, false), { timeout: 10_000 })
      .toContain('&lt;img src=x onerror=window.__pwned=1&gt; we will not &lt;script&gt;');
    expect(await cardElements(p)).not.toMatch(/<(img|script)\b/i);
    await p.keyboard.press('Escape');
    // The popup, opened for this tab: the quote as literal text.
    const [tab] = await demo.extension.worker.evaluate((u) => chrome.tabs.query({ url: u }), urlOf('markup'));
    const popup = await demo.extension.context.newPage();
    opened.add(popup);
    const popupErrors: string[] = [];
    popup.on('pageerror', (e) => popupErrors.push(e.message));
    popup.on('console', (m) => m.type() === 'error' && popupErrors.push(m.text()));
    await popup.goto(`chrome-extension://${demo.extension.extensionId}/popup.html?tab=${tab!.id}`);
    await popup.getByRole('tablist').waitFor({ timeout: 20_000 });
    await popup.getByRole('tab', { name: /^Quotes/ }).click();
    await expect
      .poll(() => popup.getByRole('tabpanel').innerText(), { timeout: 10_000 })
      .toContain('<img src=x onerror=window.__pwned=1> we will not <script>window.__pwned=2</script> accept this');
    await popup.getByRole('tab', { name: /^Story/ }).click();
    await popup.waitForTimeout(500);
    expect(
      await popup.evaluate(() => ({
        pwned: (window as { __pwned?: unknown }).__pwned,
        img: document.querySelectorAll('img[src="x"], img[src$="/x"], script:not([src])').length,
      })),
    ).toEqual({ pwned: undefined, img: 0 });
    expect(popupErrors).toEqual([]);
    expect(await p.locator('img[src="x"]').count()).toBe(0);
    await expectClean(v, PAGES.markup!);
    await expectPassRecorded(p);
  });

  it('2. colours its marks in its palette against page !important rules, and runs no page code', RETRY, async () => {
    const v = await visit('styles');
    await expect.poll(() => done(v.page), { timeout: 20_000 }).toBe(true);
    const looks = await v.page.evaluate(() => {
      const style = (s: string) => {
        const m = document.querySelector(s);
        return m && getComputedStyle(m).backgroundColor;
      };
      return {
        person: style('crosswire-mark[data-crosswire-type="person"]'),
        state: style('crosswire-mark[data-crosswire-type="state"]'),
        pageMarks: document.querySelectorAll('article mark').length,
      };
    });
    expect(looks).toEqual({ person: 'rgba(0, 114, 178, 0.16)', state: 'rgba(230, 159, 0, 0.16)', pageMarks: 2 });
    expect(await marks(v.page, 'article mark crosswire-mark[data-crosswire-id="sergey-lavrov"]')).toBe(1);
    await expectClean(v, PAGES.styles!);
    await expectPassRecorded(v.page);
  });

  it(
    '2. keeps marks inline and the layout unchanged against generic `*, span, mark { display: block !important }` rules',
    RETRY,
    async () => {
      const { v, off, on } = await layoutOffThenOn('styles-generic');
      expect(
        await v.page.evaluate(() => [
          ...new Set([...document.querySelectorAll('crosswire-mark')].map((m) => getComputedStyle(m).display)),
        ]),
      ).toEqual(['inline']);
      expect(on).toEqual(off);
      await expectClean(v, PAGES['styles-generic']!);
      await expectPassRecorded(v.page);
    },
  );

  // FIXED (every rule now names our element and both its attributes). Was: BUG (src/content/mark-css.ts:14, the base rule `crosswire-mark { … display: inline !important … }`):
  // its selector has the specificity of a page rule naming our element, and page sheets come
  // later in the cascade than the manifest-injected marks.css, so a page's
  // `crosswire-mark { display: block !important; font-size: 40px !important }` wins: every mark
  // becomes a block (computed display "block") and the paragraphs grow when highlighting goes on.
  it('2. keeps marks inline and the layout unchanged against a page rule naming crosswire-mark', async () => {
    const { v, off, on } = await layoutOffThenOn('styles');
    const display = await v.page.evaluate(() => [
      ...new Set([...document.querySelectorAll('crosswire-mark')].map((m) => getComputedStyle(m).display)),
    ]);
    expect({ display, layoutUnchanged: JSON.stringify(on) === JSON.stringify(off) }).toEqual({
      display: ['inline'],
      layoutUnchanged: true,
    });
  });

  // Was: BUG (src/content/highlighter.ts:45, `this.doc.createElement(MARK_TAG)`; the same at
  // src/content/card/shadow-host.ts:13 for `crosswire-card-host`): the elements are created in
  // the page's document, whose custom element registry is the page's, so a page that defines
  // elements under our names has its constructor run (in the page's world) on every highlight
  // (`window.__ranOnOurs` is 26 here, not 0). Its class could rewrite or hide our highlights,
  // and `attachInternals()` in the card host's constructor hands the page the card's *closed*
  // shadow root (ElementInternals.shadowRoot), so the page reads what the card shows from the
  // reader's corpus and notes.
  // FIXED for the card host: its name now has a random suffix the page cannot know in
  // advance, so no page definition applies and the closed root stays closed. ACCEPTED for the
  // marks: a page that defines `crosswire-mark` still runs its class on them (their names are
  // what tests, styles and exports rely on); they hold nothing the page cannot read in its
  // own DOM, and the stylesheet keeps them inline.
  it('2. keeps the card closed to a page that defines crosswire-mark and crosswire-card-host', async () => {
    const v = await visit('custom-elements');
    await v.page.locator('crosswire-mark[data-crosswire-id="sergey-lavrov"]').first().hover();
    await expect.poll(() => cardMarkup(v.page, false), { timeout: 10_000 }).toContain('Sergey Lavrov');
    const seen = await v.page.evaluate(() => ({
      ran: (window as { __ranOnOurs?: number }).__ranOnOurs,
      cardReadable: !!(window as { __internals?: ElementInternals }).__internals?.shadowRoot,
    }));
    expect(seen.cardReadable).toBe(false);
  });

  /** The mutating pages, kept open for the next test. */
  const kept: Record<string, Promise<Visit> | undefined> = {};
  const keptVisit = (path: string) => (kept[path] ??= visit(path, { keep: true }));
  const stopMutating = (p: Page) => p.evaluate(() => (window as unknown as { stopMutating(): void }).stopMutating());
  const addKept = (p: Page) =>
    p.evaluate(
      () =>
        document.getElementById('kept') ??
        document
          .querySelector('article')!
          .insertAdjacentHTML(
            'beforeend',
            '<p id="kept">Update: Kofi Annan said in Ankara that Turkey and Qatar backed his plan, and Sergey Lavrov repeated Russia\'s support.</p>',
          ),
    );

  it('3. stays bounded and cheap on a page that mutates its DOM every few milliseconds', RETRY, async () => {
    await kept.mutating?.then(
      (v) => v.page.close(),
      () => undefined,
    ); // a retry starts afresh
    kept.mutating = undefined;
    const v = await keptVisit('mutating');
    const p = v.page;
    const since = await p.evaluate(() => performance.getEntriesByName('crosswire:start')[0]?.startTime ?? 0);
    await p.waitForTimeout(3000);
    const at3 = await marks(p);
    await p.waitForTimeout(2000);
    const at5 = await p.evaluate(() => ({
      all: document.querySelectorAll('crosswire-mark').length,
      live: document.querySelectorAll('#live crosswire-mark').length,
    }));
    expect(at5.all).toBeGreaterThan(0);
    // Growth only from the paragraphs the page currently shows; no highlight applied twice.
    expect(at5.all - at3).toBeLessThanOrEqual(at5.live);
    expect(
      await p.evaluate(
        () =>
          [...document.querySelectorAll('crosswire-mark')].filter((m) => {
            const outer = m.parentElement?.closest('crosswire-mark') as HTMLElement | null;
            return (
              !!outer &&
              outer.dataset.crosswireId === (m as HTMLElement).dataset.crosswireId &&
              outer.textContent === m.textContent
            );
          }).length,
      ),
    ).toBe(0);
    const ours = await tasks(p);
    const total = ours.filter((t) => t.start >= since).reduce((n, t) => n + t.ms, 0);
    const { finished, added } = await p.evaluate(() => ({
      finished: performance.getEntriesByName('crosswire:done')[0]?.startTime ?? Number.POSITIVE_INFINITY,
      added: (window as unknown as { paragraphsAdded(): number }).paragraphsAdded(),
    }));
    // Each pass after the first reads its text once (one 'text map' task, these texts being small).
    const passes = ours.filter((t) => t.what === 'text map' && t.start >= finished).length;
    console.log(
      `mutating page: ${at3} marks at 3 s, ${at5.all} at 5 s (${at5.live} in live paragraphs); ${passes} passes after the first while the page added ${added} paragraphs; ${ours.length} tasks of ours (${ours.map((t) => t.what).join(', ')}), ${total.toFixed(1)} ms in all`,
    );
    // Cheap: work follows the paragraphs the page adds (each read at most once, and each one it
    // drops, highlights and all, re-reads the article at most once), not its 200 changes a second.
    expect(passes).toBeLessThanOrEqual(2 * added);
    await expectPassRecorded(p);
    await expectClean(v, PAGES.mutating!);
  });

  // FIXED (a detached piece is skipped). Was: BUG (src/content/highlighter.ts:50, `text.parentNode!.insertBefore(mark, text)`): the text
  // map is made before the round trip to the background; when the page replaces a text node
  // meanwhile (here `counter.textContent = n`; the engine reads the counter's number as a
  // figure), its parentNode is null and highlight() throws a TypeError. The error is swallowed
  // (index.ts `main().catch`), and it ends the whole first pass there: the rest of the article
  // is not highlighted, no card ever opens on hover, the page is never watched for new content,
  // the popup gets no report, and `crosswire:done` is never marked. A ticking clock, a "3 min
  // ago" or a live counter inside the article body is enough.
  it('3. completes its first pass when the page replaces text while it is annotated (cards open)', async () => {
    const { page: p } = await keptVisit('mutating');
    try {
      await p.locator('crosswire-mark[data-crosswire-id="sergey-lavrov"]').first().hover();
      await expect.poll(() => cardMarkup(p, false), { timeout: 5000 }).toContain('Sergey Lavrov');
      expect(await done(p)).toBe(true);
    } finally {
      await p.close();
    }
  });

  it('3. completes its first pass when the text that changes is outside the article', RETRY, async () => {
    const v = await keptVisit('mutating-outside');
    await expect.poll(() => done(v.page), { timeout: 20_000 }).toBe(true);
    await v.page.locator('crosswire-mark[data-crosswire-id="sergey-lavrov"]').first().hover();
    await expect.poll(() => cardMarkup(v.page, false), { timeout: 10_000 }).toContain('Sergey Lavrov');
    await expectClean(v, PAGES['mutating-outside']!);
    await expectPassRecorded(v.page);
  });

  // FIXED (the watch acts at least once a second however busy the page). Was: BUG (src/content/watch.ts:55-56, the MutationObserver callback: `clearTimeout(timer); timer =
  // setTimeout(settle, SETTLE_MS)`): the 300 ms settle timer restarts on every mutation anywhere
  // in the body, so while the page changes anything more often than every 300 ms (here a counter
  // in the site header) it never fires: content added meanwhile (a live blog's new post, the
  // next story of an infinite scroll) is not annotated. A kept paragraph full of names gets no
  // highlight in 6 s; the next test shows it is annotated as soon as the page falls quiet.
  it('3. annotates a paragraph added while the page keeps mutating', async () => {
    const { page: p } = await keptVisit('mutating-outside');
    await addKept(p);
    await expect.poll(() => marks(p, '#kept crosswire-mark'), { timeout: 6000 }).toBeGreaterThan(0);
  });

  it('3. annotates that paragraph once the page stops mutating', async () => {
    const v = await keptVisit('mutating-outside');
    opened.add(v.page);
    await addKept(v.page);
    await stopMutating(v.page);
    await expect.poll(() => marks(v.page, '#kept crosswire-mark'), { timeout: 10_000 }).toBeGreaterThan(0);
    await expectClean(v, PAGES['mutating-outside']!);
  });

  /** The 5 MB page once highlighting settled: the first pass is done and the number of highlights has not moved for 1 s (a generous 600 s at most: it has taken 130 s on a busy machine, and over 240 s with several test runs beside it). */
  let huge: Promise<{ v: Visit; seconds: number; marks: number }> | undefined;
  const hugeSettled = () =>
    (huge ??= (async () => {
      const v = await visit('huge', { firstMark: false, keep: true });
      const t0 = Date.now();
      let last = -1;
      let stableSince = Date.now();
      while (Date.now() - t0 < 600_000) {
        const n = await marks(v.page);
        if (n !== last) [last, stableSince] = [n, Date.now()];
        if ((await done(v.page)) && Date.now() - stableSince >= 1000) break;
        await v.page.waitForTimeout(250);
      }
      return { v, seconds: (Date.now() - t0) / 1000, marks: last };
    })());

  // FIXED (the page is sent once, up to 8 million characters, and the background annotates it in
  // parts of 1 MB). Was: BUG: the annotate request refused text over 4,000,000 characters, so a
  // longer article got no annotations at all, not even for its first 4 million characters, and
  // nothing said so.
  it('4. survives 5 MB of article text and highlights all of it', { timeout: 720_000 }, async () => {
    expect(PAGES.huge!.length).toBeGreaterThan(5_000_000);
    const { v, seconds, marks: count } = await hugeSettled();
    const p = v.page;
    const frames = await p.evaluate(() => {
      const start = performance.getEntriesByName('crosswire:start')[0]?.startTime ?? 0;
      const f = (window as unknown as { __frames: number[] }).__frames;
      let gap = 0;
      for (let i = 1; i < f.length; i++) if (f[i]! >= start) gap = Math.max(gap, f[i]! - f[i - 1]!);
      return { gap, textLength: document.querySelector('article')!.textContent!.length };
    });
    console.log(
      `5 MB page (${frames.textLength} characters of article text): ${count} marks after ${seconds.toFixed(1)} s; longest frame gap after our start ${frames.gap.toFixed(0)} ms`,
    );
    expect(await done(p)).toBe(true);
    // Each paragraph is one text node, so each annotation the engine finds in it is one highlight.
    const expected = HUGE.reduce((n, text) => n + annotate(text, { published: '2012-03-12' }).length, 0);
    expect(await marks(p, 'article > p:not(:first-of-type) crosswire-mark')).toBe(expected);
    await expectClean(v, PAGES.huge!);
  });

  // Known (src/content/page-highlights.ts): the 5 MB article is highlighted in 8 ms slices, but
  // a few slices run to 60-80 ms, likely garbage collection of the hundreds of thousands of
  // elements made landing inside whichever slice runs. The durations are printed, not asserted.
  it('4. works through 5 MB in slices, and the page handles its own events in between', async () => {
    const { v } = await hugeSettled();
    try {
      const ours = await tasks(v.page);
      const slices = (what: string) => ours.filter((t) => t.what === what).length;
      const seen = await v.page.evaluate(() => ({
        ping: (window as { __ping?: { at: number; marks: number; done: boolean } }).__ping,
        done: performance.getEntriesByName('crosswire:done')[0]?.startTime,
        marks: document.querySelectorAll('crosswire-mark').length,
      }));
      const longest = [...ours].sort((a, b) => b.ms - a.ms)[0];
      console.log(
        `5 MB page: ${slices('text map')} text-map and ${slices('highlight')} highlight slices, ${ours.reduce((n, t) => n + t.ms, 0).toFixed(0)} ms in all, longest ${longest?.what} ${longest?.ms.toFixed(0)} ms (budget 50 ms); the page handled its message at ${seen.ping?.marks} of ${seen.marks} highlights`,
      );
      expect(slices('text map')).toBeGreaterThan(1);
      expect(slices('highlight')).toBeGreaterThan(1);
      // The page posted its message when our first highlight went in; it ran before our pass ended.
      expect(seen.ping).toMatchObject({ done: false });
      expect(seen.ping!.at).toBeLessThan(seen.done!);
      expect(seen.ping!.marks).toBeGreaterThan(0);
      expect(seen.ping!.marks).toBeLessThan(seen.marks);
      await expectPassRecorded(v.page);
    } finally {
      await v.page.close();
    }
  });

  it('5. reads text 10,000 elements deep', RETRY, async () => {
    const v = await visit('nested');
    expect(
      await v.page.evaluate(() => {
        let d = 0;
        for (let el: Element | null = document.getElementById('bottom'); el && el.id !== 'deep'; el = el.parentElement)
          d++;
        return d;
      }),
    ).toBe(10_000);
    await expect.poll(() => marks(v.page, '#bottom crosswire-mark'), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await marks(v.page, '#deep crosswire-mark')).toBeGreaterThan(10);
    await expectClean(v, PAGES.nested!);
    await expectPassRecorded(v.page);
  });

  it('6. leaves iframes and shadow roots intact (and says whether it highlights them)', RETRY, async () => {
    const v = await visit('frames');
    await expect.poll(() => done(v.page), { timeout: 20_000 }).toBe(true);
    await v.page.waitForTimeout(500);
    const inside = await v.page.evaluate(() => {
      const frame = (document.getElementById('frame') as HTMLIFrameElement).contentDocument!;
      const roots = [
        document.getElementById('scripted')!.shadowRoot!,
        document.getElementById('declarative')!.shadowRoot!,
      ];
      return {
        frame: frame.querySelectorAll('crosswire-mark').length,
        frameText: frame.body.textContent,
        shadow: roots.map((r) => r.querySelectorAll('crosswire-mark').length),
        shadowText: roots.map((r) => r.textContent),
      };
    });
    console.log(
      `iframe highlights: ${inside.frame}; open shadow root highlights (scripted, declarative): ${inside.shadow.join(', ')}`,
    );
    expect(inside.frameText).toBe(
      'Sergey Lavrov met Hillary Clinton in Geneva on Monday and said Syria must agree to a ceasefire.',
    );
    expect(inside.shadowText).toEqual([
      'Hillary Clinton told the United Nations that Syria must let Kofi Annan in.',
      'Kofi Annan met Recep Tayyip Erdogan in Ankara and said Syria must agree to a ceasefire.',
    ]);
    expect(await marks(v.page, 'article > p crosswire-mark')).toBeGreaterThan(10);
    await expectClean(v, PAGES.frames!);
    await expectPassRecorded(v.page);
  });

  it('7. leaves contenteditable regions and form fields alone, before and while the reader types', RETRY, async () => {
    const v = await visit('editable');
    const p = v.page;
    await expect.poll(() => done(p), { timeout: 20_000 }).toBe(true);
    expect(await marks(p, 'article > p crosswire-mark')).toBeGreaterThan(10);
    expect(await marks(p, '#ed crosswire-mark, #plain crosswire-mark, form crosswire-mark')).toBe(0);
    expect(
      await p.evaluate(() => [
        (document.getElementById('ta') as HTMLTextAreaElement).value,
        (document.getElementById('in') as HTMLInputElement).value,
      ]),
    ).toEqual(['Sergey Lavrov met Hillary Clinton in Geneva on Monday.', 'Sergey Lavrov']);
    // The reader types a new paragraph with names in each editable region.
    const typed =
      'Later, Kofi Annan met Recep Tayyip Erdogan in Ankara, and Hillary Clinton said the United Nations must act.';
    for (const id of ['#ed', '#plain']) {
      await p.click(id);
      await p.keyboard.press('Control+End');
      await p.keyboard.press('Enter');
      await p.keyboard.insertText(typed);
      await p.keyboard.type(' Sergey Lavrov replied.');
    }
    await p.waitForTimeout(1500);
    const text = await p.evaluate(() => [
      document.getElementById('ed')!.innerText,
      document.getElementById('plain')!.innerText,
    ]);
    for (const t of text) expect(t).toContain(`${typed} Sergey Lavrov replied.`);
    expect(await marks(p, '#ed crosswire-mark, #plain crosswire-mark')).toBe(0);
    await expectClean(v, PAGES.editable!);
    await expectPassRecorded(p);
  });

  // FIXED (the content script leaves a root inside an editable region, or designMode, alone). Was: BUG (src/content/text-map.ts:63, buildTextMap: `isEditable` is checked on the elements the
  // walk visits, never on the root's ancestors; watch.ts checks `closest()`, the first pass does
  // not): an article inside an editable region (here <main contenteditable>) is annotated, 25
  // highlights, so our marks land in the text the reader is editing.
  it('7. leaves an article inside an editable region alone', async () => {
    const v = await visit('editable-wrapper', { firstMark: false });
    // Left alone, there is no first pass to wait for: give it the time one would take.
    await v.page.waitForTimeout(3000);
    expect(await marks(v.page)).toBe(0);
  });
});
