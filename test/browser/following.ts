// What the browser tests of following share: Chromium with the built extension, a local
// HTTPS server answering on the feeds' own hostnames, and the options page following only
// the feeds the test serves.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchWithExtension, type LoadedExtension } from '../../src/demo/chromium';
import { type NewsServer, type Responder, startNewsServer } from '../../src/demo/server';
import { DIST } from '../ensure-built';
import { type Answer, askFrom } from './service-worker';

declare const chrome: { alarms: { clear(name: string): Promise<boolean> } };

export interface FollowingBrowser {
  server: NewsServer;
  extension: LoadedExtension;
  options: Page;
  ask: (request: unknown) => Promise<Answer>;
}

/**
 * Serve `pages`, open the options page, and follow exactly `feedUrls` (the default list's hosts
 * are not on this machine), with following on and its scheduled first poll cleared: the polls
 * are the test's own, and one a minute on would race them.
 */
export async function followOnly(pages: Record<string, Responder>, feedUrls: string[]): Promise<FollowingBrowser> {
  const server = await startNewsServer(pages);
  const extension = await launchWithExtension(join(DIST, 'chrome'), server.chromiumArgs);
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  const ask = (request: unknown) => askFrom(options, request);
  const state = await ask({ type: 'get-following' });
  for (const feed of state.value.feeds) await ask({ type: 'remove-feed', url: feed.url });
  for (const url of feedUrls) expect(await ask({ type: 'add-feed', url })).toMatchObject({ ok: true });
  expect(await ask({ type: 'set-following', on: true })).toMatchObject({ ok: true });
  await options.evaluate(() => chrome.alarms.clear('crosswire-poll'));
  return { server, extension, options, ask };
}
