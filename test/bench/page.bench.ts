// npm run bench (third part): highlighting real pages in Chromium. For each page of
// ../shared/pages and a 2 MB synthetic article: Crosswire's time to first highlight, total
// annotation time and longest task (the extension as shipped, on a news hostname), against,
// in the same run, mark.js's fastest form (markRegExp with one alternation of every
// dictionary alias) and the floor (a TreeWalker over the text nodes plus one RegExp pass).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { defaultDictionary } from '../../src/core/actors/load';
import { launchWithExtension } from '../../src/demo/chromium';
import { articlePage, startNewsServer } from '../../src/demo/server';
import { DIST, ensureBuilt } from '../ensure-built';
import { mergeResults, type BenchResults } from './results';
import { syntheticArticles } from './synthetic-corpus';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const SHARED = new URL('../../../shared/pages/', import.meta.url).pathname;
const files = existsSync(SHARED)
  ? readdirSync(SHARED)
      .filter((f) => f.endsWith('.html'))
      .sort()
  : [];
const HOST = 'www.reuters.com';
const pages: Record<string, string> = Object.fromEntries(
  files.map((f) => [`${HOST}/bench/${f.replace(/\.html$/, '')}`, readFileSync(join(SHARED, f), 'utf8')]),
);
const big = syntheticArticles(900)
  .map((a) => a.text)
  .join('\n\n')
  .split('\n\n');
pages[`${HOST}/bench/synthetic-2mb`] = articlePage({
  title: 'A 2 MB article',
  canonical: `https://${HOST}/bench/synthetic-2mb`,
  published: '2012-03-12',
  paragraphs: [...big, ...big, ...big].slice(0, Math.ceil(2_000_000 / 520)),
});

