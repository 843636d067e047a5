// Hostile pages (issue "Hardening", and issue 14 for painted highlights): one article per case,
// served on www.reuters.com, all in one browser with the built extension. For every case:
// nothing escapes as an error (page, console or service worker), nothing of ours turns page
// text into markup (a payload's `window.__pwned` stays unset, no <img> or <script> appears),
// and Crosswire inserts no element into the page but its one UI host: the page's DOM, that
// host left out, is the DOM the same page has in a Chromium without Crosswire. Highlights are
// painted (named highlights in `CSS.highlights`), so the tests read them there. Our main-thread
// tasks (the `crosswire:task` measures the content script records) are printed per page at
// the end; their 50 ms budget is wall-clock time, which `npm run bench` measures and no test
// asserts (a busy machine doubles it). The tests hold behaviour instead: the first pass
// completes, the work is sliced, and the page's own events run between the slices. Each bug
// found is named in the comment of the test that caught it: FIXED ones say so, and a test
// whose comment says BUG fails until that bug is fixed.
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { annotate } from '../../src/core/annotate';
import type { Annotation } from '../../src/core/types';
import { findChromium } from '../../src/demo/chromium';
import { articlePage } from '../../src/demo/server';
import { anyPainted, paintedIds, paintedRanges, pointOnPainted } from '../painted';
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
/** A paragraph with a quote in it, for the pages that take our quotes' highlight name. */
const QUOTED = 'Sergey Lavrov said "we will not accept new sanctions on Syria" after he met Kofi Annan in Geneva.';
/** An article page (articlePage escapes paragraph text: `<` in a paragraph shows as a literal `<`), with extra head and article markup. */
const page = (
  path: string,
  paragraphs: string[],
  { head = '', body = '', title = 'Clinton and Lavrov meet on Syria' } = {},
) =>
  articlePage({ site: 'Reuters', title, canonical: urlOf(path), published: '2012-03-12', paragraphs })
    .replace('</head>', `${head}</head>`)
    .replace('</article>', `${body}</article>`);
/** Page rules that would restyle any element, our old <crosswire-mark> included. */
const GENERIC_CSS =
  'mark, crosswire-mark, span, * { background: red !important; color: red !important; display: block !important; font-size: 40px !important; box-shadow: none !important }';
/** Page rules naming our highlights: as strong as a page can make them. */
const NAMING_CSS =
  '::highlight(crosswire-actor-person), ::highlight(crosswire-actor-state), ::highlight(crosswire-figure), ::highlight(crosswire-quote) { background-color: red !important; color: red !important; text-decoration: none !important; font-size: 40px !important }';

/**
 * The page's own script: once our first highlighting slice has run (the content script's
 * `crosswire:task` measures are on the page's timeline; it looks every few milliseconds) it
 * posts itself a message, and when it handles that message it notes (in `window.__ping`)
 * when, how many of our highlighting slices had run, and whether our pass was done. (The
 * first pass fills its highlights before registering them, so the registry shows nothing
 * until the end.)
 */
const PING_ON_FIRST_PAINT = `<script>{
const slices = () => performance.getEntriesByName('crosswire:task').filter((t) => t.detail === 'highlight').length;
window.addEventListener('message', (e) => {
  if (e.data !== 'crosswire-test-ping') return;
  window.__ping = { at: performance.now(), slices: slices(),
    done: performance.getEntriesByName('crosswire:done').length > 0 };
});
const look = setInterval(() => {
  if (!slices()) return;
  clearInterval(look);
  window.postMessage('crosswire-test-ping', '*');
}, 2);
}</script>`;

/** Runs `then` in the page once our first pass is done (the content script's `crosswire:done` mark). */
const WHEN_DONE = `const whenDone = (then) => { const t = setInterval(() => {
  if (!performance.getEntriesByName('crosswire:done').length) return; clearInterval(t); then(); }, 50); };`;

/**
 * A page that empties `CSS.highlights` each time it finds ours painted, three times, and sets
 * a highlight of its own after each; it notes (`window.__clears`) what of ours it found each
 * time, and keeps ticking (`window.__ticks`) to show that its script still runs.
 */
const CLEARS_HIGHLIGHTS = `<script>{
const ours = () => [...CSS.highlights].filter(([n, h]) => n.startsWith('crosswire-') && h.size > 0)
  .flatMap(([n, h]) => [...h].map((r) => n + ': ' + r.toString())).sort();
window.__clears = []; window.__ticks = 0;
setInterval(() => {
  window.__ticks++;
  if (window.__clears.length >= 3 || !performance.getEntriesByName('crosswire:done').length) return;
  const seen = ours();
  if (!seen.length) return;
  window.__clears.push(seen);
  CSS.highlights.clear();
  const r = new Range(); r.selectNodeContents(document.querySelector('article h1'));
  CSS.highlights.set('page-title', new Highlight(r));
}, 100);
}</script>`;

/**
 * A page that paints highlights of its own, `early` ones on DOMContentLoaded (before our
 * content script runs) and `late` ones once our pass is done: each over every occurrence of a
 * word, under a name, with a priority. It keeps each as made in `window.__own`.
 */
