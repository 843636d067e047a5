// Highlights on the demo news site (src/demo), served on the outlets' real hostnames so the
// manifest's real match patterns decide where the content script runs. Highlights are painted
// (CSS.highlights), so these read the document's highlight registry, matched to the reading
// the background keeps for the tab. Checks the actors the gold annotations list are painted,
// that the highlights are reachable by keyboard with accessible names through our one control,
// that the page's DOM never changes (on, off, and in between), and that the highlights follow
// content the page adds, re-renders or navigates to.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDictionary } from '../../src/core/actors/load';
import type { Annotation } from '../../src/core/types';
import type { DemoPage } from '../../src/demo/pages';
import { goldFiles, idFor } from '../core/gold';
import { anyPainted, firstPassDone, paintedIds, paintedRanges } from '../painted';
import { cardMarkup, startDemoBrowser, type DemoBrowser } from './demo-browser';

/**
 * A page the content script leaves alone on its own: not an article (a section front). The
 * popup button must highlight it anyway. (A site outside the default list works the same
 * way, through the activeTab grant of the popup click, which automation cannot give.)
 */
const OTHER_SITE = 'www.bbc.com/news/world/middle_east';
const HOST_PREFIX = 'crosswire-card-host-';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: {
    query(q: { url: string }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
};

let demo: DemoBrowser;
let popup: Page;
let pages: DemoPage[];
const errors: string[] = [];

beforeAll(async () => {
  demo = await startDemoBrowser({
    [OTHER_SITE]:
      '<!doctype html><title>Middle East</title><body><h1>Middle East</h1><div class="teaser">Kofi Annan met Recep Tayyip Erdogan in Ankara on Tuesday and said Syria must agree to a ceasefire.</div><div class="teaser">Russia and China urged restraint at the UN Security Council.</div></body>',
  });
  pages = demo.pages;
  popup = await demo.extension.context.newPage();
  await popup.goto(`chrome-extension://${demo.extension.extensionId}/popup.html`);
});

afterAll(async () => {
  await demo?.close();
});

const pageOf = (site: string) => pages.find((p) => p.site === site)!;

async function open(url: string): Promise<Page> {
  const page = await demo.extension.context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(`${url}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
  await page.goto(url);
  return page;
}

/** A demo article in a new tab, once its first pass is painted. */
async function openPainted(site: string): Promise<Page> {
  const page = await open(pageOf(site).url);
  await page.waitForFunction(firstPassDone, undefined, { timeout: 20_000 });
  return page;
}

/** The annotations the background read on the page's tab (what the popup is shown). */
async function annotationsOf(page: Page): Promise<Annotation[]> {
  const [tab] = await demo.extension.worker.evaluate((u) => chrome.tabs.query({ url: u }), page.url());
  const reply = (await popup.evaluate(
    (tabId) => chrome.runtime.sendMessage({ type: 'page-of-tab', tabId }),
    tab!.id!,
  )) as { ok: boolean; value: { annotations: Annotation[] } };
  expect(reply.ok).toBe(true);
  return reply.value.annotations;
}

/** Which ids of the reading's annotations of `kind` are painted on the page. */
async function paintedIdsOf(page: Page, kind: Annotation['kind']): Promise<string[]> {
  return paintedIds(await page.evaluate(paintedRanges), await annotationsOf(page), kind);
}

/** Page-side: how many of our painted ranges cover text inside `selector` (ranges the page emptied left out). */
function paintedInside(selector: string): number {
  const scope = [...document.querySelectorAll(selector)];
  let n = 0;
  for (const [name, highlight] of CSS.highlights)
    if (name.startsWith('crosswire-'))
      for (const r of highlight)
        if (!r.collapsed && r.startContainer.isConnected && scope.some((s) => s.contains(r.startContainer))) n++;
  return n;
}

/** Page-side: actor ranges painted twice over the same text inside `selector` (none, or a pass ran twice). */
function actorsPaintedTwice(selector: string): string[] {
  const scope = [...document.querySelectorAll(selector)];
  const seen = new Map<Node, Set<string>>();
  const twice: string[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('crosswire-actor')) continue;
    for (const r of highlight) {
      if (r.collapsed || !scope.some((s) => s.contains(r.startContainer))) continue;
      const at = seen.get(r.startContainer) ?? new Set<string>();
      const key = `${r.startOffset}-${r.endOffset}`;
      if (at.has(key)) twice.push(r.toString());
      seen.set(r.startContainer, at.add(key));
    }
  }
  return twice;
}

/** Where the keyboard focus is: our UI's host (the focus is in its closed shadow root), or a page element. */
const focused = (page: Page) =>
  page.evaluate((prefix) => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return el.localName.startsWith(prefix) ? 'crosswire' : `${el.localName}${el.id ? `#${el.id}` : ''}`;
  }, HOST_PREFIX);

/** The options our highlight list renders now: their labels, and which is selected out of how many. */
async function listOptions(page: Page) {
  const html = await cardMarkup(page, false, 'control');
  const options = [...html.matchAll(/<div [^>]*role="option"[^>]*>([^<]*)<\/div>/g)].map(([tag, label]) => ({
    label: label!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'),
    selected: tag.includes('aria-selected="true"'),
    position: Number(/aria-posinset="(\d+)"/.exec(tag)?.[1]),
    size: Number(/aria-setsize="(\d+)"/.exec(tag)?.[1]),
  }));
  return { html, options };
}

describe('highlights on the demo news site', () => {
  it('paints every actor the gold annotations list, on each corpus article', async () => {
    const dict = defaultDictionary();
    for (const { gold } of goldFiles()) {
      const demoPage = pages.find((p) => p.source.endsWith(gold.file))!;
      const page = await openPainted(demoPage.site);
      const ids = await paintedIdsOf(page, 'actor');
      const missing = gold.actors.map((a) => idFor(dict, a.name, a.aka)).filter((id) => !ids.includes(id));
      expect(missing, demoPage.site).toEqual([]);
      expect((await paintedIdsOf(page, 'quote')).length, demoPage.site).toBeGreaterThanOrEqual(gold.quotes.length - 1);
      expect((await paintedIdsOf(page, 'figure')).length, demoPage.site).toBeGreaterThanOrEqual(gold.figures.length);
      await page.close();
    }
  });

  it("adds one control to the keyboard's way through the page, after the page's own, listing each highlight by name", async () => {
    const page = await openPainted('Al Jazeera');
    // Tabbing from the top passes every focusable element of the page's own, then reaches our
    // control: nothing of ours is in between (no highlight is a tab stop).
    const pageStops = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
          (el) => el.tabIndex >= 0,
        ).length,
    );
    const stops: string[] = [];
    for (let i = 0; i <= pageStops + 2 && !stops.includes('crosswire'); i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    expect(stops.indexOf('crosswire')).toBe(pageStops);
    const lastOfPage = stops[pageStops - 1]!;
    // The control names itself and the count; Enter opens the list of every highlight.
    const { html: control } = await listOptions(page);
    const count = Number(/Crosswire: (\d+) highlights/.exec(control)?.[1]);
    expect(count).toBeGreaterThan(20);
    await page.keyboard.press('Enter');
    const labels = new Map<number, string>(); // by position: two highlights may read the same
    for (let step = 0; step <= count; step++) {
      const { options } = await listOptions(page);
      for (const o of options) labels.set(o.position, o.label);
      expect(options.every((o) => o.size === count)).toBe(true);
      if (options.find((o) => o.selected)?.position === count) break;
      await page.keyboard.press('PageDown');
    }
    expect(labels.size).toBe(count);
    expect([...labels.values()].filter((l) => !l.trim())).toEqual([]);
    for (const name of ['Hillary Clinton (person)', 'Sergey Lavrov (person)', 'Qatar (state)'])
      expect(
        [...labels.values()].some((l) => l.includes(name)),
        name,
      ).toBe(true);
    // Escape closes the list and gives the focus back to where it was.
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe(lastOfPage);
    expect((await listOptions(page)).options).toEqual([]);
    // From the top of a fresh page, Shift+Tab reaches the control at once: it is last.
    await page.reload();
    await page.waitForFunction(firstPassDone, undefined, { timeout: 20_000 });
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('crosswire');
    await page.close();
  });

  describe('a site switched off, then on, then off again', () => {
    /** The page as serialised, our highlights in the registry, and the page's own highlight. */
    const snapshot = (page: Page) =>
      page.evaluate((prefix) => {
        const hosts = [...document.documentElement.children].filter((el) => el.localName.startsWith(prefix));
        const html = document.documentElement.cloneNode(true) as Element;
        for (const el of [...html.children]) if (el.localName.startsWith(prefix)) el.remove();
        const ours = [...CSS.highlights].filter(([n]) => n.startsWith('crosswire-'));
        return {
          body: document.body.outerHTML,
          article: document.querySelector('article')!.outerHTML,
          /** The whole document, our UI's host aside. */
          html: html.outerHTML,
          elements: document.getElementsByTagName('*').length,
          hosts: hosts.length,
          painted: ours.reduce((n, [, h]) => n + h.size, 0),
          names: ours.map(([n]) => n),
          pageOwn: CSS.highlights.get('page-own')?.size ?? 0,
        };
      }, HOST_PREFIX);
    type Snapshot = Awaited<ReturnType<typeof snapshot>>;
    let off: Snapshot;
    let during: Snapshot[];
    let after: Snapshot;
    let later: Snapshot;
    /** Every change to the page's DOM from switching on to after switching off. */
    let mutations: string[];

    beforeAll(async () => {
      await popup.evaluate(() =>
        chrome.runtime.sendMessage({ type: 'set-settings', settings: { disabledSites: ['www.rt.com'] } }),
      );
      const page = await open(pageOf('RT').url);
      await page.waitForFunction(() => performance.getEntriesByName('crosswire:start').length > 0);
      await page.waitForTimeout(1000); // time to paint, were it going to
      await page.evaluate(() => {
        // The page's own highlight, which must stay; and a record of every DOM change from now on.
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('h1')!);
        CSS.highlights.set('page-own', new Highlight(range));
        const seen: string[] = [];
        const name = (n: Node) => (n as Element).localName ?? n.nodeName;
        new MutationObserver((records) => {
          for (const r of records)
            seen.push(
              `${r.type} ${name(r.target)}${r.attributeName ? `@${r.attributeName}` : ''} +[${[...r.addedNodes].map(name)}] -[${[...r.removedNodes].map(name)}]`,
            );
        }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        (globalThis as { mutations?: string[] }).mutations = seen;
      });
      off = await snapshot(page);
      const tell = (on: boolean) =>
        popup.evaluate(async (on) => {
          const [tab] = await chrome.tabs.query({ url: 'https://www.rt.com/*' });
          await chrome.tabs.sendMessage(tab!.id!, { type: 'crosswire-highlights', on });
        }, on);
      await tell(true);
      during = [await snapshot(page)]; // while it paints
      await page.waitForFunction(firstPassDone, undefined, { timeout: 20_000 });
      during.push(await snapshot(page));
      await tell(false);
      await page.waitForFunction(() => ![...CSS.highlights.keys()].some((n) => n.startsWith('crosswire-')));
      after = await snapshot(page);
      await page.waitForTimeout(1500); // past the check that puts back highlights a page removed
      later = await snapshot(page);
      mutations = await page.evaluate(() => (globalThis as { mutations?: string[] }).mutations!);
      await page.close();
    });

    it('paints nothing while the site is off', () => {
      expect(off).toMatchObject({ painted: 0, names: [], hosts: 0 });
    });

    it("inserts nothing into the page's DOM: it serialises the same before, during and after", () => {
      expect(during.at(-1)!.painted).toBeGreaterThan(20);
      for (const s of [...during, after, later]) {
        expect(s.body).toBe(off.body);
        expect(s.article).toBe(off.article);
        expect(s.html).toBe(off.html);
      }
      // The only element added, ever, is our UI's host under <html>; it leaves when switched off.
      expect(during.at(-1)).toMatchObject({ hosts: 1, elements: off.elements + 1 });
      expect(after).toMatchObject({ hosts: 0, elements: off.elements });
      expect(mutations.map((m) => m.replace(/crosswire-card-host-[0-9a-f]+/g, 'crosswire-card-host-*'))).toEqual([
        'childList html +[crosswire-card-host-*] -[]',
        'childList html +[] -[crosswire-card-host-*]',
      ]);
    });

    it("removes our highlights from CSS.highlights when switched off, for good, and leaves the page's own", () => {
      expect(during.at(-1)!.names.length).toBeGreaterThan(2);
      expect(after.names).toEqual([]);
      expect(later.names).toEqual([]);
      for (const s of [off, ...during, after, later]) expect(s.pageOwn).toBe(1);
    });
  });

  it('paints content added later, once', async () => {
    const page = await openPainted('Al Jazeera');
    const inside = () => page.evaluate(paintedInside, '#update');
    // A live-blog style update appended after the first pass.
    await page.evaluate(() =>
      document
        .querySelector('article')!
        .insertAdjacentHTML(
          'beforeend',
          '<p id="update">Update: Kofi Annan said in Ankara that Turkey and Qatar backed his plan, and Sergey Lavrov repeated Russia\'s support.</p>',
        ),
    );
    await expect.poll(inside, { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    const once = await inside();
    await page.waitForTimeout(1000);
    expect(await inside()).toBe(once); // no second pass, no loop
    expect(await page.evaluate(actorsPaintedTwice, '#update')).toEqual([]);
    await page.close();
  });

  it('paints an article the page re-renders again, once', async () => {
    const page = await openPainted('Al Jazeera');
    const inside = () => page.evaluate(paintedInside, 'article');
    const first = await inside();
    // The page re-renders its article from its own markup: new text nodes, our ranges left empty.
    await page.evaluate(() => {
      const article = document.querySelector('article')!;
      const markup = article.innerHTML;
      article.innerHTML = markup;
    });
    expect(await inside()).toBe(0);
    await expect.poll(inside, { timeout: 10_000 }).toBeGreaterThan(20);
    await page.waitForTimeout(1000); // every pass the re-render started has ended
    expect(await page.evaluate(actorsPaintedTwice, 'article')).toEqual([]);
    expect(await inside()).toBe(first);
    await page.close();
  });

  it('follows a single-page navigation to another article', async () => {
    const page = await openPainted('Al Jazeera');
    await page.evaluate(() => {
      history.pushState({}, '', '/news/2012/3/13/annan-in-ankara');
      document.querySelector('article')!.innerHTML =
        '<h1>Annan in Ankara</h1>' +
        '<p>Kofi Annan met Recep Tayyip Erdogan in Ankara on Tuesday, and the Syrian National Council asked the Arab League for weapons for the Free Syrian Army.</p>'.repeat(
          3,
        );
    });
    const freeSyrianArmy = () =>
      page.evaluate(
        () =>
          [...CSS.highlights]
            .filter(([n]) => n.startsWith('crosswire-actor'))
            .flatMap(([, h]) => [...h])
            .filter((r) => r.toString() === 'Free Syrian Army').length,
      );
    await expect.poll(freeSyrianArmy, { timeout: 10_000 }).toBe(3);
    await page.close();
  });

  it('highlights a page it leaves alone on its own when the user asks (popup button)', async () => {
    const page = await open(`https://${OTHER_SITE}`);
    await page.waitForTimeout(800);
    expect(await page.evaluate(anyPainted)).toBe(false); // a section front: nothing on its own
    const [tab] = await demo.extension.worker.evaluate((u) => chrome.tabs.query({ url: u }), page.url());
    const highlighted = await popup.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'highlight-tab', tabId: id }),
      tab!.id,
    );
    // The answer comes once the page has been read: the popup can show that reading at once.
    expect(highlighted).toMatchObject({
      ok: true,
      value: { highlighted: true, articleId: expect.stringMatching(/^a-/) },
    });
    await page.waitForFunction(firstPassDone, undefined, { timeout: 20_000 });
    expect(await paintedIdsOf(page, 'actor')).toContain('Q1254'); // Kofi Annan
    await page.close();
  });

  it('logs no errors on the pages', () => {
    expect(errors).toEqual([]);
  });
});
