// npm run bench: the page benchmark of page.bench.ts, in Firefox (firefox-esr over WebDriver
// BiDi, src/demo/firefox.ts), its figures keyed "firefox page …". Firefox gives pages no
// longtask entries (and there is no CDP trace), so the page's longest task is not reported;
// the rest is what the page measures itself, as in Chromium. Firefox rounds performance.now()
// to 1 ms, so the figures of small pages are coarse.
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from '../../src/demo/firefox';
import { startNewsServer } from '../../src/demo/server';
import { DIST, ensureBuilt } from '../ensure-built';
import { measurePages } from './page-runs';
import { PROBE } from './page-scripts';
import { benchPages, HOST } from './page-set';
import { mergeResults } from './results';

declare const browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Our options page, to send the extension messages from: BiDi reaches no background page. */
async function openOptionsPage(firefox: FirefoxWithExtension): Promise<Page> {
  const page = await firefox.browser.newPage();
  const url = `${firefox.extensionBase}options.html`;
  // Firefox never reports the load of a moz-extension:// page over BiDi (puppeteer issue
  // 14314), so goto() would time out though the page loads: ask the page itself.
  page.goto(url).catch(() => undefined);
  for (let waited = 0; waited < 20_000; waited += 100) {
    const loaded = await page
      .evaluate((u) => location.href === u && document.readyState === 'complete', url)
      .catch(() => false); // asked while the tab swaps documents
    if (loaded) return page;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${url} did not load`);
}

ensureBuilt();
const pages = benchPages();
const server = await startNewsServer(pages);
const firefox = await launchFirefoxWithExtension({
  extensionDir: join(DIST, 'firefox'),
  hosts: [HOST],
  serverPort: server.port,
}).catch(async (error) => {
  await server.close();
  throw error;
});
try {
  const options = await openOptionsPage(firefox);
  // Opened last, so it is the tab in front: a tab behind gets no animation frames.
  const page = await firefox.browser.newPage();
  await page.evaluateOnNewDocument(PROBE);
  const results = await measurePages(
    {
      prefix: 'firefox',
      tab: {
        load: async (url) => void (await page.goto(url)),
        evaluate: <T>(script: string) => page.evaluate(script) as Promise<T>,
        addScript: async (content) => void (await page.addScriptTag({ content })),
        waitUntil: async (condition, timeout) => void (await page.waitForFunction(condition, { timeout })),
      },
      setHighlighting: async (on) =>
        void (await options.evaluate(
          (disabledSites) => browser.runtime.sendMessage({ type: 'set-settings', settings: { disabledSites } }),
          on ? [] : [HOST],
        )),
    },
    Object.keys(pages).map((key) => `https://${key}`),
  );
  mergeResults(results);
} finally {
  await firefox.close();
  await server.close();
}
