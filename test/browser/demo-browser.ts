import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension, type LoadedExtension } from '../../src/demo/chromium';
import { demoSite, type DemoPage } from '../../src/demo/pages';
import { startNewsServer, type NewsServer } from '../../src/demo/server';
import { DIST, ensureBuilt } from '../ensure-built';
import { anyPainted } from '../../src/demo/painted';

export interface DemoBrowser {
  pages: DemoPage[];
  server: NewsServer;
  extension: LoadedExtension;
  close(): Promise<void>;
}

/** The built extension in Chromium, with the demo news site served on its real hostnames. */
export async function startDemoBrowser(extraPages: Record<string, string> = {}): Promise<DemoBrowser> {
  ensureBuilt();
  const site = demoSite();
  const server = await startNewsServer({ ...site.html, ...extraPages });
  const extension = await launchWithExtension(join(DIST, 'chrome'), server.chromiumArgs);
  return {
    pages: site.pages,
    server,
    extension,
    close: async () => {
      await extension.close();
      await server.close();
    },
  };
}

/** A new tab on the demo CBC article, once its first highlight is in. */
export async function openCbcArticle(demo: DemoBrowser): Promise<Page> {
  const page = await demo.extension.context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(demo.pages.find((p) => p.site === 'CBC News')!.url);
  await page.waitForFunction(anyPainted, undefined, { timeout: 20_000 });
  return page;
}

export interface DomNode {
  nodeId: number;
  nodeName: string;
  /** Flat: name, value, name, value… */
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * The children of our card host's closed shadow root, read through the DevTools protocol
 * (which sees closed roots; page scripts cannot). The caller detaches the session.
 */
export async function cardRootChildren(page: Page): Promise<{ cdp: CDPSession; nodes: DomNode[] }> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const findHost = (n: DomNode): DomNode | undefined =>
    n.nodeName.startsWith('CROSSWIRE-CARD-HOST-')
      ? n
      : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(findHost).find(Boolean);
  return { cdp, nodes: findHost(root)?.shadowRoots?.[0]?.children ?? [] };
}

const partOf = (n: DomNode) => {
  const i = n.attributes?.indexOf('data-part') ?? -1;
  return i >= 0 ? n.attributes![i + 1] : null;
};

/** The card's markup, its stylesheet included ('' while no card is open). `part: 'control'` reads the list control instead. */
export async function cardMarkup(page: Page, withStyle = true, part: 'card' | 'control' = 'card'): Promise<string> {
  const { cdp, nodes } = await cardRootChildren(page);
  try {
    const shown = nodes.filter((c) => (withStyle && c.nodeName === 'STYLE') || partOf(c) === part);
    const parts = await Promise.all(
      shown.map((c) => cdp.send('DOM.getOuterHTML', { nodeId: c.nodeId }) as Promise<{ outerHTML: string }>),
    );
    return parts.map((x) => x.outerHTML).join(' ');
  } finally {
    await cdp.detach();
  }
}
