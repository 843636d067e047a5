// Accessibility in real Chromium. axe-core on what Crosswire shows: a highlighted demo article,
// an open card and the open keyboard list (light and dark system themes), and the popup; the
// painted highlights' colours against the text they cover, on the light page and on the same
// page made dark (axe does not see ::highlight). Then a keyboard-only journey: from the page to
// Crosswire's one control, through its list and a card to a saved note and back, and proof
// that the page's own Tab order gained nothing. axe is loaded through the DevTools protocol,
// which the extension pages' CSP does not apply to. Any violation fails the test with axe's
// own description of it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillNoteForm } from '../note-form';
import { anyPainted, focusPageEnd, paintedRanges, paintedSpot, pointOnPainted, selectOption } from '../painted';
import { axeViolations as violations, highlightContrasts } from './axe';
import { cardMarkup, cardRootChildren, openCbcArticle, startDemoBrowser, type DemoBrowser } from './demo-browser';

declare const chrome: {
  tabs: {
    query(q: { url: string }): Promise<{ id?: number }[]>;
    sendMessage(id: number, m: unknown): Promise<unknown>;
  };
};

let demo: DemoBrowser;
let page: Page;

beforeAll(async () => {
  demo = await startDemoBrowser();
  page = await openCbcArticle(demo);
});

afterAll(async () => {
  await demo?.close();
});

/** A page of its own holding `html` (markup copied out of our closed shadow root), for axe to read. */
async function copyPage(html: string, scheme: 'light' | 'dark'): Promise<Page> {
  const copy = await demo.extension.context.newPage();
  await copy.emulateMedia({ colorScheme: scheme });
  await copy.setContent(
    `<!doctype html><html lang="en"><head><title>Crosswire UI</title></head><body><main>${html}</main></body></html>`,
  );
  return copy;
}

/** Hover the first painted range of highlight `prefix…` that holds `text`. */
async function hover(p: Page, prefix: string, text: string): Promise<void> {
  const spot = paintedSpot(await p.evaluate(paintedRanges), prefix, text);
  const point = spot && (await p.evaluate(pointOnPainted, spot));
  if (!point) throw new Error(`no ${prefix}… highlight holds “${text}” on screen`);
  await p.mouse.move(point.x, point.y);
}

/** The text of the open card ('' when none). */
const cardText = async (p: Page) =>
  (await cardMarkup(p, false))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

interface Focused {
  tag: string;
  role: string | null;
  text: string;
  /** Which part of our UI holds it: 'control' (the list) or 'card'. */
  part: string | null;
}

/** The element that has the focus inside our closed shadow root (null when none), read through the DevTools protocol. */
async function focusedInOurs(p: Page): Promise<Focused | null> {
  const { cdp, nodes } = await cardRootChildren(p);
  try {
    if (!nodes[0]) return null;
    const { object } = (await cdp.send('DOM.resolveNode', { nodeId: nodes[0].nodeId })) as {
      object: { objectId: string };
    };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: `function () {
        const a = this.getRootNode().activeElement;
        return a && { tag: a.tagName, role: a.getAttribute('role'), text: a.textContent.trim(),
          part: a.closest('[data-part]')?.dataset.part ?? null };
      }`,
    })) as { result: { value: Focused | null } };
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** The page's focused element, as a page script sees it: our host's tag when the focus is in our UI. */
const pageFocus = (p: Page) => p.evaluate(() => document.activeElement?.tagName ?? null);

/** The page's own Tab stops (its light DOM; our control lives in our shadow root). */
const pageTabStops = (p: Page) =>
  p.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, [tabindex], [contenteditable]',
      ),
    ]
      .filter((e) => e.tabIndex >= 0)
      .map((e) => e.outerHTML.slice(0, 80)),
  );

/** The text the `crosswire-focus` highlight covers, and whether it is on screen. */
const focusHighlight = (p: Page) =>
  p.evaluate(() => {
    const range = [...(CSS.highlights.get('crosswire-focus') ?? [])][0] as Range | undefined;
    const box = range?.getBoundingClientRect();
    return range ? { text: range.toString(), inView: box!.top >= 0 && box!.bottom <= innerHeight } : null;
  });

