/**
 * Requests a reader is waiting on (a card, the popup, a page's highlighting) go before the
 * background's own long work (a poll, an import). That work writes in short transactions,
 * and before each one it waits here until no such request is in flight: a query then waits
 * for the one write already under way, never for the ones after it. A stream of requests
 * that never pauses holds the work back for `MAX_WAIT_MS` at most, so it still finishes.
 */

const MAX_WAIT_MS = 500;

let inFlight = 0;
let waiting: (() => void)[] = [];
let lastStarted = Number.NEGATIVE_INFINITY;

/** Run a request someone is waiting on, marked as such while it runs. */
export async function asForeground<T>(request: () => Promise<T>): Promise<T> {
  inFlight++;
  lastStarted = performance.now();
  try {
    return await request();
  } finally {
    if (--inFlight === 0) for (const resume of waiting.splice(0)) resume();
  }
}

/**
 * Whether a reader is about: a request they wait on is in flight or started within the last
 * `ms`. A page that starts loading says so first (its `wake`), before it asks for anything.
 */
export const readerSeenWithin = (ms: number): boolean => inFlight > 0 || performance.now() - lastStarted < ms;

/** Resolves when no foreground request is in flight, or after `MAX_WAIT_MS`. */
export function foregroundIdle(maxWaitMs = MAX_WAIT_MS): Promise<void> {
  if (inFlight === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting = waiting.filter((w) => w !== resume);
      resolve();
    }, maxWaitMs);
    const resume = () => {
      clearTimeout(timer);
      resolve();
    };
    waiting.push(resume);
  });
}

// A macrotask, not a microtask: messages already delivered to the worker start first.
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * What the background's long work awaits before each write: a turn for the messages that have
 * arrived, then the end of the requests in flight (or the longest wait).
 */
export async function readerFirst(): Promise<void> {
  await nextTurn();
  await foregroundIdle();
}
