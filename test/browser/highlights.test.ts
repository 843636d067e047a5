// Highlights on the demo news site (src/demo), served on the outlets' real hostnames so the
// manifest's real match patterns decide where the content script runs. Checks the actors
// the gold annotations list appear as highlights, that highlights are reachable by keyboard
// with accessible names, and that switching a site off restores the page's DOM exactly.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDictionary } from '../../src/core/actors/load';
import type { DemoPage } from '../../src/demo/pages';
import { goldFiles, idFor } from '../core/gold';
import { startDemoBrowser, type DemoBrowser } from './demo-browser';

/**
 * A page the content script leaves alone on its own: not an article (a section front). The
 * popup button must highlight it anyway. (A site outside the default list works the same
 * way, through the activeTab grant of the popup click, which automation cannot give.)
 */
const OTHER_SITE = 'www.bbc.com/news/world/middle_east';

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

async function open(url: string): Promise<Page> {
  const page = await demo.extension.context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(`${url}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
  await page.goto(url);
  return page;
}

const markIds = (page: Page, kind: string) =>
  page.evaluate(
    (k) => [
      ...new Set(
        [...document.querySelectorAll(`crosswire-mark[data-crosswire-kind="${k}"]`)].map(
          (m) => (m as HTMLElement).dataset.crosswireId,
        ),
      ),
    ],
    kind,
  );

describe('highlights on the demo news site', () => {
  it('shows every actor the gold annotations list, on each corpus article', async () => {
    const dict = defaultDictionary();
    for (const { gold } of goldFiles()) {
      const demo = pages.find((p) => p.source.endsWith(gold.file))!;
      const page = await open(demo.url);
      await page.locator('crosswire-mark').first().waitFor({ state: 'attached', timeout: 20_000 });
      await page.waitForTimeout(300); // the last slices
      const ids = await markIds(page, 'actor');
      const missing = gold.actors.map((a) => idFor(dict, a.name, a.aka)).filter((id) => !ids.includes(id));
      expect(missing, demo.site).toEqual([]);
      expect((await markIds(page, 'quote')).length, demo.site).toBeGreaterThanOrEqual(gold.quotes.length - 1);
      expect((await markIds(page, 'figure')).length, demo.site).toBeGreaterThanOrEqual(gold.figures.length);
      await page.close();
    }
  });

  it('makes each annotation reachable by keyboard, with an accessible name', async () => {
    const page = await open(pages.find((p) => p.site === 'Al Jazeera')!.url);
    await page.locator('crosswire-mark').first().waitFor({ state: 'attached', timeout: 20_000 });
    const focusable = await page.evaluate(() =>
      [...document.querySelectorAll('crosswire-mark[tabindex="0"]')].map((m) => m.getAttribute('aria-label')),
    );
    expect(focusable).toEqual(
      expect.arrayContaining(['Hillary Clinton (person)', 'Sergey Lavrov (person)', 'Qatar (state)']),
    );
    expect(focusable.every((label) => !!label)).toBe(true);
    // Tabbing from the top passes the site's four menu links, then reaches a highlight.
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () =>
          document.activeElement?.tagName === 'CROSSWIRE-MARK' && !!document.activeElement.getAttribute('aria-label'),
      );
    }
    expect(reached).toBe(true);
    await page.close();
  });

  it('switches off per site and restores the DOM byte for byte', async () => {
    const rt = pages.find((p) => p.site === 'RT')!;
    await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'set-settings', settings: { disabledSites: ['www.rt.com'] } }),
    );
    const page = await open(rt.url);
    await page.waitForTimeout(1500);
    expect(await page.locator('crosswire-mark').count()).toBe(0);
    const original = await page.evaluate(() => document.documentElement.outerHTML);
    const tell = (on: boolean) =>
      popup.evaluate(async (on) => {
        const [tab] = await chrome.tabs.query({ url: 'https://www.rt.com/*' });
        await chrome.tabs.sendMessage(tab!.id!, { type: 'crosswire-highlights', on });
      }, on);
    await tell(true);
    await page.locator('crosswire-mark').first().waitFor({ state: 'attached', timeout: 20_000 });
    expect(await page.locator('crosswire-mark').count()).toBeGreaterThan(20);
    await tell(false);
    await expect.poll(() => page.locator('crosswire-mark').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(original);
    await page.close();
  });

  it('annotates content added later once, and restores highlights a re-render strips', async () => {
    const page = await open(pages.find((p) => p.site === 'Al Jazeera')!.url);
    await page.locator('crosswire-mark').first().waitFor({ state: 'attached', timeout: 20_000 });
    const marksIn = (selector: string) => page.locator(`${selector} crosswire-mark`).count();
    // A live-blog style update appended after the first pass.
    await page.evaluate(() =>
      document
        .querySelector('article')!
        .insertAdjacentHTML(
          'beforeend',
          '<p id="update">Update: Kofi Annan said in Ankara that Turkey and Qatar backed his plan, and Sergey Lavrov repeated Russia\'s support.</p>',
        ),
    );
    await expect.poll(() => marksIn('#update'), { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    const once = await marksIn('#update');
    await page.waitForTimeout(1000);
    expect(await marksIn('#update')).toBe(once); // no second pass, no loop
    // No highlight was applied twice (an actor inside the same actor).
    expect(
      await page.evaluate(
        () =>
          document.querySelectorAll(
            '#update crosswire-mark[data-crosswire-kind="actor"] crosswire-mark[data-crosswire-kind="actor"]',
          ).length,
      ),
    ).toBe(0);
    // The page re-renders its article from its own markup, dropping our elements.
    await page.evaluate(() => {
      const article = document.querySelector('article')!;
      article.innerHTML = article.innerHTML.replace(/<\/?crosswire-mark[^>]*>/g, '');
    });
    expect(await marksIn('article')).toBe(0);
    await expect.poll(() => marksIn('article'), { timeout: 10_000 }).toBeGreaterThan(20);
    await page.close();
  });

  it('follows a single-page navigation to another article', async () => {
    const page = await open(pages.find((p) => p.site === 'Al Jazeera')!.url);
    await page.locator('crosswire-mark').first().waitFor({ state: 'attached', timeout: 20_000 });
    await page.evaluate(() => {
      history.pushState({}, '', '/news/2012/3/13/annan-in-ankara');
      document.querySelector('article')!.innerHTML =
        '<h1>Annan in Ankara</h1>' +
        '<p>Kofi Annan met Recep Tayyip Erdogan in Ankara on Tuesday, and the Syrian National Council asked the Arab League for weapons for the Free Syrian Army.</p>'.repeat(
          3,
        );
    });
    await expect
      .poll(() => page.locator('article crosswire-mark[data-crosswire-id="free-syrian-army"]').count(), {
        timeout: 10_000,
      })
      .toBe(3);
    await page.close();
  });

  it('highlights a page it leaves alone on its own when the user asks (popup button)', async () => {
    const page = await open(`https://${OTHER_SITE}`);
    await page.waitForTimeout(800);
    expect(await page.locator('crosswire-mark').count()).toBe(0); // a section front: nothing on its own
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
    await page.locator('crosswire-mark').first().waitFor({ state: 'attached', timeout: 20_000 });
    expect(await page.locator('crosswire-mark[data-crosswire-id="Q1254"]').count()).toBeGreaterThan(0); // Kofi Annan
    await page.close();
  });

  it('logs no errors on the pages', () => {
    expect(errors).toEqual([]);
  });
});
