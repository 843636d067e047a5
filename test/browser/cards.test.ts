// Cards on the demo news site, over painted highlights: a pointer resting on highlighted text,
// a click or a tap, or the keyboard list opens the highlight's card in a closed shadow root
// (read here through the DevTools protocol, which sees closed roots; page scripts cannot). It
// shows what the other outlets in the corpus wrote, and closes with Escape. A drag that
// selects text opens no card but offers "Add a note", and a note on an actor hides none of
// the actor's card.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillNoteForm } from '../note-form';
import { focusPageEnd, paintedRanges, paintedSpot, pointOnPainted, selectOption } from '../painted';
import {
  cardMarkup,
  cardRootChildren,
  openCbcArticle,
  startDemoBrowser,
  type DemoBrowser,
  type DomNode,
} from './demo-browser';

/** Longer than a resting pointer takes to open a card (cards.ts waits 150 ms): a wait, not a measure. */
const HOVER_WAIT_MS = 600;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let demo: DemoBrowser;
let page: Page;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const partOf = (nodes: DomNode[], part: string) =>
  nodes.find((n) => n.attributes?.some((a, i) => i % 2 === 0 && a === 'data-part' && n.attributes![i + 1] === part));

/** The box of what the card part shows (the card, or the "Add a note" button), in viewport coordinates. */
async function shownBox(p: Page): Promise<Box | null> {
  const { cdp, nodes } = await cardRootChildren(p);
  try {
    const node = partOf(nodes, 'card')?.children?.[0];
    if (!node) return null;
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as {
      model: { border: number[]; width: number; height: number };
    };
    return { x: model.border[0]!, y: model.border[1]!, width: model.width, height: model.height };
  } finally {
    await cdp.detach();
  }
}

/** The height of the shown button's content, and of each line box its words make (read through the DevTools protocol). */
async function buttonLines(p: Page): Promise<{ contentHeight: number; lineHeights: number[] }> {
  const { cdp, nodes } = await cardRootChildren(p);
  try {
    const button = partOf(nodes, 'card')?.children?.find((c) => c.nodeName === 'BUTTON');
    const words = button?.children?.find((c) => c.nodeName === '#text');
    if (!button || !words) throw new Error('no button is shown');
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: button.nodeId })) as {
      model: { content: number[] };
    };
    const { quads } = (await cdp.send('DOM.getContentQuads', { nodeId: words.nodeId })) as { quads: number[][] };
    return { contentHeight: model.content[5]! - model.content[1]!, lineHeights: quads.map((q) => q[5]! - q[1]!) };
  } finally {
    await cdp.detach();
  }
}

/** The text of the open card (empty when none). */
async function cardText(p: Page): Promise<string> {
  const html = await cardMarkup(p, false);
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first painted range of a highlight named `prefix…` that holds `text`, as pointOnPainted takes it. */
async function spotOf(prefix: string, text: string): Promise<[string, number]> {
  const spot = paintedSpot(await page.evaluate(paintedRanges), prefix, text);
  if (!spot) throw new Error(`no ${prefix}… highlight holds “${text}”`);
  return spot;
}

/** The middle of that range, scrolled into view (viewport coordinates). */
async function pointOn(prefix: string, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(pointOnPainted, await spotOf(prefix, text));
  if (!point) throw new Error(`“${text}” is not on screen`);
  return point;
}

/** The box of a painted range on screen (viewport coordinates). */
const rangeBox = (spot: [string, number]) =>
  page.evaluate(([name, n]) => {
    const box = ([...CSS.highlights.get(name)!][n] as Range).getBoundingClientRect();
    return { x: box.left, y: box.top, width: box.width, height: box.height };
  }, spot);

/** Open the keyboard list as a keyboard user would: Tab from the end of the page to our control, then Enter. */
async function openListByKeyboard(): Promise<void> {
  await page.evaluate(focusPageEnd);
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.activeElement?.tagName.startsWith('CROSSWIRE-CARD-HOST-') === true);
  await page.keyboard.press('Enter');
  await expect.poll(() => cardMarkup(page, false, 'control')).toContain('role="listbox"');
}

const selectByKeyboard = (wanted: RegExp) =>
  selectOption(
    () => cardMarkup(page, false, 'control'),
    (key) => page.keyboard.press(key),
    wanted,
  );

/** A finger's tap at a viewport point (touch emulated through the DevTools protocol for that tap). */
async function tap(p: Page, x: number, y: number): Promise<void> {
  const cdp = await p.context().newCDPSession(p);
  try {
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await cdp.detach();
  }
}

/** Close whatever card is open, and take the pointer off the article. */
async function closeCards(): Promise<void> {
  await page.keyboard.press('Escape');
  await page.mouse.move(1, 1);
  await expect.poll(() => cardText(page)).toBe('');
}

beforeAll(async () => {
  demo = await startDemoBrowser();
  page = await openCbcArticle(demo);
});

afterAll(async () => {
  await demo?.close();
});