describe('accessibility (axe-core)', () => {
  it('finds nothing wrong with the highlighted demo article', async () => {
    expect(await violations(page)).toEqual([]);
  });

  it('finds every highlight legible on the article', async () => {
    for (const [name, ratio] of Object.entries(await highlightContrasts(page)))
      expect(ratio, name).toBeGreaterThanOrEqual(4.5);
  });

  it('finds the highlights legible on the same article made dark', async () => {
    const dark = await demo.extension.context.newPage();
    await dark.goto(page.url());
    await dark.waitForFunction(anyPainted, undefined, { timeout: 20_000 });
    // A blunt dark theme of the kind reader extensions apply: every element, !important.
    await dark.addStyleTag({
      content:
        'html, body, body * { background-color: #121212 !important; color: #e8e8e8 !important; box-shadow: none !important; }',
    });
    // Our stylesheet still colours the highlights (a theme's element rules do not reach ::highlight).
    const person = await dark.evaluate(() => {
      const range = [...CSS.highlights.get('crosswire-actor-person')!][0] as Range;
      const style = getComputedStyle(range.startContainer.parentElement!, '::highlight(crosswire-actor-person)');
      return [style.backgroundColor, style.textDecorationColor];
    });
    expect(person).toEqual(['rgba(0, 114, 178, 0.16)', 'rgb(0, 114, 178)']);
    await dark.screenshot({ path: 'out/screenshots/dark-page-highlights.png' });
    for (const [name, ratio] of Object.entries(await highlightContrasts(dark)))
      expect(ratio, name).toBeGreaterThanOrEqual(4.5);
    await dark.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds nothing wrong with an open card (${scheme} system theme)`, async () => {
      const p = await demo.extension.context.newPage();
      await p.emulateMedia({ colorScheme: scheme });
      await p.goto(page.url());
      await p.waitForFunction(anyPainted, undefined, { timeout: 20_000 });
      await hover(p, 'crosswire-actor', 'Sergey Lavrov');
      // The card lives in a closed shadow root that axe cannot enter: copy what it renders,
      // its stylesheet included, into a page of its own through the DevTools protocol.
      await expect.poll(() => cardMarkup(p), { timeout: 10_000 }).toContain('Voice of America');
      const copy = await copyPage(await cardMarkup(p), scheme);
      expect(await violations(copy)).toEqual([]);
      await copy.close();
      await p.close();
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds nothing wrong with the page and its keyboard list open (${scheme} system theme)`, async () => {
      const p = await demo.extension.context.newPage();
      await p.emulateMedia({ colorScheme: scheme });
      await p.goto(page.url());
      await p.waitForFunction(anyPainted, undefined, { timeout: 20_000 });
      await p.keyboard.press('Shift+Tab');
      await p.keyboard.press('Enter');
      await expect.poll(() => cardMarkup(p, false, 'control')).toContain('role="option"');
      await expect.poll(() => cardText(p), { timeout: 10_000 }).not.toBe('');
      expect(await violations(p)).toEqual([]);
      // The list and the card it opened, copied out of the closed root as above.
      const copy = await copyPage(`${await cardMarkup(p, true, 'control')} ${await cardMarkup(p, false)}`, scheme);
      expect(await violations(copy)).toEqual([]);
      await copy.close();
      await p.close();
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds nothing wrong with the popup (${scheme} system theme)`, async () => {
      const popup = await demo.extension.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.goto(`chrome-extension://${demo.extension.extensionId}/popup.html`);
      await popup
        .getByText(/articles/i)
        .first()
        .waitFor({ timeout: 10_000 });
      expect(await violations(popup)).toEqual([]);
      await popup.close();
    });
  }
});

