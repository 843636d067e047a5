// Notes in real Firefox: a note made by keyboard on a selection of the CBC demo article (the
// command the context menu and the shortcut send), stored by the background, painted on the
// page (the `crosswire-note` highlight), placed again after a reload; and a note on a highlight
// the keyboard list selected, shown in that highlight's card.
import type { KeyInput, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillNoteForm } from '../note-form';
import { focusPageEnd, paintedRanges, paintedSpot, pointOnPainted, selectOption } from '../painted';
import {
  ask,
  cardText,
  openArticle,
  shadowPart,
  startDemoFirefox,
  tabIdOf,
  tellTab,
  type DemoFirefox,
} from './demo-firefox';

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

/** The text of the painted note ranges on the page. */
const noteMarks = async () =>
  (await article.evaluate(paintedRanges))
    .filter((r) => r.name === 'crosswire-note')
    .map((r) => r.text)
    .join('');

/** The keyboard list control's markup. */
const controlMarkup = () => shadowPart(demo, tabId, 'control', 'html');

/** Open the keyboard list (Tab from the end of the page to our control, Enter) and select the option `wanted`. */
async function selectInList(wanted: RegExp): Promise<void> {
  await article.evaluate(focusPageEnd);
  await article.keyboard.press('Tab');
  await article.waitForFunction(() => document.activeElement?.tagName.startsWith('CROSSWIRE-CARD-HOST-') === true);
  await article.keyboard.press('Enter');
  await expect.poll(controlMarkup).toContain('role="option"');
  await selectOption(controlMarkup, (key) => article.keyboard.press(key as KeyInput), wanted);
}

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
    await expect.poll(noteMarks, { timeout: 20_000 }).toBe(SENTENCE);
  });

  it('takes a note on a highlight by keyboard, and shows it in that highlight’s card', async () => {
    await article.evaluate(() => getSelection()?.removeAllRanges());
    await selectInList(/^over 7,500 people: figure/);
    await startNote();
    await article.keyboard.type('RT gives 2,700 for September 2011');
    for (let i = 0; i < 3; i++) await article.keyboard.press('Tab');
    await article.keyboard.press('Enter');
    await expect.poll(async () => (await notesOnPage()).length, { timeout: 10_000 }).toBe(2);
    const note = (await notesOnPage()).find((n) => n.note.startsWith('RT gives'));
    expect(note).toMatchObject({ highlight: { kind: 'figure' }, target: { exact: 'over 7,500 people' }, tags: [] });
    // The highlight's card lists it, hovered once the keyboard list is closed.
    await article.keyboard.press('Escape');
    await expect.poll(() => cardText(demo, tabId)).toBe('');
    await article.mouse.move(0, 0);
    const toll = paintedSpot(await article.evaluate(paintedRanges), 'crosswire-figure', 'over 7,500 people');
    const point = (await article.evaluate(pointOnPainted, toll!))!;
    await article.mouse.move(point.x, point.y);
    await expect.poll(() => cardText(demo, tabId), { timeout: 10_000 }).toContain('RT gives 2,700 for September 2011');
  });
});
