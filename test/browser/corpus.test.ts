// The corpus in the real extension: after installation the background has seeded
// IndexedDB in the extension's own origin with the bundled articles, and answers every
// corpus query over runtime messages. Needs a Chromium (see chromium.ts).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, ensureBuilt } from '../ensure-built';
import { launchWithExtension, type LoadedExtension } from '../../src/demo/chromium';
import { SYRIA_TOLL } from '../fixtures/seed-figures';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

let extension: LoadedExtension;
let page: Page;

/** Send a request from an extension page, as the popup does. */
const ask = (request: unknown) =>
  page.evaluate((r) => chrome.runtime.sendMessage(r), request) as Promise<{ ok: boolean; value?: any; error?: string }>;

beforeAll(async () => {
  ensureBuilt();
  extension = await launchWithExtension(join(DIST, 'chrome'));
  page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  // Seeding runs when the background starts; corpus-status waits for it.
  expect(await ask({ type: 'corpus-status' })).toMatchObject({ ok: true, value: { articles: 3, bundled: 3, user: 0 } });
});

afterAll(async () => {
  await extension?.close();
});

describe('the corpus in Chromium', () => {
  it('keeps the three bundled articles in IndexedDB in the extension’s origin', async () => {
    // Extension pages share the background's origin, so this page can read the database directly.
    const stored = await page.evaluate(
      () =>
        new Promise<{ outlet: string; published: string; headline: string | null }[]>((resolve, reject) => {
          const open = indexedDB.open('crosswire');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('articles').objectStore('articles').getAll();
            all.onsuccess = () =>
              resolve(
                all.result.map((a: { outlet: string; published: string; headline: string | null }) => ({
                  outlet: a.outlet,
                  published: a.published,
                  headline: a.headline,
                })),
              );
          };
        }),
    );
    expect(stored.sort((a, b) => a.outlet.localeCompare(b.outlet))).toEqual([
      { outlet: 'cbc.ca', published: '2012-03-12', headline: 'U.S., Russia split over Syrian killings at UN talks' },
      { outlet: 'rt.com', published: '2011-09-20', headline: 'Lavrov rebuffs Clinton call to turn screw on Syria' },
      { outlet: 'voanews.com', published: '2012-03-12', headline: null },
    ]);
  });

  it('answers every query over messages', async () => {
    const mentions = await ask({ type: 'mentions-of', actorId: 'sergey-lavrov' });
    expect(mentions.ok && mentions.value.map((g: { outlet: { id: string } }) => g.outlet.id).sort()).toEqual([
      'cbc.ca',
      'rt.com',
      'voanews.com',
    ]);

    const figures = await ask({ type: 'figures-like', figure: SYRIA_TOLL });
    expect(figures).toMatchObject({ ok: true, value: { verdict: 'differ-dates-explain' } });

    const quotes = await ask({ type: 'quotes-like', text: 'bear a huge share of responsibility' });
    expect(quotes.ok && quotes.value.map((q: { outlet: string }) => q.outlet).sort()).toEqual([
      'cbc.ca',
      'voanews.com',
    ]);

    // A page is referred to by its id: here the stored VOA article, as the popup would for its tab's reading.
    const listed = await ask({ type: 'list-articles', query: 'voanews' });
    const voa = listed.value.items.find((i: { outlet: { id: string } }) => i.outlet.id === 'voanews.com').articleId;
    const story = await ask({ type: 'story-match', articleId: voa });
    expect(
      story.ok && story.value.map((m: { outlet: string; label: string }) => `${m.outlet}: ${m.label}`).sort(),
    ).toEqual(['cbc.ca: same event', 'rt.com: related earlier event']);

    const gaps = await ask({ type: 'coverage-gaps', articleId: voa });
    expect(gaps).toMatchObject({ ok: true, value: { missing: { actors: expect.any(Array) } } });
  });

  it('adds only a page it has read, and imports a file', async () => {
    expect(await ask({ type: 'add-page', articleId: 'a-000000000000' })).toEqual({
      ok: false,
      error: 'no page or article a-000000000000',
    });
    const broken = await ask({ type: 'import-articles', data: '{"text": "x"}\nnot json', format: 'jsonl' });
    expect(broken).toMatchObject({ ok: false, error: expect.stringMatching(/^line 2: not valid JSON/) });
    expect(await ask({ type: 'corpus-status' })).toMatchObject({ ok: true, value: { articles: 3, user: 0 } });
  });

  it('keeps the opt-in on the options page, and the popup explains a page it cannot read, offering no "Add"', async () => {
    const options = await page.context().newPage();
    await options.goto(page.url().replace('popup.html', 'options.html'));
    const remember = () => options.getByRole('checkbox', { name: 'Remember every article I read on enabled sites' });
    await remember().waitFor({ timeout: 15_000 });
    await expect.poll(() => remember().isDisabled()).toBe(false);
    expect(await remember().isChecked()).toBe(false);
    await remember().check();
    await options.reload();
    await remember().waitFor();
    await expect.poll(() => remember().isChecked()).toBe(true);
    await options.close();
    // Opened as a tab, the popup is itself the active tab: an extension page, which no extension may script.
    await page.reload();
    await page.getByText(/\d+ articles to compare with/).waitFor({ timeout: 15_000 });
    await page
      .getByRole('alert')
      .getByText(/^Crosswire cannot read this page/)
      .waitFor({ timeout: 15_000 });
    // A page it cannot read is not offered to the corpus.
    expect(await page.getByRole('button', { name: 'Add this page to the corpus' }).count()).toBe(0);
  });
});
