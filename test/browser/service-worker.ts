import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Stop the extension's service worker the way Chrome does when it is idle, and wait until it is gone. */
export async function stopServiceWorker(extensionPage: Page): Promise<void> {
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

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** What the background answers a request with (any value: the tests read the fields they check). */
export interface Answer {
  ok: boolean;
  value?: any;
  error?: string;
}

/** Send a request to the background from one of the extension's pages, as the popup and options page do. */
export const askFrom = (extensionPage: Page, request: unknown) =>
  extensionPage.evaluate((r) => chrome.runtime.sendMessage(r), request) as Promise<Answer>;
