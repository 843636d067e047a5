// Framework pages in Chromium (issue 14, "Must show"): an in-place text update, a React 19
// page that hydrates and re-renders, and a Lit page (light DOM), each loaded with Crosswire on
// (the built extension) and off (a plain Chromium on the same server). The page must end up
// the same either way: its article's text and markup, and its errors. With Crosswire on, the
// painted highlights follow the update: some lies in the updated paragraph, none is stale.
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { findChromium } from '../../src/demo/chromium';
import { CBC_KEY, frameworkPages, type InPage, servedPages, waitForCrosswire } from '../framework-pages';
import { frameworkChecks, type Visit } from '../framework-checks';
import { startDemoBrowser, type DemoBrowser } from './demo-browser';

const PAGES = await frameworkPages();
let on: DemoBrowser;
let off: Browser;

beforeAll(async () => {
  on = await startDemoBrowser(servedPages(PAGES));
  off = await chromium.launch({
    executablePath: findChromium(),
    args: [...on.server.chromiumArgs, '--no-sandbox', '--disable-gpu'],
  });
  // The background loads its dictionary on first use: warm it, so Crosswire's first pass on
  // each framework page is done before the page's update comes, as it is for a reader.
  const warm = await visit(() => on.extension.context.newPage(), `https://${CBC_KEY}`);
  await waitForCrosswire(warm.inPage);
  await warm.page.close();
});

afterAll(async () => {
  await off?.close();
  await on?.close();
});

/** Opens `url` in a new tab of `browser`'s context, collecting its errors from the start. */
async function visit(newPage: () => Promise<Page>, url: string): Promise<Visit> {
  const page = await newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  await page.goto(url);
  const inPage: InPage = <A, T>(fn: (arg: A) => T, arg: A) => page.evaluate(fn as (a: unknown) => T, arg);
  return { page, inPage, errors };
}

frameworkChecks(
  PAGES,
  (url) => visit(() => on.extension.context.newPage(), url),
  (url) => visit(() => off.newPage(), url),
);
