// Kept apart from service-worker.ts, which needs Vitest: the benches use it too.
import type { Page } from 'playwright-core';

/**
 * The running status of each version of the extension's service worker ('running', 'stopped',
 * …), kept current through the DevTools protocol until `detach`.
 */
export async function watchWorker(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const versions = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }) => {
    for (const v of updated as { versionId: string; scriptURL: string; runningStatus: string }[])
      if (v.scriptURL.endsWith('/background.js')) versions.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  return {
    statuses: () => [...versions.values()],
    stopAll: () => cdp.send('ServiceWorker.stopAllWorkers'),
    detach: () => cdp.detach(),
  };
}