const ownHighlights = (early: [string, string, number][], late: [string, string, number][]) => `<script>{
${WHEN_DONE}
window.__own = [];
const own = ([name, word, priority]) => {
  const h = new Highlight();
  for (const p of document.querySelectorAll('article p')) {
    const t = p.firstChild;
    for (let i = t && t.nodeType === 3 ? t.data.indexOf(word) : -1; i >= 0; i = t.data.indexOf(word, i + 1)) {
      const r = new Range(); r.setStart(t, i); r.setEnd(t, i + word.length); h.add(r);
    }
  }
  h.priority = priority;
  CSS.highlights.set(name, h);
  window.__own.push({ name, highlight: h, texts: [...h].map((r) => r.toString()), priority });
};
document.addEventListener('DOMContentLoaded', () => ${JSON.stringify(early)}.forEach(own));
whenDone(() => ${JSON.stringify(late)}.forEach(own));
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
  // Every page rule that could restyle a highlight (generic ones, and ::highlight rules naming
  // ours), a highlight of the page's own, the page's own <mark>s, and a page that replaces `Highlight`.
  styles: page('styles', NEWS, {
    head: `<style>${GENERIC_CSS} ${NAMING_CSS} ::highlight(page) { background: red }</style>`,
    body: `<p>Her <mark>Russian counterpart</mark>, <mark>Sergey Lavrov</mark>, said Syria and the United Nations would talk again in Geneva.</p>
<script>{ const r = new Range(); r.selectNodeContents(document.querySelector('article p:nth-of-type(2)')); CSS.highlights.set('page', new Highlight(r));
window.Highlight = class { constructor() { window.__pwned = 'Highlight'; } }; }</script>`,
  }),
  // Only the generic rules, none naming ours.
  'styles-generic': page('styles-generic', NEWS, { head: `<style>${GENERIC_CSS}</style>` }),
  // The page claims our element names (the old highlight element's, the card host's) for its own custom elements.
  'custom-elements': page('custom-elements', NEWS, {
    head: `<script>window.__ranOnOurs = 0;
