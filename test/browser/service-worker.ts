import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { watchWorker } from './worker-status';

/** Stop the extension's service worker the way Chrome does when it is idle, and wait until it is gone. */
export async function stopServiceWorker(extensionPage: Page): Promise<void> {
  const worker = await watchWorker(extensionPage);
  await expect.poll(() => worker.statuses().includes('running')).toBe(true);
  await worker.stopAll();
  await expect.poll(worker.statuses, { timeout: 10_000 }).toEqual(['stopped']);
  await worker.detach();
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
