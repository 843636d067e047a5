// Real news page snapshots (../shared/pages, from Mozilla Readability's test pages), served
// on news hostnames the extension runs on. Each is painted without errors, its DOM serialises
// as before (our UI's host under <html> aside), and no element box moves: painted highlights
// are not elements. Screenshots go to out/screenshots/real-*.png.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type LoadedExtension } from '../../src/demo/chromium';
import { startNewsServer, type NewsServer } from '../../src/demo/server';
import { PAGES, warnIfNoPages } from '../fixtures/paths';
import { DIST, ensureBuilt } from '../ensure-built';
import { anyPainted, firstPassDone } from '../painted';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: {
    query(q: { url: string }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
};

const DIR = PAGES;
const files = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((f) => f.endsWith('.html'))
      .sort()
  : [];
warnIfNoPages('real-pages.test');

// Each snapshot under its own site where the default list has it, else under one that does.
const HOSTS: Record<string, string> = {
  bbc: 'www.bbc.com',
  cnn: 'edition.cnn.com',
  guardian: 'www.theguardian.com',
  nytimes: 'www.nytimes.com',
  wapo: 'www.washingtonpost.com',
};
const urlOf = (file: string) =>
  `${HOSTS[file.split(/[-.]/)[0]!] ?? 'www.reuters.com'}/snapshot/${file.replace(/\.html$/, '')}`;

let server: NewsServer;
let extension: LoadedExtension;
let popup: Page;

beforeAll(async () => {
  if (files.length === 0) return;
  ensureBuilt();
  server = await startNewsServer(Object.fromEntries(files.map((f) => [urlOf(f), readFileSync(join(DIR, f), 'utf8')])));
  extension = await launchWithExtension(join(DIST, 'chrome'), server.chromiumArgs);
  // The snapshots still point at their sites' images, trackers and ads; refuse those at once
  // (the network is closed here, and waiting for it is not what is being tested).
  const local = new Set(files.map((f) => urlOf(f).split('/')[0]!));
  await extension.context.route(/^https?:\/\//, (route) =>
    local.has(new URL(route.request().url()).host) ? route.continue() : route.abort(),
  );
  popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
  // Load every page unhighlighted first, to measure its layout, then switch highlights on.
  const hosts = [...new Set(files.map((f) => urlOf(f).split('/')[0]!))];
  await popup.evaluate(
    (disabledSites) => chrome.runtime.sendMessage({ type: 'set-settings', settings: { disabledSites } }),
    hosts,
  );
  mkdirSync('out/screenshots', { recursive: true });
});

afterAll(async () => {
  await extension?.close();
  await server?.close();
});

const boxes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')].map((el) => {
      const r = el.getBoundingClientRect();
      return [el.tagName, r.x, r.y, r.width, r.height] as const;
    }),
  );

/** The page's body as serialised (our UI's host is under <html>, outside it). */
const bodyMarkup = (page: Page) => page.evaluate(() => document.body.outerHTML);

describe.skipIf(files.length === 0)('real news pages', () => {
  // Without snapshots one (skipped) test stands for them, so the run's summary counts the skip.
  it.each(files.length > 0 ? files : ['the snapshots'])(
    '%s is painted without errors, and its DOM and layout do not change',
    async (file) => {
      const url = `https://${urlOf(file)}`;
      const page = await extension.context.newPage();
      const errors: string[] = [];
      // The snapshots' own inline handlers fail without their scripts; only our errors count.
      page.on('pageerror', (e) => /chrome-extension:/.test(e.stack ?? '') && errors.push(e.message));
      page.on(
        'console',
        (m) => m.type() === 'error' && /chrome-extension:/.test(m.location().url) && errors.push(m.text()),
      );
      await page.setViewportSize({ width: 1200, height: 1000 });
      await page.goto(url);
      await page.waitForTimeout(300);
      const before = { boxes: await boxes(page), body: await bodyMarkup(page) };
      await popup.evaluate(async (u) => {
        const [tab] = await chrome.tabs.query({ url: u });
        await chrome.tabs.sendMessage(tab!.id!, { type: 'crosswire-highlights', on: true });
      }, url);
      await page.waitForFunction(firstPassDone, undefined, { timeout: 20_000 });
      expect(await page.evaluate(anyPainted)).toBe(true);
      expect(await bodyMarkup(page)).toBe(before.body);
      // Painting changes no box at all: the same elements, each where it was, to the pixel.
      const after = await boxes(page);
      expect(after.length).toBe(before.boxes.length);
      expect(after.filter((a, i) => JSON.stringify(a) !== JSON.stringify(before.boxes[i])).slice(0, 5)).toEqual([]);
      expect(errors).toEqual([]);
      await page.screenshot({ path: `out/screenshots/real-${file.replace(/\.html$/, '')}.png` });
      await page.close();
    },
  );
});
