// The options page in real Chromium against the real background: the bundled corpus listed,
// an actor search, an import through the file input, an export downloaded to disk, axe-core finding
// nothing wrong in the light and dark system themes, a removal, an export of several pages, and a
// backup of everything restored in a fresh profile.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FEEDS } from '../../src/core/feeds';
import { DIST, ensureBuilt } from '../ensure-built';
import type { LoadedExtension } from '../../src/demo/chromium';
import { launchWithExtension } from '../../src/demo/chromium';
import { axeViolations } from './axe';
import { syntheticArticles } from '../bench/synthetic-corpus';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const ANNAN = [
  {
    text: 'Kofi Annan met Bashar al-Assad in Damascus on Saturday. The United Nations says more than 7,500 people have been killed.',
    url: 'https://www.reuters.com/world/annan-assad',
    headline: 'Annan meets Assad',
    published: '2012-03-10',
  },
];

let extension: LoadedExtension;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureBuilt();
  extension = await launchWithExtension(join(DIST, 'chrome'));
  page = await extension.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`chrome-extension://${extension.extensionId}/options.html`);
});

afterAll(async () => {
  await extension?.close();
});

const summary = () => page.locator('.summary');
const rows = () => page.locator('li.article');
const outlets = () => rows().locator('.meta > span:first-child').allTextContents();

