// The popup as a reader uses it, opened as a page for a tab showing each demo article
// (`popup.html?tab=ID`: the toolbar's popup reads the active tab the same way). Checks each
// view against the gold annotations of the seed articles and keeps screenshots of every
// view, on the CBC page and on a page the corpus does not hold (Al Jazeera), under
// out/screenshots/.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDictionary } from '../../src/core/actors/load';
import { goldFiles, idFor } from '../core/gold';
import { axeViolations } from './axe';
import { startDemoBrowser, type DemoBrowser } from './demo-browser';

declare const chrome: {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: any; error?: string }> };
};

let demo: DemoBrowser;
const SHOTS = 'out/screenshots';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  demo = await startDemoBrowser();
});

afterAll(async () => {
  await demo?.close();
});

/** A tab on a demo page, and the popup opened for it, once the page has been read. */
async function popupFor(site: string): Promise<{ article: Page; popup: Page }> {
  const { url } = demo.pages.find((p) => p.site === site)!;
  const article = await demo.extension.context.newPage();
  await article.goto(url);
  const [tab] = await demo.extension.worker.evaluate((u) => chrome.tabs.query({ url: u }), url);
  const popup = await demo.extension.context.newPage();
  await popup.setViewportSize({ width: 760, height: 900 });
  await popup.goto(`chrome-extension://${demo.extension.extensionId}/popup.html?tab=${tab!.id}`);
  await popup.getByRole('tablist').waitFor({ timeout: 20_000 });
  return { article, popup };
}

const tab = (popup: Page, name: RegExp) => popup.getByRole('tab', { name });
const panel = (popup: Page) => popup.getByRole('tabpanel');

