// Notes in real Firefox: a note made by keyboard on a selection of the CBC demo article (the
// command the context menu and the shortcut send), stored by the background, marked on the
// page, placed again after a reload, and shown in the card of a highlight it was made on.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillNoteForm } from '../note-form';
import { ask, cardText, openArticle, startDemoFirefox, tabIdOf, tellTab, type DemoFirefox } from './demo-firefox';

let demo: DemoFirefox;
let article: Page;
let tabId: number;
const SENTENCE = 'both called for an end to the bloody yearlong conflict';

beforeAll(async () => {
  demo = await startDemoFirefox();
  article = await openArticle(demo, 'CBC News');
  tabId = await tabIdOf(demo, article.url());
});

afterAll(async () => {
  await demo?.close();
});

interface StoredNote {
  note: string;
  tags: string[];
  stance: string | null;
  target: { exact: string };
  highlight: { kind: string } | null;
}

const notesOnPage = async () =>
  ((await ask(demo, { type: 'notes-for', articleId: 'a-afad0e49e896' })) as { value: StoredNote[] }).value;

/** The text of the note highlights on the page. */
const noteMarks = () =>
  article.$$eval('crosswire-mark[data-crosswire-kind="note"]', (ms) => ms.map((m) => m.textContent).join(''));

/** Ask for a note on what is selected or focused, and wait for the form to take the keyboard. */
async function startNote(): Promise<void> {
  // The content script answers once its notes are loaded.
  await expect.poll(() => tellTab(demo, tabId, { type: 'crosswire-note-selection' }), { timeout: 15_000 }).toBe(true);
  await article.waitForFunction(() => document.activeElement?.tagName.startsWith('CROSSWIRE-CARD-HOST-') === true);
}

describe('notes in Firefox', () => {
  it('makes a note on selected text by keyboard, stores it, and marks it', async () => {
    const selected = await article.evaluate((words) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.nodeValue!.indexOf(words);
        if (at < 0) continue;
        getSelection()!.setBaseAndExtent(n, at, n, at + words.length);
        return true;
      }
      return false;
    }, SENTENCE);
    expect(selected).toBe(true);
    await startNote();
    await fillNoteForm(article.keyboard, {
      note: 'Check this against VOA',
      tags: 'conflict, to check',
      stance: 'Disputed',
    });
    await expect.poll(async () => (await notesOnPage()).length, { timeout: 10_000 }).toBe(1);
    expect((await notesOnPage())[0]).toMatchObject({
      note: 'Check this against VOA',
      tags: ['conflict', 'to check'],
      stance: 'disputed',
      target: { exact: SENTENCE },
      highlight: null,
    });
    await expect.poll(noteMarks).toBe(SENTENCE);
  });

  it('places the note again after a reload', async () => {
    await article.reload();
    await article.waitForSelector('crosswire-mark[data-crosswire-kind="note"]', { timeout: 20_000 });
    expect(await noteMarks()).toBe(SENTENCE);
  });

  it('takes a note on a highlight by keyboard, and shows it in that highlight’s card', async () => {
    const toll = await article.evaluateHandle(
      () =>
        [...document.querySelectorAll<HTMLElement>('crosswire-mark[data-crosswire-kind="figure"][tabindex="0"]')].find(
          (m) => m.textContent?.includes('over 7,500 people'),
        )!,
    );
    await toll.focus();
    await startNote();
    await article.keyboard.type('RT gives 2,700 for September 2011');
    for (let i = 0; i < 3; i++) await article.keyboard.press('Tab');
    await article.keyboard.press('Enter');
    await expect.poll(async () => (await notesOnPage()).length, { timeout: 10_000 }).toBe(2);
    const note = (await notesOnPage()).find((n) => n.note.startsWith('RT gives'));
    expect(note).toMatchObject({ highlight: { kind: 'figure' }, target: { exact: 'over 7,500 people' }, tags: [] });
    await article.mouse.move(0, 0);
    await toll.hover();
    await expect.poll(() => cardText(demo, tabId), { timeout: 10_000 }).toContain('RT gives 2,700 for September 2011');
  });
});
