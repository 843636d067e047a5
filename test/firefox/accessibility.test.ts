// Accessibility in real Firefox, as test/browser/accessibility.test.ts has it in Chromium:
// axe-core on the highlighted CBC demo article and with its keyboard list open (the list and
// the card it opens copied out of our closed shadow root into a page of their own, which axe
// can read), then the keyboard-only journey: from the page to Crosswire's one control, through
// its list and a card to a saved note, the focus back on that highlight, and Escape back to
// the page. axe is loaded over WebDriver BiDi, which the page's own CSP does not apply to.
import type { KeyInput, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations as violations } from '../browser/axe';
import { fillNoteForm } from '../note-form';
import { paintedRanges, selectOption } from '../painted';
import {
  cardText,
  type DemoFirefox,
  focusedInOurs,
  openArticle,
  shadowCopy,
  shadowPart,
  startDemoFirefox,
  tabIdOf,
} from './demo-firefox';

let demo: DemoFirefox;
let article: Page;
let tabId: number;

beforeAll(async () => {
  demo = await startDemoFirefox();
  article = await openArticle(demo, 'CBC News');
  tabId = await tabIdOf(demo, article.url());
}, 120_000);

afterAll(async () => {
  await demo?.close();
});

const press = (key: string) => article.keyboard.press(key as KeyInput);
const focused = () => focusedInOurs(demo, tabId);
const control = () => shadowPart(demo, tabId, 'control', 'html');
/** The page's focused element as a page script sees it: our host's tag when the focus is in our UI. */
const pageFocus = () => article.evaluate(() => document.activeElement?.tagName ?? null);

/** Shift+Tab, from the start of the page to the end of its Tab order: our control comes last. */
async function shiftTab(): Promise<void> {
  await article.keyboard.down('Shift');
  await article.keyboard.press('Tab');
  await article.keyboard.up('Shift');
}

/** A page of its own holding `html` (markup copied out of our closed shadow root), for axe to read. */
async function copyPage(html: string): Promise<Page> {
  const copy = await demo.firefox.browser.newPage();
  await copy.setContent(
    `<!doctype html><html lang="en"><head><title>Crosswire UI</title></head><body><main>${html}</main></body></html>`,
  );
  return copy;
}

describe('accessibility in Firefox (axe-core)', () => {
  it('finds nothing wrong with the highlighted demo article', async () => {
    expect(await violations(article)).toEqual([]);
  });

  it('finds nothing wrong with the page and its keyboard list open, nor with the list and its card', async () => {
    await article.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await shiftTab();
    await press('Enter');
    await expect.poll(control).toContain('role="option"');
    await expect.poll(() => cardText(demo, tabId), { timeout: 10_000 }).not.toBe('');
    expect(await violations(article)).toEqual([]);
    const markup = await shadowCopy(demo, tabId);
    expect(markup).toMatch(/^<style>[\s\S]*role="listbox"[\s\S]*data-part="card"/);
    const copy = await copyPage(markup);
    expect(await violations(copy)).toEqual([]);
    await copy.close();
    await press('Escape');
    await expect.poll(control).not.toContain('role="listbox"');
  });
});

describe('keyboard only, in Firefox', () => {
  it('goes from the page to the list, through a card to a saved note, and back to that highlight', async () => {
    await article.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Shift+Tab from the start of the page reaches Crosswire's one control.
    await shiftTab();
    expect(await pageFocus()).toMatch(/^CROSSWIRE-CARD-HOST-/);
    expect(await focused()).toMatchObject({
      tag: 'BUTTON',
      text: expect.stringMatching(/^Crosswire: \d+ highlights$/),
    });
    // Enter opens the list on its first option, its card open; ArrowDown moves the focus on.
    await press('Enter');
    await expect.poll(focused).toMatchObject({ role: 'option', part: 'control' });
    const first = (await focused())!.text;
    await expect.poll(() => cardText(demo, tabId), { timeout: 10_000 }).not.toBe('');
    await press('ArrowDown');
    await expect.poll(async () => (await focused())?.text).not.toBe(first);
    // Down to an actor, Enter into its card, Tab to "Add a note".
    await selectOption(control, press, /^Sergey Lavrov: /);
    await expect.poll(() => cardText(demo, tabId), { timeout: 10_000 }).toContain('Voice of America');
    await press('Enter');
    await expect.poll(focused).toMatchObject({ part: 'card' });
    for (let tabs = 0; (await focused())?.text !== 'Add a note'; tabs++) {
      if (tabs > 40) throw new Error('Tab never reached “Add a note”');
      await press('Tab');
      expect(await focused()).toMatchObject({ part: 'card' });
    }
    // Write and save the note with the keyboard.
    await press('Enter');
    await expect.poll(focused).toMatchObject({ tag: 'TEXTAREA' });
    await fillNoteForm(article.keyboard, { note: 'Said only by the keyboard', tags: 'keyboard', stance: 'Verified' });
    await expect
      .poll(
        async () =>
          (await article.evaluate(paintedRanges)).filter((r) => r.name === 'crosswire-note').map((r) => r.text),
        { timeout: 10_000 },
      )
      .toEqual([expect.stringContaining('Sergey Lavrov')]);
    // The focus is back on that highlight's option in the list, not on <body>.
    await expect.poll(focused).toMatchObject({ role: 'option', text: expect.stringMatching(/^Sergey Lavrov: /) });
    expect(await pageFocus()).toMatch(/^CROSSWIRE-CARD-HOST-/);
    // Escape closes the list, and the focus goes back where it was: nowhere in the page.
    await press('Escape');
    await expect.poll(control).not.toContain('role="listbox"');
    expect(await pageFocus()).toBe('BODY');
  });
});
