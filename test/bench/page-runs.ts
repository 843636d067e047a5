// The page benchmark's runs, whichever browser drives them: for each page, RUNS loads with
// Crosswire on and RUNS with it off (where the floor and mark.js run on the fresh page),
// alternated so that a busy moment of the machine lands on both; the median of each figure.
// Where the browser can open tabs, RUNS more loads with Crosswire on each open a new tab, as
// a reader opens an article: nothing of ours is compiled or warm in it yet.
import type { BenchResults } from './results';
import {
  afterLoad,
  type BaselineRun,
  highlightsSettled,
  type OurRun,
  READ_LONGEST,
  READ_OURS,
  RUN_BASELINES,
} from './page-scripts';
import { MARK_JS } from './page-set';

export const RUNS = 7;

/** One tab of the browser under test, driven by scripts that run in the page's own world. */
export interface BenchTab {
  load(url: string): Promise<void>;
  evaluate<T>(script: string): Promise<T>;
  addScript(content: string): Promise<void>;
  waitUntil(condition: string, timeoutMs: number): Promise<void>;
}

export interface BenchBrowser {
  /** Which browser, for the log and the results' keys (e.g. "firefox page cnn …"); '' for Chromium. */
  prefix: string;
  tab: BenchTab;
  setHighlighting(on: boolean): Promise<void>;
  /** A new tab, closed after one load; absent where the bench does not measure new tabs. */
  newTab?(): Promise<BenchTab & { close(): Promise<void> }>;
}

async function ourRun(tab: BenchTab, url: string): Promise<OurRun> {
  await tab.load(url);
  await tab.waitUntil(highlightsSettled(700), 60_000);
  await tab.waitUntil(afterLoad(LONG_TASKS_AFTER_LOAD_MS), 60_000);
  return tab.evaluate<OurRun>(READ_OURS);
}

/** How long after its load event a page's long tasks are read, with Crosswire on or off. */
const LONG_TASKS_AFTER_LOAD_MS = 1500;

/** A load with Crosswire off: the page's own longest task, then the baselines. */
type OffRun = BaselineRun & { pageLongest: number | null };

