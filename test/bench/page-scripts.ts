// What the page benchmark runs inside the page, in the page's own world, the same in Chromium
// and Firefox. Scripts are strings, not functions: tsx would add helpers the page lacks.
import { ALIAS_PATTERN } from './page-set';

/**
 * Added before the page's own scripts. It keeps the page's long tasks and the longest (null
 * where the browser has no longtask entries: Firefox), and when our highlights first and last
 * changed.
 * Painted highlights insert nothing into the page, so their ranges in CSS.highlights are
 * counted once a frame, which is when they can appear; highlights wrapped in
 * <crosswire-mark> elements (the builds before painting) are seen as they are inserted.
 */
export const PROBE = `(() => {
  const cw = (window.__crosswireBench = { longest: null, longTasks: null, first: null, last: null });
  if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
    cw.longest = 0;
    cw.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        cw.longest = Math.max(cw.longest, e.duration);
        cw.longTasks.push([e.startTime, e.duration]);
      }
    }).observe({ type: 'longtask', buffered: true });
  }
  const changed = () => { const t = performance.now(); cw.first ??= t; cw.last = t; };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'CROSSWIRE-MARK') changed();
  }).observe(document, { childList: true, subtree: true });
  let ranges = 0;
  const sample = () => {
    let n = 0;
    for (const [name, h] of globalThis.CSS?.highlights ?? []) if (name.startsWith('crosswire-')) n += h.size;
    if (n !== ranges) { ranges = n; changed(); }
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
})()`;

/**
 * True from `ms` after the page's load event: both kinds of load read the page's long tasks
 * then (after our highlights have settled, for a load with Crosswire on), so that each sees
 * the page's tasks over the same stretch of its life.
 */
export const afterLoad = (ms: number) =>
  `(() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd > 0 && performance.now() > n.loadEventEnd + ${ms}; })()`;

/** True once our highlights have stopped changing for `quietMs`. */
export const highlightsSettled = (quietMs: number) =>
  `(() => { const cw = window.__crosswireBench; return cw.last !== null && performance.now() - cw.last > ${quietMs}; })()`;

/** One load of a page with Crosswire on, in milliseconds, from the page's own clock. */
export interface OurRun {
  /** DOMContentLoaded to our first / last highlight: what the reader waits for. */
  first: number;
  last: number;
  /** Our script's start to the last highlight: the annotation, background round trip included. */
  annotation: number;
  /** The sum of our crosswire:task measures: what we hold the page's thread for. */
  thread: number;
  ourLongest: number;
  /** The page's longest task; null where the browser does not report tasks. */
  longest: number | null;
  /**
   * The longest of the page's long tasks that some of our work ran in (a crosswire:task
   * measure overlaps it), 0 when none did: what our work added to the page's long tasks.
   * Null where the browser does not report tasks.
   */
  withOurs: number | null;
  /** Painted ranges, or <crosswire-mark> elements where the build still wraps. */
  highlights: number;
  painted: boolean;
  /** Our thread time by part, e.g. "text map 3.1, highlight 5.0". */
  parts: string;
}

/** Read after our highlights have settled. */
export const READ_OURS = `(() => {
  const cw = window.__crosswireBench;
  const loaded = performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;
  const start = performance.getEntriesByName('crosswire:start')[0]?.startTime ?? NaN;
  const tasks = performance.getEntriesByName('crosswire:task');
  const byPart = {};
  for (const t of tasks) byPart[String(t.detail)] = (byPart[String(t.detail)] ?? 0) + t.duration;
  let ranges = 0;
  for (const [name, h] of globalThis.CSS?.highlights ?? []) if (name.startsWith('crosswire-')) ranges += h.size;
  const marks = document.querySelectorAll('crosswire-mark').length;
  return {
    first: cw.first - loaded,
    last: cw.last - loaded,
    annotation: cw.last - start,
    thread: tasks.reduce((sum, t) => sum + t.duration, 0),
    ourLongest: Math.max(0, ...tasks.map((t) => t.duration)),
    longest: cw.longest,
    withOurs: cw.longTasks && Math.max(0, ...cw.longTasks
      .filter(([at, ms]) => tasks.some((t) => t.startTime < at + ms && t.startTime + t.duration > at))
      .map(([, ms]) => ms)),
    highlights: ranges > 0 ? ranges : marks,
    painted: ranges > 0,
    parts: Object.entries(byPart).map(([what, ms]) => what + ' ' + ms.toFixed(1)).join(', '),
  };
})()`;

/** The page's longest task so far, with Crosswire off; read before the baselines add theirs. */
export const READ_LONGEST = '(() => window.__crosswireBench.longest)()';

/** One run of the baselines on a freshly loaded page, in milliseconds. */
export interface BaselineRun {
  /** A TreeWalker over the text nodes (but those of scripts and styles) and one pass of the alias RegExp over each. */
  floor: number;
  markJs: number;
  found: number;
  markJsCount: number;
}

/**
 * The floor, then mark.js's markRegExp (it wraps what it finds, so the page must be loaded
 * afresh for the next run). Both RegExps are compiled and warmed first, on a detached copy of
 * the page's body: V8 and SpiderMonkey compile a RegExp to machine code only after it has run,
 * and Firefox compiles this one anew in each page, for 100-450 ms. Crosswire's engine pays
 * that once, in the background; the floor must not pay it on every page either. The floor
 * reads the text a reader can see, as mark.js does by default: not the text of scripts and
 * style sheets (one page has 330 kB of CSS in its body).
 */
export const RUN_BASELINES = `(() => {
  const floorRe = new RegExp(${JSON.stringify(ALIAS_PATTERN)}, 'gu');
  const markRe = new RegExp(${JSON.stringify(ALIAS_PATTERN)}, 'gu');
  const unread = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT']);
  const pass = (re, root) => {
    let found = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (unread.has(n.parentNode.nodeName)) continue;
      re.lastIndex = 0;
      while (re.exec(n.nodeValue || '')) found++;
    }
    return found;
  };
  const copy = document.body.cloneNode(true);
  for (const re of [floorRe, markRe, floorRe, markRe]) pass(re, copy);
  markRe.lastIndex = 0;
  const t0 = performance.now();
  const found = pass(floorRe, document.body);
  const floor = performance.now() - t0;
  let markJsCount = 0;
  const t1 = performance.now();
  new Mark(document.body).markRegExp(markRe, { done: (n) => { markJsCount = n; } });
  const markJs = performance.now() - t1;
  // Held until now, so that collecting it cannot land in a timed stretch.
  copy.textContent = '';
  return { floor, markJs, found, markJsCount };
})()`;