customElements.define('crosswire-mark', class extends HTMLElement { constructor() { super(); window.__ranOnOurs++; } });
customElements.define('crosswire-card-host', class extends HTMLElement { constructor() { super(); window.__ranOnOurs++; window.__internals = this.attachInternals(); } });</script>`,
  }),
  // Appends a paragraph every 20 ms (dropping the oldest past ten) and ticks a counter every 5 ms, forever.
  mutating: mutatingPage('mutating', 'article'),
  // The same with the counter in the site's header, outside the article.
  'mutating-outside': mutatingPage('mutating-outside', 'header'),
  huge: page('huge', HUGE, { head: PING_ON_FIRST_PAINT }),
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
  // The page empties CSS.highlights after our first pass, three times over.
  clears: page('clears', NEWS, { head: CLEARS_HIGHLIGHTS }),
  // The page paints highlights of its own: a search's hits before we run, more after.
  'own-highlights': page('own-highlights', [QUOTED, ...NEWS], {
    head: ownHighlights([['search-hit', 'Syria', 5]], [['search-later', 'Geneva', 0]]),
  }),
  // The page paints under our quotes' name, before we run and again after our first pass.
  'our-name': page('our-name', [QUOTED, ...NEWS], {
    head: ownHighlights([['crosswire-quote', 'Kofi Annan', 0]], [['crosswire-quote', 'Hillary Clinton', 2]]),
  }),
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
/** A Chromium without Crosswire, on the same server: the pages as they are without us. */
let plain: Browser;
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
  plain = await chromium.launch({
    executablePath: findChromium(),
    args: [...demo.server.chromiumArgs, '--no-sandbox', '--disable-gpu'],
  });
});

/** Pages a test opened, closed after it (pass or fail) unless kept for the next test. */
const opened = new Set<Page>();
afterEach(async () => {
  for (const p of opened) await p.close();
  opened.clear();
});

afterAll(async () => {
  console.log(`our main-thread work per page:\n${summary.join('\n')}`);
  await plain?.close();
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
 * errors; `firstPaint` waits for our first highlight, `keep` leaves it open after the test, for the next one.
 */
async function visit(path: string, { firstPaint = true, keep = false } = {}): Promise<Visit> {
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
  if (firstPaint) await p.waitForFunction(anyPainted, undefined, { timeout: 30_000 });
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
 * The first pass is done and was recorded as our tasks (setting up, reading the text and the
 * page's facts, sending them, checking the background's reply, highlighting it);
 * their count, total and longest go into the summary printed at the end.
 */
async function expectPassRecorded(p: Page): Promise<void> {
  expect(await done(p)).toBe(true);
  const ours = await tasks(p);
  // Every stretch of ours is counted: the script setting itself up, reading the page's facts,
  // sending its text (the browser copies the message on our thread) and checking the reply too.
  for (const what of ['script', 'text map', 'page facts', 'send', 'reply check', 'highlight'])
    expect(ours.map((t) => t.what)).toContain(what);
  const ms = Math.max(0, ...ours.map((t) => t.ms));
  summary.push(
    `${new URL(p.url()).pathname}: ${ours.length} tasks of ours, ${ours.reduce((n, t) => n + t.ms, 0).toFixed(1)} ms in all, longest ${ms.toFixed(1)} ms (${ours.find((t) => t.ms === ms)?.what ?? 'none'})`,
  );
}
const done = (p: Page) => p.evaluate(() => performance.getEntriesByName('crosswire:done').length > 0);

/**
 * How many ranges we have painted (runs in the page): in our highlights (the keyboard's
 * focus left out), not collapsed (text the page removed collapses them), and, given a
 * selector, over text inside an element that matches it.
 */
function paintedIn(within: string | null): number {
  let n = 0;
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('crosswire-') || name === 'crosswire-focus') continue;
    for (const range of highlight)
      if (!range.collapsed && (!within || range.startContainer.parentElement?.closest(within))) n++;
  }
  return n;
}
const painted = (p: Page, within: string | null = null) => p.evaluate(paintedIn, within);
/** The texts of our painted ranges over text inside elements that match `within` (runs in the page). */
function paintedTextsIn(within: string): string[] {
  const texts: string[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('crosswire-') || name === 'crosswire-focus') continue;
    for (const range of highlight)
      if (!range.collapsed && range.startContainer.parentElement?.closest(within)) texts.push(range.toString());
  }
  return texts;
}
/** The people's names painted on a page. */
const paintedPeople = async (p: Page) =>
  (await p.evaluate(paintedRanges)).filter((r) => r.name === 'crosswire-actor-person').map((r) => r.text);

/** Rest the pointer on the first range of highlight `name` that reads `text` (scrolled into view). */
async function hover(p: Page, name: string, text: string): Promise<void> {
  const n = (await p.evaluate(paintedRanges)).filter((r) => r.name === name).findIndex((r) => r.text === text);
  expect(n, `"${text}" painted in ${name}`).toBeGreaterThanOrEqual(0);
  const at = await p.evaluate(pointOnPainted, [name, n] as [string, number]);
  await p.mouse.move(at!.x, at!.y);
}

/** The newest tab showing a hostile page. */
const tabOf = (path: string) =>
  demo.extension.worker.evaluate(
    async (u) => Math.max(...(await chrome.tabs.query({ url: u })).map((t) => t.id ?? -1)),
    urlOf(path),
  );
/** Switch highlighting on or off in a page's tab, through its content script (as the popup does). */
const switchTab = async (path: string, on: boolean) =>
  demo.extension.worker.evaluate(
    ([tabId, on]) => chrome.tabs.sendMessage(tabId, { type: 'crosswire-highlights', on }),
    [await tabOf(path), on] as const,
  );
/** The annotations the background keeps for a page's tab (its reading). */
async function annotationsOf(path: string): Promise<Annotation[]> {
  const tabId = await tabOf(path);
  const reply = (await ext.evaluate((id) => chrome.runtime.sendMessage({ type: 'page-of-tab', tabId: id }), tabId)) as {
    ok: boolean;
    value?: { annotations: Annotation[] };
  };
  return reply.value?.annotations ?? [];
}
/** The actor ids painted on a page, matched to its reading. */
const paintedActors = async (v: Visit, path: string) =>
  paintedIds(await v.page.evaluate(paintedRanges), await annotationsOf(path), 'actor');

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

/**
 * The page's DOM as lines (runs in the page): each element with its attributes, its text and
 * comments when `withText`, open shadow roots and same-origin frames included; our UI host is
 * left out and reported apart, with where it hangs. An explicit stack: one page is 10,000 deep.
 */
function domLines(withText: boolean): { lines: string[]; hosts: string[] } {
  const lines: string[] = [];
  const hosts: string[] = [];
  const stack: (Node | string)[] = [document];
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      lines.push(node);
      continue;
    }
    if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.COMMENT_NODE) {
      if (withText) lines.push(`${node.nodeName} ${JSON.stringify(node.nodeValue)}`);
      continue;
    }
    const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : null;
    if (el?.localName.startsWith('crosswire-card-host-')) {
      hosts.push(`${el.parentNode?.nodeName.toLowerCase()} > crosswire-card-host-*`);
      continue;
    }
    if (el) {
      const attributes = [...el.attributes].map((a) => ` ${a.name}=${JSON.stringify(a.value)}`).join('');
      lines.push(`<${el.localName}${attributes}>`);
      stack.push(`</${el.localName}>`);
    }
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    const inner = el?.shadowRoot ?? (el instanceof HTMLIFrameElement ? el.contentDocument : null);
    if (inner) stack.push(inner, `${inner.nodeName}:`);
  }
  return { lines, hosts };
}

/** Where two lists of lines first differ, with the lines around it in each; null when they are the same. */
function firstDifference(on: string[], off: string[]) {
  for (let i = 0; i < Math.max(on.length, off.length); i++)
    if (on[i] !== off[i])
      return { line: i, on: on.slice(Math.max(0, i - 2), i + 3), off: off.slice(Math.max(0, i - 2), i + 3) };
  return null;
}

/** A hostile page's DOM in the Chromium without Crosswire, once `prepare` (if any) has brought it where the test's is. */
async function domWithout(path: string, withText: boolean, prepare?: (p: Page) => Promise<unknown>) {
  const p = await plain.newPage({ viewport: { width: 1100, height: 900 } });
  try {
    await p.goto(urlOf(path), { timeout: 60_000 });
    await prepare?.(p);
    return await p.evaluate(domLines, withText);
  } finally {
    await p.close();
  }
}

/**
 * Crosswire inserted no element into the page, and moved or changed nothing in it, but its
 * own UI host (`hosts` of them, appended to <html>): the page's DOM, that host left out, is
 * `without` (the page before Crosswire ran), or else the same page's in the Chromium without
 * Crosswire. Pages that change forever compare their elements only (`withText: false`).
 */
async function expectOnlyOurHost(
  v: Visit,
  path: string,
  {
    withText = true,
    hosts = 1,
    prepare,
    without,
  }: {
    withText?: boolean;
    hosts?: number;
    prepare?: (p: Page) => Promise<unknown>;
    without?: { lines: string[] };
  } = {},
): Promise<void> {
  const on = await v.page.evaluate(domLines, withText);
  expect(on.hosts).toEqual(Array(hosts).fill('html > crosswire-card-host-*'));
  const off = without ?? (await domWithout(path, withText, prepare));
  expect(firstDifference(on.lines, off.lines)).toBeNull();
}

/** The card's markup without attribute values, where a `<` would not be an element (`part: 'control'` reads the list control). */
const cardElements = async (p: Page, part: 'card' | 'control' = 'card') =>
  (await cardMarkup(p, false, part)).replace(/"[^"]*"/g, '""');

/** Switch highlighting off for the site, or on again, from an extension page. */
const disableSite = (off: boolean) =>
  ext.evaluate(
    (sites) => chrome.runtime.sendMessage({ type: 'set-settings', settings: { disabledSites: sites } }),
    off ? [HOST] : [],
  );

/**
 * Paragraph boxes (and the DOM) of the page with highlighting off, then its boxes on
 * (switched on in place through the tab's content script).
 */
async function layoutOffThenOn(
  path: string,
): Promise<{ v: Visit; off: number[][]; on: number[][]; domOff: { lines: string[] } }> {
  await disableSite(true);
  try {
    const v = await visit(path, { firstPaint: false });
    await v.page.waitForTimeout(1000);
    expect(await painted(v.page)).toBe(0);
    const boxes = () =>
      v.page.evaluate(() =>
        [...document.querySelectorAll('article > p')].map((p) =>
          Object.values(p.getBoundingClientRect().toJSON() as Record<string, number>),
        ),
      );
    const off = await boxes();
    const domOff = await v.page.evaluate(domLines, true);
    await switchTab(path, true);
    await expect.poll(() => done(v.page), { timeout: 20_000 }).toBe(true);
    return { v, off, on: await boxes(), domOff };
  } finally {
    await disableSite(false);
  }
}

/**
 * A real browser on a machine other processes share: a case that fails (a wait that ran out on
 * a busy machine, say) is run again on a fresh page, twice at most. A real bug fails every time.
 */
const RETRY = { retry: 2 };

/** What the page recorded of the highlights it made (`window.__own`), and how each stands now (runs in the page). */
function ownHighlightsNow() {
  const own = (
    window as unknown as { __own: { name: string; highlight: Highlight; texts: string[]; priority: number }[] }
  ).__own;
  return own.map(({ name, highlight, texts, priority }) => ({
    name,
    registered: CSS.highlights.get(name) === highlight,
    texts: [...highlight].map((r) => r.toString()),
    made: texts,
    priority: highlight.priority,
    madePriority: priority,
  }));
}
/** The texts painted in one of the registry's highlights now, whoever set it (runs in the page). */
const textsIn = (name: string) => [...(CSS.highlights.get(name) ?? [])].map((r) => r.toString());

describe('hostile pages', () => {
  it(
    '1. shows markup in names, quotes and figures as text, in the page, the card, the list and the popup',
    RETRY,
    async () => {
      const v = await visit('markup');
      const { page: p } = v;
      await expect.poll(() => done(p), { timeout: 20_000 }).toBe(true);
      expect(await paintedActors(v, 'markup')).toEqual(expect.arrayContaining(['sergey-lavrov', 'ahmet-davutoglu']));
      const ranges = await p.evaluate(paintedRanges);
      expect(ranges.filter((r) => r.name === 'crosswire-figure' && r.text.includes('7,500')).length).toBeGreaterThan(0);
      // The quote is painted over the page's text, markup and all, as text.
      expect(ranges.filter((r) => r.name === 'crosswire-quote').map((r) => r.text)).toEqual([
        expect.stringContaining('<img src=x onerror=window.__pwned=1> we will not <script>'),
      ]);
      // The actor's card, then the quote's.
      await hover(p, 'crosswire-actor-person', 'Sergey Lavrov');
      await expect
        .poll(() => cardMarkup(p, false), { timeout: 10_000 })
        .toMatch(/Sergey Lavrov[\s\S]*(Voice of America|No other article)/);
      expect(await cardElements(p)).not.toMatch(/<(img|script)\b/i);
      await p.keyboard.press('Escape');
      // The keyboard's way in: the control is last in the Tab order; the list ends with the quote.
      await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await p.keyboard.press('Shift+Tab');
      await p.keyboard.press('ArrowDown');
      await p.keyboard.press('End');
      await expect
        .poll(() => cardMarkup(p, false, 'control'), { timeout: 10_000 })
        .toMatch(/aria-selected="true"[^>]*>“&lt;img src=x onerror=window.__pwned=1&gt; we will not &lt;script&gt;/);
      expect(await cardElements(p, 'control')).not.toMatch(/<(img|script)\b/i);
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
      const popup = await demo.extension.context.newPage();
      opened.add(popup);
      const popupErrors: string[] = [];
      popup.on('pageerror', (e) => popupErrors.push(e.message));
      popup.on('console', (m) => m.type() === 'error' && popupErrors.push(m.text()));
      await popup.goto(`chrome-extension://${demo.extension.extensionId}/popup.html?tab=${await tabOf('markup')}`);
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
      await expectOnlyOurHost(v, 'markup');
      await expectPassRecorded(p);
    },
  );

  /** The colour each highlight paints with on the page's second paragraph, as the cascade gives it (runs in the page). */
  const highlightColours = () => {
    const el = document.querySelector('article p:nth-of-type(2)')!;
    const colour = (name: string) => getComputedStyle(el, `::highlight(${name})`).backgroundColor;
    return { person: colour('crosswire-actor-person'), state: colour('crosswire-actor-state') };
  };

  it('2. leaves the page its own marks and highlight, and runs no page code', RETRY, async () => {
    const v = await visit('styles');
    await expect.poll(() => done(v.page), { timeout: 20_000 }).toBe(true);
    const seen = await v.page.evaluate(() => ({
      pageMarks: document.querySelectorAll('article mark').length,
      pageHighlight: [...(CSS.highlights.get('page') ?? [])].map((r) => r.toString()),
    }));
    expect(seen).toEqual({ pageMarks: 2, pageHighlight: [NEWS[0]] });
    // The name inside the page's own <mark> is painted, once.
    expect((await v.page.evaluate(paintedTextsIn, 'article mark')).filter((t) => t === 'Sergey Lavrov')).toHaveLength(
      1,
    );
    expect(await paintedActors(v, 'styles')).toContain('sergey-lavrov');
    await expectClean(v, PAGES.styles!);
    await expectOnlyOurHost(v, 'styles');
    await expectPassRecorded(v.page);
  });

  it('2. colours its highlights in its palette against generic page !important rules', RETRY, async () => {
    const v = await visit('styles-generic');
    await expect.poll(() => done(v.page), { timeout: 20_000 }).toBe(true);
    expect(await v.page.evaluate(highlightColours)).toEqual({
      person: 'rgba(0, 114, 178, 0.16)',
      state: 'rgba(230, 159, 0, 0.16)',
    });
  });

  // FIXED (every rule is raised to three ids' specificity with :not(#\#), which every element
  // matches). Was: BUG (src/content/mark-css.ts): a page's own ::highlight rules for our names
  // won: marks.css comes with the content script as an author sheet that precedes the page's,
  // and a page rule `::highlight(crosswire-actor-person) { background-color: red !important }`
  // has the same specificity (0,0,1), so the later one, the page's, wins. Computed here, and
  // seen on screen: Lavrov's name is painted red.
  it('2. colours its highlights in its palette against page !important rules naming them', RETRY, async () => {
    const v = await visit('styles');
    await expect.poll(() => done(v.page), { timeout: 20_000 }).toBe(true);
    expect(await v.page.evaluate(highlightColours)).toEqual({
      person: 'rgba(0, 114, 178, 0.16)',
      state: 'rgba(230, 159, 0, 0.16)',
    });
  });

  it(
    '2. leaves the layout unchanged against generic `*, span, mark { display: block !important }` rules',
    RETRY,
    async () => {
      const { v, off, on, domOff } = await layoutOffThenOn('styles-generic');
      expect(on).toEqual(off);
      await expectClean(v, PAGES['styles-generic']!);
      await expectOnlyOurHost(v, 'styles-generic', { without: domOff });
      await expectPassRecorded(v.page);
    },
  );

  // Painting cannot move a box (::highlight takes colours and decorations only). Was: BUG
  // (mark-css.ts, when highlights were <crosswire-mark> elements): a page rule naming our
  // element made every mark a block and grew the paragraphs.
  it('2. leaves the layout unchanged against page rules naming our highlights', RETRY, async () => {
    const { v, off, on, domOff } = await layoutOffThenOn('styles');
    expect(on).toEqual(off);
    await expectOnlyOurHost(v, 'styles', { without: domOff });
  });

  // Was: BUG (src/content/highlighter.ts:45, `this.doc.createElement(MARK_TAG)`; the same at
  // src/content/card/shadow-host.ts:13 for `crosswire-card-host`): the elements were created in
  // the page's document, whose custom element registry is the page's, so a page that defined
  // elements under our names had its constructor run on every highlight, and
  // `attachInternals()` in the card host's constructor handed the page the card's *closed*
  // shadow root. FIXED: the card host's name has a random suffix the page cannot know in
  // advance, and highlights are painted, so no element of ours is one the page defined.
  it('2. keeps the card closed to a page that defines crosswire-mark and crosswire-card-host', RETRY, async () => {
    const v = await visit('custom-elements');
    await hover(v.page, 'crosswire-actor-person', 'Sergey Lavrov');
    await expect.poll(() => cardMarkup(v.page, false), { timeout: 10_000 }).toContain('Sergey Lavrov');
    const seen = await v.page.evaluate(() => ({
      ran: (window as { __ranOnOurs?: number }).__ranOnOurs,
      cardReadable: !!(window as { __internals?: ElementInternals }).__internals?.shadowRoot,
    }));
    expect(seen).toEqual({ ran: 0, cardReadable: false });
    await expectClean(v, PAGES['custom-elements']!);
    await expectOnlyOurHost(v, 'custom-elements');
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
  /** The page without Crosswire brought to where a kept one ends: its live paragraphs full (ten), `#kept` added, the page stopped. */
  const quietLikeKept = (withKept: boolean) => async (p: Page) => {
    await p.waitForFunction(() => (window as unknown as { paragraphsAdded(): number }).paragraphsAdded() > 10);
    if (withKept) await addKept(p);
    await stopMutating(p);
  };
  /** Our ranges (runs in the page): painted (not collapsed), all registered (collapsed ones too), and painted twice over the same text. */
  const rangeCounts = () => {
    const all = [...CSS.highlights]
      .filter(([name]) => name.startsWith('crosswire-') && name !== 'crosswire-focus')
      .flatMap(([name, h]) => [...h].map((r) => ({ name, r })));
    const painted = all.filter(({ r }) => !r.collapsed);
    const keys = painted.map(({ name, r }) => [name, r.startContainer, r.startOffset, r.endContainer, r.endOffset]);
    const twice = keys.filter((k, i) => keys.findIndex((o) => o.every((x, j) => x === k[j])) !== i).length;
    const live = painted.filter(({ r }) => r.startContainer.parentElement?.closest('#live')).length;
    return { painted: painted.length, registered: all.length, live, twice };
  };

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
    const at3 = await p.evaluate(rangeCounts);
    await p.waitForTimeout(2000);
    const at5 = await p.evaluate(rangeCounts);
    expect(at5.painted).toBeGreaterThan(0);
    // Growth only from the paragraphs the page currently shows; no text painted twice.
    expect(at5.painted - at3.painted).toBeLessThanOrEqual(at5.live);
    expect([at3.twice, at5.twice]).toEqual([0, 0]);
    const ours = await tasks(p);
    const total = ours.filter((t) => t.start >= since).reduce((n, t) => n + t.ms, 0);
    const { finished, added } = await p.evaluate(() => ({
      finished: performance.getEntriesByName('crosswire:done')[0]?.startTime ?? Number.POSITIVE_INFINITY,
      added: (window as unknown as { paragraphsAdded(): number }).paragraphsAdded(),
    }));
    // Each pass after the first reads its text once (one 'text map' task, these texts being small).
    const passes = ours.filter((t) => t.what === 'text map' && t.start >= finished).length;
    console.log(
      `mutating page: ${at3.painted} ranges painted at 3 s (${at3.registered} registered), ${at5.painted} at 5 s (${at5.live} in live paragraphs, ${at5.registered} registered); ${passes} passes after the first while the page added ${added} paragraphs; ${ours.length} tasks of ours (${ours.map((t) => t.what).join(', ')}), ${total.toFixed(1)} ms in all`,
    );
    // Cheap: work follows the paragraphs the page adds (each read at most once, and each one it
    // drops, highlights and all, re-reads the article at most once), not its 200 changes a second.
    expect(passes).toBeLessThanOrEqual(2 * added);
    // Bounded: once the page is quiet, nothing of ours is left over text it removed.
    await stopMutating(p);
    await expect
      .poll(
        async () => {
          const quiet = await p.evaluate(rangeCounts);
          return quiet.registered - quiet.painted;
        },
        { timeout: 10_000 },
      )
      .toBe(0);
    await expectPassRecorded(p);
    await expectClean(v, PAGES.mutating!);
  });

  // FIXED (settle() reads only the outermost of what changed or arrived; a re-read erases what
  // it will paint again). Was: BUG (watch.ts settle(), index.ts readAgain): a paragraph the page
  // added to a block it also removed one from (#live) was read twice, as the changed block and
  // as added, and both passes painted it: once quiet, 5 to 50 of the ten live paragraphs' 50
  // ranges stayed painted twice, and the keyboard list showed them twice.
  it('3. paints no text twice on that page, once it is quiet', async () => {
    const { page: p } = await keptVisit('mutating');
    await stopMutating(p);
    await expect.poll(() => p.evaluate(() => document.querySelectorAll('#live p').length)).toBe(10);
    await p.waitForTimeout(2000);
    const quiet = await p.evaluate(rangeCounts);
    expect(quiet.live).toBeGreaterThan(0);
    expect(quiet.twice).toBe(0);
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
    const v = await keptVisit('mutating');
    const { page: p } = v;
    try {
      await hover(p, 'crosswire-actor-person', 'Sergey Lavrov');
      await expect.poll(() => cardMarkup(p, false), { timeout: 5000 }).toContain('Sergey Lavrov');
      expect(await done(p)).toBe(true);
      await expectOnlyOurHost(v, 'mutating', { withText: false, prepare: quietLikeKept(false) });
    } finally {
      await p.close();
    }
  });

  it('3. completes its first pass when the text that changes is outside the article', RETRY, async () => {
    const v = await keptVisit('mutating-outside');
    await expect.poll(() => done(v.page), { timeout: 20_000 }).toBe(true);
    await hover(v.page, 'crosswire-actor-person', 'Sergey Lavrov');
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
    await expect.poll(() => painted(p, '#kept'), { timeout: 6000 }).toBeGreaterThan(0);
  });

  it('3. annotates that paragraph once the page stops mutating', async () => {
    const v = await keptVisit('mutating-outside');
    opened.add(v.page);
    await addKept(v.page);
    await stopMutating(v.page);
    await expect.poll(() => painted(v.page, '#kept'), { timeout: 10_000 }).toBeGreaterThan(0);
    await expectClean(v, PAGES['mutating-outside']!);
    await expectOnlyOurHost(v, 'mutating-outside', { withText: false, prepare: quietLikeKept(true) });
  });

  /** The 5 MB page once highlighting settled: the first pass is done and the number of highlights has not moved for 1 s (a generous 600 s at most: it has taken 130 s on a busy machine, and over 240 s with several test runs beside it). */
  let huge: Promise<{ v: Visit; seconds: number; painted: number }> | undefined;
  const hugeSettled = () =>
    (huge ??= (async () => {
      const v = await visit('huge', { firstPaint: false, keep: true });
      const t0 = Date.now();
      let last = -1;
      let stableSince = Date.now();
      while (Date.now() - t0 < 600_000) {
        const n = await painted(v.page);
        if (n !== last) [last, stableSince] = [n, Date.now()];
        if ((await done(v.page)) && Date.now() - stableSince >= 1000) break;
        await v.page.waitForTimeout(250);
      }
      return { v, seconds: (Date.now() - t0) / 1000, painted: last };
    })());

  // FIXED (the page is sent once, up to 8 million characters, and the background annotates it in
  // parts of 1 MB). Was: BUG: the annotate request refused text over 4,000,000 characters, so a
  // longer article got no annotations at all, not even for its first 4 million characters, and
  // nothing said so.
  // Known, slow (src/content/page-highlights.ts:66-72 with painter.ts:73 and :149): each
  // highlight is registered in CSS.highlights when first made, then filled slice by slice, a
  // frame between slices, and Chromium renders it again whole after each. The 5 MB first pass
  // took 76 to 318 s in four runs (once not done in 600 s), with frame gaps of 3 to 59 s, while
  // our own tasks came to ~5 s. In a page without Crosswire, adding 40,000 ranges 400 a frame
  // takes 5.7 s (37 s on a loaded machine) to a registered Highlight, 1.8 s (2.0 s) to one
  // registered once filled. Durations belong in the bench; this test holds that it completes.
  it('4. survives 5 MB of article text and highlights all of it', { timeout: 720_000 }, async () => {
    expect(PAGES.huge!.length).toBeGreaterThan(5_000_000);
    const { v, seconds, painted: count } = await hugeSettled();
    const p = v.page;
    const frames = await p.evaluate(() => {
      const start = performance.getEntriesByName('crosswire:start')[0]?.startTime ?? 0;
      const f = (window as unknown as { __frames: number[] }).__frames;
      let gap = 0;
      for (let i = 1; i < f.length; i++) if (f[i]! >= start) gap = Math.max(gap, f[i]! - f[i - 1]!);
      return { gap, textLength: document.querySelector('article')!.textContent!.length };
    });
    console.log(
      `5 MB page (${frames.textLength} characters of article text): ${count} ranges painted after ${seconds.toFixed(1)} s; longest frame gap after our start ${frames.gap.toFixed(0)} ms`,
    );
    expect(await done(p)).toBe(true);
    // Each paragraph is one text node, so each annotation the engine finds in it is one range.
    const expected = HUGE.reduce((n, text) => n + annotate(text, { published: '2012-03-12' }).length, 0);
    expect(await painted(p, 'article > p:not(:first-of-type)')).toBe(expected);
    await expectClean(v, PAGES.huge!);
    await expectOnlyOurHost(v, 'huge');
  });

  // Known (src/content/page-highlights.ts): the 5 MB article is highlighted in 8 ms slices; the
  // durations are printed, not asserted.
  it('4. works through 5 MB in slices, and the page handles its own events in between', async () => {
    const { v } = await hugeSettled();
    try {
      const ours = await tasks(v.page);
      const slices = (what: string) => ours.filter((t) => t.what === what).length;
      const seen = await v.page.evaluate(() => {
        let painted = 0;
        for (const [name, h] of CSS.highlights) if (name.startsWith('crosswire-')) painted += h.size;
        return {
          ping: (window as { __ping?: { at: number; slices: number; done: boolean } }).__ping,
          done: performance.getEntriesByName('crosswire:done')[0]?.startTime,
          painted,
        };
      });
      const longest = [...ours].sort((a, b) => b.ms - a.ms)[0];
      console.log(
        `5 MB page: ${slices('text map')} text-map and ${slices('highlight')} highlight slices, ${ours.reduce((n, t) => n + t.ms, 0).toFixed(0)} ms in all, longest ${longest?.what} ${longest?.ms.toFixed(0)} ms (budget 50 ms); the page handled its message after ${seen.ping?.slices} of ${slices('highlight')} highlight slices (${seen.painted} ranges)`,
      );
      expect(slices('text map')).toBeGreaterThan(1);
      expect(slices('highlight')).toBeGreaterThan(1);
      // The page posted its message when it saw our first highlighting slice; it ran before our pass ended.
      expect(seen.ping).toMatchObject({ done: false });
      expect(seen.ping!.at).toBeLessThan(seen.done!);
      expect(seen.ping!.slices).toBeGreaterThan(0);
      expect(seen.ping!.slices).toBeLessThan(slices('highlight'));
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
    await expect.poll(() => painted(v.page, '#bottom'), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await painted(v.page, '#deep')).toBeGreaterThan(10);
    await expectClean(v, PAGES.nested!);
    await expectOnlyOurHost(v, 'nested');
    await expectPassRecorded(v.page);
  });

  it('6. leaves iframes and shadow roots intact (and says whether it highlights them)', RETRY, async () => {
    const v = await visit('frames');
    await expect.poll(() => done(v.page), { timeout: 20_000 }).toBe(true);
    await v.page.waitForTimeout(500);
    const inside = await v.page.evaluate(() => {
      const frame = document.getElementById('frame') as HTMLIFrameElement;
      const roots = [
        document.getElementById('scripted')!.shadowRoot!,
        document.getElementById('declarative')!.shadowRoot!,
      ];
      const ours = (registry: HighlightRegistry) =>
        [...registry].filter(([name]) => name.startsWith('crosswire-')).flatMap(([, h]) => [...h]);
      const inMain = ours(CSS.highlights);
      return {
        frame: ours((frame.contentWindow as typeof window).CSS.highlights).length,
        frameText: frame.contentDocument!.body.textContent,
        shadow: roots.map((root) => inMain.filter((r) => r.startContainer.getRootNode() === root).length),
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
    expect(await painted(v.page, 'article > p')).toBeGreaterThan(10);
    await expectClean(v, PAGES.frames!);
    await expectOnlyOurHost(v, 'frames');
    await expectPassRecorded(v.page);
  });

  // FIXED (settle() leaves what is inside an editable region alone, changed or new). Was: BUG
  // (src/content/watch.ts settle(): a block that changed went to `changed` without the
  // insideEditable() check an added one got, and index.ts readAgain reads it; the text walk
  // checks editability only below its root): the paragraph the reader types into #ed (a <p>
  // that Enter made) is painted: "Kofi Annan", "Recep Tayyip Erdogan", "Hillary Clinton",
  // "Sergey Lavrov", "United Nations", 3 tries of 3. It passed before settle() read the
  // outermost of what changed or arrived (the new <p> then hid the changes inside it).
  it('7. leaves contenteditable regions and form fields alone, before and while the reader types', RETRY, async () => {
    const v = await visit('editable');
    const p = v.page;
    await expect.poll(() => done(p), { timeout: 20_000 }).toBe(true);
    expect(await painted(p, 'article > p')).toBeGreaterThan(10);
    expect(await p.evaluate(paintedTextsIn, '#ed, #plain, form')).toEqual([]);
    expect(
      await p.evaluate(() => [
        (document.getElementById('ta') as HTMLTextAreaElement).value,
        (document.getElementById('in') as HTMLInputElement).value,
      ]),
    ).toEqual(['Sergey Lavrov met Hillary Clinton in Geneva on Monday.', 'Sergey Lavrov']);
    await expectOnlyOurHost(v, 'editable');
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
    expect(await p.evaluate(paintedTextsIn, '#ed, #plain')).toEqual([]);
    await expectClean(v, PAGES.editable!);
    await expectPassRecorded(p);
  });

  // FIXED (the content script leaves a root inside an editable region, or designMode, alone). Was: BUG (src/content/text-map.ts:63, buildTextMap: `isEditable` is checked on the elements the
  // walk visits, never on the root's ancestors; watch.ts checks `closest()`, the first pass does
  // not): an article inside an editable region (here <main contenteditable>) is annotated, 25
  // highlights, so our marks land in the text the reader is editing.
  it('7. leaves an article inside an editable region alone', RETRY, async () => {
    const v = await visit('editable-wrapper', { firstPaint: false });
    // Left alone, there is no first pass to wait for: give it the time one would take.
    await v.page.waitForTimeout(3000);
    expect(await painted(v.page)).toBe(0);
    await expectOnlyOurHost(v, 'editable-wrapper', { hosts: 0 });
  });

  it('8. paints its highlights again when the page empties CSS.highlights, and the page runs on', RETRY, async () => {
    const v = await visit('clears', { firstPaint: false });
    const p = v.page;
    // The page cleared ours three times, each time after they had come back.
    await expect
      .poll(() => p.evaluate(() => (window as unknown as { __clears: unknown[] }).__clears.length), { timeout: 20_000 })
      .toBe(3);
    const clears = await p.evaluate(() => (window as unknown as { __clears: string[][] }).__clears);
    // Each time, the same highlights (the first pass's, not a second reading of the page).
    expect(clears[0]!.length).toBeGreaterThan(10);
    expect(clears[1]).toEqual(clears[0]);
    expect(clears[2]).toEqual(clears[0]);
    // …and they come back after the third clear, as they were.
    await expect
      .poll(async () => (await p.evaluate(paintedRanges)).map((r) => `${r.name}: ${r.text}`).sort(), {
        timeout: 10_000,
      })
      .toEqual(clears[0]);
    // The page's script still runs, and its own highlight, set after its last clear, stays.
    const ticks = await p.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
    await expect
      .poll(() => p.evaluate(() => (window as unknown as { __ticks: number }).__ticks), { timeout: 5000 })
      .toBeGreaterThan(ticks);
    expect(await p.evaluate(textsIn, 'page-title')).toEqual(['Clinton and Lavrov meet on Syria']);
    await expectClean(v, PAGES.clears!);
    await expectOnlyOurHost(v, 'clears');
    await expectPassRecorded(p);
  });

  it('8. leaves the highlights a page paints under its own names as they are, and paints ours', RETRY, async () => {
    const v = await visit('own-highlights');
    const p = v.page;
    await expect.poll(() => done(p), { timeout: 20_000 }).toBe(true);
    // Both of the page's highlights are made (the later one after our pass); then a restore or two of ours.
    await expect.poll(() => p.evaluate(() => CSS.highlights.has('search-later')), { timeout: 10_000 }).toBe(true);
    await p.waitForTimeout(2500);
    const own = await p.evaluate(ownHighlightsNow);
    expect(own.map((h) => h.name)).toEqual(['search-hit', 'search-later']);
    for (const h of own) {
      expect(h).toMatchObject({ registered: true, texts: h.made, priority: h.madePriority });
      expect(h.texts.length).toBeGreaterThan(1);
    }
    expect(await paintedPeople(p)).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Hillary Clinton', 'Kofi Annan']));
    expect((await p.evaluate(textsIn, 'crosswire-quote')).some((t) => t.includes('we will not accept'))).toBe(true);
    await expectClean(v, PAGES['own-highlights']!);
    await expectOnlyOurHost(v, 'own-highlights');
    // Switched off, ours go and the page's stay, and so does its DOM, our host gone with us.
    await switchTab('own-highlights', false);
    await expect
      .poll(() => p.evaluate(() => [...CSS.highlights.keys()].sort()), { timeout: 10_000 })
      .toEqual(['search-hit', 'search-later']);
    expect((await p.evaluate(ownHighlightsNow)).every((h) => h.registered && h.texts.join() === h.made.join())).toBe(
      true,
    );
    await expectOnlyOurHost(v, 'own-highlights', { hosts: 0 });
  });

  it(
    '8. paints our quotes under their name when the page sets a highlight there, leaving the page’s own untouched',
    RETRY,
    async () => {
      const v = await visit('our-name');
      const p = v.page;
      await expect.poll(() => done(p), { timeout: 20_000 }).toBe(true);
      // The page set `crosswire-quote` before we ran and again after our pass: ours are back there.
      await expect
        .poll(() => p.evaluate(() => (window as unknown as { __own: unknown[] }).__own.length), { timeout: 10_000 })
        .toBe(2);
      await expect
        .poll(
          async () => (await p.evaluate(textsIn, 'crosswire-quote')).some((t) => t.includes('we will not accept')),
          {
            timeout: 10_000,
          },
        )
        .toBe(true);
      // The page's highlights hold what the page put in them, nothing of ours, and it kept their priorities.
      for (const h of await p.evaluate(ownHighlightsNow)) {
        expect(h).toMatchObject({ name: 'crosswire-quote', texts: h.made, priority: h.madePriority });
        expect(h.texts.length).toBeGreaterThan(0);
      }
      expect(await paintedPeople(p)).toEqual(
        expect.arrayContaining(['Sergey Lavrov', 'Kofi Annan', 'Hillary Clinton']),
      );
      await expectClean(v, PAGES['our-name']!);
      await expectOnlyOurHost(v, 'our-name');
    },
  );
});
