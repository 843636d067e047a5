// Hover and keyboard cards on the demo news site: the card opens in a closed shadow root
// (read here through the DevTools protocol, which sees closed roots; page scripts cannot),
// shows what the other outlets in the corpus wrote, and closes with Escape.
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoBrowser, type DemoBrowser } from './demo-browser';

let demo: DemoBrowser;
let page: Page;

interface DomNode {
  nodeId: number;
  nodeName: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The children of our card host's shadow root (closed roots are visible to the DevTools protocol). */
async function shadowChildren(p: Page): Promise<{ cdp: CDPSession; nodes: DomNode[] }> {
  const cdp = await p.context().newCDPSession(p);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const findHost = (n: DomNode): DomNode | undefined => (n.nodeName === 'CROSSWIRE-CARD-HOST' ? n : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(findHost).find(Boolean));
  return { cdp, nodes: findHost(root)?.shadowRoots?.[0]?.children?.filter((c) => c.nodeName !== 'STYLE') ?? [] };
}

/** The card's box in page coordinates. */
async function cardBox(p: Page): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const { cdp, nodes } = await shadowChildren(p);
  const card = nodes[0]?.children?.[0];
  const box = card ? ((await cdp.send('DOM.getBoxModel', { nodeId: card.nodeId })) as { model: { border: number[]; width: number; height: number } }).model : null;
  await cdp.detach();
  return box && { x: box.border[0]!, y: box.border[1]!, width: box.width, height: box.height };
}

/** The text of the open card (empty when none). */
async function cardText(p: Page): Promise<string> {
  const { cdp, nodes } = await shadowChildren(p);
  const parts = await Promise.all(nodes.map((c) => cdp.send('DOM.getOuterHTML', { nodeId: c.nodeId }) as Promise<{ outerHTML: string }>));
  await cdp.detach();
  return parts.map((x) => x.outerHTML.replace(/<[^>]+>/g, ' ')).join(' ').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

beforeAll(async () => {
  demo = await startDemoBrowser();
  page = await demo.extension.context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(demo.pages.find((p) => p.site === 'CBC News')!.url);
  await page.locator('crosswire-mark').first().waitFor({ state: 'attached', timeout: 20_000 });
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
    const overlap = card.x < mark.x + mark.width && mark.x < card.x + card.width && card.y < mark.y + mark.height && mark.y < card.y + card.height;
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

  it('says so when a quote is found nowhere else', async () => {
    const quote = page.locator('crosswire-mark[data-crosswire-kind="quote"]', { hasText: 'This a very complex situation' }).first();
    await quote.hover();
    await expect.poll(() => cardText(page), { timeout: 10_000 }).toContain('Not found in other outlets');
  });
});