describe('cards', () => {
  it('opens on hover over an actor with what the other outlets wrote, not this page', async () => {
    const { x, y } = await pointOn('crosswire-actor', 'Sergey Lavrov');
    await page.mouse.move(x, y);
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('Voice of America');
    const text = await cardText(page);
    expect(text).toContain('Sergey Lavrov');
    expect(text).toContain('RT');
    expect(text).toContain('Her Russian counterpart, Sergei Lavrov, agreed');
    expect(text).not.toContain('CBC News');
    // The card never covers its highlight.
    const card = (await shownBox(page))!;
    // Styled: the card's style sheet arrives with the first card (the list control's is there from the start).
    expect(card.width).toBe(380);
    const mark = await rangeBox(await spotOf('crosswire-actor', 'Sergey Lavrov'));
    const overlap =
      card.x < mark.x + mark.width &&
      mark.x < card.x + card.width &&
      card.y < mark.y + mark.height &&
      mark.y < card.y + card.height;
    expect(overlap).toBe(false);
  });

  it('opens from the keyboard list for a figure, with each outlet’s value and the verdict', async () => {
    await closeCards();
    await openListByKeyboard();
    await selectByKeyboard(/^over 7,500 people: figure/);
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('differ');
    const text = await cardText(page);
    expect(text).toContain('over 7,500 people');
    expect(text).toContain('voanews.com');
    expect(text).toContain('(agrees)');
    expect(text).toMatch(/rt\.com 2011-09-20 : 2,700 people \(differs\)/);
    await page.keyboard.press('Escape'); // closes the list
  });

  it('shows where a quote appears again, with a word diff, and closes with Escape', async () => {
    await closeCards();
    const { x, y } = await pointOn('crosswire-quote', 'bear a huge share');
    await page.mouse.move(x, y);
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('voanews.com');
    expect(await cardText(page)).toMatch(/exact|near/);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBe('');
  });

  it('takes the keyboard into an open card with Enter, so its links and buttons are reachable', async () => {
    await closeCards();
    await openListByKeyboard();
    await selectByKeyboard(/^Sergey Lavrov: /);
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('Voice of America');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toMatch(/^CROSSWIRE-CARD-HOST-[0-9A-F]{12}$/);
    // The card stays open while the keyboard is in it; Escape closes it, and a second closes the list.
    expect(await cardText(page)).toContain('Voice of America');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBe('');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardMarkup(page, false, 'control')).not.toContain('role="listbox"');
  });

  it('says so when a quote is found nowhere else', async () => {
    await closeCards();
    const { x, y } = await pointOn('crosswire-quote', 'This a very complex situation');
    await page.mouse.move(x, y);
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('Not found in other outlets');
  });

  it('opens a highlight’s card on a click, and on a tap', async () => {
    await closeCards();
    const clinton = await pointOn('crosswire-actor', 'Hillary Rodham Clinton');
    await page.mouse.click(clinton.x, clinton.y);
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('Clinton');
    await closeCards();
    const annan = await pointOn('crosswire-quote', 'This a very complex situation');
    await tap(page, annan.x, annan.y);
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('Not found in other outlets');
  });

  it('opens no card for a drag that starts on a highlight, and offers “Add a note” on one line', async () => {
    await closeCards();
    const lavrov = await spotOf('crosswire-actor', 'Sergey Lavrov');
    await page.evaluate(pointOnPainted, lavrov); // scrolled into view
    const mark = await rangeBox(lavrov);
    const y = mark.y + mark.height / 2;
    await page.mouse.move(mark.x + 2, y);
    await page.mouse.down();
    // The pointer rests on the highlight mid-drag, longer than a hover takes to open a card: none opens.
    await page.mouse.move(mark.x + mark.width / 2, y, { steps: 4 });
    await pause(HOVER_WAIT_MS);
    expect(await cardText(page)).toBe('');
    await page.mouse.move(mark.x + mark.width + 120, y, { steps: 4 });
    await page.mouse.up();
    expect(await page.evaluate(() => getSelection()!.toString())).toContain('Sergey Lavrov');
    await expect.poll(() => cardMarkup(page, false), { timeout: 10_000 }).toContain('Add a note');
    await pause(HOVER_WAIT_MS);
    expect(await cardMarkup(page, false)).not.toContain('class="card"');
    // One line: its words make a single line box, as tall as the button's content.
    const { contentHeight, lineHeights } = await buttonLines(page);
    expect(lineHeights).toHaveLength(1);
    expect(Math.abs(contentHeight - lineHeights[0]!)).toBeLessThanOrEqual(1);
    const box = (await shownBox(page))!;
    expect(box.width).toBeGreaterThan(box.height);
  });

  it('still shows the other outlets’ mentions, and the note, for an actor that carries a note', async () => {
    // The reader takes the button the drag offered, and writes a note on the words selected.
    const box = (await shownBox(page))!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => document.activeElement?.tagName.startsWith('CROSSWIRE-CARD-HOST-') === true);
    await fillNoteForm(page.keyboard, { note: 'Lavrov blames both sides', tags: '', stance: 'None' });
    await expect
      .poll(async () =>
        (await page.evaluate(paintedRanges)).filter((r) => r.name === 'crosswire-note').map((r) => r.text),
      )
      .toEqual([expect.stringContaining('Sergey Lavrov')]);
    await closeCards();
    const { x, y } = await pointOn('crosswire-actor', 'Sergey Lavrov');
    await page.mouse.move(x, y);
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('Voice of America');
    const text = await cardText(page);
    expect(text).toContain('Sergey Lavrov');
    expect(text).toContain('Her Russian counterpart, Sergei Lavrov, agreed');
    expect(text).toContain('Lavrov blames both sides');
  });
});