describe('the options page in Chromium', () => {
  it('lists the three bundled articles', async () => {
    await summary().getByText('Showing 1–3 of 3').waitFor({ timeout: 20_000 });
    expect((await outlets()).sort()).toEqual(['CBC News', 'RT', 'Voice of America']);
    expect(await rows().locator('.badge').allTextContents()).toEqual(['Bundled', 'Bundled', 'Bundled']);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Crosswire options');
    expect(await page.getByText('Crosswire runs on all its default news sites.').count()).toBe(1);
    expect(await page.getByLabel('Remember every article I read on enabled sites').isChecked()).toBe(false);
  });

  it('shows following the news off, with the default feeds listed and none fetched', async () => {
    const following = page.getByRole('checkbox', { name: 'Follow the news from the feeds below' });
    await following.waitFor({ timeout: 20_000 });
    expect(await following.isChecked()).toBe(false);
    const feeds = page.getByRole('list', { name: 'Feeds followed' }).getByRole('listitem');
    expect(await feeds.count()).toBe(DEFAULT_FEEDS.length);
    expect(await feeds.filter({ hasText: 'Not fetched yet.' }).count()).toBe(DEFAULT_FEEDS.length);
    expect(await page.getByRole('button', { name: 'Check now' }).getAttribute('aria-disabled')).toBe('true');
    expect(await page.getByText(/^The corpus holds 0 entries from feeds and shared corpora\./).count()).toBe(1);
  });

  it('reads "Lavrov" as the actor and lists the articles naming him', async () => {
    await page.getByLabel('Search by actor or words').fill('Lavrov');
    await page.getByRole('button', { name: 'Search' }).click();
    await summary().getByText('Articles naming Sergey Lavrov').waitFor({ timeout: 10_000 });
    expect(await summary().textContent()).toBe('Articles naming Sergey LavrovShowing 1–3 of 3');
    expect(await rows().count()).toBe(3);
    await page.getByLabel('Search by actor or words').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    await summary().getByText('Showing 1–3 of 3', { exact: true }).waitFor();
  });

  it('imports a JSON file through the file input and lists it as added by the user', async () => {
    await page
      .getByLabel('Import articles (JSON or JSON Lines)')
      .setInputFiles({ name: 'annan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ANNAN)) });
    await page.getByText('Imported 1 article.').waitFor({ timeout: 20_000 });
    await summary().getByText('Showing 1–4 of 4').waitFor();
    const annan = rows().filter({ hasText: 'Annan meets Assad' });
    expect(await annan.locator('.badge').textContent()).toBe('Added by you');
    expect(await annan.getByRole('link').getAttribute('href')).toBe(ANNAN[0]!.url);
    expect(await page.getByRole('group', { name: 'Export to a file' }).textContent()).toContain('Articles I added (1)');
  });

  it('exports the articles I added as a downloaded file', async () => {
    await page.getByLabel(/Articles I added/).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^crosswire-articles-\d{4}-\d{2}-\d{2}\.jsonl$/);
    const saved = jsonLines(readFileSync(await download.path(), 'utf8'));
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject(ANNAN[0]!);
    await page.getByText(`Exported 1 article to ${download.suggestedFilename()}.`).waitFor();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no axe violations (${colorScheme} system theme)`, async () => {
      await page.emulateMedia({ colorScheme });
      // With the user's article listed and a confirm step open, so their markup is checked too.
      await rows()
        .first()
        .getByRole('button', { name: /^Remove/ })
        .click();
      const found = await axeViolations(page);
      mkdirSync('out/screenshots', { recursive: true });
      await page.screenshot({ path: `out/screenshots/options-${colorScheme}.png`, fullPage: true });
      await rows().first().getByRole('button', { name: 'Cancel' }).click();
      expect(found).toEqual([]);
    });
  }

  it('removes the imported article after confirming, and says so', async () => {
    // By keyboard alone: Enter asks, Escape takes it back, and the focus follows.
    const annan = rows().filter({ hasText: 'Annan meets Assad' });
    await annan.getByRole('button', { name: 'Remove Annan meets Assad' }).focus();
    await page.keyboard.press('Enter');
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    expect(await focused()).toBe('Cancel');
    await page.keyboard.press('Escape');
    expect(await focused()).toBe('Remove Annan meets Assad');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Yes, remove');
    await page.keyboard.press('Enter');
    await page
      .getByText('Removed “Annan meets Assad” (Reuters, 10 March 2012) from the corpus.')
      .waitFor({ timeout: 10_000 });
    await summary().getByText('Showing 1–3 of 3').waitFor();
    expect(await rows().filter({ hasText: 'Annan meets Assad' }).count()).toBe(0);
    expect(await focused()).toBe('Removed “Annan meets Assad” (Reuters, 10 March 2012) from the corpus.');
    expect(pageErrors).toEqual([]);
  });

  it('exports a corpus of several pages whole, as JSON Lines the import reads back', async () => {
    // More than one page of the export (200 articles): added as the bench adds them.
    const records = syntheticArticles(450, 0);
    const reply = await page.evaluate(
      (data) => chrome.runtime.sendMessage({ type: 'import-articles', data, format: 'jsonl' }),
      records.map((r) => JSON.stringify(r)).join('\n'),
    );
    expect(reply).toMatchObject({ ok: true });
    await page.reload();
    await page.getByLabel(/All articles/).check();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    const file = readFileSync(await download.path(), 'utf8');
    const saved = jsonLines(file);
    expect(saved).toHaveLength(453);
    expect(new Set(saved.map((r) => r.url)).size).toBe(453);
    expect(saved.map((r) => r.url)).toEqual(expect.arrayContaining(records.map((r) => r.url)));
    await page.getByText(`Exported 453 articles to ${download.suggestedFilename()}.`).waitFor();
    // Imported again, every line is read, and each is already in the corpus.
    await page.getByLabel('Import articles (JSON or JSON Lines)').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(file),
    });
    await page.getByText(/^No new articles were imported\. Skipped 453 articles:/).waitFor({ timeout: 60_000 });
    expect(pageErrors).toEqual([]);
  });

  it('backs up everything in one JSON Lines file that a fresh profile restores', async () => {
    // The 450 articles added above, and a setting.
    const set = await page.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'set-settings', settings: { disabledSites: ['www.rt.com'] } }),
    );
    expect(set).toMatchObject({ ok: true });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Back up everything' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^crosswire-backup-\d{4}-\d{2}-\d{2}\.jsonl$/);
    const file = readFileSync(await download.path(), 'utf8');
    const [header, ...articles] = jsonLines(file);
    expect(header).toMatchObject({ format: 'crosswire-backup', version: 2, articles: 450 });
    expect(articles).toHaveLength(450);
    await page.getByText(`Saved ${download.suggestedFilename()} (0 notes and 450 articles).`).waitFor();
    // Another browser profile restores it: the articles in parts, then the settings.
    const fresh = await launchWithExtension(join(DIST, 'chrome'));
    try {
      const other = await fresh.context.newPage();
      await other.goto(`chrome-extension://${fresh.extensionId}/options.html`);
      await other.getByLabel('Import notes or restore a backup').setInputFiles({
        name: download.suggestedFilename(),
        mimeType: 'application/x-ndjson',
        buffer: Buffer.from(file),
      });
      await other.getByText('Crosswire backup: imported 0 notes and 450 articles.').waitFor({ timeout: 60_000 });
      const status = await other.evaluate(() => chrome.runtime.sendMessage({ type: 'corpus-status' }));
      expect(status).toMatchObject({ ok: true, value: { user: 450 } });
      const settings = await other.evaluate(() => chrome.runtime.sendMessage({ type: 'get-settings' }));
      expect(settings).toMatchObject({ ok: true, value: { disabledSites: ['www.rt.com'] } });
    } finally {
      await fresh.close();
    }
    expect(pageErrors).toEqual([]);
  });
});

/** The records of a JSON Lines file. */
const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
