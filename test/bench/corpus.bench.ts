// npm run bench (second part): the corpus in real Chromium, as the extension runs it.
// Loads the built extension, waits for the bundled corpus to be seeded, then measures each
// query (as a runtime message from an extension page, the way the popup and content script
// ask) at 3, 1,000, 10,000 and 100,000 articles, importing a synthetic corpus in between.
// Writes the figures into out/bench.json next to the engine's.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, ensureBuilt } from '../ensure-built';
import { launchWithExtension } from '../../src/demo/chromium';
import { demoSite } from '../../src/demo/pages';
import { startNewsServer } from '../../src/demo/server';
import { mergeResults, type BenchResults } from './results';
import { syntheticArticles } from './synthetic-corpus';
import { SYRIA_TOLL } from '../fixtures/seed-figures';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
};

const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 40);
const SIZES = (process.env.BENCH_CORPUS_SIZES ?? '3,1000,10000,100000').split(',').map(Number);
const IMPORT_BATCH = 500;

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function timed(page: Page, request: unknown, runs: number): Promise<number[]> {
  return page.evaluate(
    async ({ request, runs }) => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const reply = (await chrome.runtime.sendMessage(request)) as { ok: boolean; error?: string };
        times.push(performance.now() - t0);
        if (!reply.ok) throw new Error(reply.error);
      }
      return times;
    },
    { request, runs },
  );
}

const QUERIES: Record<string, unknown> = {
  mentionsOf: { type: 'mentions-of', actorId: 'sergey-lavrov' },
  figuresLike: {
    type: 'figures-like',
    figure: SYRIA_TOLL,
  },
  quotesLike: { type: 'quotes-like', text: 'bear a huge share of responsibility' },
  // Pages are referred to by id: the stored VOA seed, and (below) the CBC page as its tab's content script read it.
  storyMatch: { type: 'story-match', articleId: '' },
  coverageGaps: { type: 'coverage-gaps', articleId: '' },
  // What the popup asks as it opens, besides the story.
  corpusStatus: { type: 'corpus-status' },
  getSettings: { type: 'get-settings' },
  // The story of the page the popup is timed on below, as the popup asks it: the CBC page read
  // in its tab, whose story the background works out once the page is read (page-service.ts).
  // Not a query's cost, so held to no query target: storyMatch is the query.
  storyOfReadPage: { type: 'story-match', articleId: '' },
  // The same page's coverage gaps ("Left out"), read from that story's versions.
  coverageGapsOfReadPage: { type: 'coverage-gaps', articleId: '' },
};

ensureBuilt();
const started = performance.now();
const site = demoSite();
const server = await startNewsServer(site.html);
const extension = await launchWithExtension(join(DIST, 'chrome'), server.chromiumArgs);
const page = await extension.context.newPage();
// The popup is timed for a tab showing the demo CBC article, as a reader would open it.
const article = await extension.context.newPage();
const articleUrl = site.pages.find((p) => p.site === 'CBC News')!.url;
await article.goto(articleUrl);
const [articleTab] = await extension.worker.evaluate((u) => chrome.tabs.query({ url: u }), articleUrl);
const POPUP_RUNS = Number(process.env.BENCH_POPUP_RUNS ?? 10);

