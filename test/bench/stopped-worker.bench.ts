// npm run bench (after the page benches): a page that finds the background stopped, in Chromium. Chrome
// stops an extension's service worker after 30 s without events, so most articles a reader
// opens find it stopped; the page bench measures pages with it running. Here a few pages of
// ../shared/pages load alternately with the worker running and just after it was stopped
// (through the DevTools protocol, as Chrome stops it when idle), and the time from
// DOMContentLoaded to the last highlight is compared, the running worker being the baseline
// of the same run. The local server answers at once, so a page reaches DOMContentLoaded sooner
// than over a network, and the worker has less of the page's load to start in.
import { join } from 'node:path';
import { launchWithExtension } from '../../src/demo/chromium';
import { startNewsServer } from '../../src/demo/server';
import { DIST, ensureBuilt } from '../ensure-built';
import { watchWorker } from '../browser/worker-status';
import { highlightsSettled, type OurRun, PROBE, READ_OURS } from './page-scripts';
import { benchPages, HOST } from './page-set';
import { type BenchResults, mergeResults } from './results';

const PAGES = ['bbc-1', 'guardian-1', 'lemonde-1', 'wapo-1'];
const LOADS = 7;

ensureBuilt();
const all = benchPages();
const pages = Object.fromEntries(Object.entries(all).filter(([key]) => PAGES.some((p) => key.endsWith(`/${p}`))));
if (Object.keys(pages).length === 0) {
  console.log('stopped-worker bench: no pages (../shared/pages is absent); skipped');
  process.exit(0);
}
const server = await startNewsServer(pages);
const extension = await launchWithExtension(join(DIST, 'chrome'), server.chromiumArgs);
const results: BenchResults = {};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
try {
  await extension.context.route(/^https?:\/\//, (route) =>
    new URL(route.request().url()).host === HOST ? route.continue() : route.abort(),
  );
  await extension.context.addInitScript(PROBE);
  const page = await extension.context.newPage();
  const worker = await watchWorker(page);
  const stopWorker = async () => {
    await worker.stopAll();
    const deadline = Date.now() + 10_000;
    while (worker.statuses().some((s) => s !== 'stopped') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    // A reader's worker has been stopped for a while, not for a moment.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  };
  const lastHighlight = async (url: string) => {
    await page.goto(url);
    await page.waitForFunction(highlightsSettled(700), null, { timeout: 60_000 });
    return ((await page.evaluate(READ_OURS)) as OurRun).last;
  };
  for (const key of Object.keys(pages)) {
    const url = `https://${key}`;
    const name = key.split('/').pop()!;
    await lastHighlight(url); // warm-up: the engine built, the page cached
    const running: number[] = [];
    const stopped: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      running.push(await lastHighlight(url));
      await stopWorker();
      stopped.push(await lastHighlight(url));
    }
    const [base, value] = [median(running), median(stopped)];
    results[`stopped worker ${name} last highlight after DOMContentLoaded`] = {
      value: +value.toFixed(1),
      unit: 'ms',
      baseline: +base.toFixed(1),
      ratio: +(value / base).toFixed(2),
    };
    console.log(
      `${name}: DOMContentLoaded → last highlight ${value.toFixed(0)} ms stopped, ${base.toFixed(0)} ms running`,
    );
  }
  mergeResults(results);
} finally {
  await extension.close();
  await server.close();
}