async function offRun(tab: BenchTab, url: string): Promise<OffRun> {
  await tab.load(url);
  // At the same moment of the page's life as a run of ours reads them.
  await tab.waitUntil(afterLoad(LONG_TASKS_AFTER_LOAD_MS), 60_000);
  const pageLongest = await tab.evaluate<number | null>(READ_LONGEST);
  await tab.addScript(MARK_JS);
  return { ...(await tab.evaluate<BaselineRun>(RUN_BASELINES)), pageLongest };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The median of a figure over the runs; null where the browser has none. */
function medianOf<T extends object>(runs: T[], key: keyof T): number | null {
  const values = runs.map((r) => r[key]).filter((v): v is T[keyof T] & number => typeof v === 'number');
  return values.length === runs.length ? median(values) : null;
}

/** A page's figures: the median of each over its runs, and a run of ours at the median thread time. */
interface PageFigures {
  ours: Record<Exclude<keyof OurRun, 'longest' | 'withOurs' | 'painted' | 'parts'>, number>;
  /** The page's longest task with Crosswire on and off; null where the browser reports none. */
  longest: number | null;
  /** The longest of the page's long tasks that our work ran in (0: none did); null as above. */
  withOurs: number | null;
  pageLongest: number | null;
  markJs: number;
  floor: number;
  typical: OurRun;
  off: BaselineRun;
}

function figuresOf(ours: OurRun[], off: OffRun[]): PageFigures {
  const m = (key: keyof PageFigures['ours']) => medianOf(ours, key)!;
  const thread = m('thread');
  return {
    ours: {
      first: m('first'),
      last: m('last'),
      annotation: m('annotation'),
      thread,
      ourLongest: m('ourLongest'),
      highlights: m('highlights'),
    },
    longest: medianOf(ours, 'longest'),
    withOurs: medianOf(ours, 'withOurs'),
    pageLongest: medianOf(off, 'pageLongest'),
    markJs: medianOf(off, 'markJs')!,
    floor: medianOf(off, 'floor')!,
    typical: ours.find((r) => r.thread === thread) ?? ours[0]!,
    off: off[0]!,
  };
}

const f = (n: number | null) => (n === null ? 'n/a' : n.toFixed(n < 10 ? 1 : 0));
const highlightUnit = (run: OurRun) => (run.painted ? 'painted ranges' : 'marks');

function logPage(name: string, figures: PageFigures): void {
  const { ours, longest, withOurs, pageLongest, markJs, floor, typical, off } = figures;
  console.log(
    `${name}: ${f(ours.first)} / ${f(ours.last)}; ${f(ours.annotation)} / ${f(ours.thread)} / ${f(ours.ourLongest)}; ` +
      `${f(longest)} (off: ${f(pageLongest)}; with our work in it: ${f(withOurs)}) ` +
      `(${typical.highlights} ${highlightUnit(typical)}) | ` +
      `mark.js ${f(markJs)} (${off.markJsCount} marks) | floor ${f(floor)} (${off.found} found)`,
  );
  console.log(`  ours by part, in a median run: ${typical.parts}`);
}

const round = (n: number) => +n.toFixed(1);
const timing = (value: number, baseline: number | null = null, ratio: number | null = null) => ({
  value: round(value),
  unit: 'ms',
  baseline: baseline === null ? null : round(baseline),
  ratio: ratio === null ? null : +ratio.toFixed(2),
});

/** A page's figures as out/bench.json keys them: "<who> <name> <what>". */
function pageResults(who: string, name: string, p: PageFigures): BenchResults {
  const key = (what: string) => `${who} ${name} ${what}`;
  const { ours, markJs, floor } = p;
  return {
    [key('annotation, wall')]: timing(ours.annotation, markJs, markJs / ours.annotation),
    [key('annotation, page thread')]: timing(ours.thread, markJs, markJs / ours.thread),
    [key('page thread vs floor')]: timing(ours.thread, floor, ours.thread / floor),
    [key('last highlight after DOMContentLoaded')]: timing(ours.last),
    [key('first highlight after DOMContentLoaded')]: timing(ours.first),
    [key('longest task of ours')]: timing(ours.ourLongest),
    // Firefox reports no long tasks: the figure is left out rather than written as 0.
    ...(p.longest !== null && { [key('longest task')]: timing(p.longest, p.pageLongest) }),
    ...(p.withOurs !== null && { [key('longest task with our work')]: timing(p.withOurs) }),
    [key('highlights')]: { value: ours.highlights, unit: highlightUnit(p.typical), baseline: null, ratio: null },
  };
}

/** Measure each page of `urls` (named by their last path segment) in `browser`, RUNS times on and off. */
export async function measurePages(browser: BenchBrowser, urls: string[]): Promise<BenchResults> {
  const who = browser.prefix ? `${browser.prefix} page` : 'page';
  console.log(
    `${who} (median of ${RUNS} loads each): Crosswire from DOMContentLoaded: first / last highlight; from our start: ` +
      'annotation (wall) / on the page thread / our longest task; the page’s longest task (and with Crosswire off) | ' +
      'mark.js markRegExp | floor (TreeWalker + one RegExp), all ms',
  );
  let results: BenchResults = {};
  for (const url of urls) {
    const name = url.split('/').pop()!;
    const ours: OurRun[] = [];
    const fresh: OurRun[] = [];
    const off: OffRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      await browser.setHighlighting(true);
      ours.push(await ourRun(browser.tab, url));
      if (browser.newTab) {
        const tab = await browser.newTab();
        fresh.push(await ourRun(tab, url));
        await tab.close();
      }
      await browser.setHighlighting(false);
      off.push(await offRun(browser.tab, url));
    }
    const figures = figuresOf(ours, off);
    logPage(name, figures);
    results = { ...results, ...pageResults(who, name, figures) };
    if (fresh.length) {
      const thread = medianOf(fresh, 'thread')!;
      console.log(
        `  in a new tab: ${f(thread)} on the page thread; by part, in a median run: ${(fresh.find((r) => r.thread === thread) ?? fresh[0]!).parts}`,
      );
      results[`${who} ${name} page thread, new tab`] = timing(
        thread,
        figures.ours.thread,
        thread / figures.ours.thread,
      );
    }
  }
  return results;
}
