// The reader's notes end to end in Chromium: a note made on selected text of the CBC demo
// article (the same path as the context menu and the shortcut), typed in the card's form by
// keyboard, stored by the background, painted on the page (the `crosswire-note` highlight)
// and placed again after a reload; a note on a highlight the keyboard list selected;
// listed in the popup; then exported from the options page as a downloaded JSON-LD file,
// wiped, and imported from that file: the stored note is identical.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillNoteForm } from '../note-form';
import { focusPageEnd, paintedRanges, paintedSpot, pointOnPainted, selectOption } from '../painted';
import { cardMarkup, openCbcArticle, startDemoBrowser, type DemoBrowser } from './demo-browser';

declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<any> };
  tabs: {
    query(q: { url: string }): Promise<{ id?: number }[]>;
    sendMessage(id: number, m: unknown): Promise<unknown>;
  };
};

let demo: DemoBrowser;
let article: Page;
let extensionPage: Page;
let tabId: number;
const ask = (request: unknown) => extensionPage.evaluate((r) => chrome.runtime.sendMessage(r), request);
const SENTENCE = 'both called for an end to the bloody yearlong conflict';

beforeAll(async () => {
  demo = await startDemoBrowser();
  article = await openCbcArticle(demo);
  extensionPage = await demo.extension.context.newPage();
  await extensionPage.goto(`chrome-extension://${demo.extension.extensionId}/options.html`);
  const [tab] = await demo.extension.worker.evaluate((u) => chrome.tabs.query({ url: u }), article.url());
  tabId = tab!.id!;
});

afterAll(async () => {
  await demo?.close();
});

/** Select `words` in the article, as a reader's drag would. */
const select = (page: Page, words: string) =>
  page.evaluate((w) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.nodeValue!.indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return true;
    }
    return false;
  }, words);

/** The text of each painted note range on `page`. */
const noteTexts = async (page: Page) =>
  (await page.evaluate(paintedRanges)).filter((r) => r.name === 'crosswire-note').map((r) => r.text);

/** Open the keyboard list (Tab from the end of the page, Enter) and select the option `wanted`. */
async function selectInList(page: Page, wanted: RegExp): Promise<void> {
  await page.evaluate(focusPageEnd);
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.activeElement?.tagName.startsWith('CROSSWIRE-CARD-HOST-') === true);
  await page.keyboard.press('Enter');
  await selectOption(
    () => cardMarkup(page, false, 'control'),
    (key) => page.keyboard.press(key),
    wanted,
  );
}

const notesOnPage = () =>
  ask({ type: 'notes-for', articleId: 'a-afad0e49e896' }) as Promise<{ ok: boolean; value: any[] }>;

