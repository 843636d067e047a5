/**
 * User Timing entries for our own work on the page's thread: a mark when the content script
 * starts, a measure for each stretch of work between two yields, and a mark when the first
 * pass is complete. They cost microseconds and say nothing a page could not see from our
 * highlights; `npm run bench` reads them to report how long we hold the page's thread, as
 * opposed to the wall-clock time spent waiting for the background.
 */
export const TIMING = { start: 'crosswire:start', task: 'crosswire:task', done: 'crosswire:done' } as const;

/** Run one stretch of synchronous work and record it as a task of ours. */
export function timed<T>(what: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    taskSince(start, what);
  }
}

/** Record the work since `start` (a `performance.now()` reading) as a task of ours, `what` saying which. */
export function taskSince(start: number, what: string): void {
  try {
    performance.measure(TIMING.task, { start, end: performance.now(), detail: what });
  } catch {
    // A page may replace `performance`; timing is never worth an error.
  }
}

export function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // As above.
  }
}
