// npm run bench (third part): highlighting real pages in Chromium. For each page of
// ../shared/pages and a 2 MB synthetic article: Crosswire's time to first and last highlight,
// its time on the page's thread and the page's longest task (the extension as shipped, on a
// news hostname), against, in the same run, mark.js's fastest form (markRegExp with one
// alternation of every dictionary alias) and the floor (a TreeWalker over the text a reader
// sees plus one RegExp pass); and our time on the page's thread in a new tab. page-firefox.bench.ts
// runs the same in Firefox, but for the new tabs (page-runs.ts).
import { join } from 'node:path';
import { launchWithExtension } from '../../src/demo/chromium';
import { startNewsServer } from '../../src/demo/server';
import { DIST, ensureBuilt } from '../ensure-built';
import type { Page } from 'playwright-core';
import { type BenchTab, measurePages } from './page-runs';
import { PROBE } from './page-scripts';
import { benchPages, HOST } from './page-set';
import { mergeResults } from './results';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

ensureBuilt();
const pages = benchPages();
const server = await startNewsServer(pages);
const extension = await launchWithExtension(join(DIST, 'chrome'), server.chromiumArgs);
try {
  // Nothing but the bench host: the saved pages still name images and fonts elsewhere.
  await extension.context.route(/^https?:\/\//, (route) =>
    new URL(route.request().url()).host === HOST ? route.continue() : route.abort(),
  );
  await extension.context.addInitScript(PROBE);
  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  const tabOf = (page: Page): BenchTab => ({
    load: async (url) => void (await page.goto(url)),
    evaluate: (script) => page.evaluate(script),
    addScript: async (content) => void (await page.addScriptTag({ content })),
    waitUntil: async (condition, timeout) => void (await page.waitForFunction(condition, null, { timeout })),
  });
  const results = await measurePages(
    {
      prefix: '',
      tab: tabOf(await extension.context.newPage()),
      newTab: async () => {
        const page = await extension.context.newPage();
        return { ...tabOf(page), close: () => page.close() };
      },
      setHighlighting: async (on) =>
        void (await popup.evaluate(
          (disabledSites) => chrome.runtime.sendMessage({ type: 'set-settings', settings: { disabledSites } }),
          on ? [] : [HOST],
        )),
    },
    Object.keys(pages).map((key) => `https://${key}`),
  );
  mergeResults(results);
} finally {
  await extension.close();
  await server.close();
}