describe('notes in the browser', () => {
  it('makes a note on selected text by keyboard, stores it, and marks it', async () => {
    expect(await select(article, SENTENCE)).toBe(true);
    // The content script answers once its notes are loaded; ask as the context menu does.
    await expect
      .poll(
        () =>
          demo.extension.worker.evaluate(
            (id) => chrome.tabs.sendMessage(id, { type: 'crosswire-note-selection' }),
            tabId,
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    // The form takes the focus (inside our closed shadow root, so the page sees our host focused).
    await article.waitForFunction(() => document.activeElement?.tagName.startsWith('CROSSWIRE-CARD-HOST-') === true);
    await fillNoteForm(article.keyboard, {
      note: 'Check this against VOA <b>not bold</b>',
      tags: 'conflict, to check',
      stance: 'Disputed',
    });
    await expect.poll(async () => (await notesOnPage()).value.length, { timeout: 10_000 }).toBe(1);
    const [note] = (await notesOnPage()).value;
    expect(note).toMatchObject({
      note: 'Check this against VOA <b>not bold</b>',
      tags: ['conflict', 'to check'],
      stance: 'disputed',
      motivation: 'commenting',
      target: { exact: SENTENCE },
      highlight: null,
      canonicalUrl: article.url().replace('://www.', '://'),
    });
    await expect.poll(() => noteTexts(article)).toContain(SENTENCE);
  });

  it('places the note again after a reload, and lists it in the popup', async () => {
    await article.reload();
    await expect.poll(() => noteTexts(article), { timeout: 20_000 }).not.toEqual([]);
    expect((await noteTexts(article)).join('')).toBe(SENTENCE);
    const popup = await demo.extension.context.newPage();
    await popup.goto(`chrome-extension://${demo.extension.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('tab', { name: /^Notes/ }).click({ timeout: 20_000 });
    await expect
      .poll(() => popup.getByRole('tabpanel').innerText(), { timeout: 10_000 })
      .toContain('Check this against VOA <b>not bold</b>');
    await popup.close();
  });

  it('takes a note on a highlight by keyboard, and shows it in that highlight’s card', async () => {
    await article.evaluate(() => getSelection()!.removeAllRanges());
    await selectInList(article, /^over 7,500 people: figure/);
    expect(
      await demo.extension.worker.evaluate(
        (id) => chrome.tabs.sendMessage(id, { type: 'crosswire-note-selection' }),
        tabId,
      ),
    ).toBe(true);
    await article.waitForFunction(() => document.activeElement?.tagName.startsWith('CROSSWIRE-CARD-HOST-') === true);
    await article.keyboard.type('RT gives 2,700 for September 2011');
    for (let i = 0; i < 3; i++) await article.keyboard.press('Tab');
    await article.keyboard.press('Enter');
    await expect.poll(async () => (await notesOnPage()).value.length, { timeout: 10_000 }).toBe(2);
    const note = (await notesOnPage()).value.find((n) => n.note.startsWith('RT gives'));
    expect(note).toMatchObject({
      highlight: { kind: 'figure' },
      target: { exact: 'over 7,500 people' },
      stance: null,
      tags: [],
    });
    // The highlight's card lists it, hovered once the keyboard list is closed.
    await article.keyboard.press('Escape');
    await expect.poll(() => cardMarkup(article, false)).not.toContain('role="dialog"');
    await article.mouse.move(0, 0);
    const toll = paintedSpot(await article.evaluate(paintedRanges), 'crosswire-figure', 'over 7,500 people');
    const point = (await article.evaluate(pointOnPainted, toll!))!;
    await article.mouse.move(point.x, point.y);
    await expect
      .poll(() => cardMarkup(article, false), { timeout: 10_000 })
      .toContain('RT gives 2,700 for September 2011');
    await article.keyboard.press('Escape');
  });

  it('shows the notes on the same article reached through another URL', async () => {
    const other = await demo.extension.context.newPage();
    await other.goto(`${article.url()}?utm_source=newsletter#comments`);
    await expect.poll(async () => (await noteTexts(other)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(await noteTexts(other)).toEqual(expect.arrayContaining([SENTENCE, 'over 7,500 people']));
    await other.close();
  });

  it('exports this page’s notes from the popup as a CSV file', async () => {
    const popup = await demo.extension.context.newPage();
    await popup.goto(`chrome-extension://${demo.extension.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('tab', { name: /^Notes/ }).click({ timeout: 20_000 });
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Notes as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('crosswire-cbc.ca-2012-03-12-notes.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^id,created,modified,url/);
    expect(csv).toContain('RT gives 2,700 for September 2011');
    await popup.close();
  });

  it('exports from the options page to a file, and importing it after a wipe gives the same note', async () => {
    const before = (await notesOnPage()).value;
    await extensionPage.reload();
    const [download] = await Promise.all([
      extensionPage.waitForEvent('download'),
      extensionPage.getByRole('button', { name: 'Web Annotation (JSON-LD)' }).click(),
    ]);
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ type: 'AnnotationCollection', total: 2 });
    for (const n of before)
      expect(await ask({ type: 'delete-note', id: n.id })).toEqual({ ok: true, value: { id: n.id } });
    expect((await notesOnPage()).value).toEqual([]);
    await extensionPage.locator('#notes input[type="file"]').setInputFiles(file);
    await extensionPage.getByText('Crosswire notes: imported 2 notes.').waitFor({ timeout: 10_000 });
    expect((await notesOnPage()).value).toEqual(before);
  });
});
