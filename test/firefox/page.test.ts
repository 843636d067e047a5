// The Firefox build in real Firefox (firefox-esr over WebDriver BiDi, src/demo/firefox.ts):
// the demo news site on its real hostnames, so the manifest's match patterns decide where the
// content script runs. Each corpus article paints every actor the gold annotations list, and
// its quotes and figures (read from CSS.highlights and matched to the background's reading of
// the page); a pointer resting on an actor opens a card with what the other outlets wrote.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDictionary } from '../../src/core/actors/load';
import { goldFiles, idFor } from '../core/gold';
import { unmarkedPage } from '../fixtures/unmarked-page';
import { paintedRanges, paintedSpot, pointOnPainted } from '../painted';
import {
  ask,
  cardText,
  openArticle,
  paintedIdsOn,
  startDemoFirefox,
  tabIdOf,
  tellTab,
  type DemoFirefox,
} from './demo-firefox';

let demo: DemoFirefox;
const errors: string[] = [];

const UNMARKED = 'www.cbc.ca/news/world/unmarked-1.0003';

beforeAll(async () => {
  demo = await startDemoFirefox({ [UNMARKED]: unmarkedPage() });
});

afterAll(async () => {
  await demo?.close();
});

/** A demo article, with its page errors collected. */
async function open(site: string): Promise<Page> {
  const page = await openArticle(demo, site);
  page.on('pageerror', (e) => errors.push(`${site}: ${(e as Error).message}`));
  return page;
}

describe('the Firefox build in Firefox', () => {
  it('highlights every gold actor, and the quotes and figures, on each corpus article', async () => {
    const dict = defaultDictionary();
    for (const { gold } of goldFiles()) {
      const { site } = demo.pages.find((p) => p.source.endsWith(gold.file))!;
      const page = await open(site);
      const tabId = await tabIdOf(demo, page.url());
      const painted = (kind: 'actor' | 'quote' | 'figure') => paintedIdsOn(demo, page, tabId, kind);
      const wanted = gold.actors.map((a) => idFor(dict, a.name, a.aka));
      // Long articles are highlighted in slices: wait for the last one rather than a fixed time.
      const missing = async () => {
        const ids = await painted('actor');
        return wanted.filter((id) => !ids.includes(id));
      };
      await expect.poll(missing, { timeout: 15_000 }).toEqual([]);
      expect((await painted('quote')).length, site).toBeGreaterThanOrEqual(gold.quotes.length - 1);
      expect((await painted('figure')).length, site).toBeGreaterThanOrEqual(gold.figures.length);
      await page.close();
    }
  });

  it('opens a card on hover over an actor, with what the other outlets wrote and not this page', async () => {
    const page = await open('CBC News');
    const tabId = await tabIdOf(demo, page.url());
    const lavrov = paintedSpot(await page.evaluate(paintedRanges), 'crosswire-actor', 'Sergey Lavrov');
    const point = (await page.evaluate(pointOnPainted, lavrov!))!;
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => cardText(demo, tabId), { timeout: 10_000 }).toContain('Voice of America');
    const text = await cardText(demo, tabId);
    expect(text).toContain('Sergey Lavrov');
    expect(text).toContain('RT');
    expect(text).toContain('Her Russian counterpart, Sergei Lavrov, agreed');
    expect(text).not.toContain('CBC News');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(demo, tabId)).toBe('');
    await page.close();
  });

  it('leaves a site the reader switched off alone, until asked', async () => {
    await ask(demo, { type: 'set-settings', settings: { disabledSites: ['www.rt.com'] } });
    try {
      const page = await demo.firefox.browser.newPage();
      await page.goto(demo.pages.find((p) => p.site === 'RT')!.url);
      const tabId = await tabIdOf(demo, page.url());
      // The content script has started, and found the site off.
      await page.waitForFunction(() => performance.getEntriesByName('crosswire:start').length > 0);
      await new Promise((done) => setTimeout(done, 1000)); // time to paint, were it going to
      expect(await paintedIdsOn(demo, page, tabId, 'actor')).toEqual([]);
      await tellTab(demo, tabId, { type: 'crosswire-highlights', on: true });
      await expect.poll(() => paintedIdsOn(demo, page, tabId, 'actor'), { timeout: 15_000 }).toContain('sergey-lavrov');
      await page.close();
    } finally {
      await ask(demo, { type: 'set-settings', settings: { disabledSites: [] } });
    }
  });

  it('highlights an article the page does not mark up, found by the extractor the background runs in the tab', async () => {
    const page = await demo.firefox.browser.newPage();
    page.on('pageerror', (e) => errors.push(`unmarked: ${(e as Error).message}`));
    await page.goto(`https://${UNMARKED}`);
    const tabId = await tabIdOf(demo, page.url());
    const dict = defaultDictionary();
    const [lavrov, ban, china] = ['Sergey Lavrov', 'Ban Ki-moon', 'China'].map((name) => idFor(dict, name));
    await expect
      .poll(() => paintedIdsOn(demo, page, tabId, 'actor'), { timeout: 20_000 })
      .toEqual(expect.arrayContaining([lavrov, ban]));
    // The article's own text only: China is named in the links beside it.
    expect(await paintedIdsOn(demo, page, tabId, 'actor')).not.toContain(china);
    const tasks = await page.evaluate(() =>
      performance.getEntriesByName('crosswire:task').map((e) => String((e as PerformanceMeasure).detail)),
    );
    expect(tasks).toContain('extract');
    await page.close();
  });

  it('raises no errors on the pages', () => {
    expect(errors).toEqual([]);
  });
});