describe('the popup on the CBC article (in the corpus)', () => {
  let popup: Page;
  beforeAll(async () => {
    ({ popup } = await popupFor('CBC News'));
  });

  it('names the page and lists the other outlets’ versions, ranked and labelled, with why they matched', async () => {
    await expect.poll(() => panel(popup).innerText(), { timeout: 15_000 }).toContain('Voice of America');
    const text = await panel(popup).innerText();
    expect(await popup.locator('.page-line').innerText()).toContain('CBC News');
    expect(text).toMatch(/Same event\s+Voice of America\s+2012-03-12/);
    expect(text).toMatch(/Related earlier event\s+RT\s+2011-09-20/);
    expect(text.indexOf('Voice of America')).toBeLessThan(text.indexOf('RT'));
    expect(text).toContain('Lavrov rebuffs Clinton call to turn screw on Syria');
    expect(text).toMatch(/\d+ shared actors, weightiest first: /);
    // CBC is this page: it is not another outlet.
    expect(text).not.toContain('CBC News');
    await popup.screenshot({ path: `${SHOTS}/popup-cbc-story.png`, fullPage: true });
  });

  it('lists every actor of the gold annotations, with other outlets’ sentences and their spellings', async () => {
    await tab(popup, /^Actors/).click();
    const dict = defaultDictionary();
    const gold = goldFiles().find((g) => g.gold.outlet === 'CBC News')!.gold;
    const listed = await popup.locator('.actor summary strong').allInnerTexts();
    const labels = gold.actors.map((a) => dict.byId.get(idFor(dict, a.name, a.aka))?.name ?? a.name);
    expect(labels.filter((l) => !listed.includes(l))).toEqual([]);
    const lavrov = popup
      .locator('.actor')
      .filter({ has: popup.locator('summary strong', { hasText: /^Sergey Lavrov$/ }) });
    await expect
      .poll(() => lavrov.locator('summary').innerText(), { timeout: 10_000 })
      .toContain('spelled differently by Voice of America');
    await lavrov.locator('summary').click();
    await expect
      .poll(() => lavrov.innerText())
      .toContain('Voice of America spells it “Sergei Lavrov” (here: “Sergey Lavrov”');
    expect(await lavrov.innerText()).toContain('Her Russian counterpart, Sergei Lavrov, agreed');
    await popup.screenshot({ path: `${SHOTS}/popup-cbc-actors.png`, fullPage: true });
  });

  it('tabulates each gold figure with the other outlets’ values, a cumulative toll as a series over time', async () => {
    await tab(popup, /^Figures/).click();
    const gold = goldFiles().find((g) => g.gold.outlet === 'CBC News')!.gold;
    const table = popup.locator('table.figures');
    await expect.poll(() => table.innerText(), { timeout: 10_000 }).not.toContain('Looking…');
    const text = await table.innerText();
    for (const f of gold.figures) expect(text, f.surface).toContain(f.surface);
    const toll = table.locator('tr', { hasText: 'over 7,500 people' });
    // Oldest first: RT's toll of September 2011, then this page's and VOA's of March 2012.
    const series = await toll.locator('ol.series').innerText();
    expect(series).toMatch(/RT\s+2011-09-20: 2,700 people[\s\S]*This page\s+2012-03-12: over 7,500 people \(grew\)/);
    expect(series).toMatch(/Voice of America\s+2012-03-12: 7,500 people[^\n]*\(same\)/);
    expect(await toll.innerText()).toContain('growth, not a contradiction');
    await popup.screenshot({ path: `${SHOTS}/popup-cbc-figures.png`, fullPage: true });
  });

  it('shows each gold quote with its speaker and, per version, verbatim, reworded or absent', async () => {
    await tab(popup, /^Quotes/).click();
    const gold = goldFiles().find((g) => g.gold.outlet === 'CBC News')!.gold;
    const items = popup.locator('.quote-item');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const text = await panel(popup).innerText();
    const missing = gold.quotes.filter((q) => !text.includes(q.text.slice(0, 40)));
    expect(missing.length).toBeLessThanOrEqual(1);
    const share = items.filter({ hasText: 'bear a huge share of responsibility' }).first();
    await expect
      .poll(() => share.innerText(), { timeout: 10_000 })
      .toMatch(/Voice of America\s+2012-03-12: (verbatim|reworded|in part)/);
    expect(await share.innerText()).toContain('Sergey Lavrov');
    const complex = items.filter({ hasText: 'This a very complex situation' }).first();
    await expect.poll(() => complex.innerText()).toMatch(/Voice of America\s+2012-03-12: absent/);
    await popup.screenshot({ path: `${SHOTS}/popup-cbc-quotes.png`, fullPage: true });
  });

  it('says, per version of the event, what it carries that the page leaves out and the reverse', async () => {
    await tab(popup, /^Left out/).click();
    const voa = popup.locator('section.gap-version', {
      has: popup.getByRole('heading', { name: /^Voice of America/ }),
    });
    await voa.waitFor({ timeout: 10_000 });
    const text = await voa.innerText();
    expect(text).toMatch(/In Voice of America, not on this page[\s\S]*On this page, not in Voice of America/);
    // CBC's own: Canada's aid, announced by Bev Oda, is in no other version.
    expect(text.slice(text.indexOf('On this page, not in'))).toContain('Bev Oda');
    await popup.screenshot({ path: `${SHOTS}/popup-cbc-left-out.png`, fullPage: true });
    const actorsHere = Number(/of this page’s (\d+) actors/.exec(text)?.[1]);
    await tab(popup, /^Actors/).click();
    expect(await popup.locator('.actor').count()).toBe(actorsHere);
  });

  it('reads two versions side by side, paragraphs aligned, shared facts marked', async () => {
    await tab(popup, /^Compare/).click();
    const table = popup.locator('table.side-by-side');
    await table.waitFor({ timeout: 10_000 });
    expect(await table.locator('thead').innerText()).toMatch(
      /This page \(CBC News, 2012-03-12\)\s+Voice of America, 2012-03-12/,
    );
    expect(await table.locator('mark.shared-actor', { hasText: 'Lavrov' }).count()).toBeGreaterThan(1);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(10);
    await popup.getByLabel('Right').selectOption({ label: 'RT, 2011-09-20' });
    await expect.poll(() => table.locator('thead').innerText()).toContain('RT, 2011-09-20');
    await popup.screenshot({ path: `${SHOTS}/popup-cbc-compare.png`, fullPage: true });
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations in any view (${scheme} system theme)`, async () => {
      await popup.emulateMedia({ colorScheme: scheme });
      for (const name of [/^Story/, /^Actors/, /^Figures/, /^Quotes/, /^Left out/, /^Compare/, /^Notes/]) {
        await tab(popup, name).click();
        await expect
          .poll(async () => (await panel(popup).innerText()).includes('Looking'), { timeout: 10_000 })
          .toBe(false);
        // An open actor, so its details are checked too.
        if (String(name) === String(/^Actors/)) await popup.locator('.actor summary').first().click();
        expect(await axeViolations(popup), String(name)).toEqual([]);
      }
      if (scheme === 'dark') await popup.screenshot({ path: `${SHOTS}/popup-cbc-compare-dark.png`, fullPage: true });
      await popup.emulateMedia({ colorScheme: 'light' });
    });
  }

  it('moves between views with the arrow keys', async () => {
    await tab(popup, /^Story/).click();
    await popup.keyboard.press('ArrowRight');
    expect(await tab(popup, /^Actors/).getAttribute('aria-selected')).toBe('true');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('tab-actors');
    await popup.keyboard.press('End');
    expect(await tab(popup, /^Notes/).getAttribute('aria-selected')).toBe('true');
  });
});

describe('the popup on an Al Jazeera article the corpus does not hold', () => {
  let popup: Page;
  beforeAll(async () => {
    ({ popup } = await popupFor('Al Jazeera'));
  });

  it('finds the stored versions of the same story and every view says something', async () => {
    await expect.poll(() => panel(popup).innerText(), { timeout: 15_000 }).toContain('CBC News');
    expect(await popup.locator('.page-line').innerText()).toContain('Al Jazeera');
    await popup.screenshot({ path: `${SHOTS}/popup-aljazeera-story.png`, fullPage: true });
    for (const [name, shot] of [
      [/^Actors/, 'actors'],
      [/^Figures/, 'figures'],
      [/^Quotes/, 'quotes'],
      [/^Compare/, 'compare'],
    ] as const) {
      await tab(popup, name).click();
      await expect
        .poll(async () => (await panel(popup).innerText()).trim().length, { timeout: 10_000 })
        .toBeGreaterThan(20);
      await popup.waitForTimeout(400);
      await popup.screenshot({ path: `${SHOTS}/popup-aljazeera-${shot}.png`, fullPage: true });
    }
  });

  it('lists a version added to the corpus after the page was read (its story was worked out before)', async () => {
    const ask = (request: unknown) => popup.evaluate((r) => chrome.runtime.sendMessage(r), request);
    const tabId = Number(new URL(popup.url()).searchParams.get('tab'));
    const page = await ask({ type: 'page-of-tab', tabId });
    const read = await ask({ type: 'article-text', articleId: page.value.articleId });
    // A wire service's copy of the same article, imported while the page is open.
    const copy = { text: read.value.text, url: 'https://www.example-wire.org/world/syria-un', published: '2012-03-12' };
    expect(await ask({ type: 'import-articles', data: JSON.stringify(copy), format: 'jsonl' })).toMatchObject({
      ok: true,
      value: { added: [expect.any(String)] },
    });
    await popup.reload();
    await expect.poll(() => panel(popup).innerText(), { timeout: 15_000 }).toContain('example-wire.org');
    expect(await panel(popup).innerText()).toMatch(/Syndicated copy of the same wire story\s+example-wire\.org/);
  });
});