/** Open the popup for the article's tab: when it has rendered, and when the story list is shown, from navigation start. */
async function popupTimes(): Promise<{ script: number; rendered: number; read: number; story: number }> {
  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${articleTab!.id}`);
  await popup.waitForFunction(() => performance.getEntriesByName('crosswire:story-shown').length > 0, null, {
    timeout: 30_000,
  });
  const times = await popup.evaluate(() => ({
    script: performance.getEntriesByName('crosswire:popup-script')[0]!.startTime,
    rendered: performance.getEntriesByName('crosswire:popup-rendered')[0]!.startTime,
    read: performance.getEntriesByName('crosswire:page-read')[0]!.startTime,
    story: performance.getEntriesByName('crosswire:story-shown')[0]!.startTime,
  }));
  await popup.close();
  return times;
}
await page.goto(`chrome-extension://${extension.extensionId}/popup.html`);
const status = () =>
  page.evaluate(() => chrome.runtime.sendMessage({ type: 'corpus-status' })) as Promise<{
    ok: boolean;
    value: { articles: number };
  }>;
const seeded = await status();
const seedMs = performance.now() - started;
const ask = (request: unknown) =>
  page.evaluate((r) => chrome.runtime.sendMessage(r), request) as Promise<{ ok: boolean; value: any }>;
const voa = (await ask({ type: 'list-articles', query: 'voanews' })).value.items.find(
  (i: { outlet: { id: string } }) => i.outlet.id === 'voanews.com',
).articleId;
const cbc = (await ask({ type: 'page-of-tab', tabId: articleTab!.id })).value.articleId;
Object.assign(QUERIES, {
  storyMatch: { type: 'story-match', articleId: voa },
  coverageGaps: { type: 'coverage-gaps', articleId: voa },
  storyOfReadPage: { type: 'story-match', articleId: cbc },
  coverageGapsOfReadPage: { type: 'coverage-gaps', articleId: cbc },
});
console.log(
  `seeding: ${seeded.value.articles} bundled articles ready ${seedMs.toFixed(0)} ms after Chromium started (includes the browser's start)`,
);

const results: BenchResults = {};
let have = seeded.value.articles;
let importedMs = 0;
let imported = 0;
for (const size of SIZES) {
  while (have < size) {
    const batch = syntheticArticles(Math.min(IMPORT_BATCH, size - have), have);
    const t0 = performance.now();
    const reply = (await page.evaluate(
      (data) => chrome.runtime.sendMessage({ type: 'import-articles', data, format: 'jsonl' }),
      batch.map((r) => JSON.stringify(r)).join('\n'),
    )) as { ok: boolean; error?: string };
    if (!reply.ok) throw new Error(`import failed: ${reply.error}`);
    importedMs += performance.now() - t0;
    imported += batch.length;
    have += batch.length;
  }
  const line: string[] = [];
  for (const [name, request] of Object.entries(QUERIES)) {
    await timed(page, request, 3); // warm up
    const times = await timed(page, request, RUNS);
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    results[`${name} p50 at ${size}`] = { value: +p50.toFixed(2), unit: 'ms', baseline: null, ratio: null };
    results[`${name} p95 at ${size}`] = { value: +p95.toFixed(2), unit: 'ms', baseline: null, ratio: null };
    line.push(`${name} ${p50.toFixed(1)}/${p95.toFixed(1)}`);
  }
  await popupTimes(); // warm up
  const opened = [];
  for (let i = 0; i < POPUP_RUNS; i++) opened.push(await popupTimes());
  for (const key of ['script', 'rendered', 'read', 'story'] as const) {
    const xs = opened.map((o) => o[key]);
    const name = {
      script: 'popup script started',
      rendered: 'popup rendered',
      read: 'popup page read',
      story: 'popup story shown',
    }[key];
    results[`${name} p50 at ${size}`] = {
      value: +percentile(xs, 50).toFixed(1),
      unit: 'ms',
      baseline: 100,
      ratio: null,
    };
    results[`${name} p95 at ${size}`] = {
      value: +percentile(xs, 95).toFixed(1),
      unit: 'ms',
      baseline: 100,
      ratio: null,
    };
    line.push(`${name} ${percentile(xs, 50).toFixed(0)}/${percentile(xs, 95).toFixed(0)}`);
  }
  console.log(`${size} articles (p50/p95 ms over ${RUNS} runs, popup over ${POPUP_RUNS}): ${line.join(', ')}`);
}
if (imported) {
  results['import throughput'] = {
    value: +(imported / (importedMs / 1000)).toFixed(1),
    unit: 'articles/s',
    baseline: null,
    ratio: null,
  };
  console.log(
    `import: ${imported} articles in ${(importedMs / 1000).toFixed(1)} s (${results['import throughput'].value} articles/s, cleaning and annotating each)`,
  );
}
results['seed ready after start'] = { value: +seedMs.toFixed(0), unit: 'ms', baseline: null, ratio: null };
await extension.close();
await server.close();

mergeResults(results);