const markJs = readFileSync(createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'), 'utf8');
const aliases = [...new Set(defaultDictionary().surfaces)].sort((a, b) => b.length - a.length);
const pattern = `(?<![\\p{L}\\p{N}])(?:${aliases.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`;

// Recorded in every page before its scripts: long tasks and when our first highlight appears.
const PROBE = `
  window.__longest = 0; window.__firstMark = null; window.__lastMark = null;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'CROSSWIRE-MARK') { const t = performance.now(); window.__firstMark ??= t; window.__lastMark = t; } }).observe(document, { childList: true, subtree: true });
`;

ensureBuilt();
const server = await startNewsServer(pages);
const extension = await launchWithExtension(join(DIST, 'chrome'), server.chromiumArgs);
await extension.context.route(/^https?:\/\//, (route) =>
  new URL(route.request().url()).host === HOST ? route.continue() : route.abort(),
);
await extension.context.addInitScript(PROBE);
const popup = await extension.context.newPage();
await popup.goto(`chrome-extension://${extension.extensionId}/popup.html`);
const setHighlighting = (on: boolean) =>
  popup.evaluate(
    (off) =>
      chrome.runtime.sendMessage({ type: 'set-settings', settings: { disabledSites: off ? ['www.reuters.com'] : [] } }),
    !on,
  );

async function crosswire(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(
    () => (window as any).__lastMark !== null && performance.now() - (window as any).__lastMark > 700,
    null,
    { timeout: 60_000 },
  );
  return page.evaluate(() => {
    const w = window as any;
    const loaded = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
      .domContentLoadedEventEnd;
    const ourStart = performance.getEntriesByName('crosswire:start')[0]?.startTime ?? NaN;
    const tasks = performance.getEntriesByName('crosswire:task').map((e) => e.duration);
    return {
      // From the page's DOMContentLoaded: what the reader waits for (Chromium injects us at document_idle).
      first: w.__firstMark - loaded,
      total: w.__lastMark - loaded,
      // From our script's start to the last highlight: the annotation itself, background round trip included.
      annotation: w.__lastMark - ourStart,
      // What we hold the page's thread for, summed over our tasks, and our longest task.
      thread: tasks.reduce((a, b) => a + b, 0),
      ourLongest: Math.max(0, ...tasks),
      longest: w.__longest,
      marks: document.querySelectorAll('crosswire-mark').length,
      parts: Object.entries(
        performance.getEntriesByName('crosswire:task').reduce<Record<string, number>>((sum, e) => {
          const what = String((e as PerformanceMeasure).detail);
          sum[what] = (sum[what] ?? 0) + e.duration;
          return sum;
        }, {}),
      )
        .map(([what, ms]) => `${what} ${ms.toFixed(1)}`)
        .join(', '),
    };
  });
}

async function others(page: Page, url: string) {
  await page.goto(url);
  // Wait as long as for our run, so the page's own long tasks are in.
  await page.waitForTimeout(1500);
  const pageOwn = (await page.evaluate(() => (window as any).__longest)) as number;
  await page.addScriptTag({ content: markJs });
  // A string, not a function: tsx would add helpers the page does not have.
  return page
    .evaluate(`(() => {
    const source = ${JSON.stringify(pattern)};
    const re = new RegExp(source, 'gu');
    re.exec('warm up: compile the expression before timing');
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let found = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      re.lastIndex = 0;
      while (re.exec(n.nodeValue || '')) found++;
    }
    const floor = performance.now() - t0;
    const t1 = performance.now();
    let markJsCount = 0;
    new Mark(document.body).markRegExp(new RegExp(source, 'gu'), { done: function (n) { markJsCount = n; } });
    return { floor, markJs: performance.now() - t1, found, markJsCount };
  })()`)
    .then((r) => ({ ...(r as { floor: number; markJs: number; found: number; markJsCount: number }), pageOwn }));
}

const results: BenchResults = {};
console.log(
  'page: Crosswire from DOMContentLoaded: first / last highlight; from our start: annotation (wall) / on the page thread / our longest task; the page’s longest task (and with Crosswire off) | mark.js markRegExp | floor (TreeWalker + one RegExp), all ms',
);
for (const key of Object.keys(pages)) {
  const name = key.split('/').pop()!;
  const url = `https://${key}`;
  await setHighlighting(true);
  const page = await extension.context.newPage();
  const ours = await crosswire(page, url);
  await page.close();
  await setHighlighting(false);
  const plain = await extension.context.newPage();
  const theirs = await others(plain, url);
  await plain.close();
  const f = (n: number) => n.toFixed(n < 10 ? 1 : 0);
  console.log(
    `${name}: ${f(ours.first)} / ${f(ours.total)}; ${f(ours.annotation)} / ${f(ours.thread)} / ${f(ours.ourLongest)}; ${f(ours.longest)} (off: ${f(theirs.pageOwn)}) (${ours.marks} marks) | mark.js ${f(theirs.markJs)} (${theirs.markJsCount} marks) | floor ${f(theirs.floor)}`,
  );
  console.log(`  ours by part: ${ours.parts}`);
  results[`page ${name} annotation, wall`] = {
    value: +ours.annotation.toFixed(1),
    unit: 'ms',
    baseline: +theirs.markJs.toFixed(1),
    ratio: +(theirs.markJs / ours.annotation).toFixed(2),
  };
  results[`page ${name} annotation, page thread`] = {
    value: +ours.thread.toFixed(1),
    unit: 'ms',
    baseline: +theirs.markJs.toFixed(1),
    ratio: +(theirs.markJs / ours.thread).toFixed(2),
  };
  results[`page ${name} page thread vs floor`] = {
    value: +ours.thread.toFixed(1),
    unit: 'ms',
    baseline: +theirs.floor.toFixed(1),
    ratio: +(ours.thread / theirs.floor).toFixed(2),
  };
  results[`page ${name} last highlight after DOMContentLoaded`] = {
    value: +ours.total.toFixed(1),
    unit: 'ms',
    baseline: null,
    ratio: null,
  };
  results[`page ${name} first highlight after DOMContentLoaded`] = {
    value: +ours.first.toFixed(1),
    unit: 'ms',
    baseline: null,
    ratio: null,
  };
  results[`page ${name} longest task of ours`] = {
    value: +ours.ourLongest.toFixed(1),
    unit: 'ms',
    baseline: 50,
    ratio: null,
  };
  results[`page ${name} longest task`] = {
    value: +ours.longest.toFixed(1),
    unit: 'ms',
    baseline: +theirs.pageOwn.toFixed(1),
    ratio: null,
  };
}
await extension.close();
await server.close();
mergeResults(results);
