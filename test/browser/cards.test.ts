// Hover and keyboard cards on the demo news site: the card opens in a closed shadow root
// (read here through the DevTools protocol, which sees closed roots; page scripts cannot),
// shows what the other outlets in the corpus wrote, and closes with Escape.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardMarkup, cardRootChildren, openCbcArticle, startDemoBrowser, type DemoBrowser } from './demo-browser';

let demo: DemoBrowser;
let page: Page;

/** The card's box in page coordinates. */
async function cardBox(p: Page): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const { cdp, nodes } = await cardRootChildren(p);
  const card = nodes.filter((c) => c.nodeName !== 'STYLE')[0]?.children?.[0];
  const box = card
    ? (
        (await cdp.send('DOM.getBoxModel', { nodeId: card.nodeId })) as {
          model: { border: number[]; width: number; height: number };
        }
      ).model
    : null;
  await cdp.detach();
  return box && { x: box.border[0]!, y: box.border[1]!, width: box.width, height: box.height };
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

beforeAll(async () => {
  demo = await startDemoBrowser();
  page = await openCbcArticle(demo);
});

afterAll(async () => {
  await demo?.close();
});

describe('cards', () => {
  it('opens on hover over an actor with what the other outlets wrote, not this page', async () => {
    await page.locator('crosswire-mark[data-crosswire-id="sergey-lavrov"]').first().hover();
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('Voice of America');
    const text = await cardText(page);
    expect(text).toContain('Sergey Lavrov');
    expect(text).toContain('RT');
    expect(text).toContain('Her Russian counterpart, Sergei Lavrov, agreed');
    expect(text).not.toContain('CBC News');
    // The card never covers its highlight.
    const card = (await cardBox(page))!;
    const mark = (await page.locator('crosswire-mark[data-crosswire-id="sergey-lavrov"]').first().boundingBox())!;
    const overlap =
      card.x < mark.x + mark.width &&
      mark.x < card.x + card.width &&
      card.y < mark.y + mark.height &&
      mark.y < card.y + card.height;
    expect(overlap).toBe(false);
  });

  it('opens on keyboard focus for a figure, with each outlet’s value and the verdict', async () => {
    await page.keyboard.press('Escape');
    await page.locator('crosswire-mark[data-crosswire-kind="figure"][tabindex="0"]').first().focus();
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('differ');
    const text = await cardText(page);
    expect(text).toContain('over 7,500 people');
    expect(text).toContain('voanews.com');
    expect(text).toContain('(agrees)');
    expect(text).toMatch(/rt\.com 2011-09-20 : 2,700 people \(differs\)/);
  });

  it('shows where a quote appears again, with a word diff, and closes with Escape', async () => {
    await page.keyboard.press('Escape');
    expect(await cardText(page)).toBe('');
    const quote = page.locator('crosswire-mark[data-crosswire-kind="quote"]', { hasText: 'bear a huge share' }).first();
    await quote.hover();
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('voanews.com');
    expect(await cardText(page)).toMatch(/exact|near/);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBe('');
  });

  it('takes the keyboard into an open card with Enter, so its links and buttons are reachable', async () => {
    await page.keyboard.press('Escape');
    const mark = page.locator('crosswire-mark[data-crosswire-id="sergey-lavrov"][tabindex="0"]').first();
    await mark.focus();
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('Voice of America');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toMatch(/^CROSSWIRE-CARD-HOST-[0-9A-F]{12}$/);
    // The card stays open while the keyboard is in it; Escape closes it.
    expect(await cardText(page)).toContain('Voice of America');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBe('');
  });

  it('says so when a quote is found nowhere else', async () => {
    const quote = page
      .locator('crosswire-mark[data-crosswire-kind="quote"]', { hasText: 'This a very complex situation' })
      .first();
    await quote.hover();
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('Not found in other outlets');
  });
});
