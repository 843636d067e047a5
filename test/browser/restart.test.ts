// The background owns each page's reading, in IndexedDB: a service worker that Chrome stops
// between the reading of a page and the opening of its popup (as it does after 30 s idle)
// loses nothing. The popup still shows the page's story, from the reading the content script
// sent, without the extractor reading the page again.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCbcArticle, startDemoBrowser, type DemoBrowser } from './demo-browser';

declare const chrome: {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: { source: string } }> };
};

let demo: DemoBrowser;

beforeAll(async () => {
  demo = await startDemoBrowser();
});

afterAll(async () => {
  await demo?.close();
});

/** Stop the extension's service worker the way Chrome does when it is idle, and wait until it is gone. */
async function stopServiceWorker(extensionPage: Page): Promise<void> {
  const cdp = await extensionPage.context().newCDPSession(extensionPage);
  const versions = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
    for (const v of updated as { versionId: string; scriptURL: string; runningStatus: string }[])
      versions.set(v.versionId, `${v.scriptURL} ${v.runningStatus}`);
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => [...versions.values()].some((v) => v.includes('background.js running'))).toBe(true);
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect
    .poll(() => [...versions.values()].filter((v) => v.includes('background.js')), { timeout: 10_000 })
    .toEqual([expect.stringContaining('stopped')]);
  await cdp.detach();
}

describe('a restarted background', () => {
  it('still shows the page’s story in the popup, from the reading it kept', async () => {
    const article = await openCbcArticle(demo);
    const url = article.url();
    // Wait for the content script's reading to be kept: the popup page asks as the popup would.
    const blank = await demo.extension.context.newPage();
    await blank.goto(`chrome-extension://${demo.extension.extensionId}/options.html`);
    const [tab] = await blank.evaluate((u) => chrome.tabs.query({ url: u }), url);
    await expect
      .poll(
        async () =>
          (await blank.evaluate((id) => chrome.runtime.sendMessage({ type: 'page-of-tab', tabId: id }), tab!.id)).value
            ?.source,
      )
      .toBe('page');

    await stopServiceWorker(blank);

    const popup = await demo.extension.context.newPage();
    await popup.goto(`chrome-extension://${demo.extension.extensionId}/popup.html?tab=${tab!.id}`);
    await popup.getByRole('tablist').waitFor({ timeout: 20_000 });
    await expect.poll(() => popup.getByRole('tabpanel').innerText(), { timeout: 15_000 }).toContain('Voice of America');
    // Read by the page's content script before the restart, not by the extractor after it.
    const reading = await popup.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'page-of-tab', tabId: id }),
      tab!.id,
    );
    expect(reading).toMatchObject({ ok: true, value: { source: 'page' } });
  });
});
