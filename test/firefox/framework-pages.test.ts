// Framework pages in real Firefox (issue 14, "Must show"), as test/browser/framework-pages.test.ts
// does in Chromium: an in-place text update, a React 19 page that hydrates and re-renders, and a
// Lit page (light DOM), each loaded with Crosswire on and off. "Off" is a second Firefox from
// the same launcher with the add-on uninstalled, so both reach the server the same way.
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from '../../src/demo/firefox';
import { demoSite } from '../../src/demo/pages';
import { type NewsServer, startNewsServer } from '../../src/demo/server';
import { DIST, ensureBuilt } from '../ensure-built';
import { CBC_KEY, frameworkPages, type InPage, servedPages, waitForCrosswire } from '../framework-pages';
import { frameworkChecks, type Visit } from '../framework-checks';

const PAGES = await frameworkPages();
let server: NewsServer;
let on: FirefoxWithExtension;
let off: FirefoxWithExtension;

/** Firefox with the built add-on; the pages are all on www.cbc.ca. */
const launch = () =>
  launchFirefoxWithExtension({ extensionDir: join(DIST, 'firefox'), hosts: ['www.cbc.ca'], serverPort: server.port });

beforeAll(async () => {
  ensureBuilt();
  server = await startNewsServer({ ...demoSite().html, ...servedPages(PAGES) });
  [on, off] = await Promise.all([launch(), launch()]);
  await off.browser.uninstallExtension(off.extensionId);
  // The background loads its dictionary on first use: warm it, so Crosswire's first pass on
  // each framework page is done before the page's update comes, as it is for a reader.
  const warm = await visit(on, `https://${CBC_KEY}`);
  await waitForCrosswire(warm.inPage);
  await warm.page.close();
});

afterAll(async () => {
  await on?.close();
  await off?.close();
  await server?.close();
});

/** Opens `url` in a new tab of `firefox`, collecting its errors from the start. */
async function visit(firefox: FirefoxWithExtension, url: string): Promise<Visit> {
  const page = await firefox.browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`page: ${(e as Error).message}`));
  await page.goto(url);
  // Puppeteer types evaluate's argument through its own handle types; ours are plain JSON.
  const inPage: InPage = <A, T>(fn: (arg: A) => T, arg: A) => page.evaluate(fn as (a: unknown) => T, arg) as Promise<T>;
  return { page, inPage, errors };
}

frameworkChecks(
  PAGES,
  (url) => visit(on, url),
  (url) => visit(off, url),
);