describe('keyboard only', () => {
  let p: Page;
  const press = (key: string) => p.keyboard.press(key);
  const control = () => cardMarkup(p, false, 'control');

  beforeAll(async () => {
    // A URL of its own, so that this tab alone can be switched off at the end.
    p = await demo.extension.context.newPage();
    await p.setViewportSize({ width: 1100, height: 900 });
    await p.goto(`${page.url()}?keyboard`);
    await p.waitForFunction(anyPainted, undefined, { timeout: 20_000 });
  });

  it('goes from the page to the list, through a card to a saved note, and back to that highlight', async () => {
    // Shift+Tab from the start of the page reaches Crosswire's one control.
    await press('Shift+Tab');
    expect(await pageFocus(p)).toMatch(/^CROSSWIRE-CARD-HOST-/);
    expect(await focusedInOurs(p)).toMatchObject({
      tag: 'BUTTON',
      text: expect.stringMatching(/^Crosswire: \d+ highlights$/),
    });
    // Enter opens the list on its first option: that highlight painted as focused, on screen, its card open.
    await press('Enter');
    await expect.poll(() => focusedInOurs(p)).toMatchObject({ role: 'option', part: 'control' });
    const first = (await focusedInOurs(p))!.text;
    await expect.poll(() => focusHighlight(p)).toMatchObject({ inView: true });
    expect(first.startsWith((await focusHighlight(p))!.text)).toBe(true);
    await expect.poll(() => cardText(p), { timeout: 10_000 }).not.toBe('');
    // ArrowDown selects the next one, and the focus, the painted focus and the card follow.
    await press('ArrowDown');
    const second = (await focusedInOurs(p))!;
    expect(second).toMatchObject({ role: 'option' });
    expect(second.text).not.toBe(first);
    await expect.poll(() => focusHighlight(p)).toMatchObject({ inView: true });
    expect(second.text.startsWith((await focusHighlight(p))!.text)).toBe(true);
    await expect
      .poll(async () => /<p class="title">([^<]*)</.exec(await cardMarkup(p, false))?.[1])
      .toSatisfy((title: string | undefined) => !!title && second.text.includes(title));
    // Down to an actor, Enter into its card, Tab to "Add a note".
    await selectOption(control, press, /^Sergey Lavrov: /);
    await expect.poll(() => cardText(p), { timeout: 10_000 }).toContain('Voice of America');
    await press('Enter');
    expect(await focusedInOurs(p)).toMatchObject({ part: 'card' });
    for (let tabs = 0; (await focusedInOurs(p))?.text !== 'Add a note'; tabs++) {
      if (tabs > 40) throw new Error('Tab never reached “Add a note”');
      await press('Tab');
      expect(await focusedInOurs(p)).toMatchObject({ part: 'card' });
    }
    // Write and save the note with the keyboard.
    await press('Enter');
    expect(await focusedInOurs(p)).toMatchObject({ tag: 'TEXTAREA' });
    await fillNoteForm(p.keyboard, { note: 'Said only by the keyboard', tags: 'keyboard', stance: 'Verified' });
    await expect
      .poll(async () => (await p.evaluate(paintedRanges)).filter((r) => r.name === 'crosswire-note').map((r) => r.text))
      .toEqual([expect.stringContaining('Sergey Lavrov')]);
    // The focus is back on that highlight's option in the list, not on <body>.
    await expect
      .poll(() => focusedInOurs(p))
      .toMatchObject({ role: 'option', text: expect.stringMatching(/^Sergey Lavrov: /) });
    expect(await pageFocus(p)).toMatch(/^CROSSWIRE-CARD-HOST-/);
    // Escape closes the list, and the focus goes back where it was: nowhere in the page.
    await press('Escape');
    expect(await control()).not.toContain('role="listbox"');
    expect(await pageFocus(p)).toBe('BODY');
  });

  it('gives the focus back to the page element that had it when Escape closes the list', async () => {
    const stop = await p.evaluate(focusPageEnd);
    expect(stop).not.toBeNull();
    const before = await p.evaluate(() => document.activeElement!.outerHTML);
    await press('Tab');
    expect(await focusedInOurs(p)).toMatchObject({ tag: 'BUTTON' });
    await press('Enter');
    await press('ArrowDown');
    await expect.poll(() => focusedInOurs(p)).toMatchObject({ role: 'option' });
    await press('Escape');
    expect(await control()).not.toContain('role="listbox"');
    expect(await p.evaluate(() => document.activeElement!.outerHTML)).toBe(before);
    expect(await focusHighlight(p)).toBeNull();
  });

  it('adds nothing to the page’s own Tab order: one stop of its own, none with Crosswire off', async () => {
    const withCrosswire = await pageTabStops(p);
    // From the page's last stop, Tab reaches our control, and the next Tab leaves our UI.
    await p.evaluate(focusPageEnd);
    await press('Tab');
    expect(await focusedInOurs(p)).toMatchObject({ tag: 'BUTTON', part: 'control' });
    await press('Tab');
    expect(await pageFocus(p)).not.toMatch(/^CROSSWIRE-CARD-HOST-/);
    // Switched off for this tab, as the popup's switch does: the page's stops are the same ones.
    const [tab] = await demo.extension.worker.evaluate((u) => chrome.tabs.query({ url: u }), p.url());
    await demo.extension.worker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'crosswire-highlights', on: false }),
      tab!.id!,
    );
    await p.waitForFunction(
      () => ![...document.documentElement.children].some((e) => e.localName.startsWith('crosswire-')),
    );
    expect(await p.evaluate(anyPainted)).toBe(false);
    expect(await pageTabStops(p)).toEqual(withCrosswire);
  });
});
