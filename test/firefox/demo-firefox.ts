import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { vi } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../../src/demo/firefox';
import { demoSite, type DemoPage } from '../../src/demo/pages';
import { startNewsServer } from '../../src/demo/server';
import { HOST_PREFIX } from '../../src/content/card/shadow-host';
import { anyPainted } from '../../src/demo/painted';
import type { Annotation } from '../../src/core/types';
import { DIST, ensureBuilt } from '../ensure-built';
import { paintedIds, paintedRanges } from '../painted';

/** What an extension page of ours may call (Firefox's `browser` namespace). */
declare const browser: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: {
    query(q: { url: string }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  scripting: {
    executeScript<T>(d: {
      target: { tabId: number };
      func: (...args: any[]) => T;
      args?: unknown[];
    }): Promise<{ result: T }[]>;
  };
};

export interface DemoFirefox {
  pages: DemoPage[];
  firefox: FirefoxWithExtension;
  /**
   * An extension page (the options page), kept open to call the extension API from:
   * Firefox's WebDriver BiDi reaches no background page.
   */
  extensionPage: Page;
  close(): Promise<void>;
}

/**
 * The built extension in Firefox, with the demo news site served on its real hostnames, and
 * `extra` pages (keyed "host/path", as the demo site's are) beside it.
 */
export async function startDemoFirefox(extra: Record<string, string> = {}): Promise<DemoFirefox> {
  ensureBuilt();
  const site = demoSite();
  const html = { ...site.html, ...extra };
  const server = await startNewsServer(html);
  const hosts = [...new Set(Object.keys(html).map((key) => key.split('/')[0]!))];
  const firefox = await launchFirefoxWithExtension({
    extensionDir: join(DIST, 'firefox'),
    hosts,
    serverPort: server.port,
  }).catch(async (error) => {
    await server.close();
    throw error;
  });
  const close = async () => {
    await firefox.close();
    await server.close();
  };
  try {
    const extensionPage = await openExtensionPage(firefox, 'options.html');
    return { pages: site.pages, firefox, extensionPage, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A new tab on one of our extension pages (`path` under moz-extension://<uuid>/), once it has loaded. */
export async function openExtensionPage(firefox: FirefoxWithExtension, path: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  const url = `${firefox.extensionBase}${path}`;
  // Firefox never reports the load of a moz-extension:// page over BiDi, so goto() would time
  // out (puppeteer issue 14314) though the page loads: ask the page itself instead. A question
  // asked while the tab swaps documents can fail; it is asked again.
  page.goto(url).catch(() => undefined);
  const loaded = () => page.evaluate((u) => location.href === u && document.readyState === 'complete', url);
  await vi.waitFor(
    async () => {
      if (!(await loaded())) throw new Error(`${url} has not loaded`);
    },
    { timeout: 20_000, interval: 100 },
  );
  return page;
}

/** A new tab on a demo page, once its first highlight is in. */
export async function openArticle(demo: DemoFirefox, site: string): Promise<Page> {
  const page = await demo.firefox.browser.newPage();
  await page.goto(demo.pages.find((p) => p.site === site)!.url);
  await page.waitForFunction(anyPainted, { timeout: 20_000 });
  return page;
}

/** The id Firefox gives the tab showing `url`. */
export async function tabIdOf(demo: DemoFirefox, url: string): Promise<number> {
  const tabs = await demo.extensionPage.evaluate((u) => browser.tabs.query({ url: u }), url);
  const id = tabs[0]?.id;
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** What a test reads of our closed shadow root in a tab (see readOurRoot). */
type RootQuery = { read: 'part'; part: 'card' | 'control'; as: 'text' | 'html' } | { read: 'copy' } | { read: 'focus' };

/**
 * Read our UI in tab `tabId`. It lives in a closed shadow root, which page scripts cannot
 * read; a script we inject as the extension can, through Firefox's openOrClosedShadowRoot,
 * given to content scripts only. One injected function answers every query: it must hold
 * all its code (it is sent to the tab as source).
 */
async function readOurRoot(demo: DemoFirefox, tabId: number, query: RootQuery): Promise<unknown> {
  const [injected] = await demo.extensionPage.evaluate(
    (id, prefix, q) =>
      browser.scripting.executeScript({
        target: { tabId: id },
        args: [prefix, q],
        func: (hostPrefix: string, asked: RootQuery) => {
          const host = [...document.documentElement.children].find((e) => e.localName.startsWith(hostPrefix));
          const root = (host as (Element & { openOrClosedShadowRoot?: ShadowRoot }) | undefined)
            ?.openOrClosedShadowRoot;
          const children = [...(root?.children ?? [])] as HTMLElement[];
          if (asked.read === 'part') {
            const el = root?.querySelector<HTMLElement>(`[data-part="${asked.part}"]`);
            return (asked.as === 'text' ? el?.innerText : el?.outerHTML) ?? '';
          }
          if (asked.read === 'copy') {
            const styles = children.filter((c) => c.localName === 'style');
            const parts = ['control', 'card'].flatMap((name) => children.filter((c) => c.dataset.part === name));
            return [...styles, ...parts].map((c) => c.outerHTML).join(' ');
          }
          const a = root?.activeElement as HTMLElement | null | undefined;
          if (!a) return null;
          const part = a.closest<HTMLElement>('[data-part]')?.dataset.part ?? null;
          return { tag: a.tagName, role: a.getAttribute('role'), text: (a.textContent ?? '').trim(), part };
        },
      }),
    tabId,
    HOST_PREFIX,
    query,
  );
  return injected?.result;
}

/** A part of our UI in tab `tabId` (`data-part` "card" or "control"), as text or markup ('' when empty). */
export async function shadowPart(
  demo: DemoFirefox,
  tabId: number,
  part: 'card' | 'control',
  as: 'text' | 'html',
): Promise<string> {
  return ((await readOurRoot(demo, tabId, { read: 'part', part, as })) as string | undefined) ?? '';
}

/**
 * Our UI in tab `tabId` as markup a page of its own can show: the shadow root's style sheets,
 * then the list control and the card, for axe to read (it cannot enter a closed root).
 */
export async function shadowCopy(demo: DemoFirefox, tabId: number): Promise<string> {
  return ((await readOurRoot(demo, tabId, { read: 'copy' })) as string | undefined) ?? '';
}

/** The element that has the focus inside our closed shadow root in a tab, null when none. */
export interface FocusedInOurs {
  tag: string;
  role: string | null;
  text: string;
  /** Which part of our UI holds it: 'control' (the list) or 'card'. */
  part: string | null;
}

/** What has the focus in our UI in tab `tabId`. */
export async function focusedInOurs(demo: DemoFirefox, tabId: number): Promise<FocusedInOurs | null> {
  return ((await readOurRoot(demo, tabId, { read: 'focus' })) as FocusedInOurs | null | undefined) ?? null;
}

/** The text of the open card in tab `tabId` ('' when none). */
export async function cardText(demo: DemoFirefox, tabId: number): Promise<string> {
  return (await shadowPart(demo, tabId, 'card', 'text')).replace(/\s+/g, ' ').trim();
}

/**
 * The distinct ids (actor ids for actors, annotation ids otherwise) of the annotations of
 * `kind` painted on `page`: its painted ranges matched to the background's reading of tab `tabId`.
 */
export async function paintedIdsOn(
  demo: DemoFirefox,
  page: Page,
  tabId: number,
  kind: Annotation['kind'],
): Promise<string[]> {
  const reading = (await ask(demo, { type: 'page-of-tab', tabId })) as { value?: { annotations: Annotation[] } };
  return paintedIds(await page.evaluate(paintedRanges), reading.value?.annotations ?? [], kind);
}

/** A request to the background, sent from our extension page as the popup sends it. */
export function ask(demo: DemoFirefox, request: unknown): Promise<unknown> {
  return demo.extensionPage.evaluate((r) => browser.runtime.sendMessage(r), request as object);
}

/** A command to the content script in tab `tabId`, as the context menu and shortcuts send it. */
export function tellTab(demo: DemoFirefox, tabId: number, command: unknown): Promise<unknown> {
  return demo.extensionPage.evaluate((id, c) => browser.tabs.sendMessage(id, c), tabId, command as object);
}
