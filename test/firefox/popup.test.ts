// The popup in real Firefox, opened as a page for the tab showing the CBC demo article
// (`popup.html?tab=ID`, as in test/browser/popup.test.ts): the story, actors and figures views
// against the gold annotations of that seed article.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDictionary } from '../../src/core/actors/load';
import { goldFiles, idFor } from '../core/gold';
import { openArticle, openExtensionPage, startDemoFirefox, tabIdOf, type DemoFirefox } from './demo-firefox';

let demo: DemoFirefox;
let popup: Page;
const cbcGold = () => goldFiles().find((g) => g.gold.outlet === 'CBC News')!.gold;

beforeAll(async () => {
  demo = await startDemoFirefox();
  const article = await openArticle(demo, 'CBC News');
  popup = await openExtensionPage(demo.firefox, `popup.html?tab=${await tabIdOf(demo, article.url())}`);
  await popup.waitForSelector('[role="tablist"]', { timeout: 20_000 });
});

afterAll(async () => {
  await demo?.close();
});

const innerText = (page: Page, selector: string) =>
  page.$eval(selector, (e) => (e as HTMLElement).innerText).catch(() => '');

/** Select the popup's view whose tab label starts with `name`. */
async function showView(name: string): Promise<void> {
  await popup.evaluate((n) => {
    const tab = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.innerText.startsWith(n));
    tab?.click();
  }, name);
  await expect.poll(() => innerText(popup, '[role="tab"][aria-selected="true"]')).toMatch(new RegExp(`^${name}`));
}

describe('the popup in Firefox, on the CBC article', () => {
  it('names the page and lists the other outlets’ versions of the story', async () => {
    await expect.poll(() => innerText(popup, '[role="tabpanel"]'), { timeout: 15_000 }).toContain('Voice of America');
    const text = await innerText(popup, '[role="tabpanel"]');
    expect(await innerText(popup, '.page-line')).toContain('CBC News');
    expect(text).toMatch(/Same event\s+Voice of America\s+2012-03-12/);
    expect(text).toMatch(/Related earlier event\s+RT\s+2011-09-20/);
    expect(text).not.toContain('CBC News');
  });

  it('lists every actor of the gold annotations', async () => {
    await showView('Actors');
    const dict = defaultDictionary();
    const labels = cbcGold().actors.map((a) => dict.byId.get(idFor(dict, a.name, a.aka))?.name ?? a.name);
    const listed = () => popup.$$eval('.actor summary strong', (els) => els.map((e) => (e as HTMLElement).innerText));
    const missing = async () => {
      const shown = await listed();
      return labels.filter((l) => !shown.includes(l));
    };
    await expect.poll(missing, { timeout: 10_000 }).toEqual([]);
  });

  it('tabulates each gold figure with the other outlets’ values, a cumulative toll as a series over time', async () => {
    await showView('Figures');
    await expect.poll(() => innerText(popup, 'table.figures'), { timeout: 10_000 }).toContain('(grew)');
    const text = await innerText(popup, 'table.figures');
    for (const f of cbcGold().figures) expect(text, f.surface).toContain(f.surface);
    // Oldest first: RT's toll of September 2011, then this page's of March 2012, grown.
    expect(text).toMatch(/RT\s+2011-09-20: 2,700 people[\s\S]*This page\s+2012-03-12: over 7,500 people \(grew\)/);
  });
});
